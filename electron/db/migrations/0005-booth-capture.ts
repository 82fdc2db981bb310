import { sql, type Kysely } from 'kysely';
import { nameBlockingKey } from '../name-key';

/**
 * Booth capture at full speed:
 * - `leads.name_key` (folded last name + first initial) with an index, so the duplicate
 *   check at save finds a new lead's candidates with one index lookup at 100,000 leads
 *   (emails already have `leads_email`);
 * - `leads.badge_id`: a badge QR code that holds only a registration id or a URL is kept
 *   raw, to be matched with the organiser's list later;
 * - `capture_queue`: the photos dropped at once, waiting, scanning, ready or failed. It
 *   lives in the file so a reload or a restart in the middle of a batch loses nothing.
 */
// Kysely<any>: a migration sees the schema as it was at its version (Kysely's advice).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE leads ADD COLUMN badge_id TEXT NOT NULL DEFAULT ''`.execute(db);
  await sql`ALTER TABLE leads ADD COLUMN name_key TEXT NOT NULL DEFAULT ''`.execute(db);

  // The key is computed by the same TypeScript that computes it on every save (SQLite's
  // lower() does not fold accents), lead by lead.
  const rows = await sql<{ seq: number; first_name: string; last_name: string }>`
    SELECT seq, first_name, last_name FROM leads WHERE last_name <> ''`.execute(db);
  for (const row of rows.rows) {
    await sql`UPDATE leads SET name_key = ${nameBlockingKey(row.first_name, row.last_name)} WHERE seq = ${row.seq}`.execute(db);
  }
  await sql`CREATE INDEX leads_name_key ON leads (name_key) WHERE name_key <> ''`.execute(db);
  await sql`CREATE INDEX leads_badge_id ON leads (badge_id) WHERE badge_id <> ''`.execute(db);

  await sql`
    CREATE TABLE capture_queue (
      id TEXT PRIMARY KEY NOT NULL,
      position INTEGER NOT NULL,
      file_name TEXT NOT NULL DEFAULT '',
      -- The photo until it is read; afterwards the scan keeps it.
      image BLOB,
      status TEXT NOT NULL DEFAULT 'waiting'
        CHECK (status IN ('waiting', 'scanning', 'ready', 'failed')),
      error TEXT NOT NULL DEFAULT '',
      scan_id TEXT REFERENCES card_scans (id) ON DELETE SET NULL,
      added_by TEXT NOT NULL DEFAULT '',
      added_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX capture_queue_order ON capture_queue (position)`.execute(db);
}
