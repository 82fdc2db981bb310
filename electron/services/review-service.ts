import type { Kysely } from 'kysely';
import type { Lead } from '../../shared/domain/lead';
import type { BulkChange, BulkTarget, ReviewFilter, ReviewSort } from '../../shared/domain/review';
import type { BulkResult, ReviewPage } from '../../shared/ipc/contract';
import { AppError } from '../../shared/ipc/errors';
import { findEventById } from '../db/repositories/events';
import { deleteLead, findLeadById, findLeadStatus, moveLeadToShow, saveLead, setRatingByPerson } from '../db/repositories/leads';
import { countReviewLeads, queryReviewLeads, reviewLeadIds } from '../db/repositories/review-query';
import { dataVersion } from '../db/repositories/data-version';
import { latestExportOfLeads } from '../db/repositories/export-batches';
import type { Database } from '../db/schema';
import { duplicateSnapshot, duplicateSnapshotForMarks, type DuplicateSnapshot } from './duplicate-groups-service';
import { describeChanges } from './leads-service';
import { nowIso, type ServiceContext } from './service-context';
import { currentActor, record } from './timeline-recorder';

export interface ReviewQueryInput {
  filter: ReviewFilter;
  sort: ReviewSort;
  offset: number;
  limit: number;
  withDuplicates?: boolean | undefined;
}

/**
 * Counts of recent filters, per database, keyed by the data version and the filter: a new
 * sort or the next window of the same filter does not count 100,000 leads again.
 */
const counts = new WeakMap<Kysely<Database>, Map<string, number>>();
const COUNTS_KEPT = 32;

async function countOnce(context: ServiceContext, filter: ReviewFilter, duplicates: DuplicateSnapshot['membership'] | null): Promise<number> {
  const key = `${await dataVersion(context.db)}|${JSON.stringify(filter)}`;
  const cache = counts.get(context.db) ?? new Map<string, number>();
  counts.set(context.db, cache);
  const known = cache.get(key);
  if (known !== undefined) return known;
  const count = await countReviewLeads(context.db, filter, duplicates);
  if (cache.size >= COUNTS_KEPT) cache.delete(cache.keys().next().value as string);
  cache.set(key, count);
  return count;
}

/** One window of the review list and how many leads the filter matches. */
export async function queryReview(context: ServiceContext, input: ReviewQueryInput): Promise<ReviewPage> {
  const snapshot = input.filter.duplicate
    ? await duplicateSnapshot(context.db)
    : input.withDuplicates
      ? await duplicateSnapshotForMarks(context.db)
      : null;
  const duplicates = snapshot?.membership ?? null;
  const items = await queryReviewLeads(context.db, { ...input, duplicates });
  // A short first page is all there is: no need to count.
  const total = input.offset === 0 && items.length < input.limit ? items.length : await countOnce(context, input.filter, duplicates);
  const exports = await latestExportOfLeads(context.db, items.map((lead) => lead.id));
  return {
    items,
    total,
    offset: input.offset,
    duplicateIds: snapshot ? items.filter((lead) => snapshot.memberIds.has(lead.id)).map((lead) => lead.id) : [],
    exportedAt: Object.fromEntries([...exports].map(([leadId, batch]) => [leadId, batch.exportedAt])),
  };
}

/** Runs in flight, so a person can cancel one (a run belongs to one database). */
const runs = new WeakMap<Kysely<Database>, { cancelled: boolean }>();

export function cancelBulk(context: ServiceContext): { cancelled: boolean } {
  const run = runs.get(context.db);
  if (!run) return { cancelled: false };
  run.cancelled = true;
  return { cancelled: true };
}

/** Each slice is one transaction of about this long; then the event loop gets a turn (IPC, paints, Cancel). */
const SLICE_MS = 40;

async function targetIds(context: ServiceContext, target: BulkTarget): Promise<string[]> {
  if ('ids' in target) return [...new Set(target.ids)];
  const snapshot: DuplicateSnapshot | null = target.filter.duplicate ? await duplicateSnapshot(context.db) : null;
  return reviewLeadIds(context.db, target.filter, snapshot?.membership ?? null);
}

async function inSlices(
  context: ServiceContext,
  operation: 'update' | 'delete',
  ids: string[],
  apply: (trx: Kysely<Database>, id: string, result: BulkResult) => Promise<void>,
): Promise<BulkResult> {
  if (runs.has(context.db)) throw new AppError('conflict', 'Another bulk change is running. Wait for it to finish or cancel it.');
  const run = { cancelled: false };
  runs.set(context.db, run);
  const result: BulkResult = { done: 0, skippedConverted: 0, unchanged: 0, cancelled: false };
  const changed: string[] = [];
  try {
    let index = 0;
    while (index < ids.length) {
      if (run.cancelled) {
        result.cancelled = true;
        break;
      }
      const sliceStart = performance.now();
      await context.db.transaction().execute(async (trx) => {
        while (index < ids.length && performance.now() - sliceStart < SLICE_MS) {
          const id = ids[index++] as string;
          const before = result.done;
          await apply(trx, id, result);
          if (result.done > before) changed.push(id);
        }
      });
      context.notify('leads.bulkProgress', { operation, done: index, total: ids.length });
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  } finally {
    runs.delete(context.db);
  }
  // One notification for the lot: the list reloads once, not per lead.
  if (changed.length > 0) context.notify('leads.changed', { ids: changed.slice(0, 1000) });
  return result;
}

const UNQUALIFIED_NEEDS_REASON = 'Say why these leads are Unqualified: pick a reason (and add a word if you like).';

/** Sets status, rating and/or show on every targeted lead; each change goes on the lead's timeline. */
export async function bulkUpdateLeads(context: ServiceContext, target: BulkTarget, change: BulkChange): Promise<BulkResult> {
  if (change.status === 'Unqualified' && !change.unqualifiedReason?.trim()) {
    throw new AppError('invalid_input', UNQUALIFIED_NEEDS_REASON, { unqualifiedReason: UNQUALIFIED_NEEDS_REASON });
  }
  const event = change.eventId ? await findEventById(context.db, change.eventId) : null;
  if (change.eventId && !event) throw new AppError('not_found', 'That show no longer exists. Pick another.');
  const ids = await targetIds(context, target);
  const actor = await currentActor(context.db);
  const eventNames = new Map<string, string>();
  const eventName = async (trx: Kysely<Database>, id: string | null) => {
    if (!id) return '';
    if (!eventNames.has(id)) eventNames.set(id, (await findEventById(trx, id))?.name ?? '');
    return eventNames.get(id) as string;
  };
  return inSlices(context, 'update', ids, async (trx, id, result) => {
    const current = await findLeadById(trx, id);
    if (!current) return;
    if (current.status === 'Converted') {
      result.skippedConverted++;
      return;
    }
    const now = nowIso(context);
    const next: Lead = { ...current, updatedAt: now };
    if (change.status !== undefined) next.status = change.status;
    if (change.rating !== undefined) next.rating = change.rating;
    next.unqualifiedReason = next.status === 'Unqualified' ? (change.status === 'Unqualified' ? (change.unqualifiedReason ?? '').trim() : current.unqualifiedReason) : '';
    const movesShow = change.eventId !== undefined && change.eventId !== current.eventId;
    const entries = describeChanges(current, next);
    if (entries.length === 0 && !movesShow) {
      result.unchanged++;
      return;
    }
    await saveLead(trx, next);
    if (change.rating !== undefined && change.rating !== current.rating) await setRatingByPerson(trx, id, true);
    if (movesShow && change.eventId) {
      await moveLeadToShow(trx, id, change.eventId, now);
      entries.push({
        kind: 'edited',
        changes: [{ field: 'show', from: await eventName(trx, current.eventId), to: await eventName(trx, change.eventId) }],
      });
    }
    for (const details of entries) await record(trx, context, { leadId: id, at: now, actor, details });
    result.done++;
  });
}

/** Deletes the targeted leads with what hangs off them; converted leads are kept (undo the conversion first). */
export async function deleteLeads(context: ServiceContext, target: BulkTarget): Promise<BulkResult> {
  const ids = await targetIds(context, target);
  return inSlices(context, 'delete', ids, async (trx, id, result) => {
    const status = await findLeadStatus(trx, id);
    if (!status) return;
    if (status === 'Converted') {
      result.skippedConverted++;
      return;
    }
    await deleteLead(trx, id);
    result.done++;
  });
}
