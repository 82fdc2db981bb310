import type BetterSqlite3 from 'better-sqlite3';
import { AppError } from '../../shared/ipc/errors';
import type { HybridClock } from '../../shared/sync/hybrid-clock';
import { deadlineFromNow } from '../db/lock-wait';
import { writeTurnsOf } from '../db/write-turns';
import { startWorker } from '../workers/start-worker';
import type { PullProgress } from './pull-pages';
import { rebuildFailure, type FromPullWorker, type PullStart, type ToPullWorker } from './pull-worker-messages';

/**
 * Runs a large pull on a worker thread (pull-worker.ts) with a connection of its own to the
 * store at `store.path`: the pages after `start.first` are fetched and applied there, each
 * transaction with its cursor, so the pull's COMMITs and its CPU never hold this thread (every
 * window waits on it). Here: the store's write turn is given to the worker for each of its
 * transactions (a capture meanwhile waits for its turn, asynchronously, as it did for a pull on
 * this thread, and is never refused for it); `clock` takes in each committed stamp, and
 * `committed` is told what each COMMIT applied.
 *
 * Resolves when the hub has nothing more. Rejects as the pull failed there (the hub's refusal or
 * silence as HubRequestFailed, see pull-worker-messages.ts), and with one line when the worker
 * ends without saying (it crashed, or `signal` stopped it): what it committed stays committed,
 * and the next pull resumes at the cursor stored with it.
 */
export function pullOnWorker(
  store: { sqlite: BetterSqlite3.Database; path: string },
  start: Omit<PullStart, 'path'>,
  clock: HybridClock,
  committed: (progress: PullProgress) => void,
  signal?: AbortSignal,
): Promise<void> {
  const turns = writeTurnsOf(store.sqlite);
  const worker = startWorker(new URL('./pull-worker.ts', import.meta.url));
  let holdsTurn = false;
  let ended = false;
  const giveTurn = (): void => {
    if (!holdsTurn) return;
    holdsTurn = false;
    turns.give();
  };
  const tell = (message: ToPullWorker): void => worker.postMessage(message);
  return new Promise<void>((resolve, reject) => {
    let outcome: { failure: Error } | 'done' | undefined;
    const stop = (): void => void worker.terminate();
    signal?.addEventListener('abort', stop, { once: true });
    if (signal?.aborted) stop();
    worker.on('message', (message: FromPullWorker) => {
      if (message.kind === 'take-turn') {
        void turns.take(deadlineFromNow()).then((granted) => {
          if (!granted) return tell({ kind: 'busy' });
          holdsTurn = true;
          // Granted to a worker that has ended meanwhile: the next writer's at once.
          if (ended) return giveTurn();
          tell({ kind: 'turn' });
        });
      } else if (message.kind === 'give-turn') {
        giveTurn();
      } else if (message.kind === 'committed') {
        clock.receive(message.progress.lastStamp);
        committed(message.progress);
      } else {
        outcome = message.kind === 'done' ? 'done' : { failure: rebuildFailure(message.error) };
        // Its connection is closed already; what is left (a kept-alive socket to the hub) must not keep it.
        void worker.terminate();
      }
    });
    worker.once('error', (error) => {
      outcome ??= { failure: pullStopped('it failed', error) };
    });
    worker.once('exit', (code) => {
      ended = true;
      // A worker that ended inside a transaction: SQLite rolled it back as its connection went.
      giveTurn();
      signal?.removeEventListener('abort', stop);
      if (outcome === 'done') return resolve();
      reject(outcome?.failure ?? pullStopped(signal?.aborted ? 'it was stopped' : `it ended with code ${code}`));
    });
    worker.postMessage({ ...start, path: store.path } satisfies PullStart);
  });
}

/** The worker ended without its answer: one line for the person, the detail for the log. */
function pullStopped(why: string, cause?: unknown): AppError {
  return new AppError(
    'internal',
    `The sync stopped while this laptop applied the hub's changes (${why}): what was applied is kept, and the next sync goes on from there.`,
    undefined,
    cause === undefined ? undefined : { cause },
  );
}
