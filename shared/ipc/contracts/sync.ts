import { z } from 'zod';
import { channel, noInput } from '../channel';

/** This laptop's part in team sync (issue 18): the hub it joined and what is not on the hub yet. */
export interface SyncStatus {
  joined: boolean;
  hubUrl: string | null;
  /** An https:// hub's certificate fingerprint this laptop pinned ("AB:CD:…"); null for http://. */
  hubFingerprint: string | null;
  deviceName: string | null;
  role: 'booth' | 'manager' | null;
  /** Changes made here the hub does not have yet, and how many of them are leads'. */
  notOnHub: number;
  leadsNotOnHub: number;
  /** UTC ISO 8601 of the last full sync; null before the first. */
  lastSyncAt: string | null;
}

export interface SyncReport {
  pushed: number;
  pulled: number;
  applied: number;
  /** Lead fields two laptops changed blind: the losing value is on the lead's timeline. */
  conflicts: number;
  /** Records deleted or forgotten on another laptop (or changes of such records) applied here. */
  tombstoned: number;
  /** One line per change this laptop could not apply. */
  skipped: string[];
  status: SyncStatus;
}

export const syncChannels = {
  'sync.status': channel<SyncStatus>()(noInput),
  /** One full push and pull with the hub; refused with one line when the hub cannot be reached. */
  'sync.now': channel<SyncReport>()(noInput),
  'sync.join': channel<SyncStatus>()(
    z
      .object({
        url: z.string().trim().min(1, { message: "Give the hub's address." }).max(500),
        code: z.string().trim().min(4, { message: 'Give the pairing code the hub shows.' }).max(64),
        /** The fingerprint the hub printed; without it, the one presented at joining is pinned (and shown to compare). */
        fingerprint: z
          .string()
          .trim()
          .regex(/^([0-9A-Fa-f]{2}:){31}[0-9A-Fa-f]{2}$/, { message: 'Give the SHA-256 fingerprint as the hub prints it: 32 pairs like AB:CD:…' })
          .optional(),
      })
      .strict(),
  ),
};
