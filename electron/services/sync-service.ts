import os from 'node:os';
import type { SyncReport, SyncStatus } from '../../shared/ipc/contract';
import { AppError } from '../../shared/ipc/errors';
import { countUnpushedChanges } from '../sync/change-log';
import { joinHub } from '../sync/join-hub';
import { HubRequestFailed } from '../sync/sync-client';
import { runSync } from '../sync/sync-run';
import { readMembership } from '../sync/sync-state';
import type { ServiceContext } from './service-context';
import { nowIso } from './service-context';
import { cleanUpAfterForget } from './forget-log-cleanup';
import { getSettings } from './settings-service';

/** Team sync's use cases (issue 18): join a hub, sync now, what is not on the hub yet. */

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

export async function syncNow(context: ServiceContext): Promise<SyncReport> {
  let report;
  try {
    report = await runSync(context.db, { wallClockMs: () => context.clock.now().getTime() });
  } catch (error) {
    throw asAppError(error);
  }
  // A person forgotten on another laptop: their old page images leave the -wal file now, as after "Forget me" here.
  if (report.tombstoned > 0 && context.store) await cleanUpAfterForget(context.store, context.clock);
  if (report.applied > 0 || report.tombstoned > 0) context.notify('leads.changed', { ids: [] });
  return { ...report, status: await syncStatus(context) };
}
