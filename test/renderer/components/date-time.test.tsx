// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { DateTime } from '../../../renderer/src/components/DateTime';
import { formatLocalTimeFull } from '../../../renderer/src/components/date-and-number-format';

afterEach(cleanup);

describe('DateTime', () => {
  it('shows a moment of today as "Today <time>", the full date and time on hover, the instant for machines', () => {
    const iso = new Date().toISOString();
    render(<DateTime iso={iso} />);
    const time = screen.getByText(/^Today /);
    expect(time.tagName).toBe('TIME');
    expect(time.getAttribute('dateTime')).toBe(iso);
    expect(time.getAttribute('title')).toBe(formatLocalTimeFull(iso));
  });

  it('shows an older moment with its day, never "Today"', () => {
    render(<DateTime iso="2024-03-12T09:30:00.000Z" />);
    const time = document.querySelector('time');
    expect(time?.textContent).not.toMatch(/Today/);
    expect(time?.textContent).toMatch(/2024/);
  });
});
