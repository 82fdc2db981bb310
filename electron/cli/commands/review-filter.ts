import { localDayStart, nextLocalDayStart, reviewFilterSchema, type ReviewFilter } from '../../../shared/domain/review';
import { UsageError } from '../cli-io';
import type { CliSession } from '../open-client';
import type { CommandArgs } from '../parse-command-line';
import { findShowByName } from './events';

/** Each filter field and the option that gives it (command-options.ts `reviewFilterOptions`). */
const OPTION_OF: Record<keyof ReviewFilter, string> = {
  text: '--search',
  eventId: '--event',
  status: '--status',
  rating: '--rating',
  capturedBy: '--captured-by',
  capturedFrom: '--captured-from',
  capturedTo: '--captured-to',
  consent: '--consent',
  captureMethod: '--how',
  exported: '--exported',
  duplicate: '--duplicate',
};

/** A local day as YYYY-MM-DD, as the list's date filters take it, turned into its bound. */
function dayBound(args: CommandArgs, option: string, bound: (day: string) => string | undefined): string | undefined {
  const day = args.text(option);
  if (day === undefined) return undefined;
  const instant = /^\d{4}-\d{2}-\d{2}$/.test(day) ? bound(day) : undefined;
  if (instant === undefined) throw new UsageError(`${option} takes a day as YYYY-MM-DD (e.g. 2026-04-20), not "${day}"`);
  return instant;
}

/**
 * The review list's filter from the options of `reviewFilterOptions`, checked by the schema the
 * list's own requests are checked by (so an unknown rating or status says which option and what
 * it takes); the main process resolves it with the list's own conditions (`reviewFilterCondition`).
 * Null when no option narrows anything.
 */
export async function reviewFilterFromOptions(session: CliSession, args: CommandArgs): Promise<ReviewFilter | null> {
  const eventName = args.text('--event');
  const given: Record<keyof ReviewFilter, string | undefined> = {
    text: args.text('--search'),
    eventId: eventName === undefined ? undefined : (await findShowByName(session, eventName)).id,
    status: args.text('--status'),
    rating: args.text('--rating'),
    capturedBy: args.text('--captured-by'),
    capturedFrom: dayBound(args, '--captured-from', localDayStart),
    capturedTo: dayBound(args, '--captured-to', nextLocalDayStart),
    consent: args.text('--consent'),
    captureMethod: args.text('--how'),
    exported: args.text('--exported'),
    duplicate: args.text('--duplicate'),
  };
  const present = Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined));
  if (Object.keys(present).length === 0) return null;
  const checked = reviewFilterSchema.safeParse(present);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const field = issue?.path[0] as keyof ReviewFilter | undefined;
    const option = field ? OPTION_OF[field] : 'a filter option';
    const allowed = issue && 'values' in issue && Array.isArray(issue.values) ? `: one of ${issue.values.join(', ')}` : issue ? `: ${issue.message}` : '';
    throw new UsageError(`${option} does not take "${field ? given[field] : ''}"${allowed}`);
  }
  return checked.data;
}
