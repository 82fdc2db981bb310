import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { MIGRATIONS, type Migration } from './migrations';

/**
 * Runs each pending migration in its own transaction, together with the bump of
 * PRAGMA user_version, so a crash leaves the file at one version or the next, never between.
 */
export async function migrateToLatest(
  // Migrations run on an untyped handle: see Migration.up.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  db: Kysely<any>,
  sqlite: BetterSqlite3.Database,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<number> {
  let version = sqlite.pragma('user_version', { simple: true }) as number;
  for (const migration of migrations) {
    if (migration.version <= version) continue;
    await db.transaction().execute(async (trx) => {
      await migration.up(trx);
      // PRAGMA takes no bound parameters; the version is a number from our own list.
      sqlite.pragma(`user_version = ${Number(migration.version)}`);
    });
    version = migration.version;
  }
  return version;
}
