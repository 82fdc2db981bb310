import { getSettings } from './settings-service';
import type { ServiceContext } from './service-context';

/** How often the file is asked whether someone else wrote: one PRAGMA, microseconds each. */
const OTHER_WRITERS_POLL_MS = 500;

/**
 * What is on screen is what is stored: when another process (the CLI, a second window,
 * browser mode) commits to the same file, SQLite's `PRAGMA data_version` on this connection
 * changes (our own commits do not change it). Then the open windows are told — leads.changed
 * reloads the list, settings.changed moves the header's show and staff member — instead of
 * re-reading tables on a timer.
 */
export function watchOtherWriters(
  context: ServiceContext,
  dataVersion: () => number,
  options: { intervalMs?: number; onUnexpectedError?: (error: unknown) => void } = {},
): () => void {
  let last = dataVersion();
  let lastSettings = '';
  let checking = false;
  void getSettings(context).then((settings) => (lastSettings = JSON.stringify(settings)), options.onUnexpectedError);

  const timer = setInterval(() => {
    if (checking) return;
    let current: number;
    try {
      current = dataVersion();
    } catch (error) {
      options.onUnexpectedError?.(error);
      return;
    }
    if (current === last) return;
    last = current;
    checking = true;
    void (async () => {
      context.notify('leads.changed', { ids: [] });
      const settings = await getSettings(context);
      const json = JSON.stringify(settings);
      if (json !== lastSettings) {
        lastSettings = json;
        context.notify('settings.changed', settings);
      }
    })()
      .catch((error: unknown) => options.onUnexpectedError?.(error))
      .finally(() => (checking = false));
  }, options.intervalMs ?? OTHER_WRITERS_POLL_MS);
  // Never the reason a process stays alive.
  timer.unref?.();
  return () => clearInterval(timer);
}
