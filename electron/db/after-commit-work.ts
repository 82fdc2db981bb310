/**
 * A bulk write (an import of thousands of rows) leaves two jobs to a worker thread after its
 * commit: building the indexes it owes (owed-indexes.ts: the write listed them in its
 * transaction instead of building them there), then copying its -wal into the database file,
 * which it commits without SQLite's automatic checkpoint.
 *
 * The committing connection runs the automatic checkpoint (wal_autocheckpoint) inside the
 * commit: after an import of 100,000 rows that is a 150 MB copy and its fsync on the main
 * thread, the import's critical path (and, in the app, the thread every window waits on).
 * The commit itself is durable without it: the WAL holds the transaction, a crash before the
 * checkpoint loses nothing, and every connection reads it from the WAL meanwhile.
 *
 * The automatic checkpoint stays off on the connection until the worker's checkpoint is done,
 * so a save meanwhile never takes the big copy upon itself; it is then what it was before.
 * A worker that cannot start or fails only leaves the copy to the next commit's automatic
 * checkpoint, as before, and owed indexes to the next bulk write or the next open of the
 * store. The store's close waits for the worker still running (workAfterCommitDone), so the
 * last connection's close finds the indexes built and the WAL already copied.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { startWorker } from '../workers/start-worker';

interface Deferral {
  /** wal_autocheckpoint before the first bulk write that is not done yet */
  saved: number;
  /** bulk writes and their after-commit work not done yet */
  running: number;
  done: Promise<void>;
}

const deferrals = new WeakMap<BetterSqlite3.Database, Deferral>();

/**
 * Runs `write` (one transaction on `sqlite`, the store's write connection) with the automatic
 * checkpoint off, then builds the owed indexes and checkpoints the store at `path` on a worker
 * thread. Resolves with what `write` resolves to as soon as it has committed.
 */
export async function withWorkAfterCommit<T>(sqlite: BetterSqlite3.Database, path: string, write: () => Promise<T>): Promise<T> {
  const deferral = deferAutomaticCheckpoint(sqlite);
  let result: T;
  try {
    result = await write();
  } catch (error) {
    release(sqlite, deferral);
    throw error;
  }
  // A worker that cannot start leaves the copy to the next commit's automatic checkpoint.
  const checkpoint = runOnWorker(path)
    .catch(() => {})
    .finally(() => release(sqlite, deferral));
  deferral.done = Promise.all([deferral.done, checkpoint]).then(() => {});
  return result;
}

/** Resolves when no after-commit work of `sqlite`'s store is running (at once when none is). */
export function workAfterCommitDone(sqlite: BetterSqlite3.Database): Promise<void> {
  return deferrals.get(sqlite)?.done ?? Promise.resolve();
}

/** The automatic checkpoint off on `sqlite` until every deferral taken is released. */
function deferAutomaticCheckpoint(sqlite: BetterSqlite3.Database): Deferral {
  const deferral = deferrals.get(sqlite) ?? { saved: sqlite.pragma('wal_autocheckpoint', { simple: true }) as number, running: 0, done: Promise.resolve() };
  deferrals.set(sqlite, deferral);
  deferral.running++;
  sqlite.pragma('wal_autocheckpoint = 0');
  return deferral;
}

function release(sqlite: BetterSqlite3.Database, deferral: Deferral): void {
  deferral.running--;
  if (deferral.running > 0) return;
  deferrals.delete(sqlite);
  if (sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${deferral.saved}`);
}

/** Resolves when the worker has ended, its work done or not. */
async function runOnWorker(path: string): Promise<void> {
  const worker = startWorker(new URL('./after-commit-worker.ts', import.meta.url));
  await new Promise<void>((resolve) => {
    worker.once('error', () => resolve());
    worker.once('exit', () => resolve());
    worker.postMessage({ path });
  });
}
