import { describe, expect, it } from 'vitest';
import { listInWords } from '../../../renderer/src/review/filter-options';
import { formatCalendarDate } from '../../../renderer/src/components/date-and-number-format';
import { NO_FILTERS } from '../../../renderer/src/store/leads-slice';

describe('the review list in words (what "Export these N leads" takes)', () => {
  it('names the show, every active filter as a phrase in the panel’s order, and the words searched', () => {
    expect(listInWords(NO_FILTERS, '', 'Web Summit 2026')).toBe('at Web Summit 2026');
    expect(listInWords(NO_FILTERS, '  ', null)).toBe('in all shows');
    expect(listInWords({ ...NO_FILTERS, rating: 'Hot', exported: 'no' }, ' acme ', 'Web Summit 2026')).toBe('at Web Summit 2026: Hot, not exported, matching “acme”');
    const every = listInWords(
      { status: 'Working', rating: 'none', capturedBy: ' Sam ', from: '2026-03-01', to: '2026-03-04', consent: 'missing', captureMethod: 'card_scan', exported: 'yes', duplicate: 'no' },
      '',
      null,
    );
    expect(every).toBe(
      `in all shows: status Working, not rated, captured by Sam, captured from ${formatCalendarDate('2026-03-01')}, captured until ${formatCalendarDate('2026-03-04')}, ` +
        'consent not recorded, card scan, exported before, no possible duplicate',
    );
  });
});
