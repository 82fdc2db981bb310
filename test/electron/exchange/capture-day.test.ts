import { describe, expect, it } from 'vitest';
import { captureDay, dayInZone } from '../../../electron/exchange/capture-day';

/** The day as Intl says it, asked for each moment: what dayInZone must equal. */
function intlDay(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

describe('dayInZone', () => {
  it.each([
    // Europe's spring and autumn clock changes, New York's, Lord Howe's half hour, Nepal's +05:45, Chatham's +12:45, a zone without DST.
    ['Europe/Berlin', '2026-03-28T20:00:00Z'],
    ['Europe/Berlin', '2026-10-24T20:00:00Z'],
    ['America/New_York', '2026-03-07T20:00:00Z'],
    ['America/New_York', '2026-10-31T20:00:00Z'],
    ['Australia/Lord_Howe', '2026-04-04T10:00:00Z'],
    ['Asia/Kathmandu', '2026-06-01T12:00:00Z'],
    ['Pacific/Chatham', '2026-04-04T10:00:00Z'],
    ['Asia/Tokyo', '2026-06-01T12:00:00Z'],
    ['UTC', '2026-06-01T12:00:00Z'],
  ])('gives Intl’s day in %s for every 7 minutes of two days from %s', (timeZone, from) => {
    const dayIn = dayInZone();
    const start = Date.parse(from);
    for (let ms = start; ms < start + 2 * 86_400_000; ms += 7 * 60_000 + 13_000) {
      const at = new Date(ms);
      expect(dayIn(at, timeZone), at.toISOString()).toBe(intlDay(at, timeZone));
    }
  });

  it('dates a moment before 1970 and leaves an unparsable time empty', () => {
    const dayIn = dayInZone();
    expect(dayIn(new Date('1969-12-31T23:30:00.500Z'), 'Europe/Berlin')).toBe('1970-01-01');
    expect(captureDay(dayIn, 'not a time', 'UTC')).toBe('');
    expect(captureDay(dayIn, '2026-03-10T23:30:00.000Z', 'Europe/Berlin')).toBe('2026-03-11');
  });
});
