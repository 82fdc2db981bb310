/**
 * `npm run bench -- faults [TRIALS]`: every figure of issue 9 as `name value unit` lines:
 * concurrency, migrations raced, fuzzing (dispatcher, host, card parser), privacy (forget,
 * EXIF, file modes), backups, a full disk, exports that cannot be written (export-faults.ts),
 * the lock waits of lock-waits.ts (`faults locks`: those alone), and the crash suite
 * (default 50 SIGKILL trials).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import sharp from 'sharp';
import { migrateToLatest } from '../../electron/db/migrate';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../electron/db/migrations';
import { openDatabase } from '../../electron/db/open-database';
import { insertLead } from '../../electron/db/repositories/leads';
import { createDispatcher } from '../../electron/ipc/dispatch';
import { stripPhotoMetadata } from '../../electron/security/images/strip-photo-metadata';
import { checkBackupFile, createBackup, restoreBackup } from '../../electron/services/backup-service';
import { createEvent } from '../../electron/services/events-service';
import { forgetLead } from '../../electron/services/forget-lead-service';
import { FORGET_CLEANUP_RETRY_MS, startForgetCleanupRetry } from '../../electron/services/forget-log-cleanup';
import { createHandlers } from '../../electron/services/handlers';
import { createLead } from '../../electron/services/leads-service';
import { createServiceContext, systemClock } from '../../electron/services/service-context';
import { setStaffName } from '../../electron/services/settings-service';
import { runGatedChildren } from '../support/child-process';
import { runCrashTrials } from '../support/crash-trials';
import { runDispatcherFuzz, runHostFuzz, runParserFuzz } from '../support/fuzz-runs';
import { makeTempDir } from '../support/temp-database';
import { exportFailures } from './export-faults';
import { lockWaits } from './lock-waits';
import { fakeLead } from './fake-leads';
import { printFigure, timeMsAsync } from './stats';

export async function runFaultsBench(args: string[]): Promise<void> {
  const dir = makeTempDir('leadbooth-faults-');
  if (args[0] === 'locks') {
    // Only the lock figures: a minute instead of the crash suite's ten.
    await lockWaits(dir).finally(() => fs.rmSync(dir, { recursive: true, force: true }));
    return;
  }
  const trials = args[0] ? Number(args[0]) : 50;
  try {
    await lockWaits(dir);
    await concurrency(dir);
    await migrationRace(dir);
    await fuzzing();
    await privacy(dir);
    await backups(dir);
    await diskFull(dir);
    await exportFailures(dir);
    const crash = await runCrashTrials(trials);
    process.stdout.write(`kill trials ${crash.trials}, corrupt ${crash.corrupt}, committed leads lost ${crash.lost}\n`);
    printFigure('crash_kill_trials', crash.trials, 'count');
    printFigure('crash_corrupt', crash.corrupt, 'count');
    printFigure('crash_committed_leads_lost', crash.lost, 'count');
    printFigure('crash_leads_reported_saved', crash.saved, 'count');
    printFigure('crash_suite_time', crash.ms / 1000, 's', 1);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function boothStore(file: string) {
  const database = await openDatabase(file);
  const context = createServiceContext(database.db);
  await setStaffName(context, 'Bench');
  const event = await createEvent(context, { name: 'Faults Expo' });
  return { database, context, event };
}

async function concurrency(dir: string): Promise<void> {
  const file = path.join(dir, 'concurrent.db');
  const { database, event } = await boothStore(file);
  await database.close();
  const writers = 4;
  const each = 50;
  const results = await runGatedChildren(writers, dir, (gate) => ['write', file, event.id, String(each), gate]);
  const errors = results.flatMap((result) => result.stdout.split('\n').filter((line) => line.startsWith('error'))).length;
  const check = new BetterSqlite3(file, { readonly: true });
  const rows = check.prepare('SELECT count(*) FROM leads').pluck().get() as number;
  check.close();
  printFigure('concurrent_writer_processes', writers, 'count');
  printFigure('concurrent_leads_written', writers * each, 'count');
  printFigure('concurrent_busy_errors', errors, 'count');
  printFigure('concurrent_leads_missing', writers * each - rows, 'count');
}

async function migrationRace(dir: string): Promise<void> {
  const file = path.join(dir, 'version-1.db');
  const sqlite = new BetterSqlite3(file);
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) });
  await migrateToLatest(db, MIGRATIONS.slice(0, 1));
  await db.destroy();
  const results = await runGatedChildren(3, dir, (gate) => ['open', file, gate]);
  printFigure('migration_race_processes', results.length, 'count');
  printFigure('migration_race_failures', results.filter((result) => result.code !== 0 || result.stdout.trim() !== `version ${LATEST_SCHEMA_VERSION}`).length, 'count');
}

async function fuzzing(): Promise<void> {
  const dispatcher = await runDispatcherFuzz(1000);
  printFigure('fuzz_dispatcher_payloads', dispatcher.payloads, 'count');
  printFigure('fuzz_dispatcher_accepted', dispatcher.accepted.length, 'count');
  printFigure('fuzz_dispatcher_store_changed', dispatcher.storeChanged ? 1 : 0, 'bool');
  printFigure('fuzz_dispatcher_alive_after', dispatcher.aliveAfter ? 1 : 0, 'bool');
  const host = await runHostFuzz(1000);
  printFigure('fuzz_host_requests', host.requests, 'count');
  printFigure('fuzz_host_accepted', host.accepted, 'count');
  printFigure('fuzz_host_files_leaked', host.leaked, 'count');
  printFigure('fuzz_host_server_errors', host.statuses.get(500) ?? 0, 'count');
  printFigure('fuzz_host_store_changed', host.storeChanged ? 1 : 0, 'bool');
  printFigure('fuzz_host_alive_after', host.aliveAfter ? 1 : 0, 'bool');
  const parser = runParserFuzz(1000);
  printFigure('fuzz_parser_cards', parser.cards, 'count');
  printFigure('fuzz_parser_thrown', parser.thrown, 'count');
  printFigure('fuzz_parser_slowest_cpu', parser.slowestCpuMs, 'ms', 1);
  printFigure('fuzz_parser_mean_cpu', parser.meanCpuMs, 'ms', 2);
  printFigure('fuzz_parser_slowest_wall', parser.slowestWallMs, 'ms', 1);
}

async function privacy(dir: string): Promise<void> {
  const file = path.join(dir, 'private', 'leadbooth.db');
  const { database, context } = await boothStore(file);
  const person = { firstName: 'Zephyrine', lastName: 'Quaxleigh', company: 'Vortimax', email: 'zq@vortimax.example', notes: 'pistachiomarzipan' };
  for (let index = 0; index < 200; index++) await createLead(context, { lastName: `Other${index}`, company: 'Vortex' });
  const { lead } = await createLead(context, person);
  // As the app runs it: with the raw connection, so forget's own checkpoint is what is measured.
  const forgetMs = await timeMsAsync(() => forgetLead({ ...context, store: { db: database.db, sqlite: database.sqlite, path: file } }, lead.id));
  printFigure('forget_time', forgetMs, 'ms', 1);
  printFigure('forget_person_strings_left', personStringsIn(file).length, 'count');
  const mode = (name: string) => Number((fs.statSync(name).mode & 0o777).toString(8));
  printFigure('data_folder_mode', mode(path.dirname(file)), 'octal');
  printFigure('database_file_mode', mode(file), 'octal');
  await database.close();
  await forgetWhileAnotherReads(dir);

  const photo = await sharp({ create: { width: 60, height: 40, channels: 3, background: '#c33' } })
    .jpeg()
    .withExif({ IFD0: { Make: 'PhoneCo' }, IFD2: { BodySerialNumber: 'SERIAL-123' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '38/1 42/1 0/1' } })
    .withMetadata({ orientation: 6 })
    .toBuffer();
  const stored = await stripPhotoMetadata(photo);
  const meta = await sharp(stored.bytes).metadata();
  printFigure('photo_metadata_fields_left', [meta.exif, meta.icc, meta.xmp, meta.iptc].filter(Boolean).length + (Buffer.from(stored.bytes).includes('SERIAL-123') ? 1 : 0), 'count');
  printFigure('photo_upright_after_strip', meta.width === 40 && meta.height === 60 ? 1 : 0, 'bool');
}

const PERSON_STRINGS = ['zephyrine', 'quaxleigh', 'vortimax', 'pistachiomarzipan'];

/** The person's words found in the live store files: the database, its -wal and its -shm. */
function personStringsIn(file: string, suffixes = ['', '-wal', '-shm']): string[] {
  const bytes = suffixes
    .map((suffix) => `${file}${suffix}`)
    .filter((name) => fs.existsSync(name))
    .map((name) => fs.readFileSync(name).toString('latin1').toLowerCase())
    .join('\n');
  return PERSON_STRINGS.filter((needle) => bytes.includes(needle));
}

/**
 * Forget while another connection (a second window, the CLI) is in the middle of a read: how
 * long forget takes (the checkpoint must not wait for the reader), what the -wal still holds
 * while the snapshot is held, and what any live file holds once the reader has closed, the
 * app still running and retrying on its own timer (goal 0).
 */
async function forgetWhileAnotherReads(dir: string): Promise<void> {
  const file = path.join(dir, 'forget-reader', 'leadbooth.db');
  const { database, context } = await boothStore(file);
  const store = { db: database.db, sqlite: database.sqlite, path: file };
  const retry = startForgetCleanupRetry(store, context.clock);
  const appContext = { ...context, store };
  for (let index = 0; index < 200; index++) await createLead(context, { lastName: `Other${index}`, company: 'Vortex' });
  const { lead } = await createLead(context, { firstName: 'Zephyrine', lastName: 'Quaxleigh', company: 'Vortimax', notes: 'pistachiomarzipan' });
  const reader = new BetterSqlite3(file);
  reader.exec('BEGIN');
  reader.prepare('SELECT count(*) FROM leads').get();
  let result: Awaited<ReturnType<typeof forgetLead>> | undefined;
  const forgetMs = await timeMsAsync(async () => (result = await forgetLead(appContext, lead.id)));
  const heldInWal = personStringsIn(file, ['-wal']).length;
  reader.exec('COMMIT');
  reader.close();
  const closedAt = performance.now();
  while (personStringsIn(file).length > 0 && performance.now() - closedAt < 4 * FORGET_CLEANUP_RETRY_MS) await new Promise((resolve) => setTimeout(resolve, 50));
  const cleanupMs = performance.now() - closedAt;
  const left = personStringsIn(file).length;
  await retry.close();
  await database.close();
  printFigure('forget_with_reader_time', forgetMs, 'ms', 1);
  printFigure('forget_with_reader_said_pending', result?.cleanupPending ? 1 : 0, 'bool');
  printFigure('forget_with_reader_strings_in_wal_while_held', heldInWal, `of ${PERSON_STRINGS.length}`);
  printFigure('forget_strings_left_after_reader_closed', left, 'count');
  printFigure('forget_cleanup_after_reader_closed', cleanupMs, 'ms', 0);
}

async function backups(dir: string): Promise<void> {
  const file = path.join(dir, 'backups-src', 'leadbooth.db');
  const { database, event } = await boothStore(file);
  const count = 20_000;
  const capturedAt = new Date().toISOString();
  await database.db.transaction().execute(async (trx) => {
    for (let index = 0; index < count; index++) await insertLead(trx, fakeLead(index, event.id, capturedAt));
  });
  const store = { db: database.db, sqlite: database.sqlite, path: file };
  let backup: Awaited<ReturnType<typeof createBackup>> | undefined;
  const backupMs = await timeMsAsync(async () => (backup = await createBackup(store, systemClock)));
  const restoreMs = await timeMsAsync(() => restoreBackup(store, systemClock, backup!.path));
  printFigure('backup_leads', count, 'count');
  printFigure('backup_time', backupMs, 'ms', 0);
  printFigure('backup_size', (backup?.bytes ?? 0) / (1024 * 1024), 'MB', 1);
  printFigure('restore_time', restoreMs, 'ms', 0);
  const bad = path.join(dir, 'bad.db');
  fs.writeFileSync(bad, 'not a database');
  const foreign = path.join(dir, 'foreign.db');
  new BetterSqlite3(foreign).exec('CREATE TABLE x (y)');
  let refused = 0;
  for (const candidate of [bad, foreign, path.join(dir, 'missing.db')]) {
    try {
      checkBackupFile(candidate);
    } catch {
      refused++;
    }
  }
  printFigure('restore_bad_files_refused', refused, 'of 3');
  await database.close();
}

async function diskFull(dir: string): Promise<void> {
  const file = path.join(dir, 'full', 'leadbooth.db');
  const { database, context } = await boothStore(file);
  const dispatch = createDispatcher(createHandlers(context, { version: 'bench', dataPath: file, mode: 'browser' }));
  const pages = database.sqlite.pragma('page_count', { simple: true }) as number;
  database.sqlite.pragma(`max_page_count = ${pages + 60}`);
  let saved = 0;
  let code = '';
  for (; saved < 1000; saved++) {
    const result = await dispatch('leads.create', { lastName: `Filler${saved}`, notes: 'x'.repeat(20_000) });
    if (!result.ok) {
      code = result.error.code;
      break;
    }
  }
  const intact = database.sqlite.pragma('integrity_check', { simple: true }) === 'ok';
  database.sqlite.pragma('max_page_count = 1073741823');
  const after = await dispatch('leads.create', { lastName: 'AfterSpace' });
  printFigure('disk_full_saves_before_full', saved, 'count');
  printFigure('disk_full_refused_as_disk_full', code === 'disk_full' ? 1 : 0, 'bool');
  printFigure('disk_full_integrity_ok', intact ? 1 : 0, 'bool');
  printFigure('disk_full_saves_after_space_back', after.ok ? 1 : 0, 'bool');
  await database.close();
  await realFullDisk(dir);
}

/** The same on a real 1 MB tmpfs (Linux, as root): the file system itself says ENOSPC. */
async function realFullDisk(dir: string): Promise<void> {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) {
    printFigure('disk_full_tmpfs_checked', 0, 'bool (needs root on Linux)');
    return;
  }
  const mountPoint = path.join(dir, 'tmpfs');
  fs.mkdirSync(mountPoint);
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m,mode=0700', 'tmpfs', mountPoint], { stdio: 'ignore' });
  } catch {
    printFigure('disk_full_tmpfs_checked', 0, 'bool (mount refused)');
    return;
  }
  try {
    const ballast = path.join(mountPoint, 'ballast.bin');
    fs.writeFileSync(ballast, Buffer.alloc(256 * 1024));
    const file = path.join(mountPoint, 'leadbooth.db');
    const { database, context } = await boothStore(file);
    const dispatch = createDispatcher(createHandlers(context, { version: 'bench', dataPath: file, mode: 'browser' }));
    let saved = 0;
    let code = '';
    for (; saved < 1000; saved++) {
      const result = await dispatch('leads.create', { lastName: `Filler${saved}`, notes: 'x'.repeat(20_000) });
      if (!result.ok) {
        code = result.error.code;
        break;
      }
    }
    fs.rmSync(ballast);
    const after = await dispatch('leads.create', { lastName: 'AfterSpace' });
    const intact = database.sqlite.pragma('integrity_check', { simple: true }) === 'ok';
    const present = database.sqlite.prepare('SELECT count(*) FROM leads').pluck().get() === saved + (after.ok ? 1 : 0);
    await database.close();
    printFigure('disk_full_tmpfs_checked', 1, 'bool');
    printFigure('disk_full_tmpfs_saves_before_full', saved, 'count');
    printFigure('disk_full_tmpfs_refused_as_disk_full', code === 'disk_full' ? 1 : 0, 'bool');
    printFigure('disk_full_tmpfs_saves_after_space_back', after.ok ? 1 : 0, 'bool');
    printFigure('disk_full_tmpfs_integrity_ok', intact && present ? 1 : 0, 'bool');
  } finally {
    execFileSync('umount', ['-l', mountPoint], { stdio: 'ignore' });
  }
}

