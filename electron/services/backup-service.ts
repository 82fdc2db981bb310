import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { BackupSummary, RestoreResult } from '../../shared/ipc/contracts/backups';
import { AppError } from '../../shared/ipc/errors';
import { migrateToLatest } from '../db/migrate';
import { isDiskFullError } from '../db/disk-full-error';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { ensurePrivateFolder, makeFilesPrivate, PRIVATE_FILE_MODE } from '../security/files/file-permissions';
import type { Clock, StoreHandle } from './service-context';


const BACKUPS_FOLDER_NAME = 'backups';
/** A week of shows, one backup a day. */
export const BACKUPS_KEPT = 7;
const DAY_MS = 24 * 60 * 60 * 1000;
/** leadbooth-2026-11-28T09-30-00-000Z.db, or …-before-restore.db: names sort by time. */
const BACKUP_NAME = /^leadbooth-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)(-[a-z-]+)?\.db$/;
export function backupsFolder(dbPath: string): string {
  return path.join(path.dirname(dbPath), BACKUPS_FOLDER_NAME);
}

/**
 * An online copy of the database (SQLite's backup API: consistent even while the window
 * and the CLI write), as one self-contained file (rollback journal, no -wal beside it),
 * 0600 in a 0700 folder, written under a temporary name and renamed, so a crash mid-backup
 * never leaves a half file that looks like a backup.
 */
export function createBackup(store: StoreHandle, clock: Clock, options: { out?: string | undefined; label?: string } = {}): Promise<BackupSummary> {
  // One backup of a store at a time: the start-up backup and a click on "Back up now" can
  // otherwise start in the same millisecond and write the same file.
  const previous = backupsInFlight.get(store.sqlite) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(() => writeBackup(store, clock, options));
  backupsInFlight.set(store.sqlite, next);
  return next;
}

const backupsInFlight = new WeakMap<BetterSqlite3.Database, Promise<unknown>>();

async function writeBackup(store: StoreHandle, clock: Clock, options: { out?: string | undefined; label?: string }): Promise<BackupSummary> {
  const target = options.out ? path.resolve(options.out) : unusedBackupPath(store.path, clock.now(), options.label);
  if (options.out) fs.mkdirSync(path.dirname(target), { recursive: true });
  else ensurePrivateFolder(path.dirname(target), { ours: true });
  const partial = `${target}${PARTIAL_SUFFIX}`;
  removeStalePartials(path.dirname(target));
  fs.rmSync(partial, { force: true });
  try {
    // Created 0600 before SQLite writes a byte into it: the copy holds everyone's personal data.
    fs.closeSync(fs.openSync(partial, 'wx', PRIVATE_FILE_MODE));
    await store.sqlite.backup(partial);
    const copy = new BetterSqlite3(partial);
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    makeFilesPrivate(partial);
    fsyncFile(partial);
    fs.renameSync(partial, target);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    // SQLite's own text ("database or disk is full") says neither what happened to the data nor what to do.
    if (isDiskFullError(error)) {
      throw new AppError(
        'disk_full',
        `The disk is full: no backup was made and nothing was left half written (${path.dirname(target)}). Free some space, or back up to another disk, and back up again. Your data is unchanged.`,
        undefined,
        { cause: error },
      );
    }
    throw error;
  }
  if (!options.out) pruneBackups(store.path);
  return summarize(target);
}

const PARTIAL_SUFFIX = '.partial';
/** A backup being written by another process now is younger than this; an older one was cut short by a crash or a kill. */
const STALE_PARTIAL_MS = 15 * 60 * 1000;

/** Copies cut short (a crash, a kill, a full disk) hold the whole database: they go at the next backup and at start-up. */
function removeStalePartials(folder: string): void {
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return;
  }
  const now = Date.now();
  for (const name of names) {
    if (!name.endsWith(PARTIAL_SUFFIX)) continue;
    const file = path.join(folder, name);
    try {
      if (now - fs.statSync(file).mtimeMs > STALE_PARTIAL_MS) fs.rmSync(file, { force: true });
    } catch {
      // Gone meanwhile (its backup finished): nothing to clean.
    }
  }
}

/** At start-up: one backup a day at most, and only of a store that holds leads. */
export async function backupIfDue(store: StoreHandle, clock: Clock): Promise<BackupSummary | null> {
  const hasLeads = store.sqlite.prepare('SELECT EXISTS (SELECT 1 FROM leads)').pluck().get() === 1;
  const newest = hasLeads ? listBackups(store.path)[0] : undefined;
  const due = hasLeads && !(newest && clock.now().getTime() - Date.parse(newest.createdAt) < DAY_MS);
  // A backup made now cleans up cut-short copies itself; start-up without one still does.
  if (due) return createBackup(store, clock);
  removeStalePartials(backupsFolder(store.path));
  return null;
}

/** Newest first. */
export function listBackups(dbPath: string): BackupSummary[] {
  const folder = backupsFolder(dbPath);
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return [];
  }
  return names
    .filter((name) => BACKUP_NAME.test(name))
    .sort()
    .reverse()
    .map((name) => summarize(path.join(folder, name)));
}

function pruneBackups(dbPath: string): void {
  for (const old of listBackups(dbPath).slice(BACKUPS_KEPT)) fs.rmSync(old.path, { force: true });
}

export interface CheckedBackup {
  schemaVersion: number;
  leads: number;
}

/**
 * Is this a LeadBooth database we can restore? SQLite, our tables, a schema this version
 * knows (not newer), and integrity_check ok. Nothing is written to the file.
 */
export function checkBackupFile(file: string): CheckedBackup {
  const name = path.basename(file);
  let header: Buffer;
  try {
    header = Buffer.alloc(16);
    const handle = fs.openSync(file, 'r');
    try {
      fs.readSync(handle, header, 0, 16, 0);
    } finally {
      fs.closeSync(handle);
    }
  } catch {
    throw new AppError('not_found', `${name} cannot be read. Check the path and pick the backup file again.`);
  }
  if (header.toString('latin1') !== 'SQLite format 3\0') throw new AppError('invalid_input', `${name} is not a LeadBooth backup (not an SQLite file). Nothing was changed.`);
  let source: BetterSqlite3.Database;
  try {
    source = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  } catch {
    throw new AppError('invalid_input', `${name} cannot be opened as a database. Nothing was changed.`);
  }
  try {
    const version = source.pragma('user_version', { simple: true }) as number;
    const tables = new Set(source.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]);
    if (version < 1 || !['leads', 'events', 'settings'].every((table) => tables.has(table))) {
      throw new AppError('invalid_input', `${name} is an SQLite file but not a LeadBooth database. Nothing was changed.`);
    }
    if (version > LATEST_SCHEMA_VERSION) {
      throw new AppError('database_incompatible', `${name} was written by a newer LeadBooth (schema ${version}; this one knows up to ${LATEST_SCHEMA_VERSION}). Update LeadBooth, then restore it.`);
    }
    const integrity = source.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new AppError('invalid_input', `${name} is damaged (SQLite's integrity check failed). Pick another backup. Nothing was changed.`);
    return { schemaVersion: version, leads: source.prepare('SELECT count(*) FROM leads').pluck().get() as number };
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('invalid_input', `${name} could not be checked (it may be damaged). Pick another backup. Nothing was changed.`, undefined, { cause: error });
  } finally {
    source.close();
  }
}

/**
 * Replaces the store's content with a backup's, online: the file is checked first, the
 * current content is kept as a backup ("…-before-restore"), then SQLite's backup API copies
 * the backup into the open database (the window, browser mode and the CLI see the restored
 * data at their next read; nobody is left holding a deleted file), and an older schema is
 * migrated forward.
 */
export async function restoreBackup(store: StoreHandle, clock: Clock, file: string): Promise<RestoreResult> {
  const checked = checkBackupFile(file);
  const kept = await createBackup(store, clock, { label: 'before-restore' });
  const source = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    await source.backup(store.path);
  } finally {
    source.close();
  }
  await migrateToLatest(store.db);
  makeFilesPrivate(store.path, `${store.path}-wal`, `${store.path}-shm`);
  return { restoredFrom: path.basename(file), keptCurrentAs: kept.name, leads: checked.leads };
}

/** Names sort by time, so a second backup within the same millisecond takes the next one. */
function unusedBackupPath(dbPath: string, time: Date, label: string | undefined): string {
  let stamp = time.getTime();
  for (;;) {
    const candidate = path.join(backupsFolder(dbPath), backupName(new Date(stamp), label));
    if (!fs.existsSync(candidate)) return candidate;
    stamp += 1;
  }
}

function backupName(time: Date, label?: string): string {
  const stamp = time.toISOString().replace(/[:.]/g, '-');
  return `leadbooth-${stamp}${label ? `-${label}` : ''}.db`;
}

function summarize(file: string): BackupSummary & { path: string } {
  const name = path.basename(file);
  const stamp = BACKUP_NAME.exec(name)?.[1];
  const stats = fs.statSync(file);
  const createdAt = stamp ? stamp.replace(/^(\d{4}-\d{2}-\d{2}T\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/, '$1:$2:$3.$4Z') : stats.mtime.toISOString();
  return { name, path: file, createdAt, bytes: stats.size };
}

/** Flushes a file to the disk before it is renamed into place. */
export function fsyncFile(file: string): void {
  const handle = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(handle);
  } finally {
    fs.closeSync(handle);
  }
}
