/**
 * What in the packaged app must be a real file outside app.asar, and the check that
 * electron-builder.yml's `asarUnpack` unpacks exactly that (used by build/pack-smoke.mjs and
 * test/build/asar-unpack.test.ts).
 *
 * Whatever is unpacked is outside Electron's asar integrity check (the
 * EnableEmbeddedAsarIntegrityValidation fuse covers app.asar only), so only what cannot be
 * read from the archive goes out:
 * - native addons (`.node`): the operating system loads them, from a real file;
 * - the shared libraries an addon links to by a path relative to itself (sharp's libvips,
 *   onnxruntime-node's runtime);
 * - the OCR worker thread's script and every module it requires: tesseract-paths.ts starts
 *   it from app.asar.unpacked, and Node resolves its requires from there, never from the
 *   archive;
 * - the WebAssembly OCR core, read by that worker;
 * - the OCR language data (`.traineddata.gz`), read by path and copied by the worker.
 * Main-process JavaScript (better-sqlite3's and sharp's wrappers, tesseract.js' createWorker)
 * stays in the archive, checked.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { createRequire, isBuiltin } = require('node:module');
// electron-builder's own glob and YAML readers (app-builder-lib's dependencies), so the
// patterns mean here exactly what they mean when packing.
const builderRequire = createRequire(require.resolve('app-builder-lib/package.json'));
const { Minimatch } = builderRequire('minimatch');

/** The worker script tesseract.js starts (electron/ocr/engine/tesseract-paths.ts). */
const WORKER_ENTRY = 'node_modules/tesseract.js/src/worker-script/node/index.js';
/**
 * Required by the worker only where something is missing that Electron's Node has:
 * `global.fetch || require('node-fetch')` (fetch is global since Node 18; Electron 45 runs Node 22).
 */
const NOT_LOADED_IN_ELECTRON = new Set(['node-fetch']);

const NATIVE_ADDON = /\.node$/;
/** libvips and its Windows DLLs, next to or beside sharp's addon (@img/sharp-*); the ONNX runtime beside its addon. */
const SHARED_LIBRARY = /\.(so(\.\d+)*|dylib|dll)$/;
const LINKED_LIBRARY_DIRS = /^node_modules\/(@img\/|onnxruntime-node\/bin\/)/;
const WEBASSEMBLY = /\.wasm$/;
const LANGUAGE_DATA = /\.traineddata(\.gz)?$/;

const toPosix = (file) => file.split(path.sep).join('/');

/** `require('x')` calls with a literal name: the worker's own code has no other kind. */
function literalRequires(source) {
  return [...source.matchAll(/require\(\s*['"]([^'"]+)['"]\s*\)/g)].map((match) => match[1]);
}

/** The package.json a file belongs to (Node reads it to resolve the package and its module type). */
function owningPackageJson(projectDir, file) {
  for (let dir = path.dirname(file); dir.startsWith(projectDir) && dir !== projectDir; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'package.json');
    if (fs.existsSync(candidate)) return candidate;
  }
  return null;
}

/**
 * The worker script and every file it loads (its requires followed to the end), with the
 * package.json of each package among them, relative to the project.
 */
function workerFiles(projectDir) {
  const seen = new Set();
  const queue = [path.join(projectDir, WORKER_ENTRY)];
  while (queue.length > 0) {
    const file = queue.pop();
    if (seen.has(file)) continue;
    seen.add(file);
    if (!/\.(c?js)$/.test(file)) continue;
    const requireFrom = createRequire(file);
    for (const name of literalRequires(fs.readFileSync(file, 'utf8'))) {
      if (isBuiltin(name) || NOT_LOADED_IN_ELECTRON.has(name)) continue;
      queue.push(requireFrom.resolve(name));
    }
  }
  const files = new Set();
  for (const file of seen) {
    files.add(toPosix(path.relative(projectDir, file)));
    const packageJson = owningPackageJson(projectDir, file);
    if (packageJson) files.add(toPosix(path.relative(projectDir, packageJson)));
  }
  return [...files].sort();
}

/** The folder of a dependency as Node finds it from `fromDir` (package.json may be hidden by "exports"). */
function findPackageDir(name, fromDir, projectDir) {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (fs.existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (dir === projectDir || dir === path.dirname(dir)) return null;
  }
}

/** Every installed package the app ships: the dependencies of package.json, followed (optional ones where installed). */
function productionPackageDirs(projectDir) {
  const dirs = new Set();
  const queue = [projectDir];
  while (queue.length > 0) {
    const dir = queue.pop();
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
    for (const name of Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies })) {
      const found = findPackageDir(name, dir, projectDir);
      if (found && !dirs.has(found)) {
        dirs.add(found);
        queue.push(found);
      }
    }
  }
  return [...dirs];
}

function listFiles(root) {
  const files = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) files.push(full);
    }
  };
  walk(root);
  return files;
}

/** The files of the shipped packages, relative to the project (each once, nested packages included). */
function shippedPackageFiles(projectDir) {
  const files = new Set();
  for (const dir of productionPackageDirs(projectDir)) {
    for (const file of listFiles(dir)) files.add(toPosix(path.relative(projectDir, file)));
  }
  return [...files].sort();
}

/** Why a file may be unpacked, or null when it belongs in the checked archive. */
function realFileReason(file, workerSet) {
  if (NATIVE_ADDON.test(file)) return 'native addon';
  if (SHARED_LIBRARY.test(file) && file.startsWith('node_modules/@img/')) return "libvips, linked by sharp's addon";
  if (SHARED_LIBRARY.test(file) && LINKED_LIBRARY_DIRS.test(file)) return "the ONNX runtime, loaded by onnxruntime-node's addon";
  if (workerSet.has(file)) return 'loaded by the OCR worker thread';
  if (WEBASSEMBLY.test(file) && file.startsWith('node_modules/tesseract.js-core/')) return 'OCR core (wasm)';
  if (LANGUAGE_DATA.test(file)) return 'OCR language data';
  return null;
}

/**
 * The files the app loads at run time that must be real files: every native addon and
 * libvips library shipped, the worker's files, the wasm core, the language data the app
 * reads (the best_int models; electron-builder.yml leaves the float ones out).
 */
function mustBeRealFiles(projectDir, shipped = shippedPackageFiles(projectDir), workers = workerFiles(projectDir)) {
  const workerSet = new Set(workers);
  const needed = shipped.filter(
    (file) =>
      NATIVE_ADDON.test(file) ||
      (SHARED_LIBRARY.test(file) && LINKED_LIBRARY_DIRS.test(file)) ||
      (WEBASSEMBLY.test(file) && file.startsWith('node_modules/tesseract.js-core/')) ||
      /^node_modules\/@tesseract\.js-data\/[^/]+\/4\.0\.0_best_int\/[^/]+\.traineddata\.gz$/.test(file),
  );
  return [...new Set([...needed, ...workerSet])].sort();
}

/** electron-builder's reading of a pattern list (app-builder-lib fileMatcher/filter): in order, `!` excludes. */
function unpackMatcher(patterns) {
  const parsed = [];
  for (const pattern of patterns) {
    const glob = new Minimatch(pattern, { dot: true });
    parsed.push(glob);
    const hasMagic = glob.set.some((parts) => parts.some((part) => typeof part !== 'string'));
    // Like electron-builder: a plain folder name (no dot, no glob) means everything under it.
    if (!pattern.includes('.') && !hasMagic) parsed.push(new Minimatch(`${pattern}/**/*`, { dot: true }));
  }
  return (file) => {
    let match = false;
    for (const glob of parsed) {
      if (match !== glob.negate) continue;
      match = glob.match(file);
    }
    return match;
  };
}

/** Reads `asar` and `asarUnpack` from electron-builder.yml. */
function readBuilderConfig(projectDir) {
  const yaml = builderRequire('js-yaml');
  return yaml.load(fs.readFileSync(path.join(projectDir, 'electron-builder.yml'), 'utf8'));
}

/**
 * The check without packing: each file the patterns would unpack is of a kind that must be
 * real, every file that must be real is unpacked, and electron-builder's own guess
 * (smartUnpack: whole packages that hold a native file, their JavaScript too) is off.
 * Returns the problems, one line each (none: the configuration is right).
 */
function checkAsarUnpackConfig(projectDir, config = readBuilderConfig(projectDir), files = {}) {
  const problems = [];
  const patterns = [config.asarUnpack ?? []].flat();
  const asar = config.asar;
  if (asar === false) return ['asar is off: nothing of the app is integrity-checked'];
  if (typeof asar !== 'object' || asar === null || asar.smartUnpack !== false) {
    problems.push('asar.smartUnpack is not false: electron-builder then unpacks every package holding a native file whole, its JavaScript too');
  }
  const shipped = files.shipped ?? shippedPackageFiles(projectDir);
  const workers = files.workers ?? workerFiles(projectDir);
  const workerSet = new Set(workers);
  const unpacked = unpackMatcher(patterns);
  for (const pattern of patterns.filter((candidate) => !candidate.startsWith('!'))) {
    // What this pattern unpacks once the list's exclusions have had their say.
    const one = unpackMatcher([pattern]);
    const wrong = shipped.filter((file) => one(file) && unpacked(file) && realFileReason(file, workerSet) === null);
    if (wrong.length > 0) {
      problems.push(`asarUnpack "${pattern}" takes ${wrong.length} file(s) out of the integrity check that need not be real files, e.g. ${wrong.slice(0, 3).join(', ')}`);
    }
  }
  const missing = mustBeRealFiles(projectDir, shipped, workers).filter((file) => !unpacked(file));
  if (missing.length > 0) problems.push(`not unpacked, but loaded as a real file at run time: ${missing.join(', ')}`);
  return problems;
}

/**
 * The same on what electron-builder really produced: `unpackedFiles` are the paths under
 * app.asar.unpacked, `archiveEntries` every path app.asar lists (unpacked ones included),
 * both posix and relative. What electron-builder leaves out of the app altogether (build
 * intermediates such as better-sqlite3's obj.target) is not asked for. Returns the problems,
 * one line each.
 */
function checkUnpackedFolder(projectDir, unpackedFiles, archiveEntries) {
  const workers = workerFiles(projectDir);
  const workerSet = new Set(workers);
  const present = new Set(unpackedFiles);
  const problems = [];
  const extra = unpackedFiles.filter((file) => realFileReason(file, workerSet) === null);
  if (extra.length > 0) problems.push(`${extra.length} unpacked file(s) need not be real files: ${extra.slice(0, 5).join(', ')}${extra.length > 5 ? ', …' : ''}`);
  const shipped = new Set([...archiveEntries, ...unpackedFiles]);
  const missing = mustBeRealFiles(projectDir, undefined, workers).filter((file) => shipped.has(file) && !present.has(file));
  if (missing.length > 0) problems.push(`not unpacked, but loaded as a real file at run time: ${missing.join(', ')}`);
  return problems;
}

module.exports = { checkAsarUnpackConfig, checkUnpackedFolder, mustBeRealFiles, readBuilderConfig, shippedPackageFiles, unpackMatcher, workerFiles, WORKER_ENTRY };
