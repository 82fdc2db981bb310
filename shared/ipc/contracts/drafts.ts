import { z } from 'zod';
import { channel, noInput } from '../channel';

export interface Draft {
  /** The half-typed lead, as the form holds it. */
  fields: Record<string, string>;
  savedAt: string;
}

const MAX_DRAFT_FIELDS = 64;
const MAX_DRAFT_KEY_LENGTH = 64;

/**
 * Keys a draft keeps beside the form's fields: the card scan the lead was read from (so the
 * start-up clean-up keeps its photo and a restored draft saves with it) and the badge reading.
 */
export const DRAFT_SCAN_KEY = '_cardScanId';
export const DRAFT_BADGE_KEY = '_badge';

/** The entry form's half-typed lead, kept so a crash or restart loses nothing. */
export const draftsChannels = {
  'drafts.get': channel<Draft | null>()(noInput),
  'drafts.save': channel<Draft | null>()(
    z
      .object({
        fields: z
          .record(
            // Form field names ("firstName", "consentGiven") and the two keys above: never "__proto__"
            // or other keys that mean something to JavaScript.
            z
              .string()
              .max(MAX_DRAFT_KEY_LENGTH)
              .refine((key) => /^[A-Za-z][A-Za-z0-9]*$/.test(key) || key === DRAFT_SCAN_KEY || key === DRAFT_BADGE_KEY, {
                message: 'A draft field name is a plain word.',
              }),
            z.string().max(32_000),
          )
          // The form has about twenty fields: a bound keeps a bad caller from filling the disk through drafts.
          .refine((fields) => Object.keys(fields).length <= MAX_DRAFT_FIELDS, {
            message: `A draft holds at most ${MAX_DRAFT_FIELDS} fields.`,
          })
          .nullable(),
      })
      .strict(),
  ),
};
