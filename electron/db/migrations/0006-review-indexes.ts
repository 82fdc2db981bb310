import { sql, type Kysely } from 'kysely';

/**
 * The manager's review list at 100,000 leads: one index per sort order, within a show and
 * across all shows, so a page in any order is read from an index instead of sorting every
 * lead. Status and rating sort by the lifecycle's order (New before Working …), written as
 * the same CASE expression the list's query uses — SQLite only uses an expression index
 * for exactly the same expression (see STATUS_RANK_SQL and RATING_RANK_SQL in
 * repositories/review-query.ts; this copy is frozen as it was at version 6).
 */
// Kysely<any>: a migration sees the schema as it was at its version (Kysely's advice).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const statusRank = sql.raw(
    "(CASE status WHEN 'New' THEN 0 WHEN 'Working' THEN 1 WHEN 'Qualified' THEN 2 WHEN 'Unqualified' THEN 3 ELSE 4 END)",
  );
  const ratingRank = sql.raw("(CASE rating WHEN 'Hot' THEN 0 WHEN 'Warm' THEN 1 WHEN 'Cold' THEN 2 ELSE 3 END)");
  await sql`CREATE INDEX leads_name ON leads (last_name COLLATE NOCASE, first_name COLLATE NOCASE, seq)`.execute(db);
  await sql`CREATE INDEX leads_event_name ON leads (event_id, last_name COLLATE NOCASE, first_name COLLATE NOCASE, seq)`.execute(db);
  await sql`CREATE INDEX leads_company ON leads (company COLLATE NOCASE, seq)`.execute(db);
  await sql`CREATE INDEX leads_event_company ON leads (event_id, company COLLATE NOCASE, seq)`.execute(db);
  await sql`CREATE INDEX leads_status_rank ON leads (${statusRank}, captured_at DESC, seq DESC)`.execute(db);
  await sql`CREATE INDEX leads_event_status_rank ON leads (event_id, ${statusRank}, captured_at DESC, seq DESC)`.execute(db);
  await sql`CREATE INDEX leads_rating_rank ON leads (${ratingRank}, captured_at DESC, seq DESC)`.execute(db);
  await sql`CREATE INDEX leads_event_rating_rank ON leads (event_id, ${ratingRank}, captured_at DESC, seq DESC)`.execute(db);
  // The dashboard's "per staff member" and the list's "captured by" filter.
  await sql`CREATE INDEX leads_event_captured_by ON leads (event_id, captured_by)`.execute(db);
}
