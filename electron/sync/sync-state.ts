import type { Kysely } from 'kysely';
import type { DeviceRole } from '../../shared/sync/protocol';
import type { Database } from '../db/schema';

/** The hub this laptop joined (`sync_state`, one row): where, as which device, how far it pulled. */
export interface HubMembership {
  hubUrl: string;
  hubId: string;
  deviceId: string;
  deviceName: string;
  role: DeviceRole;
  token: string;
  /** The https hub's certificate fingerprint ("AB:CD:…"), pinned at joining; null for an http:// hub. */
  fingerprint: string | null;
  /** The hub's pull cursor; '' before the first pull. */
  cursor: string;
  /** The hybrid clock's last stamp; '' before the first. */
  lastStamp: string;
  /** UTC ISO 8601 of the last full push and pull; null before the first. */
  lastSyncAt: string | null;
  joinedAt: string;
}

export async function readMembership(db: Kysely<Database>): Promise<HubMembership | null> {
  const row = await db.selectFrom('sync_state').selectAll().where('id', '=', 1).executeTakeFirst();
  if (!row) return null;
  return {
    hubUrl: row.hub_url,
    hubId: row.hub_id,
    deviceId: row.device_id,
    deviceName: row.device_name,
    // Written from the hub's pairing answer, which the protocol's schema checked.
    role: row.role as DeviceRole,
    token: row.token,
    fingerprint: row.hub_fingerprint,
    cursor: row.cursor,
    lastStamp: row.last_hlc,
    lastSyncAt: row.last_sync_at,
    joinedAt: row.joined_at,
  };
}

/** Joining (again): a new hub starts from its first change. */
export async function saveMembership(
  db: Kysely<Database>,
  membership: Pick<HubMembership, 'hubUrl' | 'hubId' | 'deviceId' | 'deviceName' | 'role' | 'token' | 'fingerprint' | 'joinedAt'>,
): Promise<void> {
  const row = {
    hub_url: membership.hubUrl,
    hub_id: membership.hubId,
    device_id: membership.deviceId,
    device_name: membership.deviceName,
    role: membership.role,
    token: membership.token,
    hub_fingerprint: membership.fingerprint,
    cursor: '',
    last_sync_at: null,
    joined_at: membership.joinedAt,
  };
  await db
    .insertInto('sync_state')
    .values({ id: 1, ...row })
    .onConflict((conflict) => conflict.column('id').doUpdateSet(row))
    .execute();
}

export async function saveCursor(db: Kysely<Database>, cursor: string): Promise<void> {
  await db.updateTable('sync_state').set({ cursor }).where('id', '=', 1).execute();
}

export async function saveLastStamp(db: Kysely<Database>, lastStamp: string): Promise<void> {
  await db.updateTable('sync_state').set({ last_hlc: lastStamp }).where('id', '=', 1).execute();
}

export async function saveLastSync(db: Kysely<Database>, at: string): Promise<void> {
  await db.updateTable('sync_state').set({ last_sync_at: at }).where('id', '=', 1).execute();
}
