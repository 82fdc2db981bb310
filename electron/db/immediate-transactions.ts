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
export function withImmediateTransactions(database: SqliteDatabase, connection: { readonly inTransaction: boolean }): SqliteDatabase {
  return {
    close: () => database.close(),
    prepare(sql: string) {
      if (isPlainBegin(sql)) return database.prepare('begin immediate');
      // On a full disk (and on some I/O errors) SQLite rolls the whole transaction back by
      // itself. Kysely then sends its own rollback, which fails with "no transaction is
      // active" and hides the real error (SQLITE_FULL became an "internal" failure). With
      // nothing left to roll back, the rollback is a statement that does nothing, so the
      // error that matters reaches the person.
      if (isRollback(sql) && !connection.inTransaction) return database.prepare('SELECT 1 WHERE 0');
      return database.prepare(sql);
    },
  };
}

function isPlainBegin(sql: string): boolean {
  return /^\s*begin(\s+deferred)?(\s+transaction)?\s*;?\s*$/i.test(sql);
}

function isRollback(sql: string): boolean {
  return /^\s*rollback(\s+transaction)?\s*;?\s*$/i.test(sql);
}
