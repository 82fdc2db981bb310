import { findDuplicatesOf, ProfileCache, type DuplicateSubject } from '../../shared/domain/duplicates';
import { hasContactDetails, missingForExport, newLeadSchema, type Lead, type NewLead } from '../../shared/domain/lead';
import type { LikelyDuplicate, SavedLead } from '../../shared/ipc/contract';
import { AppError } from '../../shared/ipc/errors';
import { parseOrThrow } from '../../shared/ipc/validation';
import { attachCardScan } from '../db/repositories/card-scans';
import { findDuplicateCandidates } from '../db/repositories/duplicate-candidates';
import { findEventById } from '../db/repositories/events';
import { findLeadById, saveLead } from '../db/repositories/leads';
import { writeSetting } from '../db/repositories/settings';
import { nowIso, type ServiceContext } from './service-context';

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
 * and when the lead was first captured do not change.
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
    for (const field of FILLABLE_FIELDS) {
      const value = (incoming[field] ?? '').trim();
      if (value && next[field].trim() === '') next[field] = value;
    }
    const note = (incoming.notes ?? '').trim();
    if (note && !current.notes.includes(note)) next.notes = current.notes.trim() ? `${current.notes.trim()}\n\n${note}` : note;
    if (next.rating === null && incoming.rating) next.rating = incoming.rating;
    if (next.consent === null && incoming.consent) next.consent = incoming.consent;
    if (!hasContactDetails(next)) throw new AppError('invalid_input', 'Nothing to merge.');
    await saveLead(trx, next);
    if (input.cardScanId && !(await attachCardScan(trx, input.cardScanId, next.id))) {
      throw new AppError('not_found', 'The scanned card was not found or is already saved with another lead. Scan it again.', {
        cardScanId: 'Unknown or already used scan.',
      });
    }
    if (input.clearDraft) await writeSetting(trx, 'draft', null, now);
    return next;
  });
  context.notify('leads.changed', { ids: [merged.id] });
  return { lead: merged, missingForExport: missingForExport(merged) };
}

const FILLABLE_FIELDS = [
  'salutation', 'firstName', 'lastName', 'company', 'title', 'email', 'phone', 'mobile', 'website',
  'street', 'city', 'region', 'postalCode', 'country', 'badgeId',
] as const satisfies ReadonlyArray<keyof Lead>;
