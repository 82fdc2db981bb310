import { z } from 'zod';
import { channel, noInput } from '../channel';

export interface Settings {
  staffName: string;
  currentEventId: string | null;
}

/** Who is at the booth (recorded on every lead) and which show is current. */
export const settingsChannels = {
  'settings.get': channel<Settings>()(noInput),
  'settings.update': channel<Settings>()(
    z
      .object({
        staffName: z
          .string()
          .trim()
          .min(1, { message: 'Type your name: every lead records who captured it.' })
          .max(80, { message: 'Keep your name under 80 characters.' }),
      })
      .strict(),
  ),
};
