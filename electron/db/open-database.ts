import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely } from 'kysely';
import { AppError } from '../../shared/ipc/errors';
import { defaultDataDir } from '../data-location';
import { databaseFiles, ensurePrivateFolder, makeFilesPrivate, PRIVATE_FILE_MODE, PRIVATE_FOLDER_MODE } from '../security/files/file-permissions';
import { LATEST_SCHEMA_VERSION } from './migrations';
import { migrateToLatest } from './migrate';
import { buildOwedIndexes } from './owed-indexes';
import { workAfterCommitDone } from './after-commit-work';
import { deadlineFromNow, whenUnlocked } from './lock-wait';
import { configureConnection, kyselyOver, type OpenOptions } from './store-connections';
import type { Database } from './schema';

export interface OpenedDatabase {
  db: Kysely<Database>;
  /** The raw write connection, for pragmas, checkpoints, backups and the benchmark's baseline (busy timeout 0: see store-dialect.ts). */
  sqlite: BetterSqlite3.Database;
  path: string;
  /** True when the file or its folder cannot be written (a read-only mount, a locked USB stick): reads work, writes are refused. */
  readOnly: boolean;
  /** What the person should know about this store, one line each (a drive without file permissions, read-only). */
  warnings: string[];
  close(): Promise<void>;
}

const SQLITE_HEADER = 'SQLite format 3\0';

/**
 * Opens (or creates) the store and brings its schema up to date.
 *
 * A file that is not SQLite, or that a newer LeadBooth wrote, is refused before anything
 * is written to it: we never "repair" a file we do not understand.
 */
export async function openDatabase(filePath: string, options: OpenOptions = {}): Promise<OpenedDatabase> {
  assertLooksLikeSqlite(filePath);
  const warnings: string[] = [];
  const folderWarning = ensurePrivateFolder(path.dirname(filePath), { ours: path.resolve(path.dirname(filePath)) === defaultDataDir() });
  if (folderWarning) warnings.push(folderWarning);
  // Created 0600 before SQLite opens it: SQLite gives -wal and -shm the mode of the db file.
  createPrivateFileIfMissing(filePath);
  if (!isWritable(filePath)) return openReadOnly(filePath, warnings, options);
  makeFilesPrivate(...databaseFiles(filePath));

  let sqlite: BetterSqlite3.Database;
  try {
    sqlite = new BetterSqlite3(filePath);
  } catch (error) {
    throw new AppError('database_incompatible', `${filePath} could not be opened (${(error as Error).message}). Check the path and its permissions.`);
  }
  let reader: BetterSqlite3.Database | undefined;
  try {
    // Opening never waits inside SQLite (that would stop the process): a lock met while
    // another process migrates or checkpoints the same file is waited for on a timer.
    sqlite.pragma('busy_timeout = 0');
    const deadline = deadlineFromNow(options.writeWaitMs);
    // Read-only checks first: PRAGMA journal_mode=WAL would already rewrite the header.
    const version = await whenUnlocked(() => sqlite.pragma('user_version', { simple: true }) as number, deadline);
    if (version > LATEST_SCHEMA_VERSION) {
      throw new AppError(
        'database_incompatible',
        `${filePath} was written by a newer LeadBooth (schema ${version}, this version knows up to ${LATEST_SCHEMA_VERSION}). ` +
          'Update LeadBooth to open it; the file was left untouched.',
      );
    }
    await whenUnlocked(() => configureConnection(sqlite), deadline, options.onLockWait);
    // WAL mode has just created -wal and -shm (or they were left by an older version with a looser mode).
    makeFilesPrivate(...databaseFiles(filePath));
    reader = openReader(filePath);
  } catch (error) {
    reader?.close();
    sqlite.close();
    if (error instanceof AppError) throw error;
    if ((error as { code?: string }).code === 'SQLITE_NOTADB') throw notADatabase(filePath);
    throw error;
  }

  const db = kyselyOver(sqlite, reader, options);
  try {
    // Indexes a bulk write owed when the process ended before its worker built them. Before any
    // migration: their definitions are of the schema the file is at, and a migration may drop one.
    const deadline = deadlineFromNow(options.writeWaitMs);
    await buildOwedIndexes(sqlite, () => whenUnlocked(() => sqlite.prepare('BEGIN IMMEDIATE').run(), deadline, options.onLockWait));
    await migrateToLatest(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return {
    db,
    sqlite,
    path: filePath,
    readOnly: false,
    warnings,
    // Kysely's destroy closes both connections; the last to close checkpoints what is left,
    // so a bulk write's background checkpoint is let finish first.
    close: async () => {
      await workAfterCommitDone(sqlite);
      await db.destroy();
    },
  };
}

/** The second connection, for reads only: it cannot write even by mistake. */
function openReader(filePath: string): BetterSqlite3.Database {
  const reader = new BetterSqlite3(filePath, { fileMustExist: true });
  reader.pragma('busy_timeout = 0');
  reader.pragma('query_only = ON');
  return reader;
}

/** False when the file is there and this process may not write it (read-only mount, no write permission). */
function isWritable(filePath: string): boolean {
  try {
    fs.closeSync(fs.openSync(filePath, 'r+'));
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (['EROFS', 'EACCES', 'EPERM'].includes(code)) return false;
    return true; // Anything else (not there) is for SQLite to report in its own words.
  }
}

/**
 * A store that cannot be written is still the user's leads: it opens for reading (search,
 * export to another folder) with one clear line, and every write is refused as read-only.
 * It is never migrated: a file that needs an upgrade must be copied somewhere writable first.
 */
function openReadOnly(filePath: string, warnings: string[], options: OpenOptions): OpenedDatabase {
  let opened: { sqlite: BetterSqlite3.Database; snapshotFolder: string | undefined };
  try {
    opened = openForReading(filePath);
  } catch (error) {
    throw new AppError('database_incompatible', `${filePath} is read-only and could not be opened for reading (${(error as Error).message}): copy it to a writable folder.`);
  }
  const { sqlite, snapshotFolder } = opened;
  const version = sqlite.pragma('user_version', { simple: true }) as number;
  if (version !== LATEST_SCHEMA_VERSION) {
    sqlite.close();
    if (snapshotFolder) fs.rmSync(snapshotFolder, { recursive: true, force: true });
    throw new AppError(
      'database_incompatible',
      `${filePath} is read-only and was written by ${version > LATEST_SCHEMA_VERSION ? 'a newer' : 'an older'} LeadBooth: copy it to a writable folder and open the copy.`,
    );
  }
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 0');
  const db = kyselyOver(sqlite, sqlite, options);
  warnings.push(`${filePath} is read-only: LeadBooth opened it for reading; saves, imports and backups are refused until it is on a writable drive.`);
  return {
    db,
    sqlite,
    path: filePath,
    readOnly: true,
    warnings,
    close: async () => {
      await db.destroy();
      if (snapshotFolder) fs.rmSync(snapshotFolder, { recursive: true, force: true });
    },
  };
}

/**
 * A WAL store can be read in place only where SQLite can create its -shm file. In a folder
 * that refuses even that (a read-only mount), the file and its log are read from a private
 * copy in the temporary folder, removed on close.
 */
function openForReading(filePath: string): { sqlite: BetterSqlite3.Database; snapshotFolder: string | undefined } {
  try {
    return { sqlite: openQueryOnly(filePath), snapshotFolder: undefined };
  } catch (error) {
    if (!String((error as { code?: unknown }).code ?? '').startsWith('SQLITE_CANTOPEN')) throw error;
  }
  const snapshotFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'leadbooth-read-only-'));
  try {
    fs.chmodSync(snapshotFolder, PRIVATE_FOLDER_MODE);
    const copy = path.join(snapshotFolder, path.basename(filePath));
    fs.copyFileSync(filePath, copy);
    if (fs.existsSync(`${filePath}-wal`)) fs.copyFileSync(`${filePath}-wal`, `${copy}-wal`);
    makeFilesPrivate(...databaseFiles(copy));
    return { sqlite: openQueryOnly(copy), snapshotFolder };
  } catch (error) {
    fs.rmSync(snapshotFolder, { recursive: true, force: true });
    throw error;
  }
}

function openQueryOnly(filePath: string): BetterSqlite3.Database {
  const sqlite = new BetterSqlite3(filePath, { readonly: true, fileMustExist: true });
  try {
    // Reading the header here makes a file SQLite cannot map fail now, not at the first query.
    sqlite.pragma('user_version', { simple: true });
    return sqlite;
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

function assertLooksLikeSqlite(filePath: string): void {
  let handle: number;
  try {
    handle = fs.openSync(filePath, 'r');
  } catch {
    return; // Not there yet (or not readable): opening it will create it or say why not.
  }
  try {
    const header = Buffer.alloc(16);
    const read = fs.readSync(handle, header, 0, 16, 0);
    if (read === 0) return; // An empty file is an empty database.
    if (read < 16 || header.toString('latin1') !== SQLITE_HEADER) throw notADatabase(filePath);
  } finally {
    fs.closeSync(handle);
  }
}

function notADatabase(filePath: string): AppError {
  return new AppError(
    'database_incompatible',
    `${filePath} is not a LeadBooth database (not an SQLite file). It was left untouched: ` +
      'point LeadBooth at another file with --db, or move this one away.',
  );
}

function createPrivateFileIfMissing(filePath: string): void {
  try {
    fs.closeSync(fs.openSync(filePath, 'wx', PRIVATE_FILE_MODE));
  } catch (error) {
    // There already (maybe read-only: opening it says so in its own words), or the folder refuses: SQLite reports that.
    if (!['EEXIST', 'EACCES', 'EROFS', 'EPERM'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
  }
}
