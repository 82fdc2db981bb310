/**
 * The worker thread a bulk write's checkpoint runs on (background-checkpoint.ts starts it):
 * opens the store on a connection of its own, copies the -wal into the database file with a
 * PASSIVE checkpoint (it never waits for, nor holds up, the app's reads and saves), and ends:
 * the thread that started it waits for its exit. Built as an entry of its own (electron.vite.config.ts,
 * build/build-cli.mjs).
 */
import { parentPort } from 'node:worker_threads';
import BetterSqlite3 from 'better-sqlite3';

parentPort?.once('message', (message: { path: string }) => {
  const sqlite = new BetterSqlite3(message.path, { fileMustExist: true });
  try {
    sqlite.pragma('busy_timeout = 0');
    sqlite.pragma('wal_checkpoint(PASSIVE)');
  } finally {
    sqlite.close();
  }
});
