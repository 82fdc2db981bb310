import type { ShowEvent } from '../../../shared/domain/event';

/** "12 Mar 2026 – 14 Mar 2026", or "" when no dates were given. Dates are calendar days, not instants. */
export function describeShowDates(event: Pick<ShowEvent, 'startsOn' | 'endsOn'>): string {
  const format = (day: string) =>
    // Noon UTC keeps the calendar day the same in every time zone.
    new Date(`${day}T12:00:00Z`).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
  if (event.startsOn && event.endsOn && event.startsOn !== event.endsOn) return `${format(event.startsOn)} – ${format(event.endsOn)}`;
  const single = event.startsOn || event.endsOn;
  return single ? format(single) : '';
}
