import type BetterSqlite3 from 'better-sqlite3';
import type { PreparedStatements } from './store-dialect';

const DEFAULT_CAPACITY = 256;

/**
 * Hands the store's Kysely dialect a connection whose prepare() reuses statements. Kysely
 * prepares every query afresh; on a durable insert that was a third of the time spent
 * outside SQLite. Kysely builds the same SQL text for the same query shape, so a small
 * LRU keyed by that text catches nearly every call.
 */
export function withStatementCache(sqlite: BetterSqlite3.Database, capacity = DEFAULT_CAPACITY): PreparedStatements {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      const cached = statements.get(sql);
      // A statement still iterating (a streamed query) cannot run again; give that caller its own.
      if (cached && !cached.busy) {
        statements.delete(sql);
        statements.set(sql, cached); // Most recently used goes last.
        return cached;
      }
      const statement = sqlite.prepare(sql);
      if (!cached) {
        statements.set(sql, statement);
        if (statements.size > capacity) statements.delete(statements.keys().next().value as string);
      }
      return statement;
    },
  };
}
