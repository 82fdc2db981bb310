import { sql, type Kysely } from 'kysely';
import type { Lead } from '../../../shared/domain/lead';
import type { Database, LeadRow } from '../schema';
import { consentColumns, contactColumns, leadFromRow, rowFromLead } from './lead-rows';
import { toFtsPrefixQuery } from './fts-query';

// Repositories take Kysely<Database> so a caller can pass a transaction instead.

export async function insertLead(db: Kysely<Database>, lead: Lead): Promise<void> {
  await db.insertInto('leads').values(rowFromLead(lead)).execute();
}

/** Writes every editable column of the lead as it now is. */
export async function saveLead(db: Kysely<Database>, lead: Lead): Promise<void> {
  await db
    .updateTable('leads')
    .set({
      ...contactColumns(lead),
      lead_source: lead.leadSource,
      status: lead.status,
      rating: lead.rating,
      notes: lead.notes,
      ...consentColumns(lead.consent),
      updated_at: lead.updatedAt,
    })
    .where('id', '=', lead.id)
    .execute();
}

export async function findLeadById(db: Kysely<Database>, id: string): Promise<Lead | undefined> {
  const row = await db.selectFrom('leads').selectAll().where('id', '=', id).executeTakeFirst();
  return row && leadFromRow(row);
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

/** Newest first; with text, only the leads whose words start with every typed word. */
export async function listLeads(db: Kysely<Database>, query: LeadListQuery): Promise<LeadListRow[]> {
  let select = db.selectFrom('leads').selectAll('leads');
  const match = query.text ? toFtsPrefixQuery(query.text) : null;
  if (query.text && !match) return []; // Only punctuation typed: nothing can match.
  if (match) {
    // leads_fts is a virtual table outside the typed schema, hence raw SQL for the sub-select.
    select = select.where('leads.seq', 'in', sql<number>`(SELECT rowid FROM leads_fts WHERE leads_fts MATCH ${match})`);
  }
  if (query.eventId) select = select.where('leads.event_id', '=', query.eventId);
  if (query.after) {
    const { capturedAt, seq } = query.after;
    select = select.where((eb) =>
      eb.or([eb('leads.captured_at', '<', capturedAt), eb.and([eb('leads.captured_at', '=', capturedAt), eb('leads.seq', '<', seq)])]),
    );
  }
  const rows: LeadRow[] = await select.orderBy('leads.captured_at', 'desc').orderBy('leads.seq', 'desc').limit(query.limit).execute();
  return rows.map((row) => ({ lead: leadFromRow(row), cursor: { capturedAt: row.captured_at, seq: row.seq } }));
}

export async function countLeads(db: Kysely<Database>): Promise<number> {
  const { count } = await db.selectFrom('leads').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
  return Number(count);
}
