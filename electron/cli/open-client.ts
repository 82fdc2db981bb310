import { createApiClient, type ApiClient } from '../../shared/ipc/client';
import type { AppInfo } from '../../shared/ipc/contract';
import { openDatabase } from '../db/open-database';
import { createDispatcher } from '../ipc/dispatch';
import { createHandlers } from '../services/handlers';
import { createServiceContext, type ServiceContext } from '../services/service-context';
import { APP_VERSION } from '../app-version';

export interface CliSession {
  client: ApiClient;
  context: ServiceContext;
  close(): Promise<void>;
}

/**
 * Opens the store and serves the contract in-process: the CLI goes through the same
 * dispatcher (and so the same schemas and error mapping) as the window.
 */
export async function openCliSession(dbPath: string): Promise<CliSession> {
  const database = await openDatabase(dbPath);
  const context = createServiceContext(database.db);
  const appInfo: AppInfo = { version: APP_VERSION, dataPath: dbPath, mode: 'browser' };
  const dispatch = createDispatcher(createHandlers(context, appInfo));
  return { client: createApiClient(dispatch), context, close: () => database.close() };
}
