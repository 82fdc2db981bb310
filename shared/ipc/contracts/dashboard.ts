import { z } from 'zod';
import { channel } from '../channel';

export interface CountBy {
  key: string;
  count: number;
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
