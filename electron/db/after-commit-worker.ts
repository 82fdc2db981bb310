/**
 * The worker thread a bulk write's after-commit work runs on (after-commit-work.ts starts it):
 * told `{ path }` (an import), it opens the store on a connection of its own, builds the indexes
 * the write owes (owed-indexes.ts), then copies the -wal into the database file with a PASSIVE
 * checkpoint (it never waits for, nor holds up, the app's reads and saves), and ends. (A sync's
 * large pull commits on a worker of its own, whose COMMITs checkpoint there: pull-worker.ts.)
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

parentPort?.once('message', (message: { path: string }) => {
  const sqlite = new BetterSqlite3(message.path, { fileMustExist: true });
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
