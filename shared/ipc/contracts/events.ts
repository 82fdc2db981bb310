import { z } from 'zod';
import { newEventSchema, type ShowEvent } from '../../domain/event';
import { channel, noInput } from '../channel';
import type { Settings } from './settings';

/** Trade shows: every lead belongs to one. */
export const eventsChannels = {
  'events.list': channel<ShowEvent[]>()(noInput),
  'events.create': channel<ShowEvent>()(newEventSchema.strict()),
  'events.use': channel<Settings>()(z.object({ id: z.uuid() }).strict()),
};
