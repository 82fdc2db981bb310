import { z } from 'zod';
import type { DuplicateLink } from '../../domain/duplicates';
import type { Lead } from '../../domain/lead';
import { MERGE_FIELDS } from '../../domain/merge';
import { channel } from '../channel';
import type { SavedLead } from './leads';

/** One group of leads the duplicate rule says are one person, with why. */
export interface DuplicateGroupView {
  /** Newest capture first. */
  leads: Lead[];
  links: DuplicateLink[];
}

export interface DuplicateGroups {
  groups: DuplicateGroupView[];
  /** All groups found (only `limit` of them, from `offset`, are sent). */
  totalGroups: number;
  /** Leads in all groups. */
  totalLeads: number;
}

/** Duplicates: find them (the one rule in shared/domain/duplicates.ts) and merge two. */
export const duplicatesChannels = {
  'duplicates.groups': channel<DuplicateGroups>()(
    // offset: the CLI pages through every group (the screen shows the first page).
    z.object({ eventId: z.uuid().optional(), limit: z.number().int().min(1).max(1000).optional(), offset: z.number().int().min(0).optional() }).strict(),
  ),
  'duplicates.merge': channel<SavedLead>()(
    z
      .object({
        keepId: z.uuid(),
        otherId: z.uuid(),
        choices: z.partialRecord(z.enum(MERGE_FIELDS), z.enum(['keep', 'other'])).optional(),
      })
      .strict(),
  ),
};
