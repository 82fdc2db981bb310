#!/usr/bin/env node
// `npm start`: build the app, then open it in Electron; where the Electron binary is not
// installed (and cannot be fetched, as on offline machines and CI) start browser mode.
//   npm start                 Electron, or browser mode as a fallback
//   npm start -- --browser    browser mode straight away
//   npm start -- --db FILE --port N    passed on to browser mode
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const forceBrowser = args.includes('--browser');
const passOn = args.filter((arg) => arg !== '--browser');

function run(command, commandArgs) {
  return spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit' }).status ?? 1;
}

/** Electron ≥ 42 fetches its binary on first use; we ask once, quietly, and fall back if it cannot. */
function electronBinary() {
  const electronDir = path.join(root, 'node_modules', 'electron');
  const binaryPath = () => {
    const pathFile = path.join(electronDir, 'path.txt');
    if (!fs.existsSync(pathFile)) return null;
    const binary = path.join(electronDir, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
    return fs.existsSync(binary) ? binary : null;
  };
  if (binaryPath()) return binaryPath();
  if (!fs.existsSync(path.join(electronDir, 'install.js'))) return null;
  spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { cwd: root, stdio: 'ignore', timeout: 180_000 });
  return binaryPath();
}

if (run(process.execPath, [path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build']) !== 0) {
  console.error('leadbooth: the build failed (see above); fix it and run "npm start" again.');
  process.exit(1);
}

const binary = forceBrowser ? null : electronBinary();
let child;
if (binary) {
  child = spawn(binary, ['.'], { cwd: root, stdio: 'inherit' });
} else {
  if (!forceBrowser) {
    console.log('The Electron binary is not installed on this machine (it could not be downloaded), so LeadBooth starts in browser mode.');
  }
  child = spawn(process.execPath, [path.join(root, 'electron', 'cli', 'bin.mjs'), 'serve', ...passOn], { cwd: root, stdio: 'inherit' });
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
