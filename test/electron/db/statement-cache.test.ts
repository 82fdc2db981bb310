import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { withStatementCache } from '../../../electron/db/statement-cache';

describe('withStatementCache', () => {
  it('prepares a statement once and reuses it', () => {
    const sqlite = new BetterSqlite3(':memory:');
    const cached = withStatementCache(sqlite);
    const first = cached.prepare('SELECT 1 AS one');
    expect(cached.prepare('SELECT 1 AS one')).toBe(first);
    expect(cached.prepare('SELECT 2 AS two')).not.toBe(first);
    sqlite.close();
  });

  it('forgets the least recently used statement beyond its capacity', () => {
    const sqlite = new BetterSqlite3(':memory:');
    const cached = withStatementCache(sqlite, 2);
    const a = cached.prepare('SELECT 1');
    cached.prepare('SELECT 2');
    cached.prepare('SELECT 1'); // a is now the most recent
    cached.prepare('SELECT 3'); // evicts SELECT 2
    expect(cached.prepare('SELECT 1')).toBe(a);
    sqlite.close();
  });

  it('gives a fresh statement while the cached one is still iterating', () => {
    const sqlite = new BetterSqlite3(':memory:');
    const cached = withStatementCache(sqlite);
    const statement = cached.prepare('SELECT 1 UNION ALL SELECT 2') as unknown as BetterSqlite3.Statement;
    const iterator = statement.iterate();
    iterator.next();
    const second = cached.prepare('SELECT 1 UNION ALL SELECT 2') as unknown as BetterSqlite3.Statement;
    expect(second).not.toBe(statement);
    expect(second.all()).toHaveLength(2);
    iterator.return?.();
    sqlite.close();
  });
});
