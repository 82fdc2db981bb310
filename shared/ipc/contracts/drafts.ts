import { z } from 'zod';
import { channel, noInput } from '../channel';

export interface Draft {
  /** The half-typed lead, as the form holds it. */
  fields: Record<string, string>;
  savedAt: string;
}

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
    z.object({ fields: z.record(z.string(), z.string().max(32_000)).nullable() }).strict(),
  ),
};
