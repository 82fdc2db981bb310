import { sql, type Kysely } from 'kysely';

/**
 * The evidence behind a scanned lead: the original photo and what the OCR read. A scan is
 * stored when it is made (before the person has checked the fields) and tied to the lead
 * when the lead is saved, in the same transaction.
 */
// Kysely<any>: a migration sees the schema as it was at its version (Kysely's advice).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE card_scans (
      id TEXT PRIMARY KEY NOT NULL,
      lead_id TEXT REFERENCES leads (id) ON DELETE CASCADE,
      file_name TEXT NOT NULL DEFAULT '',
      image BLOB NOT NULL,
      image_mime TEXT NOT NULL,
      image_width INTEGER NOT NULL,
      image_height INTEGER NOT NULL,
      ocr_text TEXT NOT NULL,
      -- The OCR page (lines, boxes, confidences) and the parsed fields, as JSON.
      ocr_json TEXT NOT NULL,
      scanned_by TEXT NOT NULL,
      scanned_at TEXT NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX card_scans_lead ON card_scans (lead_id)`.execute(db);
}
