import type { Kysely } from 'kysely';
import type { Database } from '../schema';

/** One "forget me" in the privacy log: which lead id, when, by whom, how many photos went; never personal data. */
export async function logForget(db: Kysely<Database>, entry: { at: string; leadId: string; doneBy: string; photosRemoved: number }): Promise<void> {
  await db
    .insertInto('privacy_log')
    .values({ at: entry.at, action: 'forget', lead_id: entry.leadId, done_by: entry.doneBy, photos_removed: entry.photosRemoved })
    .execute();
}
