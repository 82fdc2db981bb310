import type { Kysely } from 'kysely';
import type { TimelineDetails, TimelineEntry } from '../../../shared/domain/timeline';
import { compiledBulkInsert, compiledInsert } from '../compiled-query';
import type { Database } from '../schema';

export interface NewTimelineEntry {
  id: string;
  leadId: string;
  at: string;
  actor: string;
  details: TimelineDetails;
}

const insertTimelineRow = compiledInsert('lead_timeline');

/** Appends; nothing ever updates or deletes a timeline row (only forgetting the lead does). */
export async function appendTimeline(db: Kysely<Database>, entry: NewTimelineEntry): Promise<void> {
  const { kind, ...details } = entry.details;
  await insertTimelineRow(db, { id: entry.id, lead_id: entry.leadId, at: entry.at, actor: entry.actor, kind, details: JSON.stringify(details) });
}

const insertTimelineRows = compiledBulkInsert('lead_timeline');

/** Many entries in few statements (an import's "captured" entries). */
export async function appendTimelineEntries(db: Kysely<Database>, entries: readonly NewTimelineEntry[]): Promise<void> {
  // Entries sharing one details object (an import's "captured" entries) share its JSON, written once.
  let last: { details: TimelineDetails; kind: string; text: string } | undefined;
  await insertTimelineRows(
    db,
    entries.map((entry) => {
      if (last?.details !== entry.details) {
        const { kind, ...details } = entry.details;
        last = { details: entry.details, kind, text: JSON.stringify(details) };
      }
      return { id: entry.id, lead_id: entry.leadId, at: entry.at, actor: entry.actor, kind: last.kind, details: last.text };
    }),
  );
}

/** Newest first (by insertion order: two entries of one moment keep their order). */
export async function listTimeline(db: Kysely<Database>, leadId: string): Promise<TimelineEntry[]> {
  const rows = await db.selectFrom('lead_timeline').selectAll().where('lead_id', '=', leadId).orderBy('seq', 'desc').execute();
  return rows.map((row) => ({
    // The kind and details were written together from one TimelineDetails value.
    ...(JSON.parse(row.details) as object),
    kind: row.kind,
    id: row.id,
    leadId: row.lead_id,
    at: row.at,
    actor: row.actor,
  }) as TimelineEntry);
}

/** The newest entries of one kind across every lead, newest first, with the lead's name parts (the Team screen's conflicts). */
export async function listRecentTimelineOfKind(db: Kysely<Database>, kind: TimelineDetails['kind'], limit: number) {
  return db
    .selectFrom('lead_timeline')
    .innerJoin('leads', 'leads.id', 'lead_timeline.lead_id')
    .select(['lead_timeline.id', 'lead_timeline.lead_id', 'lead_timeline.at', 'lead_timeline.details', 'leads.first_name', 'leads.last_name', 'leads.email', 'leads.company'])
    .where('lead_timeline.kind', '=', kind)
    .orderBy('lead_timeline.at', 'desc')
    .orderBy('lead_timeline.seq', 'desc')
    .limit(limit)
    .execute();
}
