import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { convertLead } from '../../../electron/services/conversion-service';
import { dashboardStats } from '../../../electron/services/dashboard-service';
import { createEvent, updateEvent } from '../../../electron/services/events-service';
import { createLead, updateLead } from '../../../electron/services/leads-service';
import { openTempStore, steppingClock, type TempStore } from '../../support/temp-database';

let store: TempStore;
let showA = '';
beforeEach(async () => {
  store = await openTempStore({ clock: steppingClock() });
  showA = (await createEvent(store.context, { name: 'Show A' })).id;
  const sam = { capturedBy: 'Sam', eventId: showA };
  const first = await createLead(store.context, { lastName: 'Zeller', company: 'Acme', capturedAt: '2026-11-01T09:10:00.000Z', ...sam });
  await createLead(store.context, { lastName: 'Yilmaz', company: 'Beta', capturedAt: '2026-11-01T09:50:00.000Z', ...sam });
  await createLead(store.context, { lastName: 'Xu', company: 'Gamma', capturedAt: '2026-11-01T23:30:00.000Z', capturedBy: 'Jo', eventId: showA });
  const elsewhere = (await createEvent(store.context, { name: 'Show B' })).id;
  await createLead(store.context, { lastName: 'Weber', company: 'Delta', capturedAt: '2026-11-02T10:00:00.000Z', capturedBy: 'Jo', eventId: elsewhere });
  await updateLead(store.context, first.lead.id, { rating: 'Hot', status: 'Working' });
  await convertLead(store.context, {
    leadId: first.lead.id,
    account: { mode: 'new' },
    contact: { mode: 'new' },
    opportunity: { name: 'Acme deal', stage: 'Closed Won', closeDate: '2026-12-01' },
  });
});
afterEach(() => store.dispose());

describe('dashboardStats', () => {
  it('counts one show per local hour and day, staff, rating, method and funnel stage', async () => {
    const stats = await dashboardStats(store.context, { eventId: showA, utcOffsetMinutes: 60 });
    expect(stats.total).toBe(3);
    // 23:30 UTC is past midnight an hour east: the next local day.
    expect(stats.perHour).toEqual([
      { key: '2026-11-01T10', count: 2 },
      { key: '2026-11-02T00', count: 1 },
    ]);
    expect(stats.perDay).toEqual([
      { key: '2026-11-01', count: 2 },
      { key: '2026-11-02', count: 1 },
    ]);
    expect(stats.perStaff).toEqual([
      { key: 'Sam', count: 2 },
      { key: 'Jo', count: 1 },
    ]);
    expect(stats.byRating).toEqual([
      { key: 'Hot', count: 1 },
      { key: 'Warm', count: 0 },
      { key: 'Cold', count: 0 },
      { key: 'Not rated', count: 2 },
    ]);
    expect(stats.byMethod.find((row) => row.key === 'typed')?.count).toBe(3);
    expect(stats.funnel).toEqual([
      { key: 'New', count: 3 },
      { key: 'Working', count: 1 },
      { key: 'Qualified', count: 1 },
      { key: 'Converted', count: 1 },
      { key: 'Closed Won', count: 1 },
    ]);
  });

  it('counts every show without one', async () => {
    const stats = await dashboardStats(store.context, { utcOffsetMinutes: 0 });
    expect(stats.total).toBe(4);
    expect(stats.perDay).toEqual([
      { key: '2026-11-01', count: 3 },
      { key: '2026-11-02', count: 1 },
    ]);
  });

  it('answers "was this show worth it?": results per show side by side, cost per lead and per won deal, a staff leaderboard', async () => {
    const show = (await createEvent(store.context, { name: 'Show C', currency: 'GBP', cost: 6000 })).id;
    const lead = async (lastName: string, capturedBy: string) => (await createLead(store.context, { lastName, company: lastName, capturedBy, eventId: show })).lead.id;
    const convert = (leadId: string, stage: 'Closed Won' | 'Prospecting', amount: number) =>
      convertLead(store.context, { leadId, account: { mode: 'new' }, contact: { mode: 'new' }, opportunity: { name: `${leadId} deal`, stage, closeDate: '2027-01-31', amount } });
    await convert(await lead('Ames', 'Kim'), 'Closed Won', 10_000);
    await convert(await lead('Bose', 'Kim'), 'Prospecting', 4_000);
    await convert(await lead('Cruz', 'Lee'), 'Closed Won', 2_500);
    await updateLead(store.context, await lead('Diaz', 'Lee'), { status: 'Qualified' });
    await lead('Eder', 'Lee');
    await lead('Fox', 'Lee');

    const stats = await dashboardStats(store.context, { eventId: show, utcOffsetMinutes: 0 });
    expect(stats.shows.map((results) => results.name)).toEqual(['Show C', 'Show B', 'Show A']);
    expect(stats.shows[0]).toEqual({
      eventId: show,
      name: 'Show C',
      currency: 'GBP',
      cost: 6000,
      leads: 6,
      qualified: 4,
      qualifiedShare: 4 / 6,
      converted: 3,
      pipelineValue: 4000,
      wonDeals: 2,
      wonValue: 12_500,
      costPerLead: 1000,
      costPerWonDeal: 3000,
    });
    // Without a cost there is no cost per lead; Show A's won deal had no amount.
    expect(stats.shows.find((results) => results.name === 'Show A')).toMatchObject({ cost: null, costPerLead: null, costPerWonDeal: null, wonDeals: 1, wonValue: 0, leads: 3 });
    expect(stats.leaderboard).toEqual([
      { staff: 'Kim', leads: 2, qualified: 2, converted: 2, wonDeals: 1, wonValue: 10_000 },
      { staff: 'Lee', leads: 4, qualified: 2, converted: 1, wonDeals: 1, wonValue: 2_500 },
    ]);

    await updateEvent(store.context, showA, { currency: 'EUR' });
    const everywhere = await dashboardStats(store.context, { utcOffsetMinutes: 0 });
    // Pounds and euros do not add up: across shows the leaderboard counts deals, not money.
    expect(everywhere.leaderboard.find((row) => row.staff === 'Kim')).toMatchObject({ wonDeals: 1, wonValue: null });
  });
});
