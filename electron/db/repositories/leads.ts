import { sql, type Kysely } from 'kysely';
import type { Lead } from '../../../shared/domain/lead';
import { compiledBulkInsert, compiledInsert, compiledQuery } from '../compiled-query';
import type { Database, LeadRow } from '../schema';
import { editableColumns, leadFromRow, rowFromLead } from './lead-rows';
import { toFtsPrefixQuery } from './fts-query';

// Repositories take Kysely<Database> so a caller can pass a transaction instead.

// Compiled once: Kysely would build the same INSERT on every save (~70 µs, a sixth of a durable commit on a fast SSD).
const insertLeadRow = compiledInsert('leads');

/**
 * `sourceUid`: the source's own id of the person (a vCard UID), '' when it gave none;
 * `badgePayload`: the text of the badge's code it was captured from, '' when none.
 */
export async function insertLead(db: Kysely<Database>, lead: Lead, sourceUid = '', badgePayload = ''): Promise<void> {
  // Every insert names the same columns (compiledInsert), source_uid and badge_payload included.
  await insertLeadRow(db, rowFromLead(lead, sourceUid, badgePayload));
}

const insertLeadRows = compiledBulkInsert('leads');

/** Many new leads in few statements (an import), each with its source's id ('' when none). */
export async function insertLeads(db: Kysely<Database>, leads: ReadonlyArray<{ lead: Lead; sourceUid: string }>): Promise<void> {
  await insertLeadRows(db, leads.map(({ lead, sourceUid }) => rowFromLead(lead, sourceUid)));
}

const selectLeadBySourceUid = compiledQuery((db, args: { uid: string }) =>
  db.selectFrom('leads').selectAll().where('source_uid', '=', args.uid).where('source_uid', '<>', '').orderBy('seq').limit(sql.lit(1)),
);

/** The lead an earlier import of the same source made (by the source's id, e.g. a vCard UID). */
export async function findLeadBySourceUid(db: Kysely<Database>, uid: string): Promise<Lead | undefined> {
  if (uid === '') return undefined;
  const [row] = await selectLeadBySourceUid(db, { uid });
  return row && leadFromRow(row);
}

/** The leads scanned from a badge with this id (index leads_badge_id), oldest first. */
export async function findLeadsByBadgeId(db: Kysely<Database>, badgeId: string): Promise<Lead[]> {
  if (badgeId === '') return [];
  const rows = await db.selectFrom('leads').selectAll().where('badge_id', '=', badgeId).where('badge_id', '<>', '').orderBy('seq').execute();
  return rows.map(leadFromRow);
}

/** Keeps the text of a badge scanned for the lead (a capture merged into it), unless it already keeps one. */
export async function keepBadgePayload(db: Kysely<Database>, id: string, payload: string): Promise<void> {
  if (payload === '') return;
  await db.updateTable('leads').set({ badge_payload: payload }).where('id', '=', id).where('badge_payload', '=', '').execute();
}

/** Writes every editable column of the lead as it now is. */
export async function saveLead(db: Kysely<Database>, lead: Lead): Promise<void> {
  await db.updateTable('leads').set(editableColumns(lead)).where('id', '=', lead.id).execute();
}

/**
 * Changes only where the lead stands (status, rating). Written on its own so the search
 * index's triggers, which fire on any update naming a searched column, stay quiet.
 */
export async function setLeadStanding(
  db: Kysely<Database>,
  id: string,
  standing: { status: Lead['status']; rating: Lead['rating']; updatedAt: string },
): Promise<void> {
  await updateLeadStanding(db, { id, status: standing.status, rating: standing.rating, updatedAt: standing.updatedAt });
}

const updateLeadStanding = compiledQuery((db, args: { id: string; status: Lead['status']; rating: Lead['rating']; updatedAt: string }) =>
  db.updateTable('leads').set({ status: args.status, rating: args.rating, updated_at: args.updatedAt }).where('id', '=', args.id),
);

/** Moves the lead to another show (the capture's show, not an editable column of the form). */
export async function moveLeadToShow(db: Kysely<Database>, id: string, eventId: string, updatedAt: string): Promise<void> {
  await db.updateTable('leads').set({ event_id: eventId, updated_at: updatedAt }).where('id', '=', id).execute();
}

/** Where and how the lead was captured: a merge keeps the older capture's. */
export async function setLeadCapture(
  db: Kysely<Database>,
  id: string,
  capture: Pick<Lead, 'capturedAt' | 'capturedBy' | 'captureMethod' | 'eventId'>,
): Promise<void> {
  await db
    .updateTable('leads')
    .set({ captured_at: capture.capturedAt, captured_by: capture.capturedBy, capture_method: capture.captureMethod, event_id: capture.eventId })
    .where('id', '=', id)
    .execute();
}

/** The card photos, activities and timeline entries of one lead now hang off another (a merge). */
export async function moveLeadRecords(db: Kysely<Database>, fromId: string, toId: string): Promise<void> {
  await db.updateTable('card_scans').set({ lead_id: toId }).where('lead_id', '=', fromId).execute();
  await db.updateTable('activities').set({ lead_id: toId }).where('lead_id', '=', fromId).execute();
  await db.updateTable('lead_timeline').set({ lead_id: toId }).where('lead_id', '=', fromId).execute();
}

/** The lead's status alone (a bulk delete skips converted leads without reading whole rows). */
export async function findLeadStatus(db: Kysely<Database>, id: string): Promise<Lead['status'] | undefined> {
  const row = await db.selectFrom('leads').select('status').where('id', '=', id).executeTakeFirst();
  return row?.status as Lead['status'] | undefined;
}

/** Deletes the lead; its card scans, criteria answers, timeline and activities go with it (ON DELETE CASCADE). */
export async function deleteLead(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('leads').where('id', '=', id).execute();
}

/** Whether a person chose the rating (then the checklist's suggestion leaves it alone). */
export async function setRatingByPerson(db: Kysely<Database>, id: string, byPerson: boolean): Promise<void> {
  await db.updateTable('leads').set({ rating_by_person: byPerson ? 1 : 0 }).where('id', '=', id).execute();
}

export async function isRatingByPerson(db: Kysely<Database>, id: string): Promise<boolean> {
  const row = await db.selectFrom('leads').select('rating_by_person').where('id', '=', id).executeTakeFirst();
  return row?.rating_by_person === 1;
}

const selectLeadById = compiledQuery((db, args: { id: string }) => db.selectFrom('leads').selectAll().where('id', '=', args.id));

export async function findLeadById(db: Kysely<Database>, id: string): Promise<Lead | undefined> {
  const [row] = await selectLeadById(db, { id });
  return row && leadFromRow(row);
}

/** These leads (an id not found is left out), read 500 ids a query: SQLite limits bound parameters per statement. */
export async function findLeadsByIds(db: Kysely<Database>, ids: readonly string[]): Promise<Lead[]> {
  const leads: Lead[] = [];
  for (let start = 0; start < ids.length; start += 500) {
    const rows = await db.selectFrom('leads').selectAll().where('id', 'in', ids.slice(start, start + 500)).execute();
    for (const row of rows) leads.push(leadFromRow(row));
  }
  return leads;
}

export async function listLeadIdsOfShow(db: Kysely<Database>, eventId: string): Promise<string[]> {
  return (await db.selectFrom('leads').select('id').where('event_id', '=', eventId).execute()).map((row) => row.id);
}

/** The show's leads not converted yet, in capture order (what its automatic conversion rule runs over). */
export async function listUnconvertedLeadIdsOfShow(db: Kysely<Database>, eventId: string): Promise<string[]> {
  const rows = await db.selectFrom('leads').select('id').where('event_id', '=', eventId).where('status', '!=', 'Converted').orderBy('seq').execute();
  return rows.map((row) => row.id);
}

/** The highest seq given so far (0 for an empty store): read from the primary key at once, and at least the number of leads. */
export async function maxLeadSeq(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('leads').select((eb) => eb.fn.max('seq').as('maxSeq')).executeTakeFirst();
  return Number(row?.maxSeq ?? 0);
}

export interface LeadListQuery {
  /** Free text typed by a person; searched as word prefixes over names, company, email, notes. */
  text?: string | undefined;
  eventId?: string | undefined;
  limit: number;
  /** Keyset cursor from the previous page (newest-first order). */
  after?: { capturedAt: string; seq: number } | undefined;
}

export interface LeadListRow {
  lead: Lead;
  cursor: { capturedAt: string; seq: number };
}

/**
 * Without text: newest captured first. With text: the most recently saved matches first,
 * read from the FTS index in descending rowid order so a common word among 100,000 leads
 * stops after one page instead of sorting every match.
 */
export async function listLeads(db: Kysely<Database>, query: LeadListQuery): Promise<LeadListRow[]> {
  if (query.text !== undefined) return searchLeads(db, query, query.text);
  let select = db.selectFrom('leads').selectAll();
  if (query.eventId) select = select.where('event_id', '=', query.eventId);
  if (query.after) {
    const { capturedAt, seq } = query.after;
    select = select.where((eb) =>
      eb.or([eb('captured_at', '<', capturedAt), eb.and([eb('captured_at', '=', capturedAt), eb('seq', '<', seq)])]),
    );
  }
  const rows = await select.orderBy('captured_at', 'desc').orderBy('seq', 'desc').limit(query.limit).execute();
  return rows.map(toListRow);
}

async function searchLeads(db: Kysely<Database>, query: LeadListQuery, text: string): Promise<LeadListRow[]> {
  const match = toFtsPrefixQuery(text);
  if (!match) return []; // Only punctuation typed: nothing can match.
  // leads_fts is a virtual table outside the typed schema, hence raw SQL.
  const eventFilter = query.eventId ? sql`AND leads.event_id = ${query.eventId}` : sql``;
  const afterFilter = query.after ? sql`AND leads_fts.rowid < ${query.after.seq}` : sql``;
  const result = await sql<LeadRow>`
    SELECT leads.* FROM leads_fts JOIN leads ON leads.seq = leads_fts.rowid
    WHERE leads_fts MATCH ${match} ${eventFilter} ${afterFilter}
    ORDER BY leads_fts.rowid DESC
    LIMIT ${query.limit}`.execute(db);
  return result.rows.map(toListRow);
}

function toListRow(row: LeadRow): LeadListRow {
  return { lead: leadFromRow(row), cursor: { capturedAt: row.captured_at, seq: row.seq } };
}

/** Whether the store holds any lead at all (an import into an empty store builds its indexes once, at the end). */
export async function hasAnyLead(db: Kysely<Database>): Promise<boolean> {
  return (await db.selectFrom('leads').select('id').limit(1).executeTakeFirst()) !== undefined;
}

/** Whether a lead with this id is in the store. */
export async function leadExists(db: Kysely<Database>, id: string): Promise<boolean> {
  return (await db.selectFrom('leads').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}
