import { sql, type Kysely } from 'kysely';
import { boundValue } from '../db/repositories/bundle-tables';
import type { Database } from '../db/schema';
import type { ConflictSide } from './conflict-entry';
import type { RecordClocks } from './field-clocks';
import { keyValuesOf, type SyncedTable } from './synced-tables';

/**
 * Last writer wins per field: the one rule by which a record held here takes another laptop's
 * values, whether they come from the hub (apply-changes.ts) or in a bundle (bundle-merge.ts).
 */

type Row = Record<string, unknown>;

/** A value another laptop holds for a field, with the stamp it carries. */
export interface IncomingField {
  field: string;
  value: unknown;
  hlc: string;
}

/** Where two laptops' values of a field met, which was made without seeing the other: the caller knows how to tell. */
export interface BlindEdits {
  /** The incoming value wins: was the value here (stamped `localStamp`) made without the other laptop seeing it? */
  localLosesBlind(field: string, localStamp: string, incomingStamp: string): Promise<boolean>;
  /** The incoming value loses: was it made without seeing the value here? */
  incomingLosesBlind(localStamp: string, incomingStamp: string): boolean;
}

export interface SettledFields {
  /** Columns to write (the derived ones not yet). */
  updates: Row;
  /** Fields whose value is the incoming one now, or was already: their clock rises to its stamp. */
  raised: IncomingField[];
  /** Values that lost to another laptop's made blind: worth keeping somewhere (a lead's timeline). */
  losers: Array<{ field: string; lost: ConflictSide; won: ConflictSide }>;
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || (a === null && b === undefined) || (typeof a === 'number' && typeof b === 'boolean' && a === Number(b));
}

/**
 * Per field: the incoming value is taken when its stamp is later than the value's here (stamps
 * compare as text, see hybrid-clock.ts); where the two differ and were made blind, the loser is
 * reported. Key columns never change.
 */
export async function settleFields(table: SyncedTable, current: Row, incoming: readonly IncomingField[], clocks: RecordClocks, blind: BlindEdits): Promise<SettledFields> {
  const settled: SettledFields = { updates: {}, raised: [], losers: [] };
  for (const { field, value, hlc } of incoming) {
    if (table.key.includes(field)) continue;
    const localStamp = clocks.of(field);
    const local = current[field];
    const differs = !sameValue(local, value);
    if (hlc > localStamp) {
      if (differs) {
        settled.updates[field] = value;
        if (localStamp && (await blind.localLosesBlind(field, localStamp, hlc))) settled.losers.push({ field, lost: { value: local, hlc: localStamp }, won: { value, hlc } });
      }
      settled.raised.push({ field, value, hlc });
    } else if (differs && localStamp && blind.incomingLosesBlind(localStamp, hlc)) {
      settled.losers.push({ field, lost: { value, hlc }, won: { value: local, hlc: localStamp } });
    }
  }
  return settled;
}

/** Only a lead has a timeline to keep a losing value on, and its edit time is not worth an entry. */
export function keepsLosers(table: SyncedTable, field: string): boolean {
  return table.kind === 'lead' && !table.bookkeeping?.includes(field);
}

/** `key = …` (`AND` for each column of a two-column key) of the record a record id names. */
export function whereKey(table: SyncedTable, recordId: string) {
  const values = keyValuesOf(table, recordId);
  return sql.join(
    table.key.map((column) => sql`${sql.ref(column)} = ${values[column]}`),
    sql` AND `,
  );
}

/** A value as SQLite binds it (a boolean of a newer laptop as 0 or 1). */
export function sqlValue(value: unknown): unknown {
  return boundValue(typeof value === 'boolean' ? Number(value) : value);
}

/** Writes the settled columns and the derived ones made from them; false when nothing changed. */
export async function writeSettledFields(db: Kysely<Database>, table: SyncedTable, recordId: string, current: Row, updates: Row): Promise<boolean> {
  if (Object.keys(updates).length === 0) return false;
  const values: Row = { ...updates, ...table.derive?.({ ...current, ...updates }) };
  await sql`
    UPDATE ${sql.table(table.table)} SET ${sql.join(Object.keys(values).map((column) => sql`${sql.ref(column)} = ${sqlValue(values[column])}`))}
    WHERE ${whereKey(table, recordId)}`.execute(db);
  return true;
}
