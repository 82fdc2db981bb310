import { z } from 'zod';
import { CAPTURE_METHODS, LEAD_RATINGS, LEAD_STATUSES } from './lead';

/**
 * The manager's review list: which leads (a filter) in which order (a sort). One shape for
 * the list, the bulk actions (“everything the filter shows”), the CLI and the export branch,
 * so a selection made on screen means the same rows everywhere.
 */
const REVIEW_SORT_KEYS = ['captured', 'name', 'company', 'status', 'rating'] as const;
export type ReviewSortKey = (typeof REVIEW_SORT_KEYS)[number];

export const reviewFilterSchema = z
  .object({
    /** Typed words, searched as prefixes with the FTS index. */
    text: z.string().max(200).optional(),
    eventId: z.uuid().optional(),
    status: z.enum(LEAD_STATUSES).optional(),
    /** 'none': leads nobody has rated yet. */
    rating: z.enum([...LEAD_RATINGS, 'none']).optional(),
    capturedBy: z.string().max(80).optional(),
    /** UTC instants, from inclusive, to exclusive (the renderer turns local days into them). */
    capturedFrom: z.iso.datetime().optional(),
    capturedTo: z.iso.datetime().optional(),
    /** 'given': consent recorded; 'missing': not asked or refused. */
    consent: z.enum(['given', 'missing']).optional(),
    captureMethod: z.enum(CAPTURE_METHODS).optional(),
    exported: z.enum(['yes', 'no']).optional(),
    duplicate: z.enum(['yes', 'no']).optional(),
  })
  .strict();
export type ReviewFilter = z.infer<typeof reviewFilterSchema>;

/**
 * A local calendar day (YYYY-MM-DD) as the UTC instant it starts: the list's "captured from"
 * (inclusive). Undefined for a day that is not one.
 */
export function localDayStart(day: string): string | undefined {
  const date = new Date(`${day}T00:00:00`);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** The instant the local day after `day` starts: the list's "captured to" (that day included, the bound exclusive). */
export function nextLocalDayStart(day: string): string | undefined {
  const date = new Date(`${day}T00:00:00`);
  if (Number.isNaN(date.getTime())) return undefined;
  date.setDate(date.getDate() + 1);
  return date.toISOString();
}

export const reviewSortSchema = z
  .object({ by: z.enum(REVIEW_SORT_KEYS), direction: z.enum(['asc', 'desc']) })
  .strict();
export type ReviewSort = z.infer<typeof reviewSortSchema>;

export const DEFAULT_REVIEW_SORT: ReviewSort = { by: 'captured', direction: 'desc' };

/** The leads a bulk action applies to: picked one by one, or everything a filter matches. */
export const bulkTargetSchema = z.union([
  z.object({ ids: z.array(z.uuid()).min(1).max(100_000) }).strict(),
  z.object({ filter: reviewFilterSchema }).strict(),
]);
export type BulkTarget = z.infer<typeof bulkTargetSchema>;

export const bulkChangeSchema = z
  .object({
    status: z.enum(LEAD_STATUSES.filter((status) => status !== 'Converted') as ['New', 'Working', 'Qualified', 'Unqualified']).optional(),
    unqualifiedReason: z.string().trim().max(255).optional(),
    rating: z.enum(LEAD_RATINGS).nullable().optional(),
    eventId: z.uuid().optional(),
  })
  .strict()
  .refine((change) => change.status !== undefined || change.rating !== undefined || change.eventId !== undefined, {
    message: 'Pick a status, a rating or a show to set.',
  });
export type BulkChange = z.infer<typeof bulkChangeSchema>;
