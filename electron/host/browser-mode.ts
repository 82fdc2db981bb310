import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EventName } from '../../shared/ipc/channels';
import type { EventPayload } from '../../shared/ipc/contract';
import { APP_VERSION } from '../app-version';
import { openDatabase } from '../db/open-database';
import { createDispatcher } from '../ipc/dispatch';
import { createHandlers } from '../services/handlers';
import { createServiceContext } from '../services/service-context';
import { createScanner } from '../ocr/scanner';
import { parseCard } from '../../shared/parsing/card-parser';
import { startHost, type RunningHost } from './host-server';

export const BUILT_RENDERER_DIR = fileURLToPath(new URL('../../out/renderer', import.meta.url));

export interface BrowserModeOptions {
  dbPath: string;
  port?: number | undefined;
  staticRoot?: string | undefined;
  token?: string | undefined;
  onUnexpectedError?: (error: unknown) => void;
  /** Off in tests that do not scan: the OCR workers take a second and ~150 MB to start. */
  withScanner?: boolean;
}

export interface BrowserMode {
  host: RunningHost;
  close(): Promise<void>;
}

/** The desktop app's services without Electron: the store, the contract and the UI, served on loopback. */
export async function startBrowserMode(options: BrowserModeOptions): Promise<BrowserMode> {
  const database = await openDatabase(options.dbPath);
  let host: RunningHost | undefined;
  const notify = <E extends EventName>(event: E, payload: EventPayload<E>) => host?.broadcast(event, payload);
  const scanner = options.withScanner === false ? undefined : createScanner({ dataDir: path.dirname(options.dbPath), parse: parseCard });
  // Warm in the background so the first card at the booth does not wait for a worker to start.
  scanner?.warmUp().catch((error: unknown) => options.onUnexpectedError?.(error));
  const context = createServiceContext(database.db, { notify, cardReader: scanner });
  const handlers = createHandlers(context, { version: APP_VERSION, dataPath: options.dbPath, mode: 'browser' });
  try {
    host = await startHost({
      dispatch: createDispatcher(handlers, options.onUnexpectedError),
      staticRoot: path.resolve(options.staticRoot ?? BUILT_RENDERER_DIR),
      port: options.port ?? 0,
      ...(options.token !== undefined && { token: options.token }),
    });
  } catch (error) {
    await scanner?.close();
    await database.close();
    throw error;
  }
  const running = host;
  return {
    host: running,
    async close() {
      await running.close();
      await scanner?.close();
      await database.close();
    },
  };
}
