/**
 * A second (third, fourth…) LeadBooth process for the concurrency and crash tests: the
 * real store code in a real process, run with `node electron/cli/run-ts.mjs test/support/store-child.ts MODE …`.
 *
 *   write FILE EVENT_ID COUNT GATE   create COUNT leads and edit each (a read-then-write
 *                                    transaction); prints `span FIRST_MS LAST_MS`, `done SAVED FAILED`
 *                                    and one `error CODE MESSAGE` line per failure
 *   open FILE GATE                   open (and so migrate) the file; prints `version N`
 *   write-forever FILE EVENT_ID      add leads until killed; prints `saved ID` after each commit
 *   hold FILE MS                     another program holding the write lock: BEGIN IMMEDIATE, prints
 *                                    `holding`, commits after MS milliseconds, prints `released`
 *   import-then-killed FILE CSV      import CSV as the app does (its store at hand, so a large file's
 *                                    checkpoint goes to a worker), print `imported ADDED` and kill
 *                                    itself (SIGKILL) as soon as the import has returned
 *
 * GATE is a path: each process writes GATE.ready-PID once it is set up, then waits until
 * GATE itself exists. The parent creates it when every process is ready, so their work
 * really overlaps however slowly tsx starts each of them on a busy machine.
 */
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { openDatabase } from '../../electron/db/open-database';
import { importFile } from '../../electron/services/import-service';
import { createLead, updateLead } from '../../electron/services/leads-service';
import { createServiceContext } from '../../electron/services/service-context';

export async function main(args: string[]): Promise<number> {
  const [mode, file, ...rest] = args;
  if (!file) throw new Error('usage: store-child MODE FILE …');
  switch (mode) {
    case 'write':
      return writeLeads(file, rest[0]!, Number(rest[1]), rest[2]!);
    case 'open': {
      await passGate(rest[0]!);
      const database = await openDatabase(file);
      process.stdout.write(`version ${String(database.sqlite.pragma('user_version', { simple: true }))}\n`);
      await database.close();
      return 0;
    }
    case 'write-forever':
      return writeForever(file, rest[0]!);
    case 'hold':
      return holdWriteLock(file, Number(rest[0]));
    case 'import-then-killed':
      return importThenKilled(file, rest[0]!);
    default:
      throw new Error(`unknown mode ${String(mode)}`);
  }
}

async function writeLeads(file: string, eventId: string, count: number, gate: string): Promise<number> {
  const database = await openDatabase(file);
  const context = createServiceContext(database.db);
  await passGate(gate);
  const first = Date.now();
  let saved = 0;
  let failed = 0;
  for (let index = 0; index < count; index++) {
    try {
      const { lead } = await createLead(context, { firstName: `Writer${process.pid}`, lastName: `Number${index}`, eventId, capturedBy: 'Child' });
      await updateLead(context, lead.id, { notes: `edited by ${process.pid}` });
      saved++;
    } catch (error) {
      failed++;
      const code = (error as { code?: string }).code ?? 'unknown';
      process.stdout.write(`error ${code} ${(error as Error).message.replace(/\n/g, ' ')}\n`);
    }
  }
  process.stdout.write(`span ${first} ${Date.now()}\n`);
  process.stdout.write(`done ${saved} ${failed}\n`);
  await database.close();
  return failed === 0 ? 0 : 1;
}

async function writeForever(file: string, eventId: string): Promise<number> {
  const database = await openDatabase(file);
  const context = createServiceContext(database.db);
  process.stdout.write('ready\n');
  for (let index = 0; ; index++) {
    const { lead } = await createLead(context, { firstName: 'Crash', lastName: `Test${index}`, company: 'Durable Ltd', eventId, capturedBy: 'Child' });
    // Written only once the commit returned: this is the promise "saved" makes to the person at the booth.
    process.stdout.write(`saved ${lead.id}\n`);
  }
}

async function holdWriteLock(file: string, ms: number): Promise<number> {
  const sqlite = new BetterSqlite3(file);
  sqlite.exec('BEGIN IMMEDIATE');
  process.stdout.write('holding\n');
  await new Promise((resolve) => setTimeout(resolve, ms));
  sqlite.exec('COMMIT');
  sqlite.close();
  process.stdout.write('released\n');
  return 0;
}

async function importThenKilled(file: string, csvPath: string): Promise<number> {
  const database = await openDatabase(file);
  const context = createServiceContext(database.db, { store: { db: database.db, sqlite: database.sqlite, path: database.path } });
  const summary = await importFile(context, { fileName: path.basename(csvPath), bytes: fs.readFileSync(csvPath) });
  // Synchronous on a pipe: the line is out before the kill.
  process.stdout.write(`imported ${summary.added}\n`);
  process.kill(process.pid, 'SIGKILL');
  return 1;
}

async function passGate(gate: string): Promise<void> {
  fs.writeFileSync(`${gate}.ready-${process.pid}`, '');
  while (!fs.existsSync(gate)) await new Promise((resolve) => setTimeout(resolve, 5));
}
