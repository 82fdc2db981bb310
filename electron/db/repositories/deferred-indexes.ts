import { sql, type Kysely } from 'kysely';
import { OWED_INDEXES_KEY, type OwedIndex } from '../owed-indexes';
import type { Database } from '../schema';
import { readSetting, writeSetting } from './settings';

/**
 * Below this many new rows an import into a store with leads keeps the indexes current row by
 * row: building ten indexes again costs a scan of the whole table each, and at a few thousand
 * rows the two ways measured the same (docs/exchange.md).
 */
const BULK_ROWS = 5000;

/**
 * Whether `adding` rows go into a table of `existing` rows faster with its secondary indexes
 * dropped and built again afterwards: SQLite builds an index by sorting, far cheaper than as
 * many inserts at random places. Into an empty table always (nothing to build again but the
 * new rows); into one with rows only for a bulk load of at least twice as many: at as many new
 * rows as old ones the sort of both costs what the inserts save (measured at 20,000 to 100,000,
 * docs/exchange.md), and SQLite writes the whole of every index again.
 */
export function buildsIndexesAfterwards(adding: number, existing: number): boolean {
  return existing === 0 || (adding >= BULK_ROWS && adding >= 2 * existing);
}

/**
 * Drop a table's secondary indexes (never those behind a PRIMARY KEY or UNIQUE constraint, which
 * the merge's conflict handling needs) and return the statements that build them again: the
 * definitions are read from sqlite_master, so the migrations stay their only source. Inside a
 * transaction this is undone with it on a rollback (Cancel, an error, a crash), and the store's
 * read connection keeps seeing the last commit, indexes included, meanwhile.
 */
async function dropSecondaryIndexes(db: Kysely<Database>, table: string): Promise<OwedIndex[]> {
  const indexes = await sql<OwedIndex>`
    SELECT name, sql FROM sqlite_master
    WHERE type = 'index' AND tbl_name = ${table} AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'`.execute(db);
  for (const index of indexes.rows) await sql`DROP INDEX ${sql.id(index.name)}`.execute(db);
  return indexes.rows;
}

/** The rows each table already holds: the lead and timeline tables an import adds to. */
async function rowCount(db: Kysely<Database>, table: 'leads' | 'lead_timeline'): Promise<number> {
  const row = await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
  return Number(row.count);
}

/** What becomes of the dropped indexes before the commit. */
export interface DeferredIndexes {
  /** Builds them (and any an earlier bulk write still owed) inside the transaction. */
  rebuild(): Promise<void>;
  /** Lists them as owed (owed-indexes.ts), for the store's after-commit worker to build. */
  owe(at: string): Promise<void>;
}

/**
 * For an import about to add this many rows to the lead and timeline tables, inside the
 * caller's transaction: drops each table's secondary indexes where buildsIndexesAfterwards says
 * so; call rebuild() or owe() before the commit. While they are dropped, only lookups by
 * primary key or UNIQUE column are fast on the writing connection.
 */
export async function deferLeadIndexes(db: Kysely<Database>, adding: Record<'leads' | 'lead_timeline', number>): Promise<DeferredIndexes> {
  const dropped: OwedIndex[] = [];
  let bulk = false;
  for (const table of ['leads', 'lead_timeline'] as const) {
    if (!buildsIndexesAfterwards(adding[table], await rowCount(db, table))) continue;
    bulk = true;
    dropped.push(...(await dropSecondaryIndexes(db, table)));
  }
  // An earlier bulk write's indexes its worker has not built yet (they were not there to drop).
  const earlier = bulk ? ((await readSetting(db, OWED_INDEXES_KEY)) ?? []) : [];
  const all = [...earlier.filter((index) => !dropped.some((other) => other.name === index.name)), ...dropped];
  return {
    async rebuild() {
      for (const index of all) await sql.raw(index.sql).execute(db);
      if (earlier.length > 0) await db.deleteFrom('settings').where('key', '=', OWED_INDEXES_KEY).execute();
    },
    async owe(at) {
      if (all.length > 0) await writeSetting(db, OWED_INDEXES_KEY, all, at);
    },
  };
}
