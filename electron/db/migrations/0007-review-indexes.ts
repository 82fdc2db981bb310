import { sql, type Kysely } from 'kysely';

/**
 * The manager's review list at 100,000 leads. One index per sort order, each also carrying
 * the show and the columns the list filters on, so a window of the list — in any order,
 * with any of those filters, at any offset — and the count of matches are read from one
 * index alone: no row is looked up until the 100 rows of the window are known. (With the
 * show first instead, "all shows" would need a second set; walking past the other shows'
 * entries costs less than keeping ten wide indexes.) The list's queries name these indexes
 * (INDEXED BY): SQLite's planner, without statistics, would rather take the show's narrow
 * index of 0001 and look every row up.
 * Status and rating sort by the lifecycle's order (New before Working …), written as the
 * same CASE expression the list's query uses: SQLite only uses an expression index for
 * exactly the same expression (STATUS_RANK_SQL and RATING_RANK_SQL in
 * repositories/review-query.ts; this copy is frozen as it was at version 6).
 */
// Kysely<any>: a migration sees the schema as it was at its version (Kysely's advice).
export async function up(db: Kysely<any>): Promise<void> {
  const statusRank = "(CASE status WHEN 'New' THEN 0 WHEN 'Working' THEN 1 WHEN 'Qualified' THEN 2 WHEN 'Unqualified' THEN 3 ELSE 4 END)";
  const ratingRank = "(CASE rating WHEN 'Hot' THEN 0 WHEN 'Warm' THEN 1 WHEN 'Cold' THEN 2 ELSE 3 END)";
  const sorts: Record<string, string> = {
    captured: 'captured_at DESC, seq DESC',
    name: 'last_name COLLATE NOCASE, first_name COLLATE NOCASE, seq',
    company: 'company COLLATE NOCASE, seq',
    status: `${statusRank}, captured_at DESC, seq DESC`,
    rating: `${ratingRank}, captured_at DESC, seq DESC`,
  };
  // What the list filters on besides words (FTS) and duplicates (by seq, which every index holds).
  const filtered = 'event_id, status, rating, capture_method, consent_given, captured_by, captured_at';
  for (const [name, order] of Object.entries(sorts)) {
    await sql.raw(`CREATE INDEX leads_review_${name} ON leads (${order}, ${filtered})`).execute(db);
  }
}
