import type { DashboardStats } from '../../shared/ipc/contract';
import type { CountBy, ShowResults, StaffResults } from '../../shared/ipc/contracts/dashboard';
import { showCurrency } from '../../shared/domain/currency';
import { countLeadsForDashboard } from '../db/repositories/dashboard-counts';
import { readShowResults, readStaffResults, type ShowResultRow } from '../db/repositories/show-results';
import type { ServiceContext } from './service-context';

/**
 * The dashboard's figures: leads per local hour and day, per staff member, by rating, by how
 * captured (each one GROUP BY in SQL, dashboard-counts.ts), and the funnel made of them.
 */
export async function dashboardStats(context: ServiceContext, input: { eventId?: string | undefined; utcOffsetMinutes: number }): Promise<DashboardStats> {
  const { perHour, perDay, perStaff, ratings, methods, statuses, closedWon } = await countLeadsForDashboard(context.db, input);

  const byStatus = new Map(statuses.map((row) => [row.key, row.count]));
  const status = (name: string) => byStatus.get(name) ?? 0;
  const total = statuses.reduce((sum, row) => sum + row.count, 0);
  // Leads that got at least this far: a Qualified lead has been Working, a Converted one Qualified.
  const converted = status('Converted');
  const qualified = status('Qualified') + converted;
  const working = status('Working') + qualified;
  const shows = (await readShowResults(context.db)).map(resultsOfShow);
  const currencies = new Set(shows.filter((show) => !input.eventId || show.eventId === input.eventId).map((show) => show.currency));
  const leaderboard: StaffResults[] = (await readStaffResults(context.db, input.eventId)).map((row) => ({
    ...row,
    // Amounts of shows in different currencies do not add up.
    wonValue: currencies.size <= 1 ? row.wonValue : null,
  }));
  const order = (rows: CountBy[], keys: string[]) => keys.map((key) => ({ key, count: rows.find((row) => row.key === key)?.count ?? 0 }));
  return {
    total,
    perHour,
    perDay,
    perStaff,
    byRating: order(ratings, ['Hot', 'Warm', 'Cold', 'Not rated']),
    byMethod: order(methods, ['card_scan', 'badge_scan', 'typed', 'imported']),
    funnel: [
      { key: 'New', count: total },
      { key: 'Working', count: working },
      { key: 'Qualified', count: qualified },
      { key: 'Converted', count: converted },
      { key: 'Closed Won', count: closedWon },
    ],
    shows,
    leaderboard,
  };
}

/** A show's ratios: qualified share, cost per lead and per won deal (none where a part is missing). */
function resultsOfShow(row: ShowResultRow): ShowResults {
  return {
    eventId: row.eventId,
    name: row.name,
    currency: showCurrency(row),
    cost: row.cost,
    leads: row.leads,
    qualified: row.qualified,
    qualifiedShare: row.leads > 0 ? row.qualified / row.leads : null,
    converted: row.converted,
    pipelineValue: row.pipelineValue,
    wonDeals: row.wonDeals,
    wonValue: row.wonValue,
    costPerLead: row.cost !== null && row.leads > 0 ? row.cost / row.leads : null,
    costPerWonDeal: row.cost !== null && row.wonDeals > 0 ? row.cost / row.wonDeals : null,
  };
}
