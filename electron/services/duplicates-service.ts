import { findDuplicatesOf, ProfileCache, samePhoneNumber, type DuplicateSubject } from '../../shared/domain/duplicates';
import { hasContactDetails, LEAD_CONTACT_FIELDS, missingForExport, newLeadSchema, type Lead, type LeadContactField, type NewLead } from '../../shared/domain/lead';
import { normalizeEmail } from '../../shared/domain/normalize';
import type { FieldChange } from '../../shared/domain/timeline';
import type { LikelyDuplicate, SavedLead } from '../../shared/ipc/contract';
import { AppError } from '../../shared/ipc/errors';
import { parseOrThrow } from '../../shared/ipc/validation';
import { attachCardScan } from '../db/repositories/card-scans';
import { findDuplicateCandidates } from '../db/repositories/duplicate-candidates';
import { findEventById } from '../db/repositories/events';
import { findLeadById, keepBadgePayload, saveLead } from '../db/repositories/leads';
import { discardDraft } from './drafts-service';
import { nowIso, type ServiceContext } from './service-context';
import { currentActor, record } from './timeline-recorder';

/** The warning names a handful of leads at most: more would not help the person at the booth. */
const MAX_MATCHES = 5;

/**
 * The leads the new one is probably a duplicate of, newest first, each with who captured
 * it, when and at which show: what the warning at save names.
 */
export async function findDuplicates(
  context: ServiceContext,
  input: Partial<Omit<DuplicateSubject, 'id'>> & { excludeId?: string | undefined },
): Promise<LikelyDuplicate[]> {
  const probe: DuplicateSubject = {
    // The lead being saved has no id yet; the one being edited is left out by the query.
    id: input.excludeId ?? '',
    firstName: input.firstName ?? '',
    lastName: input.lastName ?? '',
    company: input.company ?? '',
    email: input.email ?? '',
    phone: input.phone ?? '',
    mobile: input.mobile ?? '',
    country: input.country ?? '',
    badgeId: input.badgeId ?? '',
  };
  const candidates = await findDuplicateCandidates(context.db, probe, { excludeId: input.excludeId });
  // The one duplicate rule (shared/domain/duplicates.ts), on the few candidates the indexes found.
  const found = findDuplicatesOf(probe, candidates, new ProfileCache()).slice(0, MAX_MATCHES);
  const matches: LikelyDuplicate[] = [];
  for (const { lead: candidate, reasons } of found) {
    const lead = await findLeadById(context.db, candidate.id);
    if (!lead) continue; // deleted between the two reads
    const event = lead.eventId ? await findEventById(context.db, lead.eventId) : undefined;
    matches.push({ lead, reasons, eventName: event?.name ?? '' });
  }
  return matches;
}

export interface MergeIntoLeadInput {
  intoId: string;
  lead: NewLead;
  cardScanId?: string | undefined;
  clearDraft?: boolean | undefined;
}

/**
 * "Merge into it": the new reading fills the existing lead's empty fields (what is there
 * stays), both notes are kept, and the new card photo is kept beside the old one. Where
 * and when the lead was first captured do not change. Nothing the new capture holds is
 * dropped: a different email, phone or badge goes to the lead's empty slot for it (a phone
 * to the mobile slot when the phone slot is taken, and the other way round), else into the
 * notes ("Also: email x@y, phone …"). The merge is on the lead's timeline.
 */
export async function mergeIntoLead(context: ServiceContext, input: MergeIntoLeadInput): Promise<SavedLead> {
  const incoming = parseOrThrow(newLeadSchema, input.lead);
  const now = nowIso(context);
  const merged = await context.db.transaction().execute(async (trx) => {
    const current = await findLeadById(trx, input.intoId);
    if (!current) throw new AppError('not_found', 'The lead to merge into no longer exists. Save this one as a new lead.');
    if (current.status === 'Converted') {
      throw new AppError('read_only', 'That lead was converted and can no longer be changed. Save this one as a new lead instead.');
    }
    const next: Lead = { ...current, updatedAt: now };
    const filled: FieldChange[] = [];
    for (const field of FILLABLE_FIELDS) {
      const value = (incoming[field] ?? '').trim();
      if (value && next[field].trim() === '') {
        next[field] = value;
        filled.push({ field, from: '', to: value });
      }
    }
    const keptInNotes = keepDifferingContacts(next, incoming, filled);
    const note = (incoming.notes ?? '').trim();
    const addedNotes = [note && !current.notes.includes(note) ? note : '', keptInNotes.length > 0 ? `Also: ${keptInNotes.join(', ')}` : ''].filter(
      (part) => part !== '',
    );
    if (addedNotes.length > 0) next.notes = [current.notes.trim(), ...addedNotes].filter((part) => part !== '').join('\n\n');
    if (next.rating === null && incoming.rating) next.rating = incoming.rating;
    if (next.consent === null && incoming.consent) next.consent = incoming.consent;
    if (!hasContactDetails(next)) throw new AppError('invalid_input', 'Nothing to merge.');
    await saveLead(trx, next);
    await keepBadgePayload(trx, next.id, incoming.badgePayload ?? '');
    if (input.cardScanId && !(await attachCardScan(trx, input.cardScanId, next.id))) {
      throw new AppError('not_found', 'The scanned card was not found or is already saved with another lead. Scan it again.', {
        cardScanId: 'Unknown or already used scan.',
      });
    }
    await record(trx, context, {
      leadId: next.id,
      at: now,
      actor: await currentActor(trx),
      details: {
        kind: 'capture_merged',
        method: incoming.captureMethod ?? (input.cardScanId ? 'card_scan' : 'typed'),
        filled,
        keptInNotes,
      },
    });
    return next;
  });
  if (input.clearDraft) await discardDraft(context.db);
  context.notify('leads.changed', { ids: [merged.id] });
  return { lead: merged, missingForExport: missingForExport(merged) };
}

/** The ways to reach a person: a different value of these is kept by `keepDifferingContacts`. */
const REACH_FIELDS: readonly LeadContactField[] = ['email', 'phone', 'mobile'];
/** The other contact fields (registry): filled where empty, never overwritten. */
const FILLABLE_FIELDS = LEAD_CONTACT_FIELDS.filter((field) => !REACH_FIELDS.includes(field));

const PHONE_SLOTS = [
  ['phone', 'mobile'],
  ['mobile', 'phone'],
] as const;

/**
 * The ways to reach the person the capture holds that `lead` does not have yet: each goes
 * into its empty slot on `lead` (noted in `filled`), a phone into the other phone slot when
 * its own is taken; the rest is returned as "email x@y" / "phone …" for the notes.
 */
function keepDifferingContacts(lead: Lead, incoming: NewLead, filled: FieldChange[]): string[] {
  const forNotes: string[] = [];
  const fill = (field: 'email' | 'phone' | 'mobile' | 'badgeId', value: string) => {
    lead[field] = value;
    filled.push({ field, from: '', to: value });
  };

  const email = (incoming.email ?? '').trim();
  if (email && normalizeEmail(email) !== normalizeEmail(lead.email)) {
    if (lead.email.trim() === '') fill('email', email);
    else forNotes.push(`email ${email}`);
  }
  for (const [slot, otherSlot] of PHONE_SLOTS) {
    const number = (incoming[slot] ?? '').trim();
    if (!number || [lead.phone, lead.mobile].some((known) => known.trim() === number || samePhoneNumber(known, number))) continue;
    if (lead[slot].trim() === '') fill(slot, number);
    else if (lead[otherSlot].trim() === '') fill(otherSlot, number);
    else forNotes.push(`${slot} ${number}`);
  }
  const badgeId = (incoming.badgeId ?? '').trim();
  if (badgeId && badgeId !== lead.badgeId.trim()) {
    if (lead.badgeId.trim() === '') fill('badgeId', badgeId);
    else forNotes.push(`badge ${badgeId}`);
  }
  return forNotes;
}
