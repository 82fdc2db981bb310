import { AppError } from '../../shared/ipc/errors';
import { readMembership } from '../sync/sync-state';
import type { ServiceContext } from './service-context';
import { stopRunningSync, syncNow } from './sync-service';

/** How often a joined laptop syncs by itself while a window is open. */
const BACKGROUND_SYNC_INTERVAL_MS = 60_000;

export interface BackgroundSync {
  /** Stops the timer and the sync in flight, whoever started it (what it committed stays: the next start resumes there), and waits for it to end. */
  close(): Promise<void>;
}

/**
 * Syncs a joined laptop with its hub every minute, in this (main) process: capture never waits
 * for it. A laptop that never joined does nothing but read one row a minute. A hub that cannot
 * be reached or refuses is no error here: the status keeps the failure for the header to say,
 * and the next minute tries again.
 */
export function startBackgroundSync(
  context: ServiceContext,
  options: { intervalMs?: number; onUnexpectedError?: (error: unknown) => void } = {},
): BackgroundSync {
  let inFlight: Promise<void> | null = null;
  const closing = new AbortController();
  const attempt = async (): Promise<void> => {
    if (!(await readMembership(context.db))) return;
    try {
      await syncNow(context, { signal: closing.signal });
    } catch (error) {
      if (error instanceof AppError && (error.code === 'hub_unreachable' || error.code === 'hub_refused')) return;
      // Stopped by close(): a first sync of minutes does not hold the app's quitting.
      if (closing.signal.aborted) return;
      throw error;
    }
  };
  const timer = setInterval(() => {
    if (inFlight) return;
    inFlight = attempt()
      .catch((error: unknown) => options.onUnexpectedError?.(error))
      .finally(() => (inFlight = null));
  }, options.intervalMs ?? BACKGROUND_SYNC_INTERVAL_MS);
  // Never the reason a process stays alive.
  timer.unref?.();
  return {
    async close() {
      clearInterval(timer);
      closing.abort();
      // A sync someone else started (Sync now) is stopped too: the store closes after this.
      await stopRunningSync(context);
      await inFlight;
    },
  };
}
