import { z } from 'zod';
import { channel, noInput } from '../channel';

export interface BackupSummary {
  /** The file name in the backups folder (leadbooth-<UTC time>.db). */
  name: string;
  /** Where it is, so a person can copy it to a USB stick. */
  path: string;
  /** UTC, ISO 8601 */
  createdAt: string;
  bytes: number;
}

export interface BackupList {
  folder: string;
  backups: BackupSummary[];
}

export interface RestoreResult {
  restoredFrom: string;
  /** The backup the content from before the restore was kept as. */
  keptCurrentAs: string;
  leads: number;
}

/** Backups: list, make one now, restore one from the backups folder. */
export const backupsChannels = {
  'backups.list': channel<BackupList>()(noInput),
  'backups.create': channel<BackupSummary>()(noInput),
  // A name from the backups folder only, never a path: the window must not make the main process read arbitrary files.
  'backups.restore': channel<RestoreResult>()(
    z.object({ name: z.string().max(120).regex(/^leadbooth-[0-9A-Za-z-]+\.db$/, { message: 'Pick one of the backups listed.' }) }).strict(),
  ),
};
