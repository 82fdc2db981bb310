#!/usr/bin/env node
// Opens exported CSVs in a real spreadsheet — LibreOffice Calc, headless — and checks that
// no cell became a formula (CSV injection, README "Exports"). Not part of `npm test`:
// LibreOffice is a large install (Debian: apt-get install libreoffice-calc-nogui).
//
//   node test/tools/check-csv-in-libreoffice.mjs FILE.csv...
//
// Each file is converted to a flat OpenDocument spreadsheet (.fods, plain XML) with
// `libreoffice --headless --convert-to fods`; a cell Calc read as a formula carries a
// `table:formula` attribute there. A number or phone number (`+49 30 1234567`) goes out
// untouched by design (README "Exports"), as is an email like `-info@acme.example`, and Calc
// may read such a cell as a formula: one that is only a number/phone number (digits, spaces
// and `+ - ( ) . /`) or a plain email calls nothing and is reported, not failed — the same rule
// as electron/exchange/csv-cell.ts.
// Exit code 0 when no cell became a formula that could call something, 1 otherwise.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const files = process.argv.slice(2);
if (files.length === 0) {
  process.stderr.write('usage: node test/tools/check-csv-in-libreoffice.mjs FILE.csv...\n');
  process.exit(2);
}
const binary = ['libreoffice', 'soffice'].find((name) => {
  try {
    execFileSync(name, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
});
if (!binary) {
  process.stderr.write('LibreOffice is not installed (Debian/Ubuntu: apt-get install -y libreoffice-calc-nogui).\n');
  process.exit(2);
}

const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'leadbooth-calc-'));
// A profile of its own, so a LibreOffice the person has open is not disturbed.
const profile = `-env:UserInstallation=file://${path.join(outDir, 'profile')}`;
let failed = false;
try {
  for (const file of files) {
    // Filter options: comma separated, '"' quotes, UTF-8 (76), first line 1, "detect special numbers" off.
    execFileSync(binary, [profile, '--headless', '--infilter=CSV:44,34,76,1', '--convert-to', 'fods', '--outdir', outDir, path.resolve(file)], {
      stdio: 'ignore',
      timeout: 120_000,
    });
    const fods = path.join(outDir, `${path.basename(file, path.extname(file))}.fods`);
    const xml = fs.readFileSync(fods, 'utf8');
    const formulas = [...xml.matchAll(/table:formula="([^"]*)"/g)].map((match) => match[1]);
    // "of:=+49 30 1234567": the namespace, "=", then the cell's text.
    const arithmetic = (formula) => {
      const text = formula.replace(/^(of:)?=/, '').replaceAll('&amp;', '&');
      return /^[0-9 +\-().\/]*$/.test(text) || /^[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}$/.test(text);
    };
    const dangerous = formulas.filter((formula) => !arithmetic(formula));
    const cells = (xml.match(/<table:table-cell\b/g) ?? []).length;
    if (dangerous.length > 0) {
      failed = true;
      process.stdout.write(`${file}: ${dangerous.length} cell(s) became formulas: ${dangerous.slice(0, 5).join(' | ')}\n`);
    } else {
      const numbers = formulas.length > 0 ? ` (${formulas.length} number(s) or email(s) read as a formula that calls nothing)` : '';
      process.stdout.write(`${file}: ${cells} cells, no formula${numbers}\n`);
    }
  }
} finally {
  fs.rmSync(outDir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
