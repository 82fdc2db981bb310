import { setImmediate as nextTurn } from 'node:timers/promises';
import { sql, type Kysely } from 'kysely';
import type { RecordChange } from '../../shared/sync/protocol';
import { compiledBulkInsert } from '../db/compiled-query';
import { isTombstoned, tombstonedAmong } from '../db/repositories/sync-tombstones';
import type { Database } from '../db/schema';
import { isKnownChange } from './change-log';
import { readRecordClocks, RECORD_STAMP_COLUMN, WHOLE_RECORD } from './field-clocks';
import { syncedTableOfKind, type SyncedTable } from './synced-tables';

/** Ids per `IN (…)` list: well under SQLite's bound-parameter limit. */
const IDS_PER_QUERY = 500;

/**
 * The registry row of a change that brings its record whole (every key column; an edit carries
 * only the columns it changed) of a kind of a one-column key: applied, such a change is known by
 * its stamp on the record, not by its id (`BatchLookups.addedWhole`). Undefined for any other.
 */
function knownByStampKind(change: RecordChange): SyncedTable | undefined {
  const table = syncedTableOfKind(change.kind);
  if (!table || change.tombstone || table.key.length !== 1 || !table.key.every((column) => column in change.fields)) return undefined;
  return table;
}

/** The applied changes' ids, written many at a time (compiledBulkInsert: no query built per batch); one delivered twice is kept once. */
const insertAppliedIds = compiledBulkInsert('sync_applied_changes', 'ON CONFLICT DO NOTHING');

const recordKey = (kind: string, recordId: string): string => `${kind}\u0000${recordId}`;

/**
 * What applying one batch of the hub's changes asks of the store for every change — is this
 * change id known, is this record (or its parent) tombstoned, does the laptop hold it — looked
 * up for the whole batch in a few queries instead of three to six per change (a first sync
 * applies tens of thousands of changes).
 *
 * The answers stay right while the batch only inserts and merges records: what it inserts and
 * remembers is added here. A write that may delete or add other rows (a tombstone, a rename, a
 * conflict's timeline entry) makes the batch `distrust` them: from then on every question goes to
 * the store, as it did before this existed.
 */
export class BatchLookups {
  private trusted = true;
  private readonly remembered = new Set<string>();

  private constructor(
    private readonly known: Set<string>,
    private readonly tombstoned: Set<string>,
    /** Records held, by `recordKey`, for kinds of a one-column key; other kinds are always read. */
    private readonly present: Set<string>,
    /** The `*` stamps of the records of `present` that keep one (field-clocks.ts), by `recordKey`. */
    private readonly wholeStamps: Map<string, string>,
  ) {}

  static async of(db: Kysely<Database>, changes: readonly RecordChange[]): Promise<BatchLookups> {
    const changeIds = changes.map((change) => change.changeId);
    const known = new Set<string>();
    for (let start = 0; start < changeIds.length; start += IDS_PER_QUERY) {
      // The ids as one JSON array SQLite unpacks: a bound value each cost Kysely more than SQLite's look-up.
      const ids = JSON.stringify(changeIds.slice(start, start + IDS_PER_QUERY));
      const rows = await sql<{ change_id: string }>`
        SELECT change_id FROM sync_changes WHERE change_id IN (SELECT value FROM json_each(${ids}))
        UNION ALL SELECT change_id FROM sync_applied_changes WHERE change_id IN (SELECT value FROM json_each(${ids}))`.execute(db);
      for (const row of rows.rows) known.add(row.change_id);
      // Each look-up is a few milliseconds of SQLite's work: the window's process gets a turn between them.
      await nextTurn();
    }
    // The records and their parents, by kind.
    const idsByKind = new Map<string, Set<string>>();
    const note = (kind: string, id: string) => idsByKind.set(kind, (idsByKind.get(kind) ?? new Set()).add(id));
    for (const change of changes) {
      note(change.kind, change.recordId);
      for (const [column, kind] of Object.entries(syncedTableOfKind(change.kind)?.parents ?? {})) {
        const parentId = change.fields[column];
        if (typeof parentId === 'string') note(kind, parentId);
      }
    }
    const tombstoned = new Set<string>();
    const present = new Set<string>();
    const wholeStamps = new Map<string, string>();
    for (const [kind, ids] of idsByKind) {
      for (const id of await tombstonedAmong(db, kind, [...ids])) tombstoned.add(recordKey(kind, id));
      await nextTurn();
      const table = syncedTableOfKind(kind);
      const [key] = table?.key ?? [];
      if (!table || !key || table.key.length !== 1) continue;
      const list = [...ids];
      for (let start = 0; start < list.length; start += IDS_PER_QUERY) {
        const rows = await sql<{ id: string; stamp: string | null }>`
          SELECT ${sql.ref(key)} AS id, ${sql.ref(RECORD_STAMP_COLUMN)} AS stamp FROM ${sql.table(table.table)}
          WHERE ${sql.ref(key)} IN (SELECT value FROM json_each(${JSON.stringify(list.slice(start, start + IDS_PER_QUERY))}))`.execute(db);
        for (const row of rows.rows) {
          present.add(recordKey(kind, row.id));
          if (row.stamp !== null) wholeStamps.set(recordKey(kind, row.id), row.stamp);
        }
        await nextTurn();
      }
    }
    return new BatchLookups(known, tombstoned, present, wholeStamps);
  }

  /** From now on every answer comes from the store (see the class comment). */
  distrust(): void {
    this.trusted = false;
  }

  /**
   * Whether the change was applied here before (or is this laptop's own): its id is known, or it
   * brought a record whole that is held under its stamp (`addedWhole`).
   */
  async isKnown(db: Kysely<Database>, change: RecordChange): Promise<boolean> {
    if (this.known.has(change.changeId)) return true;
    const table = knownByStampKind(change);
    if (this.trusted) return table !== undefined && this.wholeStamps.get(recordKey(change.kind, change.recordId)) === change.hlc;
    if (await isKnownChange(db, change.changeId)) return true;
    return table !== undefined && (await readRecordClocks(db, change.kind, change.recordId)).of(WHOLE_RECORD) === change.hlc;
  }

  /** Remembers the change as applied: written with the rest of the batch (`saveRemembered`). */
  remember(changeId: string): void {
    this.known.add(changeId);
    this.remembered.add(changeId);
  }

  /**
   * The change added its record whole here, which keeps the change's stamp as its `*` clock
   * (field-clocks.ts): for a kind of a one-column key, that stamp says the change was applied,
   * and its id is not written (a first sync adds tens of thousands of records, and a row of
   * random id each was one more B-tree insert per record). Called after `remember`.
   */
  addedWhole(change: RecordChange): void {
    if (!knownByStampKind(change)) return;
    this.remembered.delete(change.changeId);
    this.wholeStamps.set(recordKey(change.kind, change.recordId), change.hlc);
  }

  async saveRemembered(db: Kysely<Database>): Promise<void> {
    const ids = [...this.remembered];
    for (let start = 0; start < ids.length; start += IDS_PER_QUERY) {
      await insertAppliedIds(db, ids.slice(start, start + IDS_PER_QUERY).map((id) => ({ change_id: id })));
      await nextTurn();
    }
    this.remembered.clear();
  }

  async isTombstoned(db: Kysely<Database>, kind: string, recordId: string): Promise<boolean> {
    if (this.trusted) return this.tombstoned.has(recordKey(kind, recordId));
    return isTombstoned(db, kind, recordId);
  }

  /** False when the laptop surely does not hold the record; true when it may (read it to know). */
  mayHold(kind: string, recordId: string): boolean {
    const table = syncedTableOfKind(kind);
    if (!this.trusted || !table || table.key.length !== 1) return true;
    return this.present.has(recordKey(kind, recordId));
  }

  /**
   * Whether the laptop holds the record (or the batch is about to write it), for a kind of a
   * one-column key: from the batch's set, else the store (a parent a change was pointed at
   * after the batch's look-ups, an account merged away: account-merge.ts). Rare: a record's
   * parent is almost always in the set.
   */
  async holdsRecord(db: Kysely<Database>, kind: string, recordId: string): Promise<boolean> {
    if (this.present.has(recordKey(kind, recordId))) return true;
    const table = syncedTableOfKind(kind);
    const [key] = table?.key ?? [];
    if (!table || !key || table.key.length !== 1) return true;
    const rows = await sql<{ id: string }>`SELECT ${sql.ref(key)} AS id FROM ${sql.table(table.table)} WHERE ${sql.ref(key)} = ${recordId}`.execute(db);
    return rows.rows.length > 0;
  }

  /** The batch inserted this record. */
  holds(kind: string, recordId: string): void {
    this.present.add(recordKey(kind, recordId));
  }
}
