import os from 'node:os';
import type { Kysely } from 'kysely';
import type { SyncConflict, SyncReport, SyncStatus, TeamDevice } from '../../shared/ipc/contract';
import { AppError } from '../../shared/ipc/errors';
import { displayName } from '../../shared/domain/lead';
import type { TimelineDetails } from '../../shared/domain/timeline';
import type { HubDevice } from '../../shared/sync/protocol';
import { listRecentTimelineOfKind } from '../db/repositories/timeline';
import type { Database } from '../db/schema';
import { countUnpushedChanges } from '../sync/change-log';
import { joinHub } from '../sync/join-hub';
import { hubClient, HubRequestFailed } from '../sync/sync-client';
import { runSync } from '../sync/sync-run';
import { readMembership } from '../sync/sync-state';
import type { ServiceContext } from './service-context';
import { nowIso } from './service-context';
import { cleanUpAfterForget } from './forget-log-cleanup';
import { getSettings } from './settings-service';

/** Team sync's use cases (issue 18): join a hub, sync now, what is not on the hub yet, the team's devices, recent conflicts. */

/** The last failed sync attempt per store, kept while the app runs (the header says "Hub not reachable"). */
const lastFailures = new WeakMap<Kysely<Database>, NonNullable<SyncStatus['lastFailure']>>();
/**
 * The sync running on a store, and what stops its large pull's worker: Sync now pressed during
 * the background sync waits for that one instead of starting a second, and the app's quitting
 * stops it whoever started it (stopRunningSync).
 */
const syncsRunning = new WeakMap<Kysely<Database>, { sync: Promise<SyncReport>; stop: AbortController }>();

/** How many recent conflicts the Team screen lists. */
const RECENT_CONFLICTS_LIMIT = 20;

export async function syncStatus(context: ServiceContext): Promise<SyncStatus> {
  const membership = await readMembership(context.db);
  const unpushed = membership ? await countUnpushedChanges(context.db) : {};
  return {
    joined: membership !== null,
    hubUrl: membership?.hubUrl ?? null,
    hubFingerprint: membership?.fingerprint ?? null,
    deviceName: membership?.deviceName ?? null,
    role: membership?.role ?? null,
    notOnHub: Object.values(unpushed).reduce((sum, count) => sum + count, 0),
    leadsNotOnHub: unpushed.lead ?? 0,
    lastSyncAt: membership?.lastSyncAt ?? null,
    lastFailure: (membership && lastFailures.get(context.db)) ?? null,
  };
}

/** The hub's refusal or silence as the error every door shows: one line. */
function asAppError(error: unknown): unknown {
  if (!(error instanceof HubRequestFailed)) return error;
  return new AppError(error.failure === 'unreachable' ? 'hub_unreachable' : 'hub_refused', error.message, undefined, { cause: error });
}

export async function joinTeamHub(context: ServiceContext, input: { url: string; code: string; fingerprint?: string | undefined }): Promise<SyncStatus> {
  const staffName = (await getSettings(context)).staffName;
  // What the hub's device list shows: who, on which computer.
  const deviceName = `${staffName || 'LeadBooth'} on ${os.hostname()}`.slice(0, 120);
  try {
    await joinHub(context.db, { url: input.url, code: input.code, fingerprint: input.fingerprint, deviceName, joinedAt: nowIso(context) });
  } catch (error) {
    throw asAppError(error);
  }
  return syncStatus(context);
}

/**
 * One full push and pull; a sync already running on this store is joined, not doubled.
 * `signal` stops a large pull's worker (the app quitting), also of a sync it joined: what it
 * committed stays.
 */
export function syncNow(context: ServiceContext, options: { signal?: AbortSignal } = {}): Promise<SyncReport> {
  const running = syncsRunning.get(context.db) ?? startSync(context);
  const { signal } = options;
  if (signal?.aborted) running.stop.abort();
  else if (signal) {
    // The background sync passes one signal for the app's life, a sync a minute: each sync's listener goes with it.
    const stop = (): void => running.stop.abort();
    signal.addEventListener('abort', stop, { once: true });
    running.sync.then(
      () => signal.removeEventListener('abort', stop),
      () => signal.removeEventListener('abort', stop),
    );
  }
  return running.sync;
}

function startSync(context: ServiceContext): { sync: Promise<SyncReport>; stop: AbortController } {
  const stop = new AbortController();
  const sync = runSyncOnce(context, stop.signal).finally(() => syncsRunning.delete(context.db));
  const running = { sync, stop };
  syncsRunning.set(context.db, running);
  return running;
}

/**
 * Stops the sync running on this store, whoever started it (Sync now, the background sync, the
 * CLI), and waits for it to end: the app quitting closes the store after this, so no pull's worker
 * may still write to it. What the sync committed stays; the next sync resumes there.
 */
export async function stopRunningSync(context: ServiceContext): Promise<void> {
  const running = syncsRunning.get(context.db);
  if (!running) return;
  running.stop.abort();
  await running.sync.catch(() => undefined);
}

async function runSyncOnce(context: ServiceContext, signal: AbortSignal | undefined): Promise<SyncReport> {
  let report;
  try {
    report = await runSync(context.db, { wallClockMs: () => context.clock.now().getTime(), store: context.store, signal });
    lastFailures.delete(context.db);
  } catch (error) {
    if (error instanceof HubRequestFailed) lastFailures.set(context.db, { at: nowIso(context), message: error.message, unreachable: error.failure === 'unreachable' });
    throw asAppError(error);
  }
  // A person forgotten on another laptop: their old page images leave the -wal file now, as after "Forget me" here.
  if (report.tombstoned > 0 && context.store) await cleanUpAfterForget(context.store, context.clock);
  if (report.applied > 0 || report.tombstoned > 0) context.notify('leads.changed', { ids: [] });
  return { ...report, status: await syncStatus(context) };
}

/** A client of the joined hub, as this device; refused with one line on a laptop that has not joined. */
async function joinedHubClient(context: ServiceContext) {
  const membership = await readMembership(context.db);
  if (!membership) throw new AppError('hub_refused', 'This laptop has not joined a team hub: join one on the Team screen (or leadbooth hub join URL CODE).');
  return { membership, client: hubClient(membership.hubUrl, membership.token, { pin: membership.fingerprint }) };
}

function asTeamDevice(device: HubDevice, thisDeviceId: string): TeamDevice {
  return { ...device, thisDevice: device.id === thisDeviceId };
}

/** The team's devices as the hub lists them (a manager device's right; the hub refuses a booth device with one line). */
export async function listTeamDevices(context: ServiceContext): Promise<TeamDevice[]> {
  const { membership, client } = await joinedHubClient(context);
  try {
    const answer = await client.devices();
    return answer.devices.map((device) => asTeamDevice(device, membership.deviceId));
  } catch (error) {
    throw asAppError(error);
  }
}

/** Revokes a device on the hub: its token stops working at its next request. */
export async function revokeTeamDevice(context: ServiceContext, input: { deviceId: string }): Promise<TeamDevice> {
  const { membership, client } = await joinedHubClient(context);
  try {
    return asTeamDevice((await client.revoke(input.deviceId)).device, membership.deviceId);
  } catch (error) {
    throw asAppError(error);
  }
}

/** The newest `sync_conflict` entries of this laptop's lead timelines: who lost to whom, on which lead. */
export async function recentSyncConflicts(context: ServiceContext): Promise<SyncConflict[]> {
  const rows = await listRecentTimelineOfKind(context.db, 'sync_conflict', RECENT_CONFLICTS_LIMIT);
  return rows.map((row) => {
    // Written by conflict-entry.ts from one sync_conflict TimelineDetails value (its kind in its own column).
    const details = JSON.parse(row.details) as Omit<Extract<TimelineDetails, { kind: 'sync_conflict' }>, 'kind'>;
    return {
      entryId: row.id,
      leadId: row.lead_id,
      leadName: displayName({ firstName: row.first_name, lastName: row.last_name, email: row.email, company: row.company }),
      at: row.at,
      label: details.label,
      lost: details.lost,
      won: details.won,
    };
  });
}
