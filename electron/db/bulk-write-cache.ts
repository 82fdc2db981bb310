import type BetterSqlite3 from 'better-sqlite3';

/**
 * Pages of the store a bulk write keeps in SQLite's page cache (in KiB, as `cache_size`
 * takes a negative number): 64 MB. The connection's default is 2 MB; a first sync inserts
 * tens of thousands of records at places all over a dozen indexes (the leads' review indexes,
 * the field clocks, the applied change ids), and with 2 MB many of those B-tree pages are read
 * again from the file for each statement. Measured (`npm run bench -- hub-apply`, 40,005
 * changes into a store of 80,000 leads): 91 → 84–88 µs of CPU a change at load 3.5, more at
 * a higher load (docs/team-hub.md).
 */
const BULK_WRITE_CACHE_KIB = 64 * 1024;

/**
 * Runs `write` (the store's bulk write on `sqlite`, its write connection) with a larger page
 * cache, then gives the memory back: the cache is the connection's, and the app keeps it open
 * all day.
 */
export async function withBulkWriteCache<T>(sqlite: BetterSqlite3.Database, write: () => Promise<T>): Promise<T> {
  const saved = sqlite.pragma('cache_size', { simple: true }) as number;
  sqlite.pragma(`cache_size = -${BULK_WRITE_CACHE_KIB}`);
  try {
    return await write();
  } finally {
    if (sqlite.open) sqlite.pragma(`cache_size = ${saved}`);
  }
}
