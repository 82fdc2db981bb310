import { sql, type Kysely } from 'kysely';
import type { RecordChange } from '../../shared/sync/protocol';
import type { HubDatabase } from './hub-schema';

/**
 * The show each change belongs to (`changes.show_id`): a booth device pulls the changes of its
 * shows only (issue 18 §2: "sees the leads of its shows and the records they became"). Worked
 * out once, when a change is pushed, from what the hub holds:
 *
 * - a show (`event`): itself; every device pulls every show and its checklist (`criterion`), so
 *   a booth laptop can pick one and capture there with the show's questions;
 * - a lead: its `event_id` (an insert, or a move to another show), else the lead's show so far;
 * - a lead's timeline entry, checklist answer, activity, conversion: its lead's show; an
 *   opportunity's contact role, stage change, an activity of an opportunity only: the
 *   opportunity's;
 * - an opportunity, a checklist criterion: its `event_id` where it names one;
 * - the account, contact and opportunity a conversion refers to: the conversion's show, from
 *   when the conversion arrives (their earlier changes too: `adoptions`);
 * - anything else (an account or contact made by hand, a lead of no show): none — manager
 *   devices only.
 *
 * A change that names nothing (an edit) has the record's show so far; a tombstone too, so it
 * reaches the booth devices that hold the record.
 */
export interface ChangeShows {
  /** Per change, in the order given: its show, or null. */
  shows: Array<string | null>;
  /** Records a conversion in these changes tied to its show: their stored changes of no show take it. */
  adoptions: Array<{ kind: string; recordId: string; show: string }>;
}

const recordKey = (kind: string, recordId: string): string => `${kind}\u0000${recordId}`;
const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/** The record whose show decides a change's, or the show itself when the change names it. */
function decidedBy(change: RecordChange): { show: string | null } | { kind: string; recordId: string } {
  const fields = change.fields;
  if (change.kind === 'event') return { show: change.recordId };
  // A tombstone the hub made of a refused conversion names its lead (the hub stores it without fields).
  if (change.tombstone) return text(fields.lead_id) === null ? { kind: change.kind, recordId: change.recordId } : { kind: 'lead', recordId: text(fields.lead_id) ?? '' };
  // A lead, an opportunity, a show's checklist criterion naming its show.
  if ('event_id' in fields) {
    const show = text(fields.event_id);
    // An opportunity of no show may still become a conversion's.
    if (show !== null || change.kind === 'lead') return { show };
  }
  const lead = text(fields.lead_id);
  if (lead !== null) return { kind: 'lead', recordId: lead };
  // An activity of an opportunity only, a contact role, a stage change: the opportunity's.
  const opportunity = text(fields.opportunity_id);
  if (opportunity !== null) return { kind: 'opportunity', recordId: opportunity };
  return { kind: change.kind, recordId: change.recordId };
}

/** `before`: only stored changes before this seq count (assigning stored changes their shows in order). */
export async function showsOfChanges(trx: Kysely<HubDatabase>, changes: readonly RecordChange[], before?: string): Promise<ChangeShows> {
  const deciders = changes.map(decidedBy);
  const asked = new Map<string, { kind: string; recordId: string }>();
  for (const decider of deciders) if ('kind' in decider) asked.set(recordKey(decider.kind, decider.recordId), decider);
  const known = await storedShows(trx, [...asked.values()], before);
  const adoptions: ChangeShows['adoptions'] = [];
  const showOf = (index: number): string | null => {
    const decider = deciders[index] ?? { show: null };
    return 'show' in decider ? decider.show : (known.get(recordKey(decider.kind, decider.recordId)) ?? null);
  };
  const shows = changes.map((change, index) => {
    const show = showOf(index);
    if (change.tombstone) return show;
    known.set(recordKey(change.kind, change.recordId), show);
    if (change.kind === 'conversion' && show !== null) {
      for (const [column, kind] of [['account_id', 'account'], ['contact_id', 'contact'], ['opportunity_id', 'opportunity']] as const) {
        const recordId = text(change.fields[column]);
        if (recordId === null || (known.get(recordKey(kind, recordId)) ?? null) !== null) continue;
        known.set(recordKey(kind, recordId), show);
        adoptions.push({ kind, recordId, show });
      }
    }
    return show;
  });
  // A conversion comes after the records it made (a contact role, a stage change of its
  // opportunity): those the push holds take the show it gave them.
  return { shows: adoptions.length === 0 ? shows : shows.map((show, index) => show ?? showOf(index)), adoptions };
}

/** The show of each record as the hub holds it: that of its latest stored change. */
async function storedShows(trx: Kysely<HubDatabase>, records: ReadonlyArray<{ kind: string; recordId: string }>, before?: string): Promise<Map<string, string | null>> {
  if (records.length === 0) return new Map();
  const rows = await sql<{ kind: string; record_id: string; show_id: string | null }>`
    SELECT DISTINCT ON (kind, record_id) kind, record_id, show_id FROM changes
    WHERE ${before === undefined ? sql`true` : sql`seq <= ${before}::bigint`} AND (kind, record_id) IN (SELECT * FROM unnest(${records.map((r) => r.kind)}::text[], ${records.map((r) => r.recordId)}::text[]))
    ORDER BY kind, record_id, seq DESC`.execute(trx);
  return new Map(rows.rows.map((row) => [recordKey(row.kind, row.record_id), row.show_id]));
}

/** Gives the records a conversion tied to a show that show, on their stored changes of none. */
export async function adoptIntoShows(trx: Kysely<HubDatabase>, adoptions: ChangeShows['adoptions']): Promise<void> {
  if (adoptions.length === 0) return;
  await sql`
    UPDATE changes AS c SET show_id = a.show
    FROM unnest(${adoptions.map((a) => a.kind)}::text[], ${adoptions.map((a) => a.recordId)}::text[], ${adoptions.map((a) => a.show)}::text[]) AS a (kind, record_id, show)
    WHERE c.show_id IS NULL AND c.kind = a.kind AND c.record_id = a.record_id`.execute(trx);
}

/**
 * Notes that a device pushed changes of shows it had pushed nothing of before: a booth device
 * then pulls again from the start (`pull_from_start`), to receive what the others captured there
 * before — its cursor is past those changes, which it was not shown then.
 */
export async function noteNewShowsOfDevice(trx: Kysely<HubDatabase>, deviceId: string, shows: ReadonlyArray<string | null>): Promise<void> {
  const pushed = [...new Set(shows.filter((show): show is string => show !== null))];
  if (pushed.length === 0) return;
  const held = await sql<{ show_id: string }>`
    SELECT DISTINCT show_id FROM changes WHERE device_id = ${deviceId} AND show_id = ANY(${pushed}::text[])`.execute(trx);
  if (held.rows.length === pushed.length) return;
  await trx.updateTable('devices').set({ pull_from_start: true }).where('id', '=', deviceId).execute();
}

/**
 * Gives the stored changes their shows, in the hub's order, a page at a time, as pushes would
 * have: for a hub migrated from before shows were kept (hub migration 0003) and a restore of
 * such a hub's backup.
 */
export async function assignShowsToStoredChanges(trx: Kysely<HubDatabase>): Promise<void> {
  for (let after = '0'; ; ) {
    const rows = await sql<{ seq: string; change_id: string; kind: string; record_id: string; hlc: string; fields: RecordChange['fields']; tombstone: boolean }>`
      SELECT seq::text AS seq, change_id, kind, record_id, hlc, fields, tombstone FROM changes
      WHERE seq > ${after}::bigint ORDER BY seq LIMIT ${SHOWS_PAGE}`.execute(trx);
    const last = rows.rows.at(-1);
    if (!last) return;
    const changes = rows.rows.map((row) => ({ changeId: row.change_id, kind: row.kind, recordId: row.record_id, hlc: row.hlc, fields: row.fields, tombstone: row.tombstone }));
    const { shows, adoptions } = await showsOfChanges(trx, changes, after);
    await sql`
      UPDATE changes AS c SET show_id = s.show FROM unnest(${rows.rows.map((row) => row.seq)}::bigint[], ${shows}::text[]) AS s (seq, show)
      WHERE c.seq = s.seq`.execute(trx);
    await adoptIntoShows(trx, adoptions);
    after = last.seq;
  }
}

const SHOWS_PAGE = 1000;
