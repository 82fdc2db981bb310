/**
 * Issue 14's "export failure leaves no batch": `leadbooth export` into places it cannot write
 * (a missing folder; with root on Linux also a read-only disk and a disk that fills up
 * part-way), then counts the batches recorded and the files left behind (goal 0 each), and
 * checks that `--only-new` still takes every lead afterwards.
 */
import fs from 'node:fs';
import path from 'node:path';
import { main } from '../../electron/cli/main';
import { canMountTmpfs, mountTmpfs } from '../support/tmpfs';
import { printFigure } from './stats';

export async function exportFailures(dir: string): Promise<void> {
  const db = path.join(dir, 'export-faults.db');
  const leadbooth = async (...args: string[]) => main(['--db', db, ...args], { stdout: () => {}, stderr: () => {} });
  await leadbooth('staff', 'Bench');
  await leadbooth('events', 'add', 'Export Faults Expo');
  const leads = 40;
  for (let index = 0; index < leads; index++) await leadbooth('leads', 'add', '--json', JSON.stringify({ lastName: `Lead ${index}`, company: 'Acme', notes: 'booth note '.repeat(300) }));

  const places: Array<{ out: string; cleanup: () => void; folder: string }> = [{ out: path.join(dir, 'no-such-folder', 'leads.vcf'), folder: path.join(dir, 'no-such-folder'), cleanup: () => {} }];
  if (canMountTmpfs()) {
    const readOnly = mountTmpfs('64k', { readOnly: true });
    const full = mountTmpfs('64k');
    places.push({ out: path.join(readOnly.mountPoint, 'leads.vcf'), folder: readOnly.mountPoint, cleanup: readOnly.unmount });
    places.push({ out: path.join(full.mountPoint, 'leads.vcf'), folder: full.mountPoint, cleanup: full.unmount });
  }
  let failedAsExpected = 0;
  let filesLeft = 0;
  for (const place of places) {
    try {
      if ((await leadbooth('export', '--format', 'vcard', '--out', place.out, '--only-new')) === 1) failedAsExpected++;
      filesLeft += fs.existsSync(place.folder) ? fs.readdirSync(place.folder).length : 0;
    } finally {
      place.cleanup();
    }
  }
  const batches: string[] = [];
  await main(['--db', db, 'batches', 'list'], { stdout: (line) => batches.push(line), stderr: () => {} });
  const out = path.join(dir, 'leads.vcf');
  const written = (await leadbooth('export', '--format', 'vcard', '--out', out, '--only-new')) === 0 ? fs.readFileSync(out, 'utf8').split('BEGIN:VCARD').length - 1 : 0;
  printFigure('export_failures_tried', places.length, 'count');
  printFigure('export_failures_refused', failedAsExpected, 'count');
  printFigure('export_failure_batches_recorded', batches.length, 'count');
  printFigure('export_failure_files_left', filesLeft, 'count');
  printFigure('export_after_failures_leads_still_new', written, `count (of ${leads})`);
}
