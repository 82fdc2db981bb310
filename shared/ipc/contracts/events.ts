import { z } from 'zod';
import { newEventSchema, timeZoneSchema, type ShowEvent } from '../../domain/event';
import { currencySchema, showCostSchema } from '../../domain/currency';
import { badgeProfileSchema, type BadgeProfile } from '../../parsing/badge-profiles';
import { channel, noInput } from '../channel';
import type { Settings } from './settings';

/** Trade shows: every lead belongs to one. */
export const eventsChannels = {
  'events.list': channel<ShowEvent[]>()(noInput),
  'events.create': channel<ShowEvent>()(newEventSchema.strict()),
  'events.use': channel<Settings>()(z.object({ id: z.uuid() }).strict()),
  'events.update': channel<ShowEvent>()(
    z
      .object({
        id: z.uuid(),
        followupSubject: z.string().trim().max(255, { message: 'Keep the subject under 255 characters.' }).optional(),
        followupBody: z.string().max(10_000, { message: 'Keep the email under 10,000 characters.' }).optional(),
        /** IANA name: the zone the show's dates (e.g. a CRM export's capture date) are written in. */
        timeZone: timeZoneSchema.optional(),
        /** ISO 4217: the currency of the show's amounts (opportunities, cost). */
        currency: currencySchema.optional(),
        /** The show's total cost in its currency; null clears it. */
        cost: showCostSchema.optional(),
      })
      .strict(),
  ),
  /** The show's own badge payload profiles (the current show's without an id), tried before the built-in ones. */
  'events.badgeProfiles': channel<BadgeProfile[]>()(z.object({ eventId: z.uuid().optional() }).strict()),
  /** Adds a badge profile to the show, or replaces the one of the same name; answers the show's profiles. */
  'events.saveBadgeProfile': channel<BadgeProfile[]>()(z.object({ eventId: z.uuid().optional(), profile: badgeProfileSchema }).strict()),
  'events.removeBadgeProfile': channel<BadgeProfile[]>()(z.object({ eventId: z.uuid().optional(), name: z.string().trim().min(1) }).strict()),
};
