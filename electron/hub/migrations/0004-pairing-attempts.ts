import { sql, type Kysely } from 'kysely';

/**
 * Wrong pairing codes, by the address they came from (hub-devices.ts: 5 a minute, then that
 * address is refused for the rest of the minute). In PostgreSQL, like all the hub's state, so
 * every hub process on the database counts the same attempts. Rows older than an hour go.
 */
// Kysely<any>: a migration sees the schema as it was at its version (Kysely's advice).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE pairing_attempts (address text NOT NULL, at timestamptz NOT NULL DEFAULT now())`.execute(db);
  await sql`CREATE INDEX pairing_attempts_by_address ON pairing_attempts (address, at)`.execute(db);
}
