import { sql, type Kysely } from 'kysely';
import { assignShowsToStoredChanges } from '../change-shows';

/**
 * Booth devices pull their shows only (issue 18 §2): the show of each change (`changes.show_id`,
 * change-shows.ts), the changes a device pushed by show (the index: a booth's shows are those it
 * pushed anything of), and `devices.pull_from_start`, set when a device pushes changes of a show
 * new to it. The changes stored before are given their shows in the hub's order, as a push does.
 */
// Kysely<any>: a migration sees the schema as it was at its version (Kysely's advice).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE changes ADD COLUMN show_id text`.execute(db);
  await sql`ALTER TABLE devices ADD COLUMN pull_from_start boolean NOT NULL DEFAULT false`.execute(db);
  await sql`CREATE INDEX changes_device_show ON changes (device_id, show_id) WHERE show_id IS NOT NULL`.execute(db);
  await assignShowsToStoredChanges(db);
}
