import { CompiledQuery, sql, type Kysely } from 'kysely';
import type { BundleRecord, BundleValue } from '../../../shared/domain/bundle';
import type { BundleSection } from '../bundle-sections';
import type { Database } from '../schema';
import { RECORD_STAMP_COLUMN } from '../../sync/field-clocks';
import { recordIdOf, syncedTableOfTable } from '../../sync/synced-tables';
import { tombstonedAmong } from './sync-tombstones';

/**
 * Reading and merging the tables a LeadBooth bundle carries, column by column as SQLite
 * has them (PRAGMA table_info), so a column another migration adds travels too.
 */

export interface TableColumn {
  name: string;
  /** NOT NULL without a default: a record must give it */
  required: boolean;
  /** what a record that leaves the column out gets (the column's DEFAULT, else null) */
  fallback: BundleValue;
}

/** A DEFAULT clause's literal ('text', 12, NULL) as a value. */
function literalValue(literal: string | null): BundleValue {
  if (literal === null || /^null$/i.test(literal)) return null;
  if (/^'.*'$/s.test(literal)) return literal.slice(1, -1).replaceAll("''", "'");
  const number = Number(literal);
  return Number.isFinite(number) ? number : null;
}

/** IN lists and multi-row inserts stay well under SQLite's 32,766 bound parameters. */
const IDS_PER_QUERY = 500;
const PARAMETERS_PER_INSERT = 30_000;

export async function tableColumns(db: Kysely<Database>, section: BundleSection): Promise<TableColumn[]> {
  const rows = await sql<{ name: string; notnull: number; dflt_value: string | null; pk: number }>`
    SELECT name, "notnull", dflt_value, pk FROM pragma_table_info(${section.table})`.execute(db);
  // seq is each laptop's own integer key; the rows are identified by their ids. A record's `*`
  // clock travels with its other clocks (`field_clocks`, bundle-merge.ts), not as a column.
  return rows.rows
    .filter((column) => column.name !== 'seq' && column.name !== RECORD_STAMP_COLUMN)
    .map((column) => ({
      name: column.name,
      required: column.notnull === 1 && column.dflt_value === null && column.pk === 0,
      fallback: literalValue(column.dflt_value),
    }));
}

/**
 * The section's records, all of them or those whose `filter.column` is one of
 * `filter.values`, in the table's insertion order; those its `leftOutWhen` marks stay out.
 */
export async function readSectionRecords(
  db: Kysely<Database>,
  section: BundleSection,
  filter?: { column: string; values: readonly string[] },
): Promise<BundleRecord[]> {
  const columns = await tableColumns(db, section);
  const select = sql.join(columns.map((column) => sql.ref(column.name)));
  const order = section.withoutRowid ? sql.join(section.key.map((column) => sql.ref(column))) : sql`rowid`;
  const shown = section.leftOutWhen ? sql`${sql.ref(section.leftOutWhen)} = 0` : sql`true`;
  let rows: Record<string, unknown>[];
  if (!filter) {
    rows = (await sql<Record<string, unknown>>`SELECT ${select} FROM ${sql.table(section.table)} WHERE ${shown} ORDER BY ${order}`.execute(db)).rows;
  } else {
    if (filter.values.length === 0) return [];
    // The values as one JSON array SQLite unpacks (json_each): one query however many.
    rows = (
      await sql<Record<string, unknown>>`
        SELECT ${select} FROM ${sql.table(section.table)}
        WHERE ${sql.ref(filter.column)} IN (SELECT value FROM json_each(${JSON.stringify(filter.values)})) AND ${shown} ORDER BY ${order}`.execute(db)
    ).rows;
  }
  // The rows are the records already (the columns in table order; integers come back as
  // numbers, this connection does not ask for BigInts): only bytes need turning into text,
  // in place, rather than copying 100,000 rows column by column.
  for (const column of section.binary ?? []) {
    for (const row of rows) {
      const value = row[column];
      if (value instanceof Uint8Array) row[column] = Buffer.from(value).toString('base64');
    }
  }
  // Text, numbers and null from SQLite, bytes turned into base64 text just above.
  return rows as BundleRecord[];
}

/**
 * A value as better-sqlite3 should bind it. It binds every JS number as a REAL, so a whole
 * number that fits SQLite's 64-bit INTEGER goes in as a BigInt (bound as INTEGER), as SQLite
 * reads the same number in JSON: a bundle's 1 is stored as the INTEGER 1 it was exported
 * from, also in a column without type affinity, and in a TEXT column as '1', not '1.0'.
 */
export function boundValue(value: unknown): unknown {
  return typeof value === 'number' && Number.isInteger(value) && value >= -(2 ** 63) && value < 2 ** 63 ? BigInt(value) : value;
}

/**
 * The records of a bundle that were deleted or forgotten here or on the team's hub (a tombstone,
 * see sync-tombstones.ts), and the records of a forgotten lead (its timeline, answers, photos):
 * an old bundle must never bring a forgotten person back.
 */
async function forgottenRecordsOf(db: Kysely<Database>, section: BundleSection, records: readonly BundleRecord[]): Promise<Set<BundleRecord>> {
  const forgotten = new Set<BundleRecord>();
  const synced = syncedTableOfTable(section.table);
  if (synced) {
    const ids = await tombstonedAmong(db, synced.kind, records.map((record) => recordIdOf(synced, record)));
    for (const record of records) if (ids.has(recordIdOf(synced, record))) forgotten.add(record);
  }
  const leadIds = records.flatMap((record) => (typeof record.lead_id === 'string' ? [record.lead_id] : []));
  if (section.table !== 'leads' && leadIds.length > 0) {
    const leads = await tombstonedAmong(db, 'lead', leadIds);
    for (const record of records) if (typeof record.lead_id === 'string' && leads.has(record.lead_id)) forgotten.add(record);
  }
  return forgotten;
}

export interface MergeCounts {
  added: number;
  updated: number;
  skipped: number;
  /** ids (or keys joined by a tab) of the records added */
  addedKeys: string[];
  /** Records here already of a section merged field by field (`byField`): the caller merges them. */
  here: BundleRecord[];
}

function keyOf(record: Record<string, unknown>, key: readonly string[]): string {
  return key.map((column) => String(record[column])).join('\t');
}

/**
 * How many of a section's records the store holds already, by their one-column key: an import
 * of the section adds at most the others (a bundle imported again adds none).
 */
export async function countRecordsHere(db: Kysely<Database>, section: BundleSection, records: readonly BundleRecord[]): Promise<number> {
  const [key] = section.key;
  if (key === undefined || section.key.length !== 1 || records.length === 0) return 0;
  const result = await sql<{ here: number }>`
    SELECT count(*) AS here FROM ${sql.table(section.table)}
    WHERE ${sql.ref(key)} IN (SELECT value FROM json_each(${JSON.stringify(records.map((record) => record[key]))}))`.execute(db);
  return Number(result.rows[0]?.here ?? 0);
}

/**
 * Merges records into the section's table, in the caller's transaction: a record whose key
 * is not here is added; one that is here is returned in `here` when the section merges field by
 * field (the caller does, by the sync's rule), else replaced only when the section has a `newer`
 * column and the record's is later; otherwise it is skipped. Importing the same records
 * twice therefore changes nothing.
 */
export async function mergeSectionRecords(
  db: Kysely<Database>,
  section: BundleSection,
  columns: readonly TableColumn[],
  records: readonly BundleRecord[],
): Promise<MergeCounts> {
  const counts: MergeCounts = { added: 0, updated: 0, skipped: 0, addedKeys: [], here: [] };
  if (records.length === 0) return counts;
  const binary = new Set(section.binary ?? []);
  const present = columns.filter((column) => records.some((record) => column.name in record));
  const fallbacks = new Map(columns.map((column) => [column.name, column.fallback]));
  const toSql = (record: BundleRecord, column: string): unknown => {
    const value = column in record ? record[column] : fallbacks.get(column);
    return binary.has(column) && typeof value === 'string' ? Buffer.from(value, 'base64') : value;
  };

  // What is here already, by key (with its `newer` value).
  const existing = new Map<string, unknown>();
  const newer = section.newer;
  const keyColumns = sql.join(section.key.map((column) => sql.ref(column)));
  const keyPerQuery = section.key.length === 1 ? records.length : Math.floor(IDS_PER_QUERY / section.key.length);
  for (let start = 0; start < records.length; start += keyPerQuery) {
    const slice = records.slice(start, start + keyPerQuery);
    // A one-column key goes in as one JSON array (json_each); a composite key as row values.
    const wanted =
      section.key.length === 1
        ? sql`${sql.ref(section.key[0] as string)} IN (SELECT value FROM json_each(${JSON.stringify(slice.map((record) => record[section.key[0] as string]))}))`
        : sql`(${keyColumns}) IN (VALUES ${sql.join(slice.map((record) => sql`(${sql.join(section.key.map((column) => record[column]))})`))})`;
    const result = await sql<Record<string, unknown>>`
      SELECT ${keyColumns}${newer ? sql`, ${sql.ref(newer)} AS newer_value` : sql``}
      FROM ${sql.table(section.table)} WHERE ${wanted}`.execute(db);
    for (const row of result.rows) existing.set(keyOf(row, section.key), row.newer_value);
  }

  const toInsert: BundleRecord[] = [];
  const seen = new Set<string>();
  const forgotten = await forgottenRecordsOf(db, section, records);
  for (const record of records) {
    const key = keyOf(record, section.key);
    if (seen.has(key) || forgotten.has(record)) {
      counts.skipped++;
      continue;
    }
    seen.add(key);
    if (!existing.has(key)) {
      toInsert.push(record);
      counts.addedKeys.push(key);
      continue;
    }
    if (section.byField) {
      counts.here.push(record);
      continue;
    }
    const here = existing.get(key);
    if (newer && typeof record[newer] === 'string' && typeof here === 'string' && (record[newer] as string) > here) {
      const assignments = present
        .filter((column) => !section.key.includes(column.name))
        .map((column) => sql`${sql.ref(column.name)} = ${toSql(record, column.name)}`);
      const where = sql.join(section.key.map((column) => sql`${sql.ref(column)} = ${record[column]}`), sql` AND `);
      await sql`UPDATE ${sql.table(section.table)} SET ${sql.join(assignments)} WHERE ${where}`.execute(db);
      counts.updated++;
    } else {
      counts.skipped++;
    }
  }

  // Multi-row INSERTs with bound values, as many rows as the parameter bound allows, through
  // the connection's statement cache (the SQL text is the same for every full statement).
  // Per row this is the cheapest way in: SQLite pulling each column back out of a JSON
  // array (json_each + json_extract) cost more than the insert itself, and one statement
  // per row would make the search index flush its pending terms at every row.
  const insertInto = sql`INSERT INTO ${sql.table(section.table)} (${sql.join(present.map((column) => sql.ref(column.name)))}) VALUES `.compile(db).sql;
  const rowPlaceholders = `(${present.map(() => '?').join(', ')})`;
  const rowsPerInsert = Math.max(1, Math.floor(PARAMETERS_PER_INSERT / present.length));
  for (let start = 0; start < toInsert.length; start += rowsPerInsert) {
    const slice = toInsert.slice(start, start + rowsPerInsert);
    const parameters: unknown[] = [];
    for (const record of slice) for (const column of present) parameters.push(boundValue(toSql(record, column.name)));
    await db.executeQuery(CompiledQuery.raw(insertInto + new Array<string>(slice.length).fill(rowPlaceholders).join(', '), parameters));
  }
  counts.added = toInsert.length;
  return counts;
}
