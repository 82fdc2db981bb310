import type { DashboardStats } from '../../shared/ipc/contract';
import type { CountBy } from '../../shared/ipc/contracts/dashboard';
import { countLeadsForDashboard } from '../db/repositories/dashboard-counts';
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
  };
}
