import { sql, type Kysely } from 'kysely';

/**
 * Card photos, each stored once by the SHA-256 of its bytes (issue 18 §3: "photos go once,
 * addressed by their hash"; hub-photos.ts), and the index that finds the card scans referring
 * to a photo, so a forgotten scan's photo goes when no other scan refers to it.
 */
// Kysely<any>: a migration sees the schema as it was at its version (Kysely's advice).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE photos (sha256 text PRIMARY KEY, mime text NOT NULL, bytes bytea NOT NULL, stored_at timestamptz NOT NULL DEFAULT now())`.execute(db);
  await sql`CREATE INDEX changes_card_scan_photo ON changes ((fields->>'image_sha256')) WHERE kind = 'card_scan' AND NOT tombstone`.execute(db);
}
