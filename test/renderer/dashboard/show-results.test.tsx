// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ShowResults } from '../../../shared/ipc/contracts/dashboard';
import { HeadlineFigures } from '../../../renderer/src/dashboard/HeadlineFigures';
import { combineShowResults } from '../../../renderer/src/dashboard/show-results-format';
import { StaffLeaderboard } from '../../../renderer/src/dashboard/StaffLeaderboard';

afterEach(cleanup);

const show = (fields: Partial<ShowResults>): ShowResults => ({
  eventId: crypto.randomUUID(),
  name: 'Hannover Messe 2026',
  currency: 'EUR',
  cost: null,
  leads: 0,
  qualified: 0,
  qualifiedShare: null,
  converted: 0,
  pipelineValue: 0,
  wonDeals: 0,
  wonValue: 0,
  costPerLead: null,
  costPerWonDeal: null,
  ...fields,
});
const euros = (amount: number) => new Intl.NumberFormat(undefined, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(amount);

describe('dashboard results', () => {
  it('shows the headline figures in the show’s currency, and says where to enter the cost when there is none', () => {
    const { rerender } = render(<HeadlineFigures results={show({ leads: 40, qualified: 15, qualifiedShare: 15 / 40, converted: 6, pipelineValue: 80_000, wonDeals: 2, wonValue: 30_000 })} />);
    const figures = screen.getByLabelText('Results: Hannover Messe 2026');
    const figure = (label: string) => within(figures).getByText(label).parentElement?.textContent ?? '';
    expect(figure('Qualified')).toBe('Qualified38 %15 of 40');
    expect(figure('Pipeline value')).toContain(euros(80_000));
    expect(figure('Won value')).toContain('2 deals won');
    expect(figure('Cost per lead')).toBe('Cost per lead—Enter the show’s cost in Show setup');

    rerender(<HeadlineFigures results={show({ leads: 40, cost: 20_000, costPerLead: 500, wonDeals: 2, costPerWonDeal: 10_000 })} />);
    expect(screen.getByText('Cost per lead').parentElement?.textContent).toContain(euros(500));
    expect(screen.getByText('Cost per won deal').parentElement?.textContent).toContain(euros(10_000));
  });

  it('adds shows up, but never amounts in different currencies', () => {
    const a = show({ leads: 10, qualified: 5, cost: 1000, wonDeals: 1, wonValue: 500 });
    const b = show({ leads: 30, qualified: 5, cost: 3000, wonDeals: 1, wonValue: 700 });
    expect(combineShowResults([a, b])).toMatchObject({ name: 'All shows', leads: 40, qualified: 10, qualifiedShare: 0.25, cost: 4000, costPerLead: 100, costPerWonDeal: 2000, wonValue: 1200 });
    const mixed = combineShowResults([a, { ...b, currency: 'USD' }]);
    expect(mixed).toMatchObject({ currency: '', cost: null, costPerLead: null });
    render(<HeadlineFigures results={mixed as ShowResults} />);
    expect(screen.getByText('Won value').parentElement?.textContent).toContain('mixed currencies');
  });

  it('ranks staff with their won value, and leaves the money out across currencies', () => {
    const rows = [
      { staff: 'Kim', leads: 2, qualified: 2, converted: 2, wonDeals: 1, wonValue: 10_000 },
      { staff: 'Lee', leads: 4, qualified: 2, converted: 1, wonDeals: 1, wonValue: 2_500 },
    ];
    const { rerender } = render(<StaffLeaderboard rows={rows} currency="EUR" />);
    const table = screen.getByRole('table', { name: 'Staff leaderboard' });
    expect(within(table).getAllByRole('row')[1]?.textContent).toBe(`1Kim2221${euros(10_000)}`);
    rerender(<StaffLeaderboard rows={rows.map((row) => ({ ...row, wonValue: null }))} currency="" />);
    expect(screen.queryByRole('columnheader', { name: 'Won value' })).toBeNull();
  });
});
