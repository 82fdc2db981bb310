import BetterSqlite3 from 'better-sqlite3';
import { Kysely } from 'kysely';
import { AppError } from '../../shared/ipc/errors';
import { deadlineFromNow, whenUnlocked } from './lock-wait';
import { LATEST_SCHEMA_VERSION } from './migrations';
import type { Database } from './schema';
import { withStatementCache } from './statement-cache';
import { StoreDialect } from './store-dialect';
import { writeTurnsOf } from './write-turns';

/**
 * The store's connections: their settings and the Kysely over them, for the store openDatabase
 * opens (open-database.ts) and for a write connection of a worker thread (openWriteConnection).
 * A file of its own because a worker's entry may not import a module that starts a worker
 * (open-database.ts waits for the after-commit worker): the app's build bundles each worker's
 * entry on its own (electron.vite.config.ts).
 */

export interface OpenOptions {
  /** How long a write waits for another process's lock before it is refused as busy (default WRITE_WAIT_MS). */
  writeWaitMs?: number;
  /** Told once per write that waits long for another program's lock (see StoreConnections.onLockWait). */
  onLockWait?: () => void;
}

/**
 * The store's Kysely: transactions and writes on the write connection, plain reads on the
 * read connection (the same one for a read-only store), statements prepared once.
 */
export function kyselyOver(writer: BetterSqlite3.Database, reader: BetterSqlite3.Database, options: OpenOptions): Kysely<Database> {
  const writerStatements = withStatementCache(writer);
  const readerStatements = reader === writer ? writerStatements : withStatementCache(reader);
  return new Kysely<Database>({
    dialect: new StoreDialect({
      writer: writerStatements,
      reader: readerStatements,
      writerInTransaction: () => writer.inTransaction,
      // A read-only store never writes; a writable one shares its queue with a worker writing to it (writeTurnsOf).
      ...(reader !== writer && { turns: writeTurnsOf(writer) }),
      ...(options.writeWaitMs !== undefined && { writeWaitMs: options.writeWaitMs }),
      ...(options.onLockWait && { onLockWait: options.onLockWait }),
    }),
  });
}

/**
 * A write connection of its own to a store that openDatabase has opened and migrated, for a
 * worker thread that writes to it (the sync's pull, pull-worker.ts): the store's settings
 * (WAL, synchronous = FULL, foreign keys, secure delete), another process's lock waited for on
 * a timer, statements prepared once; its reads go to the same connection. Its writes take
 * turns with the main thread's through the worker's messages (pull-on-worker.ts), not here.
 */
export async function openWriteConnection(filePath: string): Promise<{ db: Kysely<Database>; sqlite: BetterSqlite3.Database }> {
  const sqlite = new BetterSqlite3(filePath, { fileMustExist: true });
  try {
    sqlite.pragma('busy_timeout = 0');
    const deadline = deadlineFromNow();
    const version = await whenUnlocked(() => sqlite.pragma('user_version', { simple: true }) as number, deadline);
    // The store was replaced meanwhile (a restore of an older backup): the main thread opens it again first.
    if (version !== LATEST_SCHEMA_VERSION) throw new AppError('database_incompatible', `${filePath} changed its schema (${version}) while it was open: open it again.`);
    await whenUnlocked(() => configureConnection(sqlite), deadline);
  } catch (error) {
    sqlite.close();
    throw error;
  }
  return { db: kyselyOver(sqlite, sqlite, {}), sqlite };
}

/** The write connection's settings; each pragma may be tried again when it met a lock. */
export function configureConnection(sqlite: BetterSqlite3.Database): void {
  sqlite.pragma('journal_mode = WAL');
  // FULL in WAL mode syncs the log on every commit: a saved lead survives a power cut,
  // not only a crash. NORMAL would be faster and could drop the last commits on power loss.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  // Deleted rows are overwritten with zeros, so a forgotten person does not linger in free pages.
  sqlite.pragma('secure_delete = ON');
}
