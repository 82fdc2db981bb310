/**
 * The worker thread a large pull runs on (pull-on-worker.ts starts it): it fetches the hub's
 * pages after the first and applies them (pull-pages.ts, apply-changes.ts as on the main thread)
 * on a write connection of its own, so the pull's SQLite work, its COMMITs (the -wal written and
 * synced) and their automatic checkpoints never hold the window's thread. Before each
 * transaction it asks the main thread for the store's write turn, and gives it back after the
 * COMMIT: a capture meanwhile waits for its turn there, as it did for a pull on the main thread.
 * It tells the main thread after each COMMIT, then `done` or `failed`, and ends.
 * Built as an entry of its own (electron.vite.config.ts, build/build-cli.mjs).
 */
import { parentPort, type MessagePort } from 'node:worker_threads';
import { createHybridClock } from '../../shared/sync/hybrid-clock';
import { withBulkWriteCache } from '../db/bulk-write-cache';
import { lockWaitExpired } from '../db/lock-wait';
import { openWriteConnection } from '../db/store-connections';
import { applyPages, type RunTransaction } from './pull-pages';
import { describeFailure, type FromPullWorker, type PullStart, type ToPullWorker } from './pull-worker-messages';
import { hubClient } from './sync-client';

const port = parentPort;
port?.once('message', (start: PullStart) => void pull(port, start));

async function pull(port: MessagePort, start: PullStart): Promise<void> {
  const tell = (message: FromPullWorker): void => port.postMessage(message);
  let connection: Awaited<ReturnType<typeof openWriteConnection>> | undefined;
  let result: FromPullWorker = { kind: 'done' };
  try {
    const opened = await openWriteConnection(start.path);
    connection = opened;
    const clock = createHybridClock(start.deviceId, () => Date.now() + start.wallClockOffsetMs, start.lastStamp || undefined);
    const client = hubClient(start.hubUrl, start.token, { pin: start.fingerprint });
    const takeTurn = turnsOfMainThread(port, tell);
    const run: RunTransaction = async (work) => {
      await takeTurn();
      try {
        return await opened.db.transaction().execute(work);
      } finally {
        tell({ kind: 'give-turn' });
      }
    };
    // A larger page cache for the pull's many inserts (bulk-write-cache.ts): the worker's connection's own.
    await withBulkWriteCache(opened.sqlite, () =>
      applyPages(run, client, start.first, { clock, deviceId: start.deviceId }, (progress) => tell({ kind: 'committed', progress })),
    );
  } catch (error) {
    result = { kind: 'failed', error: describeFailure(error) };
  }
  try {
    await connection?.db.destroy();
  } catch {
    // Every transaction has ended: a connection that fails to close holds nothing.
  }
  tell(result);
  port.close();
}

/** Asks the main thread for the store's write turn and resolves once it is the worker's; a wait that expired is the store's "busy" error. */
function turnsOfMainThread(port: MessagePort, tell: (message: FromPullWorker) => void): () => Promise<void> {
  let answer: ((message: ToPullWorker) => void) | undefined;
  port.on('message', (message: ToPullWorker) => answer?.(message));
  return () =>
    new Promise<void>((resolve, reject) => {
      answer = (message) => {
        answer = undefined;
        if (message.kind === 'turn') resolve();
        else reject(lockWaitExpired());
      };
      tell({ kind: 'take-turn' });
    });
}
