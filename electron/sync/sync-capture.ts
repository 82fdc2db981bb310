import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { logAllRecordsSql } from './change-triggers';
import { clearFieldClocks } from './field-clocks';
import { SYNCED_TABLES } from './synced-tables';

/**
 * The change-log triggers' switch (`sync_capture.logging`, see change-triggers.ts): on once the
 * laptop joined a hub, off while the sync writes what the hub sent.
 */

async function isChangeLogging(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom('sync_capture').select('logging').where('id', '=', 1).executeTakeFirst();
  return row?.logging === 1;
}

export async function setChangeLogging(db: Kysely<Database>, on: boolean): Promise<void> {
  await db.updateTable('sync_capture').set({ logging: on ? 1 : 0 }).where('id', '=', 1).execute();
}

/**
 * Runs `write` with the triggers silent (in the caller's transaction), then sets the switch
 * back as it was: what the hub sent is the hub's already and must not be pushed back as ours.
 */
export async function withoutChangeLog<T>(db: Kysely<Database>, write: (wasLogging: boolean) => Promise<T>): Promise<T> {
  const wasLogging = await isChangeLogging(db);
  if (wasLogging) await setChangeLogging(db, false);
  const result = await write(wasLogging);
  if (wasLogging) await setChangeLogging(db, true);
  return result;
}

/**
 * Starts the log on a laptop that logged nothing so far: every record it holds is logged as
 * held "before joining" (changed_at_ms 0, stamped older than any edit: see change-log.ts), so a
 * laptop that joins late never overrides what others edited meanwhile; then the triggers go on.
 * Inside the caller's transaction. Parents before children (the registry's order).
 *
 * The field clocks kept before joining (this store's own stamps, and those bundles brought:
 * migration 0012) go: the hub's laptops receive every record as held before joining, and a
 * field here stamped later than that would settle conflicts otherwise than they do.
 */
export async function startChangeLog(db: Kysely<Database>): Promise<void> {
  if (await isChangeLogging(db)) return;
  await clearFieldClocks(db);
  await db.updateTable('sync_capture').set({ local_clocks: 0 }).where('id', '=', 1).execute();
  for (const table of SYNCED_TABLES) await sql.raw(logAllRecordsSql(table)).execute(db);
  await setChangeLogging(db, true);
}
