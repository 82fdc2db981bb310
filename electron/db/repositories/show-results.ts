import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema';

/** One show's raw results: counts of its leads and sums of its opportunities' amounts (in its currency). */
export interface ShowResultRow {
  eventId: string;
  name: string;
  currency: string;
  cost: number | null;
  startsOn: string;
  leads: number;
  /** Qualified, or further: Converted */
  qualified: number;
  converted: number;
  /** Sum of the amounts of the show's opportunities that are still open */
  pipelineValue: number;
  wonDeals: number;
  wonValue: number;
}

/** One staff member's raw results at one show (all shows without `eventId`). */
export interface StaffResultRow {
  staff: string;
  leads: number;
  qualified: number;
  converted: number;
  /** Opportunities made from this person's leads that are Closed Won */
  wonDeals: number;
  wonValue: number;
}

/**
 * Every show's results side by side: one GROUP BY over leads and one over opportunities
 * (no lead is loaded into memory), joined to the shows in SQL.
 */
export async function readShowResults(db: Kysely<Database>): Promise<ShowResultRow[]> {
  const result = await sql<{
    id: string;
    name: string;
    currency: string;
    cost: number | null;
    starts_on: string;
    leads: number | null;
    qualified: number | null;
    converted: number | null;
    pipeline_value: number | null;
    won_deals: number | null;
    won_value: number | null;
  }>`
    WITH lead_counts AS (
      SELECT event_id, count(*) AS leads,
        sum(status IN ('Qualified', 'Converted')) AS qualified,
        sum(status = 'Converted') AS converted
      FROM leads GROUP BY event_id
    ), deal_sums AS (
      SELECT event_id,
        sum(CASE WHEN stage NOT IN ('Closed Won', 'Closed Lost') THEN coalesce(amount, 0) ELSE 0 END) AS pipeline_value,
        sum(stage = 'Closed Won') AS won_deals,
        sum(CASE WHEN stage = 'Closed Won' THEN coalesce(amount, 0) ELSE 0 END) AS won_value
      FROM opportunities WHERE event_id IS NOT NULL GROUP BY event_id
    )
    SELECT events.id, events.name, events.currency, events.cost, events.starts_on,
      lead_counts.leads, lead_counts.qualified, lead_counts.converted,
      deal_sums.pipeline_value, deal_sums.won_deals, deal_sums.won_value
    FROM events
    LEFT JOIN lead_counts ON lead_counts.event_id = events.id
    LEFT JOIN deal_sums ON deal_sums.event_id = events.id
    ORDER BY coalesce(nullif(events.starts_on, ''), events.created_at) DESC, events.name`.execute(db);
  return result.rows.map((row) => ({
    eventId: row.id,
    name: row.name,
    currency: row.currency,
    cost: row.cost,
    startsOn: row.starts_on,
    leads: Number(row.leads ?? 0),
    qualified: Number(row.qualified ?? 0),
    converted: Number(row.converted ?? 0),
    pipelineValue: Number(row.pipeline_value ?? 0),
    wonDeals: Number(row.won_deals ?? 0),
    wonValue: Number(row.won_value ?? 0),
  }));
}

/** Leads, qualified, converted and won deals per staff member who captured them, most won value first. */
export async function readStaffResults(db: Kysely<Database>, eventId: string | undefined): Promise<StaffResultRow[]> {
  const inShow = eventId ? sql`WHERE leads.event_id = ${eventId}` : sql``;
  const result = await sql<{ staff: string; leads: number; qualified: number; converted: number; won_deals: number | null; won_value: number | null }>`
    WITH won AS (
      SELECT conversions.lead_id, count(*) AS deals, sum(coalesce(opportunities.amount, 0)) AS value
      FROM conversions JOIN opportunities ON opportunities.id = conversions.opportunity_id
      WHERE opportunities.stage = 'Closed Won'
      GROUP BY conversions.lead_id
    )
    SELECT leads.captured_by AS staff, count(*) AS leads,
      sum(leads.status IN ('Qualified', 'Converted')) AS qualified,
      sum(leads.status = 'Converted') AS converted,
      sum(won.deals) AS won_deals, sum(won.value) AS won_value
    FROM leads LEFT JOIN won ON won.lead_id = leads.id
    ${inShow}
    GROUP BY leads.captured_by
    ORDER BY won_value DESC, won_deals DESC, qualified DESC, leads DESC, staff`.execute(db);
  return result.rows.map((row) => ({
    staff: row.staff,
    leads: Number(row.leads),
    qualified: Number(row.qualified),
    converted: Number(row.converted),
    wonDeals: Number(row.won_deals ?? 0),
    wonValue: Number(row.won_value ?? 0),
  }));
}
