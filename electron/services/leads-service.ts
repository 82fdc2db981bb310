import {
  hasContactDetails,
  LEAD_CONTACT_FIELDS,
  leadPatchSchema,
  missingForExport,
  newLeadSchema,
  type Lead,
  type LeadPatch,
  type NewLead,
} from '../../shared/domain/lead';
import type { LeadPage, SavedLead } from '../../shared/ipc/contract';
import { AppError } from '../../shared/ipc/errors';
import { parseOrThrow } from '../../shared/ipc/validation';
import { attachCardScan } from '../db/repositories/card-scans';
import { findEventById } from '../db/repositories/events';
import { findLeadById, insertLead, listLeads as listLeadRows, saveLead, setRatingByPerson } from '../db/repositories/leads';
import type { FieldChange, TimelineDetails } from '../../shared/domain/timeline';
import { discardDraft } from './drafts-service';
import { decodeCursor, encodeCursor } from './list-cursor';
import { nowIso, type ServiceContext } from './service-context';
import { getSettings } from './settings-service';
import { answerCriteriaInTransaction, type CriterionAnswerInput } from './qualification-service';
import { actorNamed, currentActor, record } from './timeline-recorder';

const NOTHING_TO_FOLLOW_UP =
  'Type at least a name, a company, an email or a phone number: there is nothing to follow up on yet.';

export interface CreateLeadOptions {
  /** The scan (photo + OCR text) this lead was read from. */
  cardScanId?: string | undefined;
  /** Clear the entry form's draft once the lead is saved. */
  clearDraft?: boolean | undefined;
  /** The show's "ask at the booth" answers given at capture: recorded with the lead, in its transaction. */
  boothAnswers?: CriterionAnswerInput[] | undefined;
  /**
   * The staff name the entry form showed (the window's and the host's `leads.create`): the
   * lead is filed under it only while it is still the laptop's, so nobody is named who the
   * person did not see. Checked against the same read of the settings the lead's defaults come from.
   */
  staffNameShown?: string | undefined;
}

/**
 * Saves a lead with the app's defaults (newLeadSchema fills them: Lead Source "Trade Show",
 * status New…), the current show and the staff member at the booth, and its booth answers,
 * in one transaction. Settings and the show are read once. Saving never waits for export-only fields.
 */
export async function createLead(context: ServiceContext, input: NewLead & CreateLeadOptions): Promise<SavedLead> {
  const { cardScanId, clearDraft, boothAnswers = [], staffNameShown, ...leadInput } = input;
  const { id, eventId: eventChosen, capturedBy: capturedByGiven, capturedAt, captureMethod, badgePayload, ...given } = parseOrThrow(newLeadSchema, leadInput);
  // A badge id alone is enough: the organiser's attendee list says who it was. (The raw
  // badge payload is evidence, not something to follow up on: it needs an id or details.)
  if (!hasContactDetails(given) && !given.badgeId) throw new AppError('invalid_input', NOTHING_TO_FOLLOW_UP, { firstName: NOTHING_TO_FOLLOW_UP });

  const settings = await getSettings(context);
  if (staffNameShown !== undefined && staffNameShown !== settings.staffName) {
    throw new AppError(
      'conflict',
      `The staff name is now “${settings.staffName}” (it was changed in another window or on the command line). Check the header, then save again: nothing typed was lost.`,
      { capturedBy: 'Not the staff member set up on this laptop.' },
    );
  }
  const capturedBy = capturedByGiven || staffNameShown || settings.staffName;
  if (!capturedBy) {
    throw new AppError(
      'invalid_input',
      'Set the staff name first: every lead records who captured it. The app asks at its first start; ' +
        'on the command line run: leadbooth staff "Your Name".',
      {
        capturedBy: 'Who captured this lead?',
      },
    );
  }
  const eventId = eventChosen ?? settings.currentEventId;
  if (!eventId) throw new AppError('no_current_event', 'Pick or create the show you are at first: every lead belongs to one.');

  const now = nowIso(context);
  let lead: Lead = {
    ...given,
    id: id ?? context.newId(),
    captureMethod: captureMethod ?? (cardScanId ? 'card_scan' : 'typed'),
    unqualifiedReason: '',
    expectedCloseDate: '',
    importedFields: {},
    eventId,
    capturedBy,
    capturedAt: capturedAt ? new Date(capturedAt).toISOString() : now,
    updatedAt: now,
  };
  lead = await context.db.transaction().execute(async (trx) => {
    const event = await findEventById(trx, eventId);
    if (!event) throw new AppError('not_found', 'The show this lead belongs to does not exist. Pick the show you are at and save again.');
    if (id && (await findLeadById(trx, id))) {
      throw new AppError('conflict', `A lead with id ${id} exists already. Leave the id out to create a new lead.`);
    }
    await insertLead(trx, lead, '', badgePayload);
    await record(trx, context, {
      leadId: lead.id,
      at: now,
      actor: capturedBy,
      details: { kind: 'captured', method: lead.captureMethod, eventId, eventName: event.name },
    });
    if (lead.rating) await setRatingByPerson(trx, lead.id, true);
    if (cardScanId && !(await attachCardScan(trx, cardScanId, lead.id))) {
      throw new AppError('not_found', 'The scanned card was not found or is already saved with another lead. Scan it again.', {
        cardScanId: 'Unknown or already used scan.',
      });
    }
    if (boothAnswers.length === 0) return lead;
    const answered = await answerCriteriaInTransaction(trx, context, { leadId: lead.id, answers: boothAnswers }, { actor: actorNamed(settings.staffName), now });
    // The checklist may have moved the lead on (status, rating, a show's automatic conversion).
    return answered.qualification.lead;
  });
  // After the commit: the draft is a file. A crash in between leaves the draft, and the duplicate check warns at its next save.
  if (clearDraft) await discardDraft(context.db);
  context.notify('leads.changed', { ids: [lead.id] });
  return { lead, missingForExport: missingForExport(lead) };
}

export async function updateLead(context: ServiceContext, id: string, patch: LeadPatch): Promise<SavedLead> {
  const changes = parseOrThrow(leadPatchSchema, patch);
  const saved = await context.db.transaction().execute(async (trx) => {
    const current = await findLeadById(trx, id);
    if (!current) throw new AppError('not_found', 'This lead no longer exists. Reload the list.');
    if (current.status === 'Converted') {
      throw new AppError('read_only', 'This lead was converted and can no longer be edited. Edit the contact or account instead.');
    }
    const now = nowIso(context);
    const next: Lead = { ...current, ...definedOnly(changes), updatedAt: now };
    if (next.status !== 'Unqualified') next.unqualifiedReason = '';
    if (!hasContactDetails(next)) throw new AppError('invalid_input', NOTHING_TO_FOLLOW_UP, { firstName: NOTHING_TO_FOLLOW_UP });
    if (next.status === 'Unqualified' && next.unqualifiedReason.trim() === '') {
      throw new AppError('invalid_input', UNQUALIFIED_NEEDS_REASON, { unqualifiedReason: UNQUALIFIED_NEEDS_REASON });
    }
    await saveLead(trx, next);
    if (changes.rating !== undefined && changes.rating !== current.rating) await setRatingByPerson(trx, id, true);
    const actor = await currentActor(trx);
    for (const details of describeChanges(current, next)) await record(trx, context, { leadId: id, at: now, actor, details });
    return next;
  });
  context.notify('leads.changed', { ids: [id] });
  return { lead: saved, missingForExport: missingForExport(saved) };
}

export async function getLead(context: ServiceContext, id: string): Promise<Lead> {
  const lead = await findLeadById(context.db, id);
  if (!lead) throw new AppError('not_found', 'This lead no longer exists. Reload the list.');
  return lead;
}

export interface ListLeadsInput {
  query?: string | undefined;
  eventId?: string | undefined;
  limit?: number | undefined;
  after?: string | undefined;
}

const DEFAULT_PAGE_SIZE = 100;

export async function listLeads(context: ServiceContext, input: ListLeadsInput): Promise<LeadPage> {
  const limit = input.limit ?? DEFAULT_PAGE_SIZE;
  const rows = await listLeadRows(context.db, {
    text: input.query?.trim() ? input.query : undefined,
    eventId: input.eventId,
    limit: limit + 1, // One more than asked tells whether a next page exists.
    after: input.after ? decodeCursor(input.after) : undefined,
  });
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map((row) => row.lead),
    nextCursor: rows.length > limit && last ? encodeCursor(last.cursor) : null,
  };
}

const UNQUALIFIED_NEEDS_REASON = 'Say why the lead is Unqualified: pick a reason (and add a word if you like).';

/** Fields shown as their label on the timeline. */
const TRACKED_FIELDS: ReadonlyArray<keyof Lead> = [...LEAD_CONTACT_FIELDS, 'leadSource', 'notes', 'expectedCloseDate'];

/** What an edit changed, as timeline entries: field edits together, status and rating on their own. */
export function describeChanges(before: Lead, after: Lead): TimelineDetails[] {
  const entries: TimelineDetails[] = [];
  const changes: FieldChange[] = TRACKED_FIELDS.filter((field) => before[field] !== after[field]).map((field) => ({
    field,
    from: String(before[field] ?? ''),
    to: String(after[field] ?? ''),
  }));
  if (JSON.stringify(before.consent) !== JSON.stringify(after.consent)) {
    changes.push({ field: 'consent', from: before.consent?.given ? 'given' : 'not recorded', to: after.consent?.given ? 'given' : 'not recorded' });
  }
  if (changes.length > 0) entries.push({ kind: 'edited', changes });
  if (before.status !== after.status) {
    entries.push({
      kind: 'status_changed',
      from: before.status,
      to: after.status,
      ...(after.status === 'Unqualified' && { reason: after.unqualifiedReason }),
    });
  }
  if (before.rating !== after.rating) entries.push({ kind: 'rating_changed', from: before.rating, to: after.rating });
  return entries;
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as Partial<T>;
}
