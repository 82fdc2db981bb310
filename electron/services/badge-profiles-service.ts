/**
 * A show's own organiser payload profiles (Show setup, `leadbooth events badge-profile`):
 * read by the booth before the built-in ones when a badge is scanned.
 */
import { badgeProfileSchema, type BadgeProfile, type BadgeProfileInput } from '../../shared/parsing/badge-profiles';
import { AppError } from '../../shared/ipc/errors';
import { parseOrThrow } from '../../shared/ipc/validation';
import { readShowBadgeProfiles, writeShowBadgeProfiles } from '../db/repositories/badge-profiles';
import { findEventById } from '../db/repositories/events';
import { readSetting } from '../db/repositories/settings';
import type { ServiceContext } from './service-context';

async function showId(context: ServiceContext, eventId: string | undefined): Promise<string> {
  const id = eventId ?? (await readSetting(context.db, 'currentEventId'));
  if (!id) throw new AppError('no_current_event', 'Pick or create the show you are at first: badge profiles belong to a show.');
  if (!(await findEventById(context.db, id))) throw new AppError('not_found', 'That show no longer exists.');
  return id;
}

/** The show's profiles (the current show's when no id is given); [] when there is no show yet. */
export async function listBadgeProfiles(context: ServiceContext, eventId?: string): Promise<BadgeProfile[]> {
  const id = eventId ?? (await readSetting(context.db, 'currentEventId'));
  return id ? readShowBadgeProfiles(context.db, id) : [];
}

/** Adds the profile to the show, or replaces the one of the same name (case ignored); returns the show's profiles. */
export async function saveBadgeProfile(context: ServiceContext, input: { eventId?: string | undefined; profile: BadgeProfileInput }): Promise<BadgeProfile[]> {
  const profile = parseOrThrow(badgeProfileSchema, input.profile);
  const id = await showId(context, input.eventId);
  const others = (await readShowBadgeProfiles(context.db, id)).filter((existing) => existing.name.toLocaleLowerCase() !== profile.name.toLocaleLowerCase());
  const profiles = [...others, profile];
  await writeShowBadgeProfiles(context.db, id, profiles);
  return profiles;
}

/** Removes the show's profile of that name; returns the show's profiles. */
export async function removeBadgeProfile(context: ServiceContext, input: { eventId?: string | undefined; name: string }): Promise<BadgeProfile[]> {
  const id = await showId(context, input.eventId);
  const profiles = await readShowBadgeProfiles(context.db, id);
  const kept = profiles.filter((existing) => existing.name.toLocaleLowerCase() !== input.name.trim().toLocaleLowerCase());
  if (kept.length === profiles.length) throw new AppError('not_found', `The show has no badge profile called "${input.name}".`);
  await writeShowBadgeProfiles(context.db, id, kept);
  return kept;
}
