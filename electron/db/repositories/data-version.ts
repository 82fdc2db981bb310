import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema';

/**
 * Changes whenever the database may have changed: SQLite's data_version moves with commits
 * of other connections, total_changes() with this connection's own writes. Any write
 * counts (a draft too), so a cache keyed by it may recompute needlessly, never serve stale data.
 */
export async function dataVersion(db: Kysely<Database>): Promise<string> {
  const own = await sql<{ changes: number }>`SELECT total_changes() AS changes`.execute(db);
  const others = await sql<{ data_version: number }>`PRAGMA data_version`.execute(db);
  return `${others.rows[0]?.data_version ?? 0}|${own.rows[0]?.changes ?? 0}`;
}
