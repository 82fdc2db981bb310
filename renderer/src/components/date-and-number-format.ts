/**
 * Dates, times and amounts as the person reads them, for every screen (components/: any
 * feature may use it). Their own locale decides the format.
 */

/** Amounts carry no currency in the store, so they are shown as plain grouped numbers. */
const AMOUNT_FORMAT = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });

export function formatAmount(amount: number | null): string {
  return amount === null ? '—' : AMOUNT_FORMAT.format(amount);
}

/** A YYYY-MM-DD close date in the person's own date format (a calendar day: no time zone shift). */
export function formatCalendarDate(day: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return day || '—';
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return date.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}

/** A UTC time as local time: times are stored in UTC and shown where the person is. */
export function formatLocalTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
