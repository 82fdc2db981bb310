/**
 * The worker thread a bulk write's after-commit work runs on (after-commit-work.ts starts it).
 * Its first message says which of two jobs it does:
 *
 * - `{ path }` (an import): opens the store on a connection of its own, builds the indexes the
 *   write owes (owed-indexes.ts), then copies the -wal into the database file with a PASSIVE
 *   checkpoint (it never waits for, nor holds up, the app's reads and saves), and ends.
 * - `{ path, between: true }` (a write of many transactions, a pull): opens the store and
 *   answers each later `'checkpoint'` message with `'checkpointed'` once a PASSIVE checkpoint
 *   is done, until `'close'`; one connection for the whole write, so no thread starts per
 *   transaction.
 *
 * The thread that started it waits for its exit. Built as an entry of its own
 * (electron.vite.config.ts, build/build-cli.mjs).
 */
import { parentPort } from 'node:worker_threads';
import BetterSqlite3 from 'better-sqlite3';
import { buildOwedIndexes } from './owed-indexes';

/**
 * How long the index build waits for the write lock when a save or another import holds it.
 * Only this thread waits; given up, the indexes stay owed (the next bulk write's worker or the
 * next open builds them).
 */
const LOCK_WAIT_MS = 30_000;

parentPort?.once('message', (message: { path: string; between?: boolean }) => {
  const sqlite = new BetterSqlite3(message.path, { fileMustExist: true });
  if (message.between) {
    checkpointOnRequest(sqlite);
    return;
  }
  void (async () => {
    try {
      sqlite.pragma(`busy_timeout = ${LOCK_WAIT_MS}`);
      try {
        await buildOwedIndexes(sqlite, () => sqlite.prepare('BEGIN IMMEDIATE').run());
      } catch {
        // Left owed: built by the next bulk write's worker or the next open. The checkpoint still runs.
      }
      sqlite.pragma('busy_timeout = 0');
      sqlite.pragma('wal_checkpoint(PASSIVE)');
    } finally {
      sqlite.close();
    }
  })();
});

/** Between the transactions of one write: a PASSIVE checkpoint on each request, until 'close'. */
function checkpointOnRequest(sqlite: BetterSqlite3.Database): void {
  sqlite.pragma('busy_timeout = 0');
  parentPort?.on('message', (request: 'checkpoint' | 'close') => {
    if (request === 'close') {
      sqlite.close();
      parentPort?.close();
      return;
    }
    try {
      sqlite.pragma('wal_checkpoint(PASSIVE)');
    } catch {
      // A checkpoint that met a lock is left to the next request (or the store's next automatic one).
    }
    parentPort?.postMessage('checkpointed');
  });
}
