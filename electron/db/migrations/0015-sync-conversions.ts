import { sql, type Kysely } from 'kysely';
import { changeTriggerStatements, logAllRecordsSql } from '../../sync/change-triggers';
import { tablesLoggedSince } from '../../sync/synced-tables';

/**
 * Conversions sync with the team hub (issue 18: "one lead is converted once"): the change-log
 * triggers of `conversions`. A store that joined a hub already logs its writes: its conversions
 * made before this version are logged now, as held before joining, so its next sync sends them.
 */
// Kysely<any>: a migration sees the schema as it was at its version (Kysely's advice).
export async function up(db: Kysely<any>): Promise<void> {
  const logging = await sql<{ logging: number }>`SELECT logging FROM sync_capture WHERE id = 1`.execute(db);
  for (const table of tablesLoggedSince(15)) {
    for (const statement of changeTriggerStatements(table)) await sql.raw(statement).execute(db);
    if (logging.rows[0]?.logging === 1) await sql.raw(logAllRecordsSql(table)).execute(db);
  }
}
