import { setImmediate as nextTurn } from 'node:timers/promises';
import { sql, type Kysely } from 'kysely';
import { compiledBulkInsert } from '../db/compiled-query';
import type { Database } from '../db/schema';
import { keyValuesOf, recordIdSql, SYNCED_TABLES, syncedTableOfKind, type SyncedTable } from './synced-tables';

/**
 * Per record and field, the clock stamp of the value the laptop holds.
 *
 * Field `*` holds the stamp of the record's insert: the clock of every field without its own
 * stamp. It is kept on the record itself, in the column `RECORD_STAMP_COLUMN` of each synced
 * table (migration 0018), written with the record's own insert; the stamps of single fields
 * (edits) are rows of `sync_field_clocks`. A first sync receives tens of thousands of records
 * whole: a row of their own for each `*` was one more insert into a B-tree of 100,000+ keys per
 * record. Goes with its record (a delete, a forget). This file reads and writes it; besides,
 * the batch look-ups read it with the records a pull's batch holds (batch-lookups.ts: a change
 * that brought its record whole is known by it) and the bundle leaves the column out (it carries
 * `*` in the record's `field_clocks`).
 */
export const WHOLE_RECORD = '*';

/** The column of every synced table holding its record's `*` stamp (NULL: none kept). */
export const RECORD_STAMP_COLUMN = 'sync_record_hlc';

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

function tableOf(kind: string): SyncedTable {
  const table = syncedTableOfKind(kind);
  if (!table) throw new Error(`${kind}: not a record kind this LeadBooth syncs, so it keeps no field clocks.`);
  return table;
}

function quoted(name: string): string {
  return `"${name}"`;
}

/**
 * Each key column of the table (as `r`) equal to its place in an array of key values
 * (`valueAt(index)`): by the table's key index whatever the number of key columns (a record id
 * of two columns compared as text would read the whole table).
 */
function keyMatches(table: SyncedTable, valueAt: (index: number) => string): string {
  return table.key.map((column, index) => `r.${quoted(column)} = ${valueAt(index)}`).join(' AND ');
}

/** A record id's key values, in the key's order. */
function keyArray(table: SyncedTable, recordId: string): string[] {
  const values = keyValuesOf(table, recordId);
  return table.key.map((column) => values[column] ?? '');
}

export async function readRecordClocks(db: Kysely<Database>, kind: string, recordId: string): Promise<RecordClocks> {
  return (await readClocksOfRecords(db, kind, [recordId])).get(recordId) ?? clocksOf(new Map());
}

/** Each record's stamps by field (`*` included), as kept, in two reads (the ids as one JSON array SQLite unpacks). */
export async function readStampsOfRecords(db: Kysely<Database>, kind: string, recordIds: readonly string[]): Promise<Map<string, Map<string, string>>> {
  const table = tableOf(kind);
  const byRecord = new Map<string, Map<string, string>>();
  const note = (recordId: string, field: string, hlc: string) => byRecord.set(recordId, (byRecord.get(recordId) ?? new Map<string, string>()).set(field, hlc));
  const keys = JSON.stringify(recordIds.map((recordId) => keyArray(table, recordId)));
  const wholes = await sql<{ record_id: string; hlc: string }>`${sql.raw(`SELECT ${recordIdSql(table, 'r')} AS record_id, r.${RECORD_STAMP_COLUMN} AS hlc FROM json_each(`)}${keys}${sql.raw(
    `) AS wanted JOIN ${quoted(table.table)} AS r ON ${keyMatches(table, (index) => `json_extract(wanted.value, '$[${index}]')`)} WHERE r.${RECORD_STAMP_COLUMN} IS NOT NULL`,
  )}`.execute(db);
  for (const row of wholes.rows) note(row.record_id, WHOLE_RECORD, row.hlc);
  const fields = await sql<{ record_id: string; field: string; hlc: string }>`
    SELECT record_id, field, hlc FROM sync_field_clocks
    WHERE kind = ${kind} AND record_id IN (SELECT value FROM json_each(${JSON.stringify(recordIds)}))`.execute(db);
  for (const row of fields.rows) note(row.record_id, row.field, row.hlc);
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

/** Rows per multi-row upsert: 4 bound values each, well under SQLite's 32,766; as many records' `*` stamps per UPDATE. */
const STAMPS_PER_STATEMENT = 2000;

/**
 * Sets each field's stamp unless it holds a later one already (stamps compare as text), many in
 * one statement: a first sync raises tens of thousands, and one statement per stamp cost more
 * than the rest of stamping. The same field twice is fine (the later stamp stays). A `*` stamp
 * goes on its record (a record not held keeps none).
 */
export async function raiseFieldClocks(db: Kysely<Database>, stamps: readonly FieldStamp[]): Promise<void> {
  const wholeByKind = new Map<string, FieldStamp[]>();
  const fields: FieldStamp[] = [];
  for (const stamp of stamps) {
    if (stamp.field !== WHOLE_RECORD) fields.push(stamp);
    else if (wholeByKind.has(stamp.kind)) wholeByKind.get(stamp.kind)?.push(stamp);
    else wholeByKind.set(stamp.kind, [stamp]);
  }
  let statements = 0;
  // A statement of 2,000 rows is 10–20 ms of SQLite's work: the window's process gets a turn between two.
  const pause = async () => {
    if (statements++ > 0) await nextTurn();
  };
  for (const [kind, wholes] of wholeByKind) {
    for (let start = 0; start < wholes.length; start += STAMPS_PER_STATEMENT) {
      await pause();
      await raiseRecordStamps(db, tableOf(kind), wholes.slice(start, start + STAMPS_PER_STATEMENT));
    }
  }
  for (let start = 0; start < fields.length; start += STAMPS_PER_STATEMENT) {
    await pause();
    const rows = fields.slice(start, start + STAMPS_PER_STATEMENT).map((stamp) => ({ kind: stamp.kind, record_id: stamp.recordId, field: stamp.field, hlc: stamp.hlc }));
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

/** Raises records' `*` stamps on the records themselves, in one UPDATE (the latest stamp of a record given twice). */
async function raiseRecordStamps(db: Kysely<Database>, table: SyncedTable, stamps: readonly FieldStamp[]): Promise<void> {
  const rows = JSON.stringify(stamps.map((stamp) => [...keyArray(table, stamp.recordId), stamp.hlc]));
  const keyColumns = table.key.map((_, index) => `json_extract(value, '$[${index}]') AS key${index}`).join(', ');
  const update =
    `UPDATE ${quoted(table.table)} AS r SET ${RECORD_STAMP_COLUMN} = raised.hlc ` +
    `FROM (SELECT ${keyColumns}, max(json_extract(value, '$[${table.key.length}]')) AS hlc FROM json_each(`;
  const matching =
    `) GROUP BY ${table.key.map((_, index) => `key${index}`).join(', ')}) AS raised ` +
    `WHERE ${keyMatches(table, (index) => `raised.key${index}`)} AND (r.${RECORD_STAMP_COLUMN} IS NULL OR r.${RECORD_STAMP_COLUMN} < raised.hlc)`;
  await sql`${sql.raw(update)}${rows}${sql.raw(matching)}`.execute(db);
}

/**
 * Forgets every stamp kept (joining a hub: sync-capture.ts), the records' `*` stamps included.
 */
export async function clearFieldClocks(db: Kysely<Database>): Promise<void> {
  await db.deleteFrom('sync_field_clocks').execute();
  for (const table of SYNCED_TABLES) {
    await sql.raw(`UPDATE ${quoted(table.table)} SET ${RECORD_STAMP_COLUMN} = NULL WHERE ${RECORD_STAMP_COLUMN} IS NOT NULL`).execute(db);
  }
}
