import type { Kysely } from 'kysely';
import type { RecordChange } from '../../shared/sync/protocol';
import { compiledBulkInsert } from '../db/compiled-query';
import type { Database } from '../db/schema';
import { SYNCED_TABLES, type SyncedTable } from './synced-tables';

type Row = Record<string, unknown>;

interface PendingInsert {
  change: RecordChange;
  values: Row;
}

/** Inserts written by one statement per table and column set (compiledBulkInsert), made once each. */
const bulkInserts = new Map<string, ReturnType<typeof compiledBulkInsert>>();

function bulkInsertOf(table: SyncedTable, columns: readonly string[]): ReturnType<typeof compiledBulkInsert> {
  const signature = `${table.table}(${columns.join(',')})`;
  let insert = bulkInserts.get(signature);
  if (!insert) {
    // The table is the registry's, known only at run time: its rows are checked by SQLite, not by Kysely's types.
    insert = compiledBulkInsert(table.table as keyof Database & string);
    bulkInserts.set(signature, insert);
  }
  return insert;
}

/**
 * New records of a batch of the hub's changes, written together: a first sync inserts tens of
 * thousands, and a statement per record (each running the table's triggers' set-up again) cost
 * most of the time of applying. The batch writes them before it does anything that could read
 * them (`flush`), parents' tables before children's (the registry's order); each record's `*`
 * clock is a column of its row (field-clocks.ts), written with it. A statement that fails is written again a record at a time, so one record
 * that cannot be written (`failed`) does not stop the others.
 */
export class PendingInserts {
  private readonly groups = new Map<string, { table: SyncedTable; columns: string[]; inserts: PendingInsert[] }>();
  size = 0;

  /** `values`: the record's columns as SQLite binds them, derived columns and its `*` stamp included (field-clocks.ts). */
  add(table: SyncedTable, change: RecordChange, values: Row): void {
    const columns = Object.keys(values);
    const signature = `${table.table}(${columns.join(',')})`;
    const group = this.groups.get(signature) ?? { table, columns, inserts: [] };
    group.inserts.push({ change, values });
    this.groups.set(signature, group);
    this.size++;
  }

  async flush(db: Kysely<Database>, failed: (table: SyncedTable, change: RecordChange, error: Error) => void): Promise<void> {
    if (this.size === 0) return;
    const order = (table: SyncedTable) => SYNCED_TABLES.indexOf(table);
    const groups = [...this.groups.values()].sort((a, b) => order(a.table) - order(b.table));
    this.groups.clear();
    this.size = 0;
    for (const { table, columns, inserts } of groups) {
      const insert = bulkInsertOf(table, columns);
      for (let start = 0; start < inserts.length; start += RECORDS_PER_STATEMENT) {
        const slice = inserts.slice(start, start + RECORDS_PER_STATEMENT);
        await insertSlice(db, table, insert, slice, failed);
        // Between statements: a batch's inserts never hold the process for long.
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    }
  }
}

/**
 * Records per statement: one statement of compiledBulkInsert (~40 columns of a lead: 4,000 bound
 * values, under its 30,000), so a failed statement wrote nothing; a few milliseconds of work.
 */
const RECORDS_PER_STATEMENT = 100;

async function insertSlice(
  db: Kysely<Database>,
  table: SyncedTable,
  insert: ReturnType<typeof compiledBulkInsert>,
  inserts: readonly PendingInsert[],
  failed: (table: SyncedTable, change: RecordChange, error: Error) => void,
): Promise<void> {
  try {
    await insert(db, inserts.map((pending) => pending.values) as never);
  } catch {
    // One statement fails whole (SQLite undoes it): find the records that cannot be written.
    for (const pending of inserts) {
      try {
        await insert(db, [pending.values] as never);
      } catch (error) {
        failed(table, pending.change, error as Error);
      }
    }
  }
}
