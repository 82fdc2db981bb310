import { sql, type Kysely } from 'kysely';
import { MIGRATIONS, type Migration } from './migrations';

/**
 * Runs each pending migration in its own transaction, together with the bump of
 * PRAGMA user_version, so a crash leaves the file at one version or the next, never between.
 *
 * Two processes may open an old file at the same moment (the window and the CLI). The
 * store's transactions begin IMMEDIATE (store-dialect.ts), and user_version is read again
 * once the write lock is held: the first process migrates, the second waits for the lock,
 * then sees the new version and skips the step instead of running it twice.
 */
export async function migrateToLatest(
  // Migrations run on an untyped handle: see Migration.up.
  db: Kysely<any>,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<number> {
  let version = await readVersion(db);
  for (const migration of migrations) {
    if (migration.version <= version) continue;
    version = await db.transaction().execute(async (trx) => {
      const current = await readVersion(trx);
      if (migration.version <= current) return current;
      await migration.up(trx);
      // PRAGMA takes no bound parameters; the version is a number from our own list.
      await sql.raw(`PRAGMA user_version = ${Number(migration.version)}`).execute(trx);
      return migration.version;
    });
  }
  return version;
}

// any: as migrateToLatest's handle
async function readVersion(db: Kysely<any>): Promise<number> {
  const result = await sql<{ user_version: number }>`PRAGMA user_version`.execute(db);
  return result.rows[0]?.user_version ?? 0;
}
