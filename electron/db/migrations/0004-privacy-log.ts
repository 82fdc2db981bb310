import { sql, type Kysely } from 'kysely';

/**
 * Forgetting a person, for good:
 * - the search index removes a deleted lead's terms from its segments at once (FTS5's
 *   `secure-delete`), instead of keeping them until the segments are next merged;
 * - each forgetting is recorded, without anything about the person: when, by whom, which
 *   record id (a random UUID) and how many photos went. Proof that the request was carried
 *   out, not a copy of what was removed.
 */
// Kysely<any>: a migration sees the schema as it was at its version (Kysely's advice).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`INSERT INTO leads_fts (leads_fts, rank) VALUES ('secure-delete', 1)`.execute(db);
  await sql`
    CREATE TABLE privacy_log (
      seq INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      action TEXT NOT NULL CHECK (action IN ('forget')),
      lead_id TEXT NOT NULL,
      done_by TEXT NOT NULL,
      photos_removed INTEGER NOT NULL DEFAULT 0
    )`.execute(db);
}
