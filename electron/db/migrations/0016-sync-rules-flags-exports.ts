import { sql, type Kysely } from 'kysely';
import { changeTriggerStatements, logAllRecordsSql } from '../../sync/change-triggers';
import { tablesLoggedSince } from '../../sync/synced-tables';

/**
 * Shows' conversion rules, the likely-duplicate flags and export batches with their leads sync
 * with the team hub (issue 18 §3): the change-log triggers of their tables, and a rule's
 * `removed` mark (a rule removed stays a record, so a removal and a rule set again sync as
 * edits). A flag is one record per pair of leads, the smaller lead id first, so the pair found
 * on two laptops is one record: flags stored the other way round are turned (a pair flagged both
 * ways keeps one). A store that joined a hub already logs its writes: its rules, flags and
 * batches held now are logged, as held before joining, so its next sync sends them.
 */
// Kysely<any>: a migration sees the schema as it was at its version (Kysely's advice).
export async function up(db: Kysely<any>): Promise<void> {
  // A rule removed is marked, not deleted (repositories/conversions.ts says why).
  await sql`ALTER TABLE conversion_rules ADD COLUMN removed INTEGER NOT NULL DEFAULT 0 CHECK (removed IN (0, 1))`.execute(db);
  await sql`
    INSERT OR IGNORE INTO duplicate_flags (lead_id, other_lead_id, reasons, source, flagged_at)
    SELECT other_lead_id, lead_id, reasons, source, flagged_at FROM duplicate_flags WHERE lead_id > other_lead_id`.execute(db);
  await sql`DELETE FROM duplicate_flags WHERE lead_id > other_lead_id`.execute(db);
  const logging = await sql<{ logging: number }>`SELECT logging FROM sync_capture WHERE id = 1`.execute(db);
  for (const table of tablesLoggedSince(16)) {
    for (const statement of changeTriggerStatements(table)) await sql.raw(statement).execute(db);
    if (logging.rows[0]?.logging === 1) await sql.raw(logAllRecordsSql(table)).execute(db);
  }
}
