import type { Kysely } from 'kysely';
import { displayName, missingForExport, type Lead } from '../../shared/domain/lead';
import { defaultMergeChoices, MERGE_FIELDS, mergeImportedFields, mergeNotes, mergeRefusal, type MergeChoices } from '../../shared/domain/merge';
import type { FieldChange } from '../../shared/domain/timeline';
import type { SavedLead } from '../../shared/ipc/contract';
import { AppError } from '../../shared/ipc/errors';
import { deleteLead, findLeadById, isRatingByPerson, moveLeadRecords, saveLead, setLeadCapture, setRatingByPerson } from '../db/repositories/leads';
import { deleteAnswers, listAnswers, saveAnswer } from '../db/repositories/qualification';
import type { Database } from '../db/schema';
import { nowIso, type ServiceContext } from './service-context';
import { currentActor, record } from './timeline-recorder';

/**
 * Merges `otherId` into `keepId` (the same person captured twice), in ONE transaction:
 * - each field from the lead `choices` name, by default the newer non-empty value
 *   (`defaultMergeChoices`); the status's Unqualified reason travels with the status;
 * - both notes kept, the older capture time (and who captured it, how, at which show);
 * - the other's card photos, activities and timeline entries re-pointed to the kept lead,
 *   its checklist answers merged (the more recent answer per criterion wins);
 * - a 'merged' entry on the kept lead's timeline; the other lead deleted.
 * A converted lead can only be the kept one, and two converted leads are never merged.
 * The export branch's CLI (`leadbooth leads merge KEEP_ID OTHER_ID`) calls this as it is.
 */
export async function mergeLeads(context: ServiceContext, keepId: string, otherId: string, choices: MergeChoices = {}): Promise<SavedLead> {
  const merged = await context.db.transaction().execute(async (trx) => {
    const keep = await findLeadById(trx, keepId);
    const other = await findLeadById(trx, otherId);
    if (!keep || !other) throw new AppError('not_found', `Lead ${!keep ? keepId : otherId} no longer exists. Reload the duplicates.`);
    const refusal = mergeRefusal(keep, other);
    if (refusal) throw new AppError(keep.id === other.id ? 'invalid_input' : 'conflict', refusal);
    if (keep.status === 'Converted' && choices.status === 'other') {
      throw new AppError('conflict', 'The kept lead was converted: its status stays Converted.');
    }

    const picked = { ...defaultMergeChoices(keep, other), ...choices };
    const now = nowIso(context);
    const next: Lead = { ...keep, updatedAt: now };
    const changes: FieldChange[] = [];
    for (const field of MERGE_FIELDS) {
      if (picked[field] !== 'other' || JSON.stringify(keep[field]) === JSON.stringify(other[field])) continue;
      // Each field is copied from the same type of lead: the union of field types lines up.
      (next as unknown as Record<string, unknown>)[field] = other[field];
      changes.push({ field, from: describeValue(keep[field]), to: describeValue(other[field]) });
    }
    next.unqualifiedReason = next.status === 'Unqualified' ? (picked.status === 'other' ? other.unqualifiedReason : keep.unqualifiedReason) : '';
    if (next.status === 'Unqualified' && next.unqualifiedReason.trim() === '') next.unqualifiedReason = other.unqualifiedReason || keep.unqualifiedReason;
    next.notes = mergeNotes(keep, other);
    next.importedFields = mergeImportedFields(keep, other);
    const older = other.capturedAt < keep.capturedAt ? other : keep;

    await saveLead(trx, next);
    if (older === other) {
      await setLeadCapture(trx, keep.id, other);
      next.capturedAt = other.capturedAt;
      next.capturedBy = other.capturedBy;
      next.captureMethod = other.captureMethod;
      next.eventId = other.eventId;
    }
    if (picked.rating === 'other' && (await isRatingByPerson(trx, other.id))) await setRatingByPerson(trx, keep.id, true);

    await moveRelated(trx, keep.id, other.id);
    await record(trx, context, {
      leadId: keep.id,
      at: now,
      actor: await currentActor(trx),
      details: { kind: 'merged', otherId: other.id, otherName: displayName(other), changes },
    });
    await deleteLead(trx, other.id);
    return next;
  });
  context.notify('leads.changed', { ids: [keepId, otherId] });
  return { lead: merged, missingForExport: missingForExport(merged) };
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return 'given' in value && value.given ? 'given' : 'not recorded';
  return String(value);
}

/** Everything that hangs off the other lead now hangs off the kept one; of two answers to a criterion the more recent wins. */
async function moveRelated(trx: Kysely<Database>, keepId: string, otherId: string): Promise<void> {
  await moveLeadRecords(trx, otherId, keepId);
  const keptAnswers = new Map((await listAnswers(trx, keepId)).map((answer) => [answer.key, answer]));
  for (const answer of await listAnswers(trx, otherId)) {
    const kept = keptAnswers.get(answer.key);
    if (kept && kept.answeredAt >= answer.answeredAt) continue;
    await saveAnswer(trx, keepId, answer);
  }
  await deleteAnswers(trx, otherId);
}
