import { sql, type Kysely } from 'kysely';
import { localFieldClockTriggerStatements } from '../../sync/change-triggers';
import { syncedTableOfTable } from '../../sync/synced-tables';

/**
 * Field clocks on a laptop that has not joined a team hub (issue 18: the bundle import merges
 * leads field by field, as the sync does, also between laptops that never see a network):
 *
 * - `sync_capture.local_device_id`: this store's own id, the device part of its stamps until it
 *   joins a hub (which gives the device id the sync uses from then on).
 * - `sync_capture.local_clocks`: 1 until the change log starts (joining a hub; sync-capture.ts).
 * - a trigger per lead update, while `local_clocks` is 1: every synced column the update changed
 *   gets a stamp of the time in `sync_field_clocks` (change-triggers.ts). Inserts write none
 *   (a field without a stamp is as old as the record), so a 100,000-lead import costs nothing more.
 * - `sync_changes_unstamped`: the changes not stamped yet, which stamping reads oldest first; by
 *   the index of unpushed ones it stepped over every change stamped and not yet pushed, so
 *   stamping a first sync's 20,000 changes a thousand at a time read 200,000 rows.
 */
// Kysely<any>: a migration sees the schema as it was at its version (Kysely's advice).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE sync_capture ADD COLUMN local_device_id TEXT NOT NULL DEFAULT ''`.execute(db);
  await sql`ALTER TABLE sync_capture ADD COLUMN local_clocks INTEGER NOT NULL DEFAULT 1 CHECK (local_clocks IN (0, 1))`.execute(db);
  // A store that joined a hub already stamps its changes when it syncs.
  await sql`UPDATE sync_capture SET local_device_id = lower(hex(randomblob(16))), local_clocks = 1 - logging`.execute(db);
  await sql`CREATE INDEX sync_changes_unstamped ON sync_changes (seq) WHERE hlc IS NULL`.execute(db);
  const leads = syncedTableOfTable('leads');
  if (!leads) throw new Error('The sync registry has no leads table.');
  for (const statement of localFieldClockTriggerStatements(leads)) await sql.raw(statement).execute(db);
}
