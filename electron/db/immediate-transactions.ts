import type { SqliteDatabase } from 'kysely';

/**
 * Makes every Kysely transaction on this connection start with BEGIN IMMEDIATE.
 *
 * Kysely's SqliteDriver opens a transaction with the raw statement `begin` (deferred): the
 * write lock is only asked for at the first write. When another process wrote in between,
 * SQLite cannot wait for it (the snapshot is stale) and fails at once with
 * SQLITE_BUSY_SNAPSHOT, whatever the busy timeout says. Taking the write lock at BEGIN
 * makes a second writer wait on busy_timeout instead. Every use case that opens a
 * transaction reads then writes, so all of them want this; doing it here, in the one place
 * Kysely's `begin` passes through, means no call site can forget it.
 */
export function withImmediateTransactions(database: SqliteDatabase): SqliteDatabase {
  return {
    close: () => database.close(),
    prepare: (sql: string) => database.prepare(isPlainBegin(sql) ? 'begin immediate' : sql),
  };
}

function isPlainBegin(sql: string): boolean {
  return /^\s*begin(\s+deferred)?(\s+transaction)?\s*;?\s*$/i.test(sql);
}
