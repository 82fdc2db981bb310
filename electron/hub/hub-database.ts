import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { HubDatabase } from './hub-schema';
import { HUB_MIGRATIONS, type HubMigration } from './migrations';
import { HUB_LOCKS, takeTransactionLock } from './hub-locks';

/** The oldest PostgreSQL the hub runs on (`server_version_num`), as issue 18 promises. */
const OLDEST_SERVER_VERSION = 160000;

/**
 * Opens the hub's database by URL, refuses a PostgreSQL older than 16 with one line, and brings
 * the schema to the newest migration. The pool's size bounds the hub's connections per process.
 */
export async function openHubDatabase(databaseUrl: string, maxConnections = 10): Promise<Kysely<HubDatabase>> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: maxConnections });
  // An idle client whose server went away emits 'error'; without a listener it would end the process.
  pool.on('error', () => undefined);
  const db = new Kysely<HubDatabase>({ dialect: new PostgresDialect({ pool }) });
  try {
    await checkServerVersion(db);
    await migrateHubDatabase(db);
    return db;
  } catch (error) {
    await db.destroy();
    throw error;
  }
}

async function checkServerVersion(db: Kysely<HubDatabase>): Promise<void> {
  const result = await sql<{ server_version_num: string; server_version: string }>`
    SELECT current_setting('server_version_num') AS server_version_num, current_setting('server_version') AS server_version`.execute(db);
  const row = result.rows[0];
  if (row && Number(row.server_version_num) < OLDEST_SERVER_VERSION) {
    throw new Error(`This PostgreSQL is version ${row.server_version}; the team hub needs PostgreSQL 16 or newer.`);
  }
}

/**
 * Runs the pending migrations, each in its own transaction with the row that records it. The
 * advisory lock makes a second hub process starting at the same moment wait, then skip.
 */
async function migrateHubDatabase(db: Kysely<HubDatabase>, migrations: readonly HubMigration[] = HUB_MIGRATIONS): Promise<number> {
  // Under the lock too: two processes creating the same table at once would collide.
  await db.transaction().execute(async (trx) => {
    await takeTransactionLock(trx, HUB_LOCKS.migrations);
    await sql`
      CREATE TABLE IF NOT EXISTS hub_migrations (
        version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now()
      )`.execute(trx);
  });
  let version = 0;
  for (const migration of migrations) {
    version = await db.transaction().execute(async (trx) => {
      await takeTransactionLock(trx, HUB_LOCKS.migrations);
      const applied = await trx.selectFrom('hub_migrations').select('version').where('version', '=', migration.version).executeTakeFirst();
      if (!applied) {
        await migration.up(trx);
        await trx.insertInto('hub_migrations').values({ version: migration.version, name: migration.name }).execute();
      }
      return migration.version;
    });
  }
  return version;
}
