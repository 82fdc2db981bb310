import { z } from 'zod';
import { channel, noInput } from '../channel';

export interface Settings {
  staffName: string;
  currentEventId: string | null;
  /**
   * "Fast scan": cards are read by tesseract alone, without the learned recognizer's second reading
   * of the contact lines (less memory, a little faster, more e-mails and numbers to check). Default off.
   */
  fastScan: boolean;
}

/** Who is at the booth (recorded on every lead), which show is current, and how cards are read on this laptop. */
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
  'settings.setFastScan': channel<Settings>()(z.object({ fastScan: z.boolean() }).strict()),
};
