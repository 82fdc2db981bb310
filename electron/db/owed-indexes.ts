/**
 * Indexes a bulk write left to be built after its commit ("owed"), and their building.
 *
 * A 100,000-row import drops the lead and timeline tables' secondary indexes and builds them
 * once at the end (repositories/deferred-indexes.ts). Built inside the import's transaction,
 * that is about 0.8 s of the import's critical path on the main thread; where the store's
 * after-commit worker runs (after-commit-work.ts), the import instead lists them as owed in the
 * same transaction and the worker builds them on a connection of its own right after the
 * commit. Meanwhile every query still answers right (an index never changes a result, and the
 * UNIQUE ones are never dropped), a sort of the review list just reads the table.
 *
 * The list is a setting (`owedIndexes`, never synced nor exported), written in the transaction
 * that dropped the indexes: a crash after the commit and before the worker's build leaves the
 * list, and the next open of the store builds them (openDatabase, before any migration runs,
 * since the owed definitions are those of the schema the file is at).
 *
 * Plain SQL on a better-sqlite3 connection: the worker has no Kysely of its own.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { SettingKey, SettingValues } from './repositories/settings';

/** An index as sqlite_master held it when it was dropped. */
export type OwedIndex = SettingValues['owedIndexes'][number];

/** The settings key the list is kept under (repositories/settings.ts names its type). */
export const OWED_INDEXES_KEY = 'owedIndexes' satisfies SettingKey;

/** The owed indexes, without taking any lock ([] in a store without a settings table yet). */
export function readOwedIndexes(sqlite: BetterSqlite3.Database): OwedIndex[] {
  const hasSettings = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'settings'").get();
  if (!hasSettings) return [];
  const value = sqlite.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(OWED_INDEXES_KEY);
  // Written by writeSetting with this key's type (OwedIndex[]).
  return typeof value === 'string' ? (JSON.parse(value) as OwedIndex[]) : [];
}

/**
 * Builds the owed indexes that do not exist yet and clears the list, in one transaction on
 * `sqlite` that `begin` opens (BEGIN IMMEDIATE, waiting for the write lock as the caller can:
 * the worker inside SQLite, the main thread on a timer). The list is read again under the
 * lock, so two connections never build one index twice. Returns how many it built.
 */
export async function buildOwedIndexes(sqlite: BetterSqlite3.Database, begin: () => unknown): Promise<number> {
  if (readOwedIndexes(sqlite).length === 0) return 0;
  await begin();
  try {
    const exists = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?").pluck();
    let built = 0;
    for (const index of readOwedIndexes(sqlite)) {
      if (exists.get(index.name)) continue;
      sqlite.exec(index.sql);
      built++;
    }
    sqlite.prepare('DELETE FROM settings WHERE key = ?').run(OWED_INDEXES_KEY);
    sqlite.prepare('COMMIT').run();
    return built;
  } catch (error) {
    if (sqlite.inTransaction) sqlite.prepare('ROLLBACK').run();
    throw error;
  }
}
