import { sql } from 'kysely';
import type { DashboardStats } from '../../shared/ipc/contract';
import type { CountBy } from '../../shared/ipc/contracts/dashboard';
import type { ServiceContext } from './service-context';

/**
 * The dashboard's figures, each one GROUP BY in SQL (no lead is loaded into memory):
 * leads per local hour and day, per staff member, by rating, by how captured, and the
 * funnel. Local time is the viewer's offset applied in SQL, so hours line up with the hall's clock.
 */
export async function dashboardStats(context: ServiceContext, input: { eventId?: string | undefined; utcOffsetMinutes: number }): Promise<DashboardStats> {
  const db = context.db;
  const inShow = input.eventId ? sql`WHERE leads.event_id = ${input.eventId}` : sql``;
  const shift = `${input.utcOffsetMinutes >= 0 ? '+' : ''}${input.utcOffsetMinutes} minutes`;
  const countBy = async (expression: ReturnType<typeof sql>, order: ReturnType<typeof sql>): Promise<CountBy[]> => {
    const result = await sql<{ key: string | null; count: number }>`
      SELECT ${expression} AS key, count(*) AS count FROM leads ${inShow} GROUP BY key ORDER BY ${order}`.execute(db);
    return result.rows.map((row) => ({ key: row.key ?? '', count: Number(row.count) }));
  };
  const perHour = await countBy(sql`strftime('%Y-%m-%dT%H', leads.captured_at, ${shift})`, sql`key`);
  const perDay = await countBy(sql`strftime('%Y-%m-%d', leads.captured_at, ${shift})`, sql`key`);
  const perStaff = await countBy(sql`leads.captured_by`, sql`count DESC, key`);
  const ratings = await countBy(sql`coalesce(leads.rating, 'Not rated')`, sql`key`);
  const methods = await countBy(sql`leads.capture_method`, sql`key`);
  const statuses = await countBy(sql`leads.status`, sql`key`);
  const closedWon = await sql<{ count: number }>`
    SELECT count(DISTINCT conversions.lead_id) AS count
    FROM conversions JOIN leads ON leads.id = conversions.lead_id
    JOIN opportunities ON opportunities.id = conversions.opportunity_id
    ${input.eventId ? sql`WHERE leads.event_id = ${input.eventId} AND` : sql`WHERE`} opportunities.stage = 'Closed Won'`.execute(db);

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
      { key: 'Closed Won', count: Number(closedWon.rows[0]?.count ?? 0) },
    ],
  };
}
