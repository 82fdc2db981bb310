import { z } from 'zod';
import { newEventSchema, timeZoneSchema, type ShowEvent } from '../../domain/event';
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
      })
      .strict(),
  ),
};
