import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { Lead } from '../../../shared/domain/lead';
import type { ReviewFilter, ReviewSort } from '../../../shared/domain/review';
import type { Database, LeadRow } from '../schema';
import { toFtsPrefixQuery } from './fts-query';
import { leadFromRow } from './lead-rows';
import { leadExportedCondition } from './export-batches';

/**
 * The review list's query: a filter and a sort over every lead, read a window at a time.
 * Each sort has an index (migration 0007), within a show and across shows, so a page is
 * read in index order and stops after `limit` rows instead of sorting 100,000 leads.
 * Offset paging: the list can jump anywhere (a scrollbar dragged to the middle); an
 * offset walks the index, which stays in single milliseconds at 100k.
 */

// The same expressions as the indexes of migration 0007: SQLite uses an expression index
// only for exactly the same text.
const STATUS_RANK_SQL =
  "(CASE status WHEN 'New' THEN 0 WHEN 'Working' THEN 1 WHEN 'Qualified' THEN 2 WHEN 'Unqualified' THEN 3 ELSE 4 END)";
const RATING_RANK_SQL = "(CASE rating WHEN 'Hot' THEN 0 WHEN 'Warm' THEN 1 WHEN 'Cold' THEN 2 ELSE 3 END)";

/** What the duplicate rule found: every lead in a group (see duplicate-groups-service). */
export interface DuplicateMembership {
  /** JSON array of the leads' seq (in the review indexes, unlike the id), handed to SQLite's json_each. */
  seqsJson: string;
}

/** "Exported or not": whether an export batch carried the lead (export-batches.ts holds the one condition). */
function exportedCondition(exported: ReviewFilter['exported']): RawBuilder<unknown> | null {
  if (exported === undefined) return null;
  return leadExportedCondition(exported === 'yes');
}

/** A filter as SQL: its conditions, and the FTS5 query of its words (null without words). */
interface Conditions {
  where: RawBuilder<unknown>[];
  match: string | null;
}

function conditions(filter: ReviewFilter, duplicates: DuplicateMembership | null): Conditions | null {
  const where: RawBuilder<unknown>[] = [];
  let match: string | null = null;
  if (filter.text !== undefined && filter.text.trim() !== '') {
    match = toFtsPrefixQuery(filter.text);
    if (!match) return null; // Only punctuation typed: nothing can match.
    // leads_fts is a virtual table outside the typed schema, hence raw SQL.
    where.push(sql`leads.seq IN (SELECT rowid FROM leads_fts WHERE leads_fts MATCH ${match})`);
  }
  if (filter.eventId) where.push(sql`leads.event_id = ${filter.eventId}`);
  if (filter.status) where.push(sql`leads.status = ${filter.status}`);
  if (filter.rating === 'none') where.push(sql`leads.rating IS NULL`);
  else if (filter.rating) where.push(sql`leads.rating = ${filter.rating}`);
  if (filter.capturedBy?.trim()) where.push(sql`leads.captured_by = ${filter.capturedBy.trim()} COLLATE NOCASE`);
  if (filter.capturedFrom) where.push(sql`leads.captured_at >= ${filter.capturedFrom}`);
  if (filter.capturedTo) where.push(sql`leads.captured_at < ${filter.capturedTo}`);
  if (filter.consent === 'given') where.push(sql`leads.consent_given = 1`);
  if (filter.consent === 'missing') where.push(sql`(leads.consent_given IS NULL OR leads.consent_given = 0)`);
  if (filter.captureMethod) where.push(sql`leads.capture_method = ${filter.captureMethod}`);
  const exported = exportedCondition(filter.exported);
  if (exported) where.push(exported);
  if (filter.duplicate && duplicates) {
    const members = sql`leads.seq IN (SELECT value FROM json_each(${duplicates.seqsJson}))`;
    where.push(filter.duplicate === 'yes' ? members : sql`NOT ${members}`);
  }
  return { where, match };
}

/**
 * The review list's filter as one condition over `leads`, for a query that reads the
 * matching leads its own way (an export of "these N leads" reads them in capture order, a
 * slice at a time): the same conditions the list's windows and counts are made of.
 * `duplicates` is needed when the filter asks about duplicates.
 */
export function reviewFilterCondition(filter: ReviewFilter, duplicates: DuplicateMembership | null): RawBuilder<SqlBool> {
  const filtered = conditions(filter, duplicates);
  if (!filtered) return sql<SqlBool>`0`;
  return filtered.where.length === 0 ? sql<SqlBool>`1` : sql<SqlBool>`(${sql.join(filtered.where, sql` AND `)})`;
}

/**
 * From this many matches of the words on, a query reads the sort's review index instead
 * of starting from the matches. Each match started from is a lookup of its (wide) leads
 * row, then all of them are sorted or counted: a word found in one lead of seven (~14,000
 * at 100,000 leads, "demo") took ~20 ms. The review index holds the order and every
 * filtered column, and its entries are kept when their seq is among the matches (SQLite
 * collects those once, from the FTS index alone): a window of 100 stops after ~700 entries.
 * For few matches (a name) the lookups are the cheaper way, and walking the whole index
 * for them would cost more (~7 ms). ~2,000 is where the two cost about the same.
 */
const MANY_MATCHES = 2_000;

/**
 * Whether the words match at least MANY_MATCHES leads: counted in the FTS index alone,
 * stopping there. The LIMIT is literal SQL: a bound one makes SQLite plan the statement again on every run.
 */
async function hasManyMatches(db: Kysely<Database>, match: string): Promise<boolean> {
  const result = await sql<{ found: number }>`
    SELECT count(*) AS found FROM (SELECT 1 FROM leads_fts WHERE leads_fts MATCH ${match} LIMIT ${sql.lit(MANY_MATCHES)})`.execute(db);
  return Number(result.rows[0]?.found ?? 0) >= MANY_MATCHES;
}

/**
 * The review index (migration 0007) to read: without words the planner would otherwise
 * take the show's narrow index and look up every row; with words that match many leads,
 * see MANY_MATCHES. With words that match few, the planner starts from the matches.
 */
async function indexFor(db: Kysely<Database>, match: string | null, sort: ReviewSort['by']): Promise<RawBuilder<unknown>> {
  if (match !== null && !(await hasManyMatches(db, match))) return sql``;
  return sql.raw(`INDEXED BY leads_review_${sort}`);
}

/**
 * Runs a query of the list with the index indexFor names, or without naming one when the
 * store does not hold it: between a bulk import's commit and its worker's build the review
 * indexes are owed (owed-indexes.ts), and a statement naming a missing index is refused
 * ("no such index"). Without it the answer is the same, only read from the table.
 */
async function withReviewIndex<T>(db: Kysely<Database>, match: string | null, sort: ReviewSort['by'], run: (index: RawBuilder<unknown>) => Promise<T>): Promise<T> {
  const index = await indexFor(db, match, sort);
  try {
    return await run(index);
  } catch (error) {
    if (!/no such index: leads_review_/.test(String((error as Error | null)?.message))) throw error;
    return run(sql``);
  }
}

function whereClause(where: RawBuilder<unknown>[]): RawBuilder<unknown> {
  return where.length === 0 ? sql`` : sql`WHERE ${sql.join(where, sql` AND `)}`;
}

function orderClause(sort: ReviewSort): RawBuilder<unknown> {
  // Ascending and descending walk the same index forwards or backwards.
  const forward = sort.direction === 'asc';
  const dir = sql.raw(forward ? 'ASC' : 'DESC');
  const back = sql.raw(forward ? 'DESC' : 'ASC');
  switch (sort.by) {
    case 'captured':
      return sql`ORDER BY leads.captured_at ${dir}, leads.seq ${dir}`;
    case 'name':
      return sql`ORDER BY leads.last_name COLLATE NOCASE ${dir}, leads.first_name COLLATE NOCASE ${dir}, leads.seq ${dir}`;
    case 'company':
      return sql`ORDER BY leads.company COLLATE NOCASE ${dir}, leads.seq ${dir}`;
    // Within one status or rating, the newest first (ascending) — the index's own order.
    case 'status':
      return sql`ORDER BY ${sql.raw(STATUS_RANK_SQL)} ${dir}, leads.captured_at ${back}, leads.seq ${back}`;
    case 'rating':
      return sql`ORDER BY ${sql.raw(RATING_RANK_SQL)} ${dir}, leads.captured_at ${back}, leads.seq ${back}`;
  }
}

export interface ReviewQuery {
  filter: ReviewFilter;
  sort: ReviewSort;
  offset: number;
  limit: number;
  /** Needed when the filter asks about duplicates. */
  duplicates?: DuplicateMembership | null | undefined;
}

/**
 * One window of the list, in order. The window's seqs are found first from the index
 * alone (filters and order are in it); only those rows are then read whole.
 */
export async function queryReviewLeads(db: Kysely<Database>, query: ReviewQuery): Promise<Lead[]> {
  const filtered = conditions(query.filter, query.duplicates ?? null);
  if (!filtered) return [];
  const order = orderClause(query.sort);
  const result = await withReviewIndex(db, filtered.match, query.sort.by, (index) =>
    sql<LeadRow>`
      SELECT leads.* FROM leads WHERE leads.seq IN (
        SELECT leads.seq FROM leads ${index} ${whereClause(filtered.where)} ${order} LIMIT ${query.limit} OFFSET ${query.offset}
      ) ${order}`.execute(db),
  );
  return result.rows.map(leadFromRow);
}

/** How many leads the filter matches. */
export async function countReviewLeads(db: Kysely<Database>, filter: ReviewFilter, duplicates?: DuplicateMembership | null): Promise<number> {
  const filtered = conditions(filter, duplicates ?? null);
  if (!filtered) return 0;
  if (filtered.match !== null && filtered.where.length === 1) {
    // Words and nothing else: the FTS index counts its matches alone, without reading a
    // lead (~1 ms instead of ~15 for a word in one lead of seven). The same number: each
    // of its rows is one lead's, kept in step by the triggers of migration 0001.
    const result = await sql<{ count: number }>`SELECT count(*) AS count FROM leads_fts WHERE leads_fts MATCH ${filtered.match}`.execute(db);
    return Number(result.rows[0]?.count ?? 0);
  }
  const result = await withReviewIndex(db, filtered.match, 'captured', (index) => sql<{ count: number }>`SELECT count(*) AS count FROM leads ${index} ${whereClause(filtered.where)}`.execute(db));
  return Number(result.rows[0]?.count ?? 0);
}

/** Every matching lead's id, in captured order (bulk actions on "everything the filter shows"). */
export async function reviewLeadIds(db: Kysely<Database>, filter: ReviewFilter, duplicates?: DuplicateMembership | null): Promise<string[]> {
  const result = await sql<{ id: string }>`SELECT leads.id FROM leads WHERE ${reviewFilterCondition(filter, duplicates ?? null)} ORDER BY leads.seq`.execute(db);
  return result.rows.map((row) => row.id);
}
