import type { Kysely } from 'kysely';
import { badgeProfileSchema, type BadgeProfile } from '../../../shared/parsing/badge-profiles';
import type { Database } from '../schema';

/** A show's own badge payload profiles (events.badge_profiles, JSON); [] when it has none or the show is gone. */
export async function readShowBadgeProfiles(db: Kysely<Database>, eventId: string): Promise<BadgeProfile[]> {
  const row = await db.selectFrom('events').select('badge_profiles').where('id', '=', eventId).executeTakeFirst();
  if (!row) return [];
  let stored: unknown;
  try {
    stored = JSON.parse(row.badge_profiles);
  } catch {
    return []; // a damaged column loses the show's profiles, never a scan: the built-in ones still read
  }
  if (!Array.isArray(stored)) return [];
  return stored.flatMap((item) => {
    const parsed = badgeProfileSchema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}

export async function writeShowBadgeProfiles(db: Kysely<Database>, eventId: string, profiles: readonly BadgeProfile[]): Promise<void> {
  await db.updateTable('events').set({ badge_profiles: JSON.stringify(profiles) }).where('id', '=', eventId).execute();
}
