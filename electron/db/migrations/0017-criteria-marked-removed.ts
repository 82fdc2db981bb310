import { sql, type Kysely } from 'kysely';
import { changeTriggerStatements } from '../../sync/change-triggers';
import { syncedTableOfKind } from '../../sync/synced-tables';

/**
 * A show's checklist criterion removed is marked (`removed`), not deleted (issue 18 §3, §6):
 * a removal and the criterion added back on another laptop then sync as two edits of one
 * record, last writer wins, the same on every laptop (repositories/qualification.ts says why).
 * Nothing held now is marked. The table's change-log triggers are made again with the new
 * column, and without the trigger that cleared a criterion's tombstone when it was added back:
 * no criterion is deleted and made again any more, so nothing revives a record.
 */
// Kysely<any>: a migration sees the schema as it was at its version (Kysely's advice).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE qualification_criteria ADD COLUMN removed INTEGER NOT NULL DEFAULT 0 CHECK (removed IN (0, 1))`.execute(db);
  const criterion = syncedTableOfKind('criterion');
  if (!criterion) throw new Error('the sync registry has no criterion kind');
  for (const operation of ['insert', 'revives', 'update', 'delete']) {
    await sql.raw(`DROP TRIGGER IF EXISTS sync_log_qualification_criteria_${operation}`).execute(db);
  }
  for (const statement of changeTriggerStatements(criterion)) await sql.raw(statement).execute(db);
}
