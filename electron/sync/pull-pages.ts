import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Kysely } from 'kysely';
import { MAX_CHANGES_PER_BATCH } from '../../shared/sync/protocol';
import type { Database } from '../db/schema';
import { applyRemoteChangesInTransaction, type ApplySession } from './apply-changes';
import type { HubClient, PullPage } from './sync-client';
import { saveCursor, saveLastStamp } from './sync-state';

/**
 * The pull's loop: pages fetched from the hub and applied, each transaction with its cursor.
 * The same loop runs on the main thread (a small pull, sync-run.ts) and on the pull's worker
 * thread (a large one, pull-worker.ts); only how a transaction is run differs.
 */

/** What one of the pull's transactions applied and stored with it, told once it has committed. */
export interface PullProgress {
  pulled: number;
  applied: number;
  conflicts: number;
  tombstoned: number;
  skipped: string[];
  /** The hub's cursor stored in the transaction: a pull that stops later resumes after it. */
  cursor: string;
  /** The hybrid clock's last stamp stored in the transaction. */
  lastStamp: string;
}

/** Runs `work` as one transaction of the store, to its COMMIT. */
export type RunTransaction = <T>(work: (trx: Kysely<Database>) => Promise<T>) => Promise<T>;

/**
 * Pages applied in one transaction at most, when the next page is already here: each COMMIT
 * syncs the -wal file (synchronous = FULL); in a first sync that was the largest single cost of
 * applying (1.2–1.5 s of 20 commits for 20,001 changes). Bounded, so a transaction and its
 * cursor stay one unit of at most this many pages, and the store's other writers (a capture)
 * wait at most that long for their turn.
 */
export const PAGES_PER_TRANSACTION = 4;

/**
 * A COMMIT longer than this halves the pages of the pull's next transaction
 * (nextPagesPerTransaction): a capture waiting for its write turn must not wait long, and a
 * COMMIT writes every page its transaction changed, which grows with the store's indexes.
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

/**
 * Applies `first` and every page after it until the hub has nothing more. The next page is
 * asked for while this one is applied: the hub (another process, or another machine) reads and
 * sends it meanwhile, instead of waiting for the laptop, and the laptop does not wait for the
 * hub after each batch. Pages go into one transaction (`run`), with the cursor and the clock
 * after the last of them, while the next page is already here (never waiting for the network
 * with the store's write lock held), up to PAGES_PER_TRANSACTION. A page asked for ahead and
 * not applied (the apply failed) is dropped: the cursor stored is still the last transaction's.
 * `committed` is told after each COMMIT.
 *
 * With `pageLimit`, stops at the first COMMIT after that many pages and resolves with the page
 * asked for ahead, not applied (the pull goes on from it elsewhere); null when the hub had nothing
 * more by then.
 */
export async function applyPages(
  run: RunTransaction,
  client: Pick<HubClient, 'pull'>,
  first: PullPage,
  session: ApplySession,
  committed: (progress: PullProgress) => void,
  pageLimit = Number.POSITIVE_INFINITY,
): Promise<PullPage | null> {
  let next: Promise<PullPage> = Promise.resolve(first);
  let pagesPerTransaction = PAGES_PER_TRANSACTION;
  let pagesApplied = 0;
  for (let done = false; !done; ) {
    if (pagesApplied >= pageLimit) return next;
    let page = await next;
    let appliedAt = 0;
    const progress = await run(async (trx) => {
      const applied: PullProgress = { pulled: 0, applied: 0, conflicts: 0, tombstoned: 0, skipped: [], cursor: page.cursor, lastStamp: '' };
      for (let pages = 1; ; pages++) {
        if (page.more) {
          next = client.pull(page.cursor, MAX_CHANGES_PER_BATCH);
          // Awaited later; when this round fails there is no later, and its failure is of no interest.
          next.catch(() => undefined);
        }
        const batch = await applyRemoteChangesInTransaction(trx, page.changes, session);
        applied.cursor = page.cursor;
        applied.lastStamp = session.clock.last();
        await saveCursor(trx, applied.cursor);
        await saveLastStamp(trx, applied.lastStamp);
        applied.pulled += page.changes.length;
        applied.applied += batch.applied;
        applied.conflicts += batch.conflicts;
        applied.tombstoned += batch.tombstoned;
        applied.skipped.push(...batch.skipped);
        done = !page.more;
        pagesApplied++;
        if (done || pages >= pagesPerTransaction || pagesApplied >= pageLimit || !(await hasArrived(next))) {
          appliedAt = performance.now();
          return applied;
        }
        page = await next;
      }
    });
    // From the callback's end to here: the COMMIT (writing the transaction's pages and syncing them).
    pagesPerTransaction = nextPagesPerTransaction(pagesPerTransaction, performance.now() - appliedAt);
    committed(progress);
  }
  return null;
}
