import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { formatStamp, type HybridClock } from '../../shared/sync/hybrid-clock';
import type { RecordChange } from '../../shared/sync/protocol';
import type { Database } from '../db/schema';
import { HELD_BEFORE_JOINING_MS } from './change-triggers';
import { raiseFieldClock, WHOLE_RECORD } from './field-clocks';
import { syncedTableOfKind } from './synced-tables';

/**
 * The laptop's change log (`sync_changes`, written by the triggers): stamping, reading what the
 * hub does not have yet, marking what it stored.
 */

type ChangeFields = RecordChange['fields'];

/** A log row's `fields`: the triggers wrote them with json_object, so every value is text, a number or null. */
function parseFields(json: string): ChangeFields {
  return JSON.parse(json) as ChangeFields;
}

/**
 * Gives up to `limit` changes not stamped yet their clock stamp and change id, oldest first, and
 * raises their records' field clocks, in the caller's transaction. Stamped once and kept: a
 * retried push sends the same id and stamp. A change is stamped at the time it was made (the
 * hybrid clock keeps the stamps after all it saw); a record held before joining gets the
 * smallest stamp of this device, so any edit made anywhere since wins over it.
 *
 * An insert holds the record's key columns, an update only the columns it changed: an insert
 * sets the record's `*` clock, an update the clocks of its fields. Returns how many it stamped.
 */
export async function stampPendingChanges(db: Kysely<Database>, clock: HybridClock, deviceId: string, limit: number): Promise<number> {
  const rows = await db
    .selectFrom('sync_changes')
    .select(['seq', 'kind', 'record_id', 'fields', 'changed_at_ms', 'tombstone'])
    .where('hlc', 'is', null)
    .orderBy('seq')
    .limit(limit)
    .execute();
  for (const [index, row] of rows.entries()) {
    // As applying: a pause now and then, so stamping thousands of changes never holds the process.
    if (index % 50 === 49) await new Promise<void>((resolve) => setImmediate(resolve));
    const hlc = row.changed_at_ms === HELD_BEFORE_JOINING_MS ? formatStamp({ ms: 0, counter: 0, deviceId }) : clock.now(row.changed_at_ms);
    await db.updateTable('sync_changes').set({ hlc, change_id: randomUUID() }).where('seq', '=', row.seq).execute();
    if (row.tombstone === 1) continue;
    const key = syncedTableOfKind(row.kind)?.key ?? ['id'];
    const fields = Object.keys(parseFields(row.fields));
    for (const field of key.every((column) => fields.includes(column)) ? [WHOLE_RECORD] : fields) await raiseFieldClock(db, row.kind, row.record_id, field, hlc);
  }
  return rows.length;
}

/** Up to `limit` stamped changes the hub has not stored yet, oldest first, as the protocol sends them. */
export async function listUnpushedChanges(db: Kysely<Database>, limit: number): Promise<RecordChange[]> {
  const rows = await db
    .selectFrom('sync_changes')
    .select(['kind', 'record_id', 'fields', 'tombstone', 'change_id', 'hlc'])
    .where('pushed', '=', 0)
    .where('hlc', 'is not', null)
    .orderBy('seq')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    changeId: row.change_id ?? '',
    kind: row.kind,
    recordId: row.record_id,
    hlc: row.hlc ?? '',
    fields: parseFields(row.fields),
    tombstone: row.tombstone === 1,
  }));
}

export async function markChangesPushed(db: Kysely<Database>, changeIds: readonly string[]): Promise<void> {
  if (changeIds.length === 0) return;
  await db.updateTable('sync_changes').set({ pushed: 1 }).where('change_id', 'in', changeIds).execute();
}

/** Another hub has none of them: every change goes again (with its id and stamp). */
export async function markAllUnpushed(db: Kysely<Database>): Promise<void> {
  await db.updateTable('sync_changes').set({ pushed: 0 }).execute();
}

/** Changes not on the hub yet (stamped or not), by record kind. */
export async function countUnpushedChanges(db: Kysely<Database>): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('sync_changes')
    .select(['kind', (eb) => eb.fn.countAll<number>().as('count')])
    .where('pushed', '=', 0)
    .groupBy('kind')
    .execute();
  return Object.fromEntries(rows.map((row) => [row.kind, Number(row.count)]));
}

/** True when the change is this laptop's own (sent back by the hub) or was applied before. */
export async function isKnownChange(db: Kysely<Database>, changeId: string): Promise<boolean> {
  const own = await db.selectFrom('sync_changes').select('seq').where('change_id', '=', changeId).executeTakeFirst();
  if (own) return true;
  const applied = await db.selectFrom('sync_applied_changes').select('change_id').where('change_id', '=', changeId).executeTakeFirst();
  return applied !== undefined;
}

export async function rememberAppliedChange(db: Kysely<Database>, changeId: string): Promise<void> {
  await db.insertInto('sync_applied_changes').values({ change_id: changeId }).onConflict((conflict) => conflict.doNothing()).execute();
}

/** True when the value the laptop holds under this stamp is its own edit the hub has not stored yet: no other laptop saw it. */
export async function isUnpushedLocalStamp(db: Kysely<Database>, kind: string, recordId: string, hlc: string): Promise<boolean> {
  const row = await db
    .selectFrom('sync_changes')
    .select('seq')
    .where('kind', '=', kind)
    .where('record_id', '=', recordId)
    .where('hlc', '=', hlc)
    .where('pushed', '=', 0)
    .executeTakeFirst();
  return row !== undefined;
}
