import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { formatStamp, type HybridClock } from '../../shared/sync/hybrid-clock';
import type { RecordChange } from '../../shared/sync/protocol';
import type { Database } from '../db/schema';
import { HELD_BEFORE_JOINING_MS } from './change-triggers';
import { raiseFieldClocks, WHOLE_RECORD, type FieldStamp } from './field-clocks';
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

/** Changes per stamping statement: small enough that one never holds the event loop long. */
const STAMPS_PER_STATEMENT = 500;

/** `pushed = 0` as literal SQL: only then may SQLite plan with the partial index `sync_changes_unpushed`. */
const UNPUSHED = sql<boolean>`pushed = 0`;

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
    // By the partial index of changes not stamped (migration 0012): a change not stamped is not pushed either.
    .where('hlc', 'is', null)
    .orderBy('seq')
    .limit(limit)
    .execute();
  const stamped: Array<{ seq: number; hlc: string; changeId: string }> = [];
  const fieldStamps: FieldStamp[] = [];
  for (const row of rows) {
    const hlc = row.changed_at_ms === HELD_BEFORE_JOINING_MS ? formatStamp({ ms: 0, counter: 0, deviceId }) : clock.now(row.changed_at_ms);
    stamped.push({ seq: row.seq, hlc, changeId: randomUUID() });
    if (row.tombstone === 1) continue;
    const key = syncedTableOfKind(row.kind)?.key ?? ['id'];
    const fields = Object.keys(parseFields(row.fields));
    for (const field of key.every((column) => fields.includes(column)) ? [WHOLE_RECORD] : fields) fieldStamps.push({ kind: row.kind, recordId: row.record_id, field, hlc });
  }
  // Reading 1,000 changes and their fields is 20–40 ms here: the window's process gets a turn before the writes.
  await new Promise<void>((resolve) => setImmediate(resolve));
  // Written in a few multi-row statements, with a pause between them: one statement per change
  // cost a first sync seconds, and stamping thousands must not hold the process.
  for (let start = 0; start < stamped.length; start += STAMPS_PER_STATEMENT) {
    const values = stamped.slice(start, start + STAMPS_PER_STATEMENT).map((row) => sql`(${row.seq}, ${row.hlc}, ${row.changeId})`);
    await sql`
      UPDATE sync_changes SET hlc = stamp.column2, change_id = stamp.column3
      FROM (VALUES ${sql.join(values)}) AS stamp WHERE sync_changes.seq = stamp.column1`.execute(db);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  await raiseFieldClocks(db, fieldStamps);
  return rows.length;
}

/** Up to `limit` stamped changes the hub has not stored yet, oldest first, as the protocol sends them. */
export async function listUnpushedChanges(db: Kysely<Database>, limit: number): Promise<RecordChange[]> {
  const rows = await db
    .selectFrom('sync_changes')
    .select(['kind', 'record_id', 'fields', 'tombstone', 'change_id', 'hlc'])
    .where(UNPUSHED)
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
    .where(UNPUSHED)
    // `+kind`: not by the index on (kind, record_id), which reads every change ever logged; by
    // the partial index of unpushed ones, which holds only what is not on the hub yet.
    .groupBy(sql`+kind`)
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
