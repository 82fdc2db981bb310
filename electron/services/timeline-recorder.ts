import type { Kysely } from 'kysely';
import type { TimelineDetails } from '../../shared/domain/timeline';
import type { Database } from '../db/schema';
import { appendTimeline } from '../db/repositories/timeline';
import { readSetting } from '../db/repositories/settings';
import type { ServiceContext } from './service-context';

/** Who is acting: the staff member the app is set up for (the CLI uses the same setting). */
export async function currentActor(db: Kysely<Database>): Promise<string> {
  return actorNamed(await readSetting(db, 'staffName'));
}

/** The actor a staff-name setting stands for (one read of the settings may serve a whole use case). */
export function actorNamed(staffName: string | null | undefined): string {
  return staffName || 'Unknown staff member';
}

/** Appends one entry to a lead's timeline, inside the caller's transaction. */
export async function record(
  db: Kysely<Database>,
  context: Pick<ServiceContext, 'newId'>,
  entry: { leadId: string; at: string; actor: string; details: TimelineDetails },
): Promise<void> {
  await appendTimeline(db, { id: context.newId(), ...entry });
}
