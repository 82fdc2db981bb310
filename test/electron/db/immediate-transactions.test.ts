import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { withImmediateTransactions } from '../../../electron/db/immediate-transactions';

describe('withImmediateTransactions', () => {
  it("turns Kysely's deferred begin into BEGIN IMMEDIATE and leaves every other statement alone", () => {
    const prepared: string[] = [];
    const sqlite = new BetterSqlite3(':memory:');
    const wrapped = withImmediateTransactions({ close: () => sqlite.close(), prepare: (sql) => (prepared.push(sql), sqlite.prepare(sql)) }, sqlite);
    for (const sql of ['begin', 'BEGIN', 'begin transaction', 'begin deferred', 'commit', 'select 1', 'savepoint "sp"']) {
      try {
        wrapped.prepare(sql);
      } catch {
        // Some of these cannot be prepared on their own; only what reached SQLite matters here.
      }
    }
    expect(prepared).toEqual(['begin immediate', 'begin immediate', 'begin immediate', 'begin immediate', 'commit', 'select 1', 'savepoint "sp"']);
    wrapped.close();
  });

  it('turns a rollback into a no-op once SQLite has rolled the transaction back itself, so the real error is not hidden', () => {
    const sqlite = new BetterSqlite3(':memory:');
    const wrapped = withImmediateTransactions({ close: () => sqlite.close(), prepare: (sql) => sqlite.prepare(sql) }, sqlite);
    expect(() => sqlite.prepare('rollback').run()).toThrow(/no transaction is active/);
    expect(() => (wrapped.prepare('rollback') as unknown as BetterSqlite3.Statement).all()).not.toThrow();
    sqlite.exec('BEGIN');
    (wrapped.prepare('rollback') as unknown as BetterSqlite3.Statement).run();
    expect(sqlite.inTransaction).toBe(false);
    wrapped.close();
  });
});
