import { setImmediate as nextTurn } from 'node:timers/promises';
import { sql, type Kysely } from 'kysely';
import { compiledBulkInsert } from '../db/compiled-query';
import type { Database } from '../db/schema';

/**
 * Per record and field, the clock stamp of the value the laptop holds (`sync_field_clocks`).
 * Field `*` holds the stamp of the record's insert: the clock of every field without its own row.
 */
export const WHOLE_RECORD = '*';

export interface RecordClocks {
  /** Whether the laptop keeps any stamp for the record. */
  held: boolean;
  /** The stamp the value of `field` carries; '' when the laptop knows none (older than any stamp). */
  of(field: string): string;
}

function clocksOf(byField: ReadonlyMap<string, string>): RecordClocks {
  const whole = byField.get(WHOLE_RECORD) ?? '';
  return { held: byField.size > 0, of: (field) => byField.get(field) ?? whole };
}

export async function readRecordClocks(db: Kysely<Database>, kind: string, recordId: string): Promise<RecordClocks> {
  const rows = await db.selectFrom('sync_field_clocks').select(['field', 'hlc']).where('kind', '=', kind).where('record_id', '=', recordId).execute();
  return clocksOf(new Map(rows.map((row) => [row.field, row.hlc])));
}

/** Each record's stamps by field (`*` included), as kept, in one read (the ids as one JSON array SQLite unpacks). */
export async function readStampsOfRecords(db: Kysely<Database>, kind: string, recordIds: readonly string[]): Promise<Map<string, Map<string, string>>> {
  const rows = await sql<{ record_id: string; field: string; hlc: string }>`
    SELECT record_id, field, hlc FROM sync_field_clocks
    WHERE kind = ${kind} AND record_id IN (SELECT value FROM json_each(${JSON.stringify(recordIds)}))`.execute(db);
  const byRecord = new Map<string, Map<string, string>>();
  for (const row of rows.rows) byRecord.set(row.record_id, (byRecord.get(row.record_id) ?? new Map<string, string>()).set(row.field, row.hlc));
  return byRecord;
}

/** The clocks of many records of a kind in one read; a record without any has none held. */
export async function readClocksOfRecords(db: Kysely<Database>, kind: string, recordIds: readonly string[]): Promise<Map<string, RecordClocks>> {
  const stamps = await readStampsOfRecords(db, kind, recordIds);
  return new Map(recordIds.map((id) => [id, clocksOf(stamps.get(id) ?? new Map<string, string>())]));
}

/** One field's stamp to raise (see raiseFieldClocks). */
export interface FieldStamp {
  kind: string;
  recordId: string;
  field: string;
  hlc: string;
}

/** Rows per multi-row upsert: 4 bound values each, well under SQLite's 32,766. */
const STAMPS_PER_STATEMENT = 2000;

/**
 * Sets each field's stamp unless it holds a later one already (stamps compare as text), many in
 * one statement: a first sync raises tens of thousands, and one statement per stamp cost more
 * than the rest of stamping. The same field twice is fine (SQLite applies the rows in order).
 */
export async function raiseFieldClocks(db: Kysely<Database>, stamps: readonly FieldStamp[]): Promise<void> {
  for (let start = 0; start < stamps.length; start += STAMPS_PER_STATEMENT) {
    // A statement of 2,000 rows is 10–20 ms of SQLite's work: the window's process gets a turn between two.
    if (start > 0) await nextTurn();
    const rows = stamps.slice(start, start + STAMPS_PER_STATEMENT).map((stamp) => ({ kind: stamp.kind, record_id: stamp.recordId, field: stamp.field, hlc: stamp.hlc }));
    await upsertClockRows(db, rows);
  }
}

/**
 * The stamps' upsert, its SQL written once per row count and bound directly (compiledBulkInsert):
 * built with Kysely's `sql` template, every stamp made a handful of objects — in a first sync,
 * tens of thousands of stamps, more JS than SQLite's own work on them.
 */
const upsertClockRows = compiledBulkInsert(
  'sync_field_clocks',
  'ON CONFLICT (kind, record_id, field) DO UPDATE SET hlc = excluded.hlc WHERE sync_field_clocks.hlc < excluded.hlc',
);

/** Sets a field's stamp unless it holds a later one already. */
export async function raiseFieldClock(db: Kysely<Database>, kind: string, recordId: string, field: string, hlc: string): Promise<void> {
  await raiseFieldClocks(db, [{ kind, recordId, field, hlc }]);
}
