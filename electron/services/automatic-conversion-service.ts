import type { Kysely } from 'kysely';
import type { ConversionRule, ConversionSummary } from '../../shared/domain/crm';
import { displayName } from '../../shared/domain/lead';
import { AUTOMATIC_ACTOR } from '../../shared/domain/timeline';
import type { AutoConversionReport } from '../../shared/ipc/contract';
import { AppError } from '../../shared/ipc/errors';
import { findConversionRule, findConversionSummary, listShowsWithConversionRule, removeConversionRule, saveConversionRule } from '../db/repositories/conversions';
import { findEventById } from '../db/repositories/events';
import { findLeadById, listUnconvertedLeadIdsOfShow } from '../db/repositories/leads';
import { listCriteria } from '../db/repositories/qualification';
import type { Database } from '../db/schema';
import { convertInTransaction, planAutomaticConversion } from './conversion-service';
import { nowIso, type ServiceContext } from './service-context';

export type ConversionRuleInput = Omit<ConversionRule, 'eventId'>;

export async function getConversionRule(context: ServiceContext, eventId: string): Promise<ConversionRule | null> {
  return (await findConversionRule(context.db, eventId)) ?? null;
}

/** Sets (or with null removes) a show's rule for converting leads without a click. */
export async function setConversionRule(context: ServiceContext, eventId: string, rule: ConversionRuleInput | null): Promise<ConversionRule | null> {
  const event = await findEventById(context.db, eventId);
  if (!event) throw new AppError('not_found', 'That show no longer exists.');
  if (!rule) {
    await removeConversionRule(context.db, eventId, nowIso(context));
    return null;
  }
  const saved: ConversionRule = { eventId, ...rule };
  await saveConversionRule(context.db, saved, nowIso(context));
  return saved;
}

/**
 * Right after a lead's checklist changed: converts it when its show's rule is met. Runs in
 * the caller's transaction, through the same code as a conversion by hand.
 */
export async function convertIfRuleMet(trx: Kysely<Database>, context: ServiceContext, leadId: string): Promise<ConversionSummary | null> {
  const lead = await findLeadById(trx, leadId);
  if (!lead?.eventId) return null;
  const rule = await findConversionRule(trx, lead.eventId);
  if (!rule) return null;
  const event = await findEventById(trx, lead.eventId);
  const criteria = await listCriteria(trx, lead.eventId);
  const plan = await planAutomaticConversion(trx, lead, rule, criteria, { now: context.clock.now(), eventName: event?.name ?? '' });
  if ('skip' in plan) return null;
  await convertInTransaction(trx, context, plan.request, { automatic: true, actor: AUTOMATIC_ACTOR, now: nowIso(context), read: plan.read });
  return (await findConversionSummary(trx, leadId)) ?? null;
}

/** Runs in flight, so a person can cancel one (a run belongs to one database). */
const cancelRequests = new WeakMap<Kysely<Database>, { cancelled: boolean }>();

export function cancelConversionRun(context: ServiceContext): { cancelled: boolean } {
  const run = cancelRequests.get(context.db);
  if (!run) return { cancelled: false };
  run.cancelled = true;
  return { cancelled: true };
}

/**
 * Work is committed in slices that block the event loop for about this long, commit
 * included; then the event loop gets a turn: the window stays responsive. A slice stops
 * taking leads when its time so far and the last commit's time reach it: the commit
 * (an fsync, ~10 ms here, several times that on a busy disk) is part of the stall a
 * person feels. A commit that also checkpoints the WAL takes longer than the one before:
 * 70 ms leaves room for that under 100 ms. Longer slices mean fewer fsyncs, so the run is
 * faster.
 */
const SLICE_MS = 70;
const SKIPPED_LISTED = 200;

/**
 * Runs the rule of one show (or of every show that has one) over its leads: converts those
 * that meet it, in slices each committed on its own, and reports progress as
 * `conversion.progress` events.
 */
export async function runConversionRule(context: ServiceContext, eventId?: string): Promise<AutoConversionReport> {
  if (cancelRequests.has(context.db)) throw new AppError('conflict', 'The rule is running already. Wait for it to finish or cancel it.');
  const run = { cancelled: false };
  cancelRequests.set(context.db, run);
  try {
    return await runRule(context, run, eventId);
  } finally {
    cancelRequests.delete(context.db);
  }
}

async function runRule(context: ServiceContext, run: { cancelled: boolean }, eventId?: string): Promise<AutoConversionReport> {
  const eventIds = eventId ? [eventId] : await listShowsWithConversionRule(context.db);
  const rules: ConversionRule[] = [];
  for (const id of eventIds) {
    const rule = await findConversionRule(context.db, id);
    if (rule) rules.push(rule);
  }
  if (eventId && rules.length === 0) {
    throw new AppError('not_found', 'This show has no automatic conversion rule yet. Set one first (leadbooth events rule, or the show\'s settings).');
  }
  const report: AutoConversionReport = { converted: 0, skippedCount: 0, skipped: [], skippedByReason: {}, cancelled: false };
  const work: Array<{ rule: ConversionRule; leadIds: string[] }> = [];
  for (const rule of rules) {
    work.push({ rule, leadIds: await listUnconvertedLeadIdsOfShow(context.db, rule.eventId) });
  }
  const total = work.reduce((sum, item) => sum + item.leadIds.length, 0);
  let doneBefore = 0;
  const changed: string[] = [];
  let lastCommitMs = 0;
  for (const { rule, leadIds } of work) {
    const event = await findEventById(context.db, rule.eventId);
    const criteria = await listCriteria(context.db, rule.eventId);
    let index = 0;
    while (index < leadIds.length) {
      if (run.cancelled) {
        report.cancelled = true;
        break;
      }
      const sliceStart = performance.now();
      let workDone = sliceStart;
      await context.db.transaction().execute(async (trx) => {
        // At least one lead a slice, so a slow commit before cannot stall the run.
        do {
          const leadId = leadIds[index++] as string;
          const lead = await findLeadById(trx, leadId);
          if (!lead) continue;
          const plan = await planAutomaticConversion(trx, lead, rule, criteria, { now: context.clock.now(), eventName: event?.name ?? '' });
          if ('skip' in plan) {
            report.skippedCount++;
            report.skippedByReason[plan.skip] = (report.skippedByReason[plan.skip] ?? 0) + 1;
            if (report.skipped.length < SKIPPED_LISTED) report.skipped.push({ leadId, name: displayName(lead), reason: plan.skip });
            continue;
          }
          await convertInTransaction(trx, context, plan.request, { automatic: true, actor: AUTOMATIC_ACTOR, now: nowIso(context), read: plan.read });
          report.converted++;
          changed.push(leadId);
        } while (index < leadIds.length && performance.now() - sliceStart + lastCommitMs < SLICE_MS);
        workDone = performance.now();
      });
      lastCommitMs = performance.now() - workDone;
      context.notify('conversion.progress', { done: doneBefore + index, total });
      // Let the event loop breathe between slices: IPC, paints and a Cancel click get through.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    doneBefore += leadIds.length;
    if (report.cancelled) break;
  }
  if (changed.length > 0) context.notify('leads.changed', { ids: changed.slice(0, 1000) });
  return report;
}
