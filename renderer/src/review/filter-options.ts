import { CAPTURE_METHODS, LEAD_RATINGS, LEAD_STATUSES } from '../../../shared/domain/lead';
import type { ReviewSortKey } from '../../../shared/domain/review';
import { formatCalendarDate } from '../components/date-and-number-format';
import { NO_FILTERS, type ListFilters } from '../store/leads-slice';

/**
 * The review list's filters in words: the choices each offers, how an active one reads as a
 * chip ("Rating: Hot"), and the sort's words. One place, so the panel and the chips agree.
 */

export const METHOD_LABELS: Record<(typeof CAPTURE_METHODS)[number], string> = {
  card_scan: 'Card scan',
  badge_scan: 'Badge scan',
  typed: 'Typed',
  imported: 'Imported',
};

/** The filters chosen from a list: every value a select can hold (strings, "" meaning any). */
export type SelectFilterKey = 'status' | 'rating' | 'consent' | 'captureMethod' | 'exported' | 'duplicate';

export const FILTER_OPTIONS: { [K in SelectFilterKey]: ReadonlyArray<readonly [Exclude<ListFilters[K], ''>, string]> } = {
  status: LEAD_STATUSES.map((status) => [status, status] as const),
  rating: [...LEAD_RATINGS.map((rating) => [rating, rating] as const), ['none', 'Not rated'] as const],
  consent: [
    ['given', 'Given'],
    ['missing', 'Not recorded'],
  ],
  captureMethod: CAPTURE_METHODS.map((method) => [method, METHOD_LABELS[method]] as const),
  exported: [
    ['no', 'Not yet'],
    ['yes', 'Exported'],
  ],
  duplicate: [
    ['yes', 'Yes'],
    ['no', 'No'],
  ],
};

/** Each filter's label and the id of its control in the filter panel (a chip focuses it). */
export const FILTER_FIELDS: Record<keyof ListFilters, { label: string; controlId: string }> = {
  status: { label: 'Status', controlId: 'filter-status' },
  rating: { label: 'Rating', controlId: 'filter-rating' },
  capturedBy: { label: 'Captured by', controlId: 'filter-captured-by' },
  from: { label: 'Captured from', controlId: 'filter-from' },
  to: { label: 'Captured to', controlId: 'filter-to' },
  consent: { label: 'Consent', controlId: 'filter-consent' },
  captureMethod: { label: 'How captured', controlId: 'filter-method' },
  exported: { label: 'Exported', controlId: 'filter-exported' },
  duplicate: { label: 'Possible duplicate', controlId: 'filter-duplicate' },
};

export interface FilterChip {
  filter: keyof ListFilters;
  /** "Rating: Hot", what the chip says. */
  text: string;
}

function valueWords(filter: keyof ListFilters, value: string): string {
  if (filter === 'capturedBy') return value.trim();
  if (filter === 'from' || filter === 'to') return formatCalendarDate(value);
  const options: ReadonlyArray<readonly [string, string]> = FILTER_OPTIONS[filter];
  return options.find(([optionValue]) => optionValue === value)?.[1] ?? value;
}

/** The active filters, in the panel's order, as chips. */
export function activeFilterChips(filters: ListFilters): FilterChip[] {
  return (Object.keys(FILTER_FIELDS) as Array<keyof ListFilters>)
    .filter((filter) => filters[filter] !== NO_FILTERS[filter] && (filter !== 'capturedBy' || filters.capturedBy.trim() !== ''))
    .map((filter) => ({ filter, text: `${FILTER_FIELDS[filter].label}: ${valueWords(filter, filters[filter])}` }));
}

/** Each active filter as a few words of a sentence ("Hot, not exported"): the chips' words read as a label, these as a phrase. */
const FILTER_PHRASES: { [K in keyof ListFilters]: (value: Exclude<ListFilters[K], ''>) => string } = {
  status: (status) => `status ${status}`,
  rating: (rating) => (rating === 'none' ? 'not rated' : rating),
  capturedBy: (name) => `captured by ${name.trim()}`,
  from: (day) => `captured from ${formatCalendarDate(day)}`,
  to: (day) => `captured until ${formatCalendarDate(day)}`,
  consent: (consent) => (consent === 'given' ? 'consent given' : 'consent not recorded'),
  captureMethod: (method) => METHOD_LABELS[method].toLowerCase(),
  exported: (exported) => (exported === 'no' ? 'not exported' : 'exported before'),
  duplicate: (duplicate) => (duplicate === 'yes' ? 'possible duplicates' : 'no possible duplicate'),
};

/**
 * The review list's search, show and filters in words, after a count: "at Web Summit 2026:
 * Hot, not exported, matching “acme”" ("23 leads at …"). `showName` is null for all shows.
 */
export function listInWords(filters: ListFilters, query: string, showName: string | null): string {
  // Each chip's filter picks its own phrase, and a chip is only made for a filter whose value is set (never '').
  const phrases = activeFilterChips(filters).map(({ filter }) => (FILTER_PHRASES[filter] as (value: string) => string)(filters[filter]));
  if (query.trim()) phrases.push(`matching “${query.trim()}”`);
  const where = showName === null ? 'in all shows' : `at ${showName}`;
  return phrases.length > 0 ? `${where}: ${phrases.join(', ')}` : where;
}

const SORT_LABELS: Record<ReviewSortKey, string> = {
  captured: 'Captured time',
  name: 'Name',
  company: 'Company',
  status: 'Status',
  rating: 'Rating',
};

/** The order people expect first for each key: newest, A to Z, New, Hot. */
export function firstDirection(by: ReviewSortKey): 'asc' | 'desc' {
  return by === 'captured' ? 'desc' : 'asc';
}

/** Words for the sort's direction, per key: what a person sees first. */
export function directionLabel(by: ReviewSortKey, direction: 'asc' | 'desc'): string {
  if (by === 'captured') return direction === 'desc' ? 'newest first' : 'oldest first';
  if (by === 'name' || by === 'company') return direction === 'asc' ? 'A to Z' : 'Z to A';
  if (by === 'status') return direction === 'asc' ? 'New first' : 'Converted first';
  return direction === 'asc' ? 'Hot first' : 'not rated first';
}

export function sortDescription(by: ReviewSortKey, direction: 'asc' | 'desc'): string {
  return `${SORT_LABELS[by].toLowerCase()}, ${directionLabel(by, direction)}`;
}
