// electron-builder afterPack hook: flips LeadBooth's Electron fuses in the packed app,
// before it is signed (flipping after signing would break the signature). See electron-fuses.cjs.
'use strict';
const { electronBinary, setLeadBoothFuses } = require('./electron-fuses.cjs');

exports.default = async function afterPack(context) {
  const binary = electronBinary({
    appOutDir: context.appOutDir,
    platform: context.electronPlatformName,
    productFilename: context.packager.appInfo.productFilename,
    executableName: context.packager.executableName,
  });
  // Apple Silicon refuses to run a binary whose ad-hoc signature no longer matches its bytes.
  const resetAdHocDarwinSignature = context.electronPlatformName === 'darwin' && context.arch === 3; // Arch.arm64
  await setLeadBoothFuses(binary, { resetAdHocDarwinSignature });
  console.log(`  • Electron fuses set in ${binary}`);
};
