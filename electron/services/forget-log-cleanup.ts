import type { Kysely } from 'kysely';
import { readSetting, replaceSettingIf, writeSetting } from '../db/repositories/settings';
import type { Database } from '../db/schema';
import { nowIso, type Clock, type StoreHandle } from './service-context';

/**
 * What a forget leaves behind in SQLite's write-ahead log, and how it goes.
 *
 * A forget commits into the -wal file; the page images from before it (the person's text)
 * stay in the -wal, and in the database file, until a checkpoint copies the new pages over
 * the old ones and empties the log. A checkpoint cannot do that while another connection
 * (a second window, the CLI, browser mode) still reads an older snapshot: SQLite keeps what
 * that reader sees. So: the forget's transaction sets a mark (a setting: it survives a
 * crash), a TRUNCATE checkpoint runs right after the commit, and when a reader holds it
 * back the forget says so; every running app (window, browser mode) tries again each second
 * while the mark is set, and every start tries once, until a checkpoint completes; only then
 * is the mark cleared.
 */

/** How often a held-back clean-up is tried again while the app runs. */
export const FORGET_CLEANUP_RETRY_MS = 1_000;

/** The one line the window and the CLI show when a reader holds the clean-up back. */
export const FORGET_CLEANUP_PENDING_NOTE =
  "Another window or command still reads an older view of the leads, so the person's old text stays in the database's log file (its -wal file) until it finishes; LeadBooth removes it as soon as that reader is done (at the latest at the next start).";

/** Inside the forget's own transaction, so a crash right after the commit still leaves the mark. */
export async function markForgetCleanupPending(trx: Kysely<Database>, token: string, at: string): Promise<void> {
  await writeSetting(trx, 'forgetCleanupPending', token, at);
}

interface WalCheckpoint {
  /** 1 when another connection kept the checkpoint from finishing (a reader of an older snapshot, a writer). */
  busy: number;
  /** Frames in the log (-1 outside WAL mode). */
  log: number;
  /** Frames copied into the database file. */
  checkpointed: number;
}

/** What one try found: done (no live file holds a forgotten person), held back by a reader, or the connection is mid-transaction. */
export type CleanupTry = 'done' | 'held' | 'connection-busy';

/**
 * One try, never waiting: a TRUNCATE checkpoint with the busy wait off (waiting for a reader
 * would stop the whole process: better-sqlite3 waits synchronously). When it completes, the
 * -wal is empty and the database file holds only the pages as they are after the forget
 * (secure_delete zeroed the person's bytes in them, FTS5's secure-delete the index terms),
 * and the mark is cleared if it is still the one read before the checkpoint.
 */
async function tryForgetCleanup(store: StoreHandle, clock: Clock): Promise<CleanupTry> {
  const { sqlite } = store;
  const mark = (await readSetting(store.db, 'forgetCleanupPending')) ?? null;
  // Another statement sequence (a Kysely transaction) is open on this connection: a
  // checkpoint from inside it could not finish, and it must not be cut into.
  if (sqlite.inTransaction) return 'connection-busy';
  const busyTimeout = sqlite.pragma('busy_timeout', { simple: true }) as number;
  let checkpoint: WalCheckpoint | undefined;
  sqlite.pragma('busy_timeout = 0');
  try {
    [checkpoint] = sqlite.pragma('wal_checkpoint(TRUNCATE)') as WalCheckpoint[];
  } catch (error) {
    const code = String((error as { code?: unknown }).code ?? '');
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'held';
    throw error;
  } finally {
    sqlite.pragma(`busy_timeout = ${busyTimeout}`);
  }
  if (!checkpoint || checkpoint.busy !== 0 || checkpoint.log !== checkpoint.checkpointed) return 'held';
  if (mark !== null) await replaceSettingIf(store.db, 'forgetCleanupPending', mark, null, nowIso({ clock }));
  return 'done';
}

/** True while a forget's clean-up is not finished (in this or another process, before a crash). */
export async function forgetCleanupPending(db: Kysely<Database>): Promise<boolean> {
  return ((await readSetting(db, 'forgetCleanupPending')) ?? null) !== null;
}

/**
 * Right after a forget: a try, and a few more while only this process's own other work
 * holds the connection (a save running beside the forget is not a reason to report a
 * reader). 'held' then means another connection's snapshot.
 */
export async function cleanUpAfterForget(store: StoreHandle, clock: Clock): Promise<CleanupTry> {
  let outcome = await tryForgetCleanup(store, clock);
  for (let tries = 0; outcome === 'connection-busy' && tries < 20; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 5));
    outcome = await tryForgetCleanup(store, clock);
  }
  return outcome;
}

export interface ForgetCleanupRetry {
  /** At start-up: a forget left unfinished (held back, or cut off by a crash) is finished now if it can be. */
  resume(): Promise<CleanupTry | 'nothing-pending'>;
  /** Stops watching, after one last try (the mark stays for the next start if it is still held). */
  close(): Promise<void>;
}

/**
 * While the app runs: every `intervalMs` the mark is read (one indexed row) and, when a
 * forget of this or another process (a CLI command that has exited since) left it, the
 * clean-up is tried; it completes at the first tick after the last old snapshot is released.
 */
export function startForgetCleanupRetry(
  store: StoreHandle,
  clock: Clock,
  options: { intervalMs?: number; onUnexpectedError?: (error: unknown) => void } = {},
): ForgetCleanupRetry {
  let trying = false;
  const attempt = async (): Promise<CleanupTry | 'nothing-pending'> => {
    if (!(await forgetCleanupPending(store.db))) return 'nothing-pending';
    return tryForgetCleanup(store, clock);
  };
  const timer = setInterval(() => {
    if (trying) return;
    trying = true;
    attempt()
      .catch((error: unknown) => options.onUnexpectedError?.(error))
      .finally(() => (trying = false));
  }, options.intervalMs ?? FORGET_CLEANUP_RETRY_MS);
  // Never the reason a process stays alive: the mark makes the next start finish the job.
  timer.unref?.();
  return {
    resume: attempt,
    async close() {
      clearInterval(timer);
      await attempt().catch((error: unknown) => options.onUnexpectedError?.(error));
    },
  };
}
