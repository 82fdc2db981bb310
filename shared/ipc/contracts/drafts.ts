import { z } from 'zod';
import { channel, noInput } from '../channel';

export interface Draft {
  /** The half-typed lead, as the form holds it. */
  fields: Record<string, string>;
  savedAt: string;
}

/** The entry form's half-typed lead, kept so a crash or restart loses nothing. */
export const draftsChannels = {
  'drafts.get': channel<Draft | null>()(noInput),
  'drafts.save': channel<Draft | null>()(
    z.object({ fields: z.record(z.string(), z.string().max(32_000)).nullable() }).strict(),
  ),
};
