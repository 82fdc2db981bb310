import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { MIGRATIONS, type Migration } from './migrations';

/**
 * Runs each pending migration in its own transaction, together with the bump of
 * PRAGMA user_version, so a crash leaves the file at one version or the next, never between.
 *
 * Two processes may open an old file at the same moment (the window and the CLI). Each
 * migration therefore runs under BEGIN IMMEDIATE, and user_version is read again once the
 * write lock is held: the first process migrates, the second waits on the busy timeout,
 * then sees the new version and skips the step instead of running it twice.
 */
export async function migrateToLatest(
  // Migrations run on an untyped handle: see Migration.up.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  db: Kysely<any>,
  sqlite: BetterSqlite3.Database,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<number> {
  let version = readVersion(sqlite);
  for (const migration of migrations) {
    if (migration.version <= version) continue;
    // The transaction is opened on the raw connection (Kysely shares it) so that it is
    // immediate whatever wrapper the Kysely instance was built with.
    sqlite.exec('BEGIN IMMEDIATE');
    try {
      version = readVersion(sqlite);
      if (migration.version > version) {
        await migration.up(db);
        // PRAGMA takes no bound parameters; the version is a number from our own list.
        sqlite.pragma(`user_version = ${Number(migration.version)}`);
        version = migration.version;
      }
      sqlite.exec('COMMIT');
    } catch (error) {
      if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
      throw error;
    }
  }
  return version;
}

function readVersion(sqlite: BetterSqlite3.Database): number {
  return sqlite.pragma('user_version', { simple: true }) as number;
}
