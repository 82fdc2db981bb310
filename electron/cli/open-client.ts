import { createApiClient, type ApiClient } from '../../shared/ipc/client';
import type { CliIo } from './cli-io';
import { openAppServices } from '../app-services';
import { createDispatcher } from '../ipc/dispatch';
import { fileJobsOn, type FileJobs } from './file-jobs';

export interface CliSession {
  client: ApiClient;
  /** Jobs that move whole files (export to a path, import, attendee lists, a scanned card): the one door around the client, file-jobs.ts. */
  files: FileJobs;
  close(): Promise<void>;
}

/**
 * Opens the store and serves the contract in-process: the CLI goes through the same
 * dispatcher (and so the same schemas and error mapping) as the window.
 */
export async function openCliSession(dbPath: string, io: CliIo): Promise<CliSession> {
  // A command that seems to hang is worse than one that says why: once per command.
  let saidWaiting = false;
  const sayWaitingForLock = (): void => {
    if (saidWaiting) return;
    saidWaiting = true;
    io.stderr('leadbooth: waiting for another program that is writing to the lead store (an import, the app), up to 30 s…');
  };
  const services = await openAppServices({ dbPath, mode: 'browser', withScanner: false, onLockWait: sayWaitingForLock });
  return { client: createApiClient(createDispatcher(services.handlers)), files: fileJobsOn(services), close: () => services.close() };
}
