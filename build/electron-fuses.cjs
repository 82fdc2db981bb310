// The Electron fuses LeadBooth ships with, and how to flip and check them. Used by the
// afterPack hook (build/after-pack.cjs) and by `npm run pack:smoke`.
//
// Fuses are switches compiled into the Electron binary; flipping them before signing
// turns features off for good, whatever the environment or command line says:
// - RunAsNode off: ELECTRON_RUN_AS_NODE cannot turn the signed app into a plain Node.js
//   interpreter that runs any script with the app's privileges.
// - NODE_OPTIONS off, --inspect off: no code injected through the environment, no debugger
//   attached to the main process, which holds the whole lead database.
// - OnlyLoadAppFromAsar on, embedded asar integrity on: the app code is read only from
//   app.asar, and (macOS, Windows) only if its hash matches the one in the signed binary.
// - Cookie encryption on, file:// extra privileges off: we load app://, never file://.
'use strict';
const { FuseV1Options, FuseVersion, flipFuses, getCurrentFuseWire } = require('@electron/fuses');

// The bytes of a fuse's state in the wire (@electron/fuses 1.8 does not export its FuseState).
const FuseState = { DISABLE: 48, ENABLE: 49, REMOVED: 114 };

const LEADBOOTH_FUSES = {
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
};

/** The file that holds the fuse wire inside a packed app (what @electron/fuses expects). */
function electronBinary({ appOutDir, platform, productFilename, executableName }) {
  if (platform === 'darwin' || platform === 'mas') return `${appOutDir}/${productFilename}.app`;
  if (platform === 'win32') return `${appOutDir}/${productFilename}.exe`;
  return `${appOutDir}/${executableName}`;
}

async function setLeadBoothFuses(binary, { resetAdHocDarwinSignature = false } = {}) {
  await flipFuses(binary, { version: FuseVersion.V1, resetAdHocDarwinSignature, ...LEADBOOTH_FUSES });
  const problems = await checkLeadBoothFuses(binary);
  if (problems.length > 0) throw new Error(`Electron fuses not as intended in ${binary}: ${problems.join('; ')}`);
}

/** Each fuse that is not as LEADBOOTH_FUSES says, in words; empty when all are. */
async function checkLeadBoothFuses(binary) {
  const wire = await getCurrentFuseWire(binary);
  const problems = [];
  for (const [index, wanted] of Object.entries(LEADBOOTH_FUSES)) {
    const state = wire[index];
    const expected = wanted ? FuseState.ENABLE : FuseState.DISABLE;
    if (state === undefined || state === FuseState.REMOVED) continue; // not in this Electron: nothing to flip
    if (state !== expected) problems.push(`${FuseV1Options[index]} is ${state === FuseState.ENABLE ? 'on' : 'off'}, want ${wanted ? 'on' : 'off'}`);
  }
  return problems;
}

module.exports = { LEADBOOTH_FUSES, electronBinary, setLeadBoothFuses, checkLeadBoothFuses };
