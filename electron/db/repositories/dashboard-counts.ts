import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { CountBy } from '../../../shared/ipc/contracts/dashboard';
import type { Database } from '../schema';

/** The dashboard's raw counts: each a GROUP BY over `leads` (no lead is loaded into memory). */
export interface DashboardCounts {
  perHour: CountBy[];
  perDay: CountBy[];
  perStaff: CountBy[];
  ratings: CountBy[];
  methods: CountBy[];
  statuses: CountBy[];
  /** leads converted into an opportunity that is Closed Won */
  closedWon: number;
}

/**
 * Counts the leads of one show (all shows without `eventId`) per local hour and day, per
 * staff member, rating, capture method and status. Local time is the viewer's offset applied
 * in SQL, so hours line up with the hall's clock.
 */
export async function countLeadsForDashboard(db: Kysely<Database>, input: { eventId?: string | undefined; utcOffsetMinutes: number }): Promise<DashboardCounts> {
  const inShow = input.eventId ? sql`WHERE leads.event_id = ${input.eventId}` : sql``;
  const shift = `${input.utcOffsetMinutes >= 0 ? '+' : ''}${input.utcOffsetMinutes} minutes`;
  const countBy = async (expression: RawBuilder<unknown>, order: RawBuilder<unknown>): Promise<CountBy[]> => {
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
  return { perHour, perDay, perStaff, ratings, methods, statuses, closedWon: Number(closedWon.rows[0]?.count ?? 0) };
}
