import { createApiClient, type ApiClient } from '../../shared/ipc/client';
import { openAppServices } from '../app-services';
import { createDispatcher } from '../ipc/dispatch';
import type { ServiceContext } from '../services/service-context';

export interface CliSession {
  client: ApiClient;
  /** The services' context, for commands that move whole files (export, import) without sending them through a channel. */
  context: ServiceContext;
  close(): Promise<void>;
}

/**
 * Opens the store and serves the contract in-process: the CLI goes through the same
 * dispatcher (and so the same schemas and error mapping) as the window.
 */
export async function openCliSession(dbPath: string): Promise<CliSession> {
  const services = await openAppServices({ dbPath, mode: 'browser', withScanner: false });
  return { client: createApiClient(createDispatcher(services.handlers)), context: services.context, close: () => services.close() };
}
