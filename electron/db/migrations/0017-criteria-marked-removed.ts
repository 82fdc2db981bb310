import { sql, type Kysely } from 'kysely';
import { changeTriggerStatements } from '../../sync/change-triggers';
import { syncedTableOfKind, tableAtMigration } from '../../sync/synced-tables';

/**
 * A show's checklist criterion removed is marked (`removed`), not deleted (issue 18 §3, §6):
 * a removal and the criterion added back on another laptop then sync as two edits of one
 * record, last writer wins, the same on every laptop (repositories/qualification.ts says why).
 * Nothing held now is marked. The table's change-log triggers are made again with the new
 * column, and without the trigger that cleared a criterion's tombstone when it was added back:
 * no criterion is deleted and made again any more, so nothing revives a record.
 *
 * The tombstones of criteria removed before, of shows still held, go: every laptop kept one
 * (joined or not), and under it a criterion added back under the same key from now on would be
 * shown here but refused by the pull and the bundle import. A criterion goes for good only with
 * its show now, whose own tombstone keeps it out. (A hub that received such a tombstone still
 * holds it: docs/team-hub.md, "A show's checklist".)
 */
// Kysely<any>: a migration sees the schema as it was at its version (Kysely's advice).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE qualification_criteria ADD COLUMN removed INTEGER NOT NULL DEFAULT 0 CHECK (removed IN (0, 1))`.execute(db);
  const criterion = syncedTableOfKind('criterion');
  if (!criterion) throw new Error('the sync registry has no criterion kind');
  for (const operation of ['insert', 'revives', 'update', 'delete']) {
    await sql.raw(`DROP TRIGGER IF EXISTS sync_log_qualification_criteria_${operation}`).execute(db);
  }
  // The table as it is at this migration: a column a later one adds is not there yet.
  for (const statement of changeTriggerStatements(tableAtMigration(criterion, 17))) await sql.raw(statement).execute(db);
  // A criterion's record id is `<show id>/<key>`; a show id holds no '/'.
  await sql`
    DELETE FROM sync_tombstones
    WHERE kind = 'criterion' AND substr(record_id, 1, instr(record_id, '/') - 1) IN (SELECT id FROM events)`.execute(db);
}
