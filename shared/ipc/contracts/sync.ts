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
  /**
   * The last sync attempt's failure, if it failed (kept by the running app, not stored: null after
   * a restart until a sync fails again). `unreachable`: no answer from the hub at all.
   */
  lastFailure: { at: string; message: string; unreachable: boolean } | null;
}

/** A device of the team as a manager device sees it on the hub (times UTC ISO 8601). */
export interface TeamDevice {
  id: string;
  name: string;
  role: 'booth' | 'manager';
  createdAt: string;
  lastSeenAt: string | null;
  revokedAt: string | null;
  /** Changes the device pushed that the hub stored, and changes it pulled. */
  pushed: number;
  pulled: number;
  /** This laptop itself. */
  thisDevice: boolean;
}

/** A lead field two laptops changed blind, as its `sync_conflict` timeline entry keeps it. */
export interface SyncConflict {
  entryId: string;
  leadId: string;
  leadName: string;
  /** UTC ISO 8601: the later of the two edits. */
  at: string;
  label: string;
  lost: { value: string; device: string };
  won: { value: string; device: string };
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
        url: z
          .string()
          .trim()
          .min(1, { message: "Give the hub's address." })
          .max(500)
          // Named under the field before anything is sent; join-hub.ts checks the address again for other callers.
          .regex(/^https?:\/\/[^\s/]+/i, { message: "Give the hub's address as the hub printed it, with http:// or https://, e.g. https://192.168.1.20:8470." }),
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
  /** The team's devices, from the hub (manager devices only: a booth device gets one line saying so). */
  'sync.devices': channel<TeamDevice[]>()(noInput),
  /** Revokes a device's token on the hub (manager devices only); its next request is refused. */
  'sync.revokeDevice': channel<TeamDevice>()(z.object({ deviceId: z.string().trim().min(1, { message: 'Name the device to revoke.' }).max(200) }).strict()),
  /** The newest sync conflicts on this laptop's lead timelines, newest first (the latest 20). */
  'sync.conflicts': channel<SyncConflict[]>()(noInput),
};
