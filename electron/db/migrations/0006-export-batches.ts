import { sql, type Kysely } from 'kysely';

/**
 * Export batches and import bookkeeping (issue 7):
 *
 * - `export_batches`: what went out, when, by whom, in which format, chosen how (the filter
 *   as JSON), under which file name and with which SHA-256, so a batch can be produced again
 *   and a CRM admin can check a file against the history.
 * - `export_batch_leads`: the leads of each batch (a lead may be in several batches), indexed
 *   by lead, so "exported or not" is one index probe per lead. Nothing is written on the
 *   lead itself: marking 100,000 wide lead rows would rewrite the whole table at each
 *   export (measured: about twice as long as recording the batch's members).
 * - `duplicate_flags`: likely duplicates an import found, for the duplicates view to show;
 *   an import never merges leads by itself.
 */
// Kysely<any>: a migration sees the schema as it was at its version (Kysely's advice).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE export_batches (
      id TEXT PRIMARY KEY NOT NULL,
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL,
      format TEXT NOT NULL,
      -- JSON: how the leads were chosen (show, status, only new, explicit ids)
      filter TEXT NOT NULL,
      file_name TEXT NOT NULL,
      -- SHA-256 of the file's bytes (of the files joined in name order for several files)
      sha256 TEXT NOT NULL,
      lead_count INTEGER NOT NULL,
      skipped_count INTEGER NOT NULL DEFAULT 0,
      -- the batch this one re-exported, or null
      repeat_of TEXT REFERENCES export_batches (id) ON DELETE SET NULL
    )`.execute(db);
  await sql`CREATE INDEX export_batches_newest ON export_batches (created_at DESC)`.execute(db);
  await sql`
    CREATE TABLE export_batch_leads (
      batch_id TEXT NOT NULL REFERENCES export_batches (id) ON DELETE CASCADE,
      lead_id TEXT NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
      PRIMARY KEY (batch_id, lead_id)
    ) WITHOUT ROWID`.execute(db);
  await sql`CREATE INDEX export_batch_leads_lead ON export_batch_leads (lead_id)`.execute(db);
  await sql`
    CREATE TABLE duplicate_flags (
      lead_id TEXT NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
      other_lead_id TEXT NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
      -- JSON array of DuplicateReason
      reasons TEXT NOT NULL,
      -- what found it, e.g. "import"
      source TEXT NOT NULL,
      flagged_at TEXT NOT NULL,
      PRIMARY KEY (lead_id, other_lead_id)
    ) WITHOUT ROWID`.execute(db);
  await sql`CREATE INDEX duplicate_flags_other ON duplicate_flags (other_lead_id)`.execute(db);
}
