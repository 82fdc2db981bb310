import type { ShowEvent } from '../../../shared/domain/event';

/**
 * Dates, times, counts and amounts as the person reads them: the one place the screens format
 * them (components/: any feature may use it). Their own locale decides the format; times are
 * stored in UTC and shown where the person is.
 */

const AMOUNT_FORMATS = new Map<string, Intl.NumberFormat>();

/**
 * The formatters the review table uses per row, made once: each `toLocale…String(undefined,
 * options)` call builds a formatter anew (~0.1–0.3 ms), which a table scrolled through 100,000
 * leads paid for every row coming into view (a third of a frame's script, measured 2026-12-07).
 * The same options as those calls, so the same text.
 */
const COUNT_FORMAT = new Intl.NumberFormat();
const TIME_OF_DAY_FORMAT = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const DAY_AND_MONTH_FORMAT = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const DAY_MONTH_AND_YEAR_FORMAT = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
// What toLocaleString() with no options prints: every date and time part, numeric.
const FULL_LOCAL_TIME_FORMAT = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });

/**
 * An amount in its show's currency, in the person's own format ("€12,500.50", "12.500,50 €");
 * whole amounts drop the cents ("€12,500"), which would only add noise to a table or dashboard.
 */
export function formatAmount(amount: number | null, currency: string): string {
  if (amount === null) return '—';
  const whole = Number.isInteger(amount);
  const key = `${currency} ${whole}`;
  let format = AMOUNT_FORMATS.get(key);
  if (!format) {
    try {
      format = new Intl.NumberFormat(undefined, { style: 'currency', currency, ...(whole && { maximumFractionDigits: 0, minimumFractionDigits: 0 }) });
    } catch {
      // A code Intl does not know (an old runtime): the number and the code, still unambiguous.
      format = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });
      return `${format.format(amount)} ${currency}`;
    }
    AMOUNT_FORMATS.set(key, format);
  }
  return format.format(amount);
}

/** A count with the locale's grouping ("12,480"). */
export function formatCount(count: number): string {
  return COUNT_FORMAT.format(count);
}

/** A YYYY-MM-DD close date in the person's own date format (a calendar day: no time zone shift). */
export function formatCalendarDate(day: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return day || '—';
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return date.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}

/** A UTC time as local time, "28 Nov 2026, 09:30": a date and a time to tell records apart. */
export function formatLocalTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** A UTC time as local time in the locale's full default form, seconds included (a tooltip, a record's stamp). */
export function formatLocalTimeFull(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : FULL_LOCAL_TIME_FORMAT.format(date);
}

/** The local calendar day of a UTC time, in the locale's default form. */
export function formatLocalDay(iso: string): string {
  return new Date(iso).toLocaleDateString();
}

/**
 * When a lead was captured (or a timeline entry happened), local time. Today's show only the
 * time, which is what a person at the booth scans for.
 */
export function formatCapturedAt(isoUtc: string, now: Date = new Date()): string {
  const at = new Date(isoUtc);
  if (Number.isNaN(at.getTime())) return isoUtc;
  const time = TIME_OF_DAY_FORMAT.format(at);
  if (at.toDateString() === now.toDateString()) return `Today ${time}`;
  const date = (at.getFullYear() !== now.getFullYear() ? DAY_MONTH_AND_YEAR_FORMAT : DAY_AND_MONTH_FORMAT).format(at);
  return `${date}, ${time}`;
}

/** "12 Mar 2026 – 14 Mar 2026", or "" when no dates were given. Dates are calendar days, not instants. */
export function describeShowDates(event: Pick<ShowEvent, 'startsOn' | 'endsOn'>): string {
  const format = (day: string) =>
    // Noon UTC keeps the calendar day the same in every time zone.
    new Date(`${day}T12:00:00Z`).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
  if (event.startsOn && event.endsOn && event.startsOn !== event.endsOn) return `${format(event.startsOn)} – ${format(event.endsOn)}`;
  const single = event.startsOn || event.endsOn;
  return single ? format(single) : '';
}

/** A dashboard hour bucket "2026-11-27T09" (already local time: the service shifted it) as "Fri 09:00". */
export function formatHourBucket(key: string): string {
  const date = new Date(`${key}:00:00`);
  return Number.isNaN(date.getTime()) ? key : `${date.toLocaleDateString(undefined, { weekday: 'short' })} ${key.slice(11, 13)}:00`;
}

/** A dashboard day bucket "2026-11-27" (a local calendar day) as "Fri, 27 Nov". */
export function formatDayBucket(key: string): string {
  const date = new Date(`${key}T12:00:00`);
  return Number.isNaN(date.getTime()) ? key : date.toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'short' });
}

/** A file's size, "840 KB" or "12.3 MB" (never "0 KB": a backup always holds something). */
export function formatFileSize(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
