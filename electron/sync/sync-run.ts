import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Kysely } from 'kysely';
import { createHybridClock, type HybridClock } from '../../shared/sync/hybrid-clock';
import { MAX_CHANGES_PER_BATCH } from '../../shared/sync/protocol';
import { withCheckpointsBetweenCommits } from '../db/after-commit-work';
import { withBulkWriteCache } from '../db/bulk-write-cache';
import type { Database } from '../db/schema';
import type { StoreHandle } from '../services/service-context';
import { applyRemoteChangesInTransaction } from './apply-changes';
import { fetchMissingPhotos, hashCardPhotos, sendMissingPhotos } from './card-photos';
import { listUnpushedChanges, markChangesPushed, stampPendingChanges } from './change-log';
import { hubClient, HubRequestFailed, type HubClient, type PullPage } from './sync-client';
import { readMembership, saveCursor, saveLastStamp, saveLastSync, type HubMembership } from './sync-state';

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
 *   cursor and the clock, so a laptop killed in the middle resumes after the last batch applied.
 *   What the pull itself wrote (the timeline entry of a conflict) is pushed right after.
 *
 * - Card photos: hashed before the push, sent before the batch holding their scans when the hub
 *   lacks them, fetched after the pull when this laptop lacks them (card-photos.ts).
 *
 * Throws HubRequestFailed (`unreachable` when there is no network): what was done stays done.
 */
export async function runSync(
  db: Kysely<Database>,
  options: {
    wallClockMs: () => number;
    /** The store's connection and file: a pull of more than a page runs with a larger page cache and checkpoints off the main thread (pullAll). */
    store?: Pick<StoreHandle, 'sqlite' | 'path'> | undefined;
  },
): Promise<SyncRunReport> {
  const membership = await readMembership(db);
  if (!membership) throw new HubRequestFailed('refused', 'This laptop has not joined a team hub: run leadbooth hub join URL CODE first.');
  const client = hubClient(membership.hubUrl, membership.token, { pin: membership.fingerprint });
  const clock = createHybridClock(membership.deviceId, options.wallClockMs, membership.lastStamp || undefined);
  const report: SyncRunReport = { pushed: 0, pulled: 0, applied: 0, conflicts: 0, tombstoned: 0, skipped: [] };
  // Photos travel by hash (card-photos.ts): hashed before the scans are stamped and pushed.
  await hashCardPhotos(db);
  await stampAll(db, clock, membership);
  report.pushed = await pushAll(db, client);
  await pullAll(db, client, clock, membership, report, options.store);
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
 * Pages applied in one transaction at most, when the next page is already here: each COMMIT
 * syncs the -wal file (synchronous = FULL) and, past 1,000 pages of it, copied them into the
 * database file (a large pull now leaves that copy to a worker: pullAll); in a first sync that
 * was the largest single cost of applying (1.2–1.5 s of 20 commits for 20,001 changes). Bounded, so a transaction and its cursor stay one unit of at
 * most this many pages, and the store's other writers (a capture) wait at most that long.
 */
export const PAGES_PER_TRANSACTION = 4;

/**
 * A COMMIT that held the main thread longer than this halves the pages of the pull's next
 * transaction (nextPagesPerTransaction): the window's process must never be blocked 100 ms,
 * and a COMMIT writes every page its transaction changed, which grows with the store's indexes.
 */
const COMMIT_BOUND_MS = 100;

/**
 * The pages the next transaction may take after a COMMIT of `commitMs`: half after a long one
 * (down to one page), one more after a short one (up to PAGES_PER_TRANSACTION). A COMMIT's time
 * is mostly its fsync, which another program's disk writes stretch at times: one long COMMIT
 * must not leave the rest of the pull at one page a transaction, each with a COMMIT of its own.
 */
export function nextPagesPerTransaction(pages: number, commitMs: number): number {
  if (commitMs > COMMIT_BOUND_MS) return Math.max(1, Math.floor(pages / 2));
  if (commitMs < COMMIT_BOUND_MS / 2) return Math.min(PAGES_PER_TRANSACTION, pages + 1);
  return pages;
}

/**
 * True when `promise` has already resolved (it is not waited for). A failed one is false: the
 * pages applied so far are committed first, and its failure is thrown after that.
 */
async function hasArrived(promise: Promise<unknown>): Promise<boolean> {
  const arrived = promise.then(
    () => true,
    () => false,
  );
  return Promise.race([arrived, nextTurn().then(() => false)]);
}

/** Pulls until the hub has nothing more, from the stored cursor (applyPages). */
async function pullAll(
  db: Kysely<Database>,
  client: HubClient,
  clock: HybridClock,
  membership: HubMembership,
  report: SyncRunReport,
  store: Pick<StoreHandle, 'sqlite' | 'path'> | undefined,
): Promise<void> {
  const first = await client.pull(membership.cursor, MAX_CHANGES_PER_BATCH);
  // A pull of one page (an incremental sync) writes as any save does.
  if (!store || !first.more) return applyPages(db, client, first, clock, membership, report, undefined);
  // Many pages: a larger page cache meanwhile, so the indexes the records go into are read
  // once, not again for each statement (bulk-write-cache.ts); and the -wal copied into the
  // database file by a worker between the transactions, not by SQLite's automatic checkpoint
  // inside each COMMIT on this thread (after-commit-work.ts).
  return withBulkWriteCache(store.sqlite, () =>
    withCheckpointsBetweenCommits(store.sqlite, store.path, (checkpoint) => applyPages(db, client, first, clock, membership, report, checkpoint)),
  );
}

/**
 * The next page is asked for while this one is applied: the hub (another process, or another
 * machine) reads and sends it meanwhile, instead of waiting for the laptop, and the laptop does
 * not wait for the hub after each batch. Pages go into one transaction, with the cursor after
 * the last of them, while the next page is already here (never waiting for the network with the
 * store's write lock held), up to PAGES_PER_TRANSACTION. A page asked for ahead and not applied
 * (the apply failed) is dropped: the cursor stored is still the last transaction's.
 * `checkpoint`, when given, is waited for after each COMMIT, before the next transaction.
 */
async function applyPages(
  db: Kysely<Database>,
  client: HubClient,
  first: PullPage,
  clock: HybridClock,
  membership: HubMembership,
  report: SyncRunReport,
  checkpoint: (() => Promise<void>) | undefined,
): Promise<void> {
  let next: Promise<PullPage> = Promise.resolve(first);
  let pagesPerTransaction = PAGES_PER_TRANSACTION;
  for (let done = false; !done; ) {
    let page = await next;
    let appliedAt = 0;
    await db.transaction().execute(async (trx) => {
      for (let pages = 1; ; pages++) {
        if (page.more) {
          next = client.pull(page.cursor, MAX_CHANGES_PER_BATCH);
          // Awaited later; when this round fails there is no later, and its failure is of no interest.
          next.catch(() => undefined);
        }
        const batch = await applyRemoteChangesInTransaction(trx, page.changes, { clock, deviceId: membership.deviceId });
        await saveCursor(trx, page.cursor);
        await saveLastStamp(trx, clock.last());
        report.pulled += page.changes.length;
        report.applied += batch.applied;
        report.conflicts += batch.conflicts;
        report.tombstoned += batch.tombstoned;
        report.skipped.push(...batch.skipped);
        done = !page.more;
        if (done || pages >= pagesPerTransaction || !(await hasArrived(next))) {
          appliedAt = performance.now();
          return;
        }
        page = await next;
      }
    });
    // From the callback's end to here: the COMMIT (writing the transaction's pages and syncing them).
    pagesPerTransaction = nextPagesPerTransaction(pagesPerTransaction, performance.now() - appliedAt);
    await checkpoint?.();
  }
}
