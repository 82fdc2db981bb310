import { sql, type Kysely } from 'kysely';

/**
 * `leads_newest` (captured_at DESC, seq DESC, from 0001) is the first two columns of
 * `leads_review_captured` (0007): every query it served — the leads list newest first, its
 * cursor, the dashboard's counts per hour and day — reads the same way from the wider index
 * or the show's `leads_event_newest`. Kept, it cost every saved lead one more index entry and
 * a 100,000-row import one more index build (~0.13 s CPU, 3.5 MB; docs/exchange.md).
 */
// Kysely<any>: a migration sees the schema as it was at its version (Kysely's advice).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX IF EXISTS leads_newest`.execute(db);
}
