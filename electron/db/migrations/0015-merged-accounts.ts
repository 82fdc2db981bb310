import { sql, type Kysely } from 'kysely';

/**
 * Accounts merged at sync (issue 18 §3, electron/sync/account-merge.ts): two laptops that each
 * made an account for one company offline end with one; the other is deleted (its tombstone
 * travels). A record of the merged account that arrives later (a contact made with it on the
 * laptop that made it) is pointed at the account it went into: this table says where, per
 * merged account. It stays on this laptop (every laptop that merges or receives the merge
 * keeps its own, the same).
 */
// Kysely<any>: a migration sees the schema as it was at its version (Kysely's advice).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE sync_merged_accounts (
      account_id TEXT PRIMARY KEY,
      into_account_id TEXT NOT NULL,
      merged_at_ms INTEGER NOT NULL
    ) WITHOUT ROWID`.execute(db);
}
