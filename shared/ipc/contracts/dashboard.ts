import { z } from 'zod';
import { channel } from '../channel';

export interface CountBy {
  key: string;
  count: number;
}

/** Was this show worth it: one show's results, amounts in its own currency. */
export interface ShowResults {
  eventId: string;
  name: string;
  /** ISO 4217: the show's own, else the laptop's */
  currency: string;
  /** The show's total cost; null when not entered */
  cost: number | null;
  leads: number;
  /** Leads Qualified or Converted */
  qualified: number;
  /** qualified / leads, 0..1; null without leads */
  qualifiedShare: number | null;
  converted: number;
  /** Sum of the amounts of the show's open opportunities */
  pipelineValue: number;
  wonDeals: number;
  wonValue: number;
  /** cost / leads; null without a cost or without leads */
  costPerLead: number | null;
  /** cost / won deals; null without a cost or without a won deal */
  costPerWonDeal: number | null;
}

/** One staff member's leads and what became of them. */
export interface StaffResults {
  staff: string;
  leads: number;
  qualified: number;
  converted: number;
  wonDeals: number;
  /** In the show's currency; summed across shows only when every show has the same currency (else null) */
  wonValue: number | null;
}

/** The show at a glance: every figure counted in SQL. */
export interface DashboardStats {
  total: number;
  /** Local hour of capture ("2026-11-27T09"), in time order. */
  perHour: CountBy[];
  /** Local day of capture ("2026-11-27"), in time order. */
  perDay: CountBy[];
  /** Staff name, most leads first. */
  perStaff: CountBy[];
  /** Hot, Warm, Cold, then "Not rated". */
  byRating: CountBy[];
  /** card_scan, badge_scan, typed, imported. */
  byMethod: CountBy[];
  /** Leads that got at least this far: New → Working → Qualified → Converted → Closed Won. */
  funnel: CountBy[];
  /** Every show's results, newest show first, for side by side (whatever the scope). */
  shows: ShowResults[];
  /** Per staff member in the scope: most won value first. */
  leaderboard: StaffResults[];
}

export const dashboardChannels = {
  'dashboard.stats': channel<DashboardStats>()(
    z
      .object({
        /** Leave out for all shows. */
        eventId: z.uuid().optional(),
        /** The viewer's offset from UTC (minutes east, e.g. 60 in Berlin in winter): hours and days are local. */
        utcOffsetMinutes: z.number().int().min(-840).max(840),
      })
      .strict(),
  ),
};
