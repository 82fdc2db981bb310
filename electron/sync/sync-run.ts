import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Kysely } from 'kysely';
import { createHybridClock, type HybridClock } from '../../shared/sync/hybrid-clock';
import { MAX_CHANGES_PER_BATCH } from '../../shared/sync/protocol';
import type { Database } from '../db/schema';
import type { StoreHandle } from '../services/service-context';
import { fetchMissingPhotos, hashCardPhotos, sendMissingPhotos } from './card-photos';
import { listUnpushedChanges, markChangesPushed, stampPendingChanges } from './change-log';
import { pullOnWorker } from './pull-on-worker';
import { applyPages, PAGES_PER_TRANSACTION, type PullProgress, type RunTransaction } from './pull-pages';
import { hubClient, HubRequestFailed, type HubClient } from './sync-client';
import { readMembership, saveLastStamp, saveLastSync, type HubMembership } from './sync-state';

export interface SyncRunReport {
  /** Changes of this laptop the hub stored now. */
  pushed: number;
  /** Changes pulled from the hub (this laptop's own included, skipped). */
  pulled: number;
  applied: number;
  conflicts: number;
  tombstoned: number;
  /** One line per change this laptop could not apply. */
  skipped: string[];
}

/**
 * One full sync with the hub this laptop joined: push everything not on the hub yet, then pull
 * until the hub has nothing more.
 *
 * - Push: changes are stamped (clock stamp and change id) in bounded steps, each in its own
 *   transaction, then sent in batches of at most MAX_CHANGES_PER_BATCH, oldest first; a batch
 *   is marked pushed once the hub answered. A cut connection leaves the batch unmarked: the
 *   next run sends it again with the same ids, and the hub stores each id once.
 * - Pull: from the stored cursor, each batch applied in one transaction together with the new
 *   cursor and the clock, so a laptop killed in the middle resumes after the last batch applied;
 *   a large pull on a worker thread of its own (pull-on-worker.ts).
 *   What the pull itself wrote (the timeline entry of a conflict) is pushed right after.
 *
 * - Card photos: hashed before the push, sent before the batch holding their scans when the hub
 *   lacks them, fetched after the pull when this laptop lacks them (card-photos.ts).
 *
 * Throws HubRequestFailed (`unreachable` when there is no network): what was done stays done.
 */
export interface RunSyncOptions {
  wallClockMs: () => number;
  /** The store's connection and file: a large pull runs on a worker thread with a connection of its own (pullAll). */
  store?: Pick<StoreHandle, 'sqlite' | 'path'> | undefined;
  /** Stops a pull running on a worker (the app quitting): what it committed stays, the next sync resumes there. */
  signal?: AbortSignal | undefined;
}

export async function runSync(db: Kysely<Database>, options: RunSyncOptions): Promise<SyncRunReport> {
  const membership = await readMembership(db);
  if (!membership) throw new HubRequestFailed('refused', 'This laptop has not joined a team hub: run leadbooth hub join URL CODE first.');
  const client = hubClient(membership.hubUrl, membership.token, { pin: membership.fingerprint });
  const clock = createHybridClock(membership.deviceId, options.wallClockMs, membership.lastStamp || undefined);
  const report: SyncRunReport = { pushed: 0, pulled: 0, applied: 0, conflicts: 0, tombstoned: 0, skipped: [] };
  // Photos travel by hash (card-photos.ts): hashed before the scans are stamped and pushed.
  await hashCardPhotos(db);
  await stampAll(db, clock, membership);
  report.pushed = await pushAll(db, client);
  await pullAll(db, client, clock, membership, report, options);
  await fetchMissingPhotos(db, client);
  // What the pull wrote of its own (a conflict's timeline entry) goes now, not at the next sync.
  await stampAll(db, clock, membership);
  report.pushed += await pushAll(db, client);
  await saveLastSync(db, new Date(options.wallClockMs()).toISOString());
  return report;
}

async function stampAll(db: Kysely<Database>, clock: HybridClock, membership: HubMembership): Promise<void> {
  for (;;) {
    // Bounded transactions: stamping 100,000 changes must not hold the store (or the event loop) for long.
    const stamped = await db.transaction().execute(async (trx) => {
      const count = await stampPendingChanges(trx, clock, membership.deviceId, MAX_CHANGES_PER_BATCH);
      await saveLastStamp(trx, clock.last());
      return count;
    });
    if (stamped < MAX_CHANGES_PER_BATCH) return;
  }
}

async function pushAll(db: Kysely<Database>, client: HubClient): Promise<number> {
  let pushed = 0;
  for (;;) {
    const changes = await listUnpushedChanges(db, MAX_CHANGES_PER_BATCH);
    if (changes.length === 0) return pushed;
    // The photos first: a laptop that pulls a scan finds its photo on the hub.
    await sendMissingPhotos(db, client, changes);
    const answer = await client.push(changes);
    await markChangesPushed(db, changes.map((change) => change.changeId));
    pushed += answer.accepted;
    // Marking 1,000 changes and reading the next 1,000 are 20–40 ms each: a turn for the window's process between them.
    await nextTurn();
  }
}

/**
 * The pages a pull applies on this thread before the rest goes to a worker thread
 * (pull-on-worker.ts): two transactions' worth, 8,000 changes, ~0.5–0.7 s of applying. A pull of
 * more — a first sync, tens of thousands of changes — has its later COMMITs (130–370 ms of wall
 * time each on a busy disk, the window's thread held all along) and its CPU on the worker, whose
 * start (a thread, the apply's modules and a connection: 220–270 ms of CPU from the built bundle,
 * 1.3 s through tsx) is then a small part of it. A pull of a few thousand changes spares that
 * start, which cost more than applying them: twenty laptops of a show, each pulling the others'
 * few thousand changes, each paid it.
 */
export const PAGES_PULLED_ON_THIS_THREAD = 2 * PAGES_PER_TRANSACTION;

/** Pulls until the hub has nothing more, from the stored cursor (pull-pages.ts): what follows its first pages on a worker thread, when the store's file is known. */
async function pullAll(
  db: Kysely<Database>,
  client: HubClient,
  clock: HybridClock,
  membership: HubMembership,
  report: SyncRunReport,
  options: RunSyncOptions,
): Promise<void> {
  const first = await client.pull(membership.cursor, MAX_CHANGES_PER_BATCH);
  const committed = (progress: PullProgress): void => {
    report.pulled += progress.pulled;
    report.applied += progress.applied;
    report.conflicts += progress.conflicts;
    report.tombstoned += progress.tombstoned;
    report.skipped.push(...progress.skipped);
  };
  const onThisThread: RunTransaction = (work) => db.transaction().execute(work);
  const session = { clock, deviceId: membership.deviceId };
  if (!options.store) {
    await applyPages(onThisThread, client, first, session, committed);
    return;
  }
  const rest = await applyPages(onThisThread, client, first, session, committed, PAGES_PULLED_ON_THIS_THREAD);
  if (!rest) return;
  const start = {
    hubUrl: membership.hubUrl,
    token: membership.token,
    fingerprint: membership.fingerprint,
    deviceId: membership.deviceId,
    first: rest,
    lastStamp: clock.last(),
    wallClockOffsetMs: options.wallClockMs() - Date.now(),
  };
  return pullOnWorker(options.store, start, clock, committed, options.signal);
}
