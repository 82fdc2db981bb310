/**
 * Where tesseract.js finds its worker script, its WebAssembly core and the English
 * language data — always local files, never the network.
 *
 * In a packaged Electron app these files are unpacked next to the asar archive
 * (electron-builder `asarUnpack`), because a worker thread and the wasm loader read
 * real files: any path that resolves inside `app.asar` is rewritten to
 * `app.asar.unpacked`.
 */
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';

export interface TesseractPaths {
  /** worker_threads entry of tesseract.js (node flavour). */
  workerPath: string;
  /** Folder of tesseract.js-core (the node worker requires it by package name; kept for diagnostics). */
  corePath: string;
  /** Folder holding eng.traineddata.gz (LSTM "best_int" model). */
  langPath: string;
  /** Writable folder for tesseract.js' unpacked traineddata cache, inside the app's data folder. */
  cachePath: string;
  gzip: true;
}

const require = createRequire(import.meta.url);

/** `/x/app.asar/node_modules/...` → `/x/app.asar.unpacked/node_modules/...` (no-op elsewhere). */
export function unpackedPath(p: string): string {
  return p.replace(/([\\/])app\.asar(?=[\\/]|$)/, '$1app.asar.unpacked');
}

function packageDir(name: string, from: NodeJS.Require = require): string {
  return path.dirname(from.resolve(`${name}/package.json`));
}

/**
 * Resolve the local tesseract.js files. `dataDir` is the app's data folder (never the
 * current directory): the language-data cache goes into `<dataDir>/tesseract-cache`.
 * Throws a clear error when a file is missing (a broken install or packaging), because
 * without a local langPath tesseract.js would try a CDN and crash the process.
 */
export function resolveTesseractPaths(dataDir: string): TesseractPaths {
  if (!dataDir || !path.isAbsolute(dataDir)) {
    throw new Error(`OCR data folder must be an absolute path (got ${JSON.stringify(dataDir)})`);
  }
  const tessDir = unpackedPath(packageDir('tesseract.js'));
  const workerPath = path.join(tessDir, 'src', 'worker-script', 'node', 'index.js');
  // resolve the core the way tesseract.js' worker does: from tesseract.js' own folder
  const tessRequire = createRequire(path.join(packageDir('tesseract.js'), 'package.json'));
  const corePath = unpackedPath(packageDir('tesseract.js-core', tessRequire));
  const langPath = path.join(unpackedPath(packageDir('@tesseract.js-data/eng')), '4.0.0_best_int');
  const cachePath = path.join(dataDir, 'tesseract-cache');

  const missing = [workerPath, corePath, path.join(langPath, 'eng.traineddata.gz')].filter((p) => !fs.existsSync(p));
  if (missing.length) {
    throw new Error(`OCR files missing (reinstall LeadBooth): ${missing.join(', ')}`);
  }
  fs.mkdirSync(cachePath, { recursive: true });
  return { workerPath, corePath, langPath, cachePath, gzip: true };
}
