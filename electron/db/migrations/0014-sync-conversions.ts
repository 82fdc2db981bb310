import { sql, type Kysely } from 'kysely';
import { changeTriggerStatements, logAllRecordsSql } from '../../sync/change-triggers';
import { tablesLoggedSince } from '../../sync/synced-tables';

/**
 * Conversions (issue 18: "one lead is converted once"), opportunities' contact roles and their
 * stage history, shows' checklists, and card scans tied to a lead (their photos by hash: `image_sha256`) sync with
 * the team hub: the change-log triggers of their tables, and the stage
 * history's key (one entry per opportunity, moment and stage; a copy made twice goes). A store that joined a hub already logs its writes: its conversions
 * made before this version are logged now, as held before joining, so its next sync sends them.
 */
// Kysely<any>: a migration sees the schema as it was at its version (Kysely's advice).
export async function up(db: Kysely<any>): Promise<void> {
  // The stage history's key on every laptop (and in bundles): an opportunity, a moment, a stage.
  await sql`
    DELETE FROM opportunity_stage_history WHERE seq NOT IN (
      SELECT min(seq) FROM opportunity_stage_history GROUP BY opportunity_id, at, stage
    )`.execute(db);
  // Card photos travel by their hash, given by team sync before a scan is pushed (card-photos.ts).
  await sql`ALTER TABLE card_scans ADD COLUMN image_sha256 TEXT`.execute(db);
  await sql`CREATE INDEX card_scans_image_sha256 ON card_scans (image_sha256) WHERE image_sha256 IS NOT NULL`.execute(db);
  await sql`CREATE UNIQUE INDEX opportunity_stage_history_key ON opportunity_stage_history (opportunity_id, at, stage)`.execute(db);
  const logging = await sql<{ logging: number }>`SELECT logging FROM sync_capture WHERE id = 1`.execute(db);
  for (const table of tablesLoggedSince(14)) {
    for (const statement of changeTriggerStatements(table)) await sql.raw(statement).execute(db);
    if (logging.rows[0]?.logging === 1) await sql.raw(logAllRecordsSql(table)).execute(db);
  }
}
