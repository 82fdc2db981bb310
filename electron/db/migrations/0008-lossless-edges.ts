import { sql, type Kysely } from 'kysely';

/**
 * Nothing lost at the edges (issue 13):
 *
 * - `leads.imported_fields`: JSON object of what an imported file held that no lead field
 *   took — columns the mapping did not recognise, the second email or phone of a row, a
 *   value too long for its field — by the file's own header, so an import never drops a
 *   value silently. The lead screen shows it, the bundle carries it, exports may include it.
 * - `leads.source_uid`: the identifier the source gave the person (a vCard's `UID`), so the
 *   same file imported twice changes nothing and a later file updates those leads. Indexed
 *   where set.
 * - `events.time_zone`: the show's IANA time zone (dates in CRM exports are the show's
 *   local dates); '' for shows made before it, which then take the laptop's zone.
 */
// Kysely<any>: a migration sees the schema as it was at its version (Kysely's advice).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE leads ADD COLUMN imported_fields TEXT NOT NULL DEFAULT '{}'`.execute(db);
  await sql`ALTER TABLE leads ADD COLUMN source_uid TEXT NOT NULL DEFAULT ''`.execute(db);
  await sql`CREATE INDEX leads_source_uid ON leads (source_uid) WHERE source_uid <> ''`.execute(db);
  await sql`ALTER TABLE events ADD COLUMN time_zone TEXT NOT NULL DEFAULT ''`.execute(db);
}
