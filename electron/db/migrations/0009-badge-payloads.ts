import { sql, type Kysely } from 'kysely';

/**
 * Reading any badge (issue 19):
 *
 * - `leads.badge_payload`: the text the badge's code held, exactly as scanned (vCard,
 *   organiser record, URL, id…), kept as evidence whatever the app read from it; '' for
 *   leads not captured from a badge.
 * - `events.badge_profiles`: JSON array of the show's own organiser payload profiles
 *   (delimiter, field order, prefix/suffix, id field), tried before the built-in ones.
 */
// Kysely<any>: a migration sees the schema as it was at its version (Kysely's advice).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE leads ADD COLUMN badge_payload TEXT NOT NULL DEFAULT ''`.execute(db);
  await sql`ALTER TABLE events ADD COLUMN badge_profiles TEXT NOT NULL DEFAULT '[]'`.execute(db);
}
