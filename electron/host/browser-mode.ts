import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EventName } from '../../shared/ipc/channels';
import type { EventPayload } from '../../shared/ipc/contract';
import { openAppServices } from '../app-services';
import { createDispatcher } from '../ipc/dispatch';
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
  let host: RunningHost | undefined;
  const services = await openAppServices({
    dbPath: options.dbPath,
    mode: 'browser',
    withScanner: options.withScanner ?? true,
    notify: <E extends EventName>(event: E, payload: EventPayload<E>) => host?.broadcast(event, payload),
    ...(options.onUnexpectedError && { onUnexpectedError: options.onUnexpectedError }),
  });
  try {
    host = await startHost({
      dispatch: createDispatcher(services.handlers, options.onUnexpectedError),
      staticRoot: path.resolve(options.staticRoot ?? BUILT_RENDERER_DIR),
      port: options.port ?? 0,
      ...(options.token !== undefined && { token: options.token }),
      ...(options.onUnexpectedError && { onUnexpected: options.onUnexpectedError }),
    });
  } catch (error) {
    await services.close();
    throw error;
  }
  const running = host;
  return {
    host: running,
    async close() {
      await running.close();
      await services.close();
    },
  };
}
