import { setTimeout as sleep } from 'node:timers/promises';
import { AppError } from '../../shared/ipc/errors';

/**
 * How long a write waits for another process (the CLI, another window, an import) holding
 * the store's write lock before it gives up. Long enough for a 100,000-row import to finish;
 * the waiting is asynchronous, so the app stays responsive all the while.
 */
const WRITE_WAIT_MS = 30_000;

/** True for SQLite's "another connection holds the lock" family (SQLITE_BUSY, SQLITE_BUSY_RECOVERY…). */
function isLockError(error: unknown): boolean {
  const code = String((error as { code?: unknown } | null)?.code ?? '');
  return code.startsWith('SQLITE_BUSY');
}

/**
 * Runs `attempt` (a synchronous SQLite call on a connection whose busy timeout is 0, so it
 * fails at once instead of sleeping inside SQLite) until it no longer meets a lock, pausing
 * between tries on a timer. better-sqlite3 is synchronous: its own busy wait would stop the
 * whole process (every window, the browser-mode server) for as long as it waited. Only
 * attempts that change nothing when they fail may be retried: BEGIN IMMEDIATE, a single
 * statement outside a transaction, a pragma.
 */
export async function whenUnlocked<T>(attempt: () => T, deadline: number, onLongWait?: () => void): Promise<T> {
  const started = Date.now();
  let told = false;
  for (let pause = FIRST_PAUSE_MS; ; pause = Math.min(pause * 2, LONGEST_PAUSE_MS)) {
    try {
      return attempt();
    } catch (error) {
      if (!isLockError(error)) throw error;
      const now = Date.now();
      const left = deadline - now;
      if (left <= 0) throw lockWaitExpired(error);
      if (!told && onLongWait && now - started >= LONG_WAIT_MS) {
        told = true;
        onLongWait();
      }
      await sleep(Math.min(pause, left));
    }
  }
}

export function deadlineFromNow(waitMs: number = WRITE_WAIT_MS): number {
  return Date.now() + waitMs;
}

export function lockWaitExpired(cause?: unknown): AppError {
  return new AppError(
    'busy',
    `Another program has been writing to the lead store for ${Math.round(WRITE_WAIT_MS / 1000)} s (an import, the command line or another LeadBooth window). ` +
      'Nothing was changed: try again when it has finished.',
    undefined,
    cause === undefined ? undefined : { cause },
  );
}

/** A wait this long is worth a word to the person (the CLI prints one line). */
const LONG_WAIT_MS = 1_500;

/** A lock freed by another process is noticed within this long; the first retries come quickly for short writes. */
const FIRST_PAUSE_MS = 5;
const LONGEST_PAUSE_MS = 100;
