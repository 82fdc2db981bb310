/**
 * The one date and number formatting module: what the screens printed before it existed
 * (inline toLocale… calls, review/format-captured-at.ts, session-setup/show-dates.ts) is what
 * it prints now, in this machine's locale and time zone; the rules of its own (today, the
 * year, a range of show days, the size of a file) hold in any locale.
 */
import { describe, expect, it } from 'vitest';
import {
  describeShowDates,
  formatCapturedAt,
  formatCount,
  formatDayBucket,
  formatFileSize,
  formatHourBucket,
  formatLocalDay,
  formatLocalTime,
  formatLocalTimeFull,
} from '../../../renderer/src/components/date-and-number-format';

const AT = '2026-11-27T08:30:15.000Z';

describe('date and number format', () => {
  it('prints what the inline calls printed', () => {
    expect(formatCount(12480)).toBe((12480).toLocaleString());
    expect(formatLocalTime(AT)).toBe(new Date(AT).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }));
    expect(formatLocalTimeFull(AT)).toBe(new Date(AT).toLocaleString());
    expect(formatLocalDay(AT)).toBe(new Date(AT).toLocaleDateString());
    expect(formatHourBucket('2026-11-27T09')).toBe(`${new Date('2026-11-27T09:00:00').toLocaleDateString(undefined, { weekday: 'short' })} 09:00`);
    expect(formatDayBucket('2026-11-27')).toBe(new Date('2026-11-27T12:00:00').toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'short' }));
  });

  it('keeps a bucket or time it cannot read as it came', () => {
    expect(formatHourBucket('unknown')).toBe('unknown');
    expect(formatDayBucket('unknown')).toBe('unknown');
    expect(formatLocalTime('not a time')).toBe('not a time');
    expect(formatCapturedAt('not a time')).toBe('not a time');
  });

  it("shows only the time for today's captures, and the year only for another year's", () => {
    const now = new Date(AT);
    const time = now.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
    expect(formatCapturedAt(AT, now)).toBe(`Today ${time}`);
    const lastWeek = new Date(now.getTime() - 7 * 86_400_000);
    expect(formatCapturedAt(lastWeek.toISOString(), now)).not.toContain(String(now.getFullYear()));
    const lastYear = new Date(now.getTime() - 400 * 86_400_000);
    expect(formatCapturedAt(lastYear.toISOString(), now)).toContain(String(lastYear.getFullYear()));
  });

  it('prints show dates as one day or a range of calendar days, and nothing without dates', () => {
    const day = describeShowDates({ startsOn: '2026-03-12', endsOn: '' });
    expect(day).toContain('2026');
    expect(describeShowDates({ startsOn: '2026-03-12', endsOn: '2026-03-12' })).toBe(day);
    expect(describeShowDates({ startsOn: '2026-03-12', endsOn: '2026-03-14' })).toBe(`${day} – ${describeShowDates({ startsOn: '2026-03-14', endsOn: '' })}`);
    expect(describeShowDates({ startsOn: '', endsOn: '' })).toBe('');
  });

  it('prints a file size in KB (never 0) or MB with one decimal', () => {
    expect(formatFileSize(10)).toBe('1 KB');
    expect(formatFileSize(840 * 1024)).toBe('840 KB');
    expect(formatFileSize(1.5 * 1024 * 1024)).toBe('1.5 MB');
  });
});
