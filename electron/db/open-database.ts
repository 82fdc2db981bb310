import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { AppError } from '../../shared/ipc/errors';
import { defaultDataDir } from '../data-location';
import { databaseFiles, ensurePrivateFolder, makeFilesPrivate, PRIVATE_FILE_MODE } from '../security/file-permissions';
import { LATEST_SCHEMA_VERSION } from './migrations';
import { migrateToLatest } from './migrate';
import { withImmediateTransactions } from './immediate-transactions';
import { withStatementCache } from './statement-cache';
import type { Database } from './schema';

export interface OpenedDatabase {
  db: Kysely<Database>;
  /** The raw connection, for pragmas, checkpoints and the benchmark's baseline. */
  sqlite: BetterSqlite3.Database;
  path: string;
  close(): Promise<void>;
}

const SQLITE_HEADER = 'SQLite format 3\0';

/**
 * Opens (or creates) the store and brings its schema up to date.
 *
 * A file that is not SQLite, or that a newer LeadBooth wrote, is refused before anything
 * is written to it: we never "repair" a file we do not understand.
 */
export async function openDatabase(filePath: string): Promise<OpenedDatabase> {
  assertLooksLikeSqlite(filePath);
  ensurePrivateFolder(path.dirname(filePath), { ours: path.resolve(path.dirname(filePath)) === defaultDataDir() });
  // Created 0600 before SQLite opens it: SQLite gives -wal and -shm the mode of the db file.
  createPrivateFileIfMissing(filePath);
  makeFilesPrivate(...databaseFiles(filePath));

  let sqlite: BetterSqlite3.Database;
  try {
    sqlite = new BetterSqlite3(filePath);
  } catch (error) {
    throw new AppError('database_incompatible', `${filePath} could not be opened (${(error as Error).message}). Check the path and its permissions.`);
  }
  try {
    // Read-only checks first: PRAGMA journal_mode=WAL would already rewrite the header.
    const version = sqlite.pragma('user_version', { simple: true }) as number;
    if (version > LATEST_SCHEMA_VERSION) {
      throw new AppError(
        'database_incompatible',
        `${filePath} was written by a newer LeadBooth (schema ${version}, this version knows up to ${LATEST_SCHEMA_VERSION}). ` +
          'Update LeadBooth to open it; the file was left untouched.',
      );
    }
    configureConnection(sqlite);
    // WAL mode has just created -wal and -shm (or they were left by an older version with a looser mode).
    makeFilesPrivate(...databaseFiles(filePath));
  } catch (error) {
    sqlite.close();
    if (error instanceof AppError) throw error;
    if ((error as { code?: string }).code === 'SQLITE_NOTADB') throw notADatabase(filePath);
    throw error;
  }

  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withImmediateTransactions(withStatementCache(sqlite), sqlite) }) });
  try {
    await migrateToLatest(db, sqlite);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  return {
    db,
    sqlite,
    path: filePath,
    // Kysely's destroy closes the better-sqlite3 connection too.
    close: () => db.destroy(),
  };
}

/** How long a write waits for another window or the CLI holding the lock. */
const BUSY_TIMEOUT_MS = 5_000;
const OPENING_BUSY_TIMEOUT_MS = 30_000;

export function configureConnection(sqlite: BetterSqlite3.Database): void {
  // Opening may wait for another process migrating the same file (longer than a save takes);
  // openDatabase sets the everyday wait once the schema is current.
  sqlite.pragma(`busy_timeout = ${OPENING_BUSY_TIMEOUT_MS}`);
  sqlite.pragma('journal_mode = WAL');
  // FULL in WAL mode syncs the log on every commit: a saved lead survives a power cut,
  // not only a crash. NORMAL would be faster and could drop the last commits on power loss.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  // Deleted rows are overwritten with zeros, so a forgotten person does not linger in free pages.
  sqlite.pragma('secure_delete = ON');
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
