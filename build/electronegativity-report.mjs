#!/usr/bin/env node
/**
 * Electronegativity (Doyensec's Electron security linter) as a report, not a gate: it is
 * unmaintained since 2024, and not a dependency of the project (it tries the network at
 * run time for translations and Electron's release list, and pulls TypeScript 4.2 and
 * ESLint 7). Install it outside the project, then:
 *
 *   npm install --prefix /tmp/electronegativity @doyensec/electronegativity@1.10.3
 *   ELECTRONEGATIVITY=/tmp/electronegativity/node_modules/.bin/electronegativity node build/electronegativity-report.mjs
 *
 * Scans the sources (electron/) and the build (out/, when built) and prints one line per
 * finding. What the findings of 2026-11-28 mean is in docs/security.md.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const projectDir = fileURLToPath(new URL('..', import.meta.url));
const tool = process.env.ELECTRONEGATIVITY;
if (!tool || !fs.existsSync(tool)) {
  console.error('Set ELECTRONEGATIVITY to the electronegativity executable (see the comment at the top of this file).');
  process.exit(2);
}
const electronVersion = JSON.parse(fs.readFileSync(path.join(projectDir, 'node_modules/electron/package.json'), 'utf8')).version;
const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'electronegativity-'));
let findings = 0;
for (const input of ['electron', 'out']) {
  if (!fs.existsSync(path.join(projectDir, input))) continue;
  const csv = path.join(tempDir, `${input}.csv`);
  spawnSync(tool, ['-i', input, '-e', electronVersion, '-r', '-v', 'false', '-o', csv], { cwd: projectDir, stdio: 'ignore', timeout: 300_000 });
  if (!fs.existsSync(csv)) {
    console.log(`${input}: electronegativity produced no report`);
    continue;
  }
  const rows = fs.readFileSync(csv, 'utf8').trim().split('\n').slice(1);
  for (const row of rows) {
    const [check, severity, confidence, file, location] = row.split(',').map((cell) => cell.replaceAll('"', ''));
    console.log(`${input}: ${check} ${severity}/${confidence} ${file}:${location}`);
  }
  findings += rows.length;
}
fs.rmSync(tempDir, { recursive: true, force: true });
console.log(`electronegativity findings ${findings}`);
