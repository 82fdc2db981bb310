import { sql, type Kysely } from 'kysely';
import type { BundleRecord } from '../../shared/domain/bundle';
import { formatStamp, parseStamp } from '../../shared/sync/hybrid-clock';
import type { Database } from '../db/schema';
import { recordLeadConflict } from './conflict-entry';
import { raiseFieldClocks, readClocksOfRecords, readStampsOfRecords, WHOLE_RECORD, type FieldStamp, type RecordClocks } from './field-clocks';
import { keepsLosers, settleFields, writeSettledFields, type IncomingField } from './field-merge';
import { recordIdOf, type SyncedTable } from './synced-tables';

/**
 * A bundle's records merged into records held here field by field, by the sync's rule
 * (field-merge.ts): laptops that never see a network lose no title or note another laptop added.
 *
 * A bundle record carries its field clocks (`field_clocks`: a JSON object of field → stamp, `*`
 * for the fields without a stamp of their own), the sync's stamps on a joined laptop or the
 * store's own (migration 0012) on one that never joined; a field without a stamp of its own is as
 * old as the record. A side with no stamp at all for the record (a bundle of an older LeadBooth, a
 * record edited only before migration 0012, or never) dates all its fields by the record's edit
 * time (`updated_at`), as the import did before: there the later record's value wins.
 */

/** The key of a bundle record that holds its field clocks (not a column). */
const FIELD_CLOCKS_KEY = 'field_clocks';

/** The device part of a stamp made from a record's edit time: no laptop's, and never a conflict. */
const EDIT_TIME_DEVICE = 'edit-time';

type Row = Record<string, unknown>;

/** Adds each record's field clocks (`FIELD_CLOCKS_KEY`), for a bundle: the records are the table's rows, in place. */
export async function attachFieldClocks(db: Kysely<Database>, table: SyncedTable, records: BundleRecord[]): Promise<void> {
  if (records.length === 0) return;
  const stamps = await readStampsOfRecords(db, table.kind, records.map((record) => recordIdOf(table, record)));
  for (const record of records) {
    const held = stamps.get(recordIdOf(table, record));
    if (held) record[FIELD_CLOCKS_KEY] = JSON.stringify(Object.fromEntries(held));
  }
}

/** A record's field clocks as the bundle gave them; a broken or foreign value counts as none. */
function bundleClocks(record: BundleRecord): Map<string, string> {
  const text = record[FIELD_CLOCKS_KEY];
  if (typeof text !== 'string') return new Map();
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null) return new Map();
    return new Map(Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && isStamp(entry[1])));
  } catch {
    return new Map();
  }
}

function isStamp(text: string): boolean {
  try {
    parseStamp(text);
    return true;
  } catch {
    return false;
  }
}

/** A stamp from a record's edit time, for a field without a clock; '' when there is none. */
function editTimeStamp(updatedAt: unknown): string {
  const ms = typeof updatedAt === 'string' ? Date.parse(updatedAt) : NaN;
  return Number.isFinite(ms) && ms >= 0 ? formatStamp({ ms, counter: 0, deviceId: EDIT_TIME_DEVICE }) : '';
}

const isEditTime = (stamp: string): boolean => stamp.endsWith(`-${EDIT_TIME_DEVICE}`);

/** Two laptops' stamps of one field, both real and of two devices: neither edit saw the other, as far as the bundle can tell. */
function twoLaptops(localStamp: string, incomingStamp: string): boolean {
  // '': a field as old as its record, never edited on that side.
  if (!localStamp || !incomingStamp || isEditTime(localStamp) || isEditTime(incomingStamp)) return false;
  return parseStamp(localStamp).deviceId !== parseStamp(incomingStamp).deviceId;
}

export interface BundleMergeCounts {
  /** Records of which at least one field took the bundle's value. */
  updated: number;
  /** Records that stayed as they were. */
  unchanged: number;
  /** Fields where the two laptops' values met: the loser is on the lead's timeline. */
  conflicts: number;
}

/** Whether this laptop's change log started (it joined a hub): its sync then stamps what the import changes (change-log.ts). */
async function isJoined(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom('sync_capture').select('local_clocks').where('id', '=', 1).executeTakeFirst();
  return row?.local_clocks === 0;
}

/**
 * Merges bundle records whose record is here already, in the caller's transaction. The losing
 * value of a field both laptops edited goes on the lead's timeline (the same entry, with the
 * same id, the sync makes, so importing both ways or syncing later makes it once).
 */
export async function mergeBundleRecords(db: Kysely<Database>, table: SyncedTable, records: readonly BundleRecord[]): Promise<BundleMergeCounts> {
  const counts: BundleMergeCounts = { updated: 0, unchanged: 0, conflicts: 0 };
  const joined = await isJoined(db);
  const blind = {
    localLosesBlind: async (_field: string, localStamp: string, incomingStamp: string) => twoLaptops(localStamp, incomingStamp),
    incomingLosesBlind: twoLaptops,
  };
  const [key] = table.key;
  if (!key || table.key.length !== 1) throw new Error(`${table.table}: only records of a one-column key merge field by field.`);
  const ids = records.map((record) => recordIdOf(table, record));
  // The records and their clocks in two reads, not two per record.
  const rows = await sql<Row>`SELECT * FROM ${sql.table(table.table)} WHERE ${sql.ref(key)} IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`.execute(db);
  const held = new Map(rows.rows.map((row) => [String(row[key]), row]));
  const clocksHere = await readClocksOfRecords(db, table.kind, ids);
  for (const record of records) {
    const recordId = recordIdOf(table, record);
    const current = held.get(recordId);
    const localClocks = clocksHere.get(recordId);
    if (!current || !localClocks) continue;
    const localEditTime = editTimeStamp(current.updated_at);
    const clocks: RecordClocks = localClocks.held ? localClocks : { held: false, of: () => localEditTime };
    const given = bundleClocks(record);
    const incomingEditTime = editTimeStamp(record.updated_at);
    const incomingStamp = (field: string): string => (given.size === 0 ? incomingEditTime : (given.get(field) ?? given.get(WHOLE_RECORD) ?? ''));
    const incoming: IncomingField[] = table.columns.filter((column) => column in record).map((field) => ({ field, value: record[field], hlc: incomingStamp(field) }));
    const settled = await settleFields(table, current, incoming, clocks, blind);
    for (const { field, lost, won } of settled.losers) {
      if (!keepsLosers(table, field)) continue;
      await recordLeadConflict(db, recordId, field, lost, won);
      counts.conflicts++;
    }
    const changed = await writeSettledFields(db, table, recordId, current, settled.updates);
    if (changed) counts.updated++;
    else counts.unchanged++;
    // On a joined laptop the import's changes are this laptop's edits, stamped when it syncs.
    if (joined) continue;
    const stamps = settled.raised.filter(({ hlc }) => !isEditTime(hlc)).map(({ field, hlc }): FieldStamp => ({ kind: table.kind, recordId, field, hlc }));
    // After the update: its trigger stamped the fields it changed with the time of the import, which the bundle's stamps replace.
    await setFieldClocks(db, stamps);
  }
  return counts;
}

/**
 * Keeps the field clocks of records the bundle added (on a laptop that has not joined a hub),
 * so a bundle exported from here carries them on: the clocks follow the values from laptop to laptop.
 */
export async function keepBundleClocks(db: Kysely<Database>, table: SyncedTable, records: readonly BundleRecord[]): Promise<void> {
  if (records.length === 0 || (await isJoined(db))) return;
  const stamps: FieldStamp[] = [];
  for (const record of records) {
    const recordId = recordIdOf(table, record);
    for (const [field, hlc] of bundleClocks(record)) stamps.push({ kind: table.kind, recordId, field, hlc });
  }
  await raiseFieldClocks(db, stamps);
}

/** Sets the stamps as they are, later ones here included. */
async function setFieldClocks(db: Kysely<Database>, stamps: readonly FieldStamp[]): Promise<void> {
  if (stamps.length === 0) return;
  await sql`
    INSERT INTO sync_field_clocks (kind, record_id, field, hlc) VALUES ${sql.join(stamps.map((stamp) => sql`(${stamp.kind}, ${stamp.recordId}, ${stamp.field}, ${stamp.hlc})`))}
    ON CONFLICT (kind, record_id, field) DO UPDATE SET hlc = excluded.hlc`.execute(db);
}
