import path from 'node:path';
import type { EventName } from '../shared/ipc/channels';
import type { AppInfo, EventPayload, Handlers } from '../shared/ipc/contract';
import { APP_VERSION } from './app-version';
import { openDatabase, type OpenedDatabase } from './db/open-database';
import type { Scanner } from './ocr/scanner';
import { backupIfDue } from './services/backup-service';
import { pruneUnsavedScans } from './services/card-scan-service';
import { createCaptureQueueRunner, type CaptureQueueRunner } from './services/capture-queue-service';
import { startBackgroundSync } from './services/background-sync';
import { startForgetCleanupRetry } from './services/forget-log-cleanup';
import { createHandlers } from './services/handlers';
import { watchOtherWriters } from './services/other-writers-watch';
import { createServiceContext, type ServiceContext } from './services/service-context';

export interface AppServicesOptions {
  dbPath: string;
  mode: AppInfo['mode'];
  version?: string;
  notify?: <E extends EventName>(event: E, payload: EventPayload<E>) => void;
  /** The OCR workers take a second and ~150 MB: the window and browser mode want them, plain CLI commands do not. */
  withScanner: boolean;
  /** Electron's shell.openExternal; browser mode and the CLI have none. */
  openExternal?: (url: string) => Promise<void>;
  /** Electron's save dialog for exports (ServiceContext.chooseSavePlace); browser mode and the CLI have none. */
  chooseSavePlace?: (request: { suggestedName: string; folder: boolean }) => Promise<string | null>;
  onUnexpectedError?: (error: unknown) => void;
  /** Told once per write that waits long for another program's lock: the CLI prints a line (the window says it on the form). */
  onLockWait?: () => void;
  /** Off for `leadbooth backup` and `restore`, which make their own copy: the day's first backup would otherwise be made twice. */
  withDailyBackup?: boolean;
}

export interface AppServices {
  database: OpenedDatabase;
  context: ServiceContext;
  handlers: Handlers;
  scanner: Scanner | undefined;
  close(): Promise<void>;
}

/**
 * Everything behind the contract, assembled once: the store, the scanner, the use cases.
 * The Electron window, browser mode and the CLI each call this with their own notifier.
 */
export async function openAppServices(options: AppServicesOptions): Promise<AppServices> {
  const database = await openDatabase(options.dbPath, { ...(options.onLockWait && { onLockWait: options.onLockWait }) });
  // One line each on stderr (the CLI's and the host's console): a drive without file modes, a read-only store.
  for (const warning of database.warnings) console.warn(`LeadBooth: ${warning}`);
  // Loaded only where it runs: the OCR modules pull in sharp and tesseract.js, which take
  // half a second to load, and plain CLI commands must start fast.
  const scanner = options.withScanner ? (await import('./ocr/scanner')).createScanner({ dataDir: path.dirname(options.dbPath) }) : undefined;
  // Warm in the background so the first card at the booth does not wait for a worker to start.
  scanner?.warmUp().catch((error: unknown) => options.onUnexpectedError?.(error));
  const store = { db: database.db, sqlite: database.sqlite, path: database.path };
  const context = createServiceContext(database.db, {
    ...(options.notify && { notify: options.notify }),
    cardReader: scanner,
    openExternal: options.openExternal,
    chooseSavePlace: options.chooseSavePlace,
    store,
  });
  // The daily backup runs in the background (a large store takes a while to copy); close() waits for it.
  const dailyBackup = (database.readOnly || options.withDailyBackup === false ? Promise.resolve(null) : backupIfDue(store, context.clock)).catch((error: unknown) => options.onUnexpectedError?.(error));
  // Where cards are scanned, yesterday's abandoned scans go: start-up is the quiet moment for it.
  // The capture queue is read where cards are scanned; a batch left by a quit or a crash goes on.
  const captureQueue: CaptureQueueRunner | undefined = scanner
    ? createCaptureQueueRunner(context, { ...(options.onUnexpectedError && { onUnexpectedError: options.onUnexpectedError }) })
    : undefined;
  context.captureQueue = captureQueue;
  captureQueue?.kick();
  // A failed clean-up costs disk space at worst: it must never keep the booth from starting.
  if (scanner && !database.readOnly) await pruneUnsavedScans(context).catch((error: unknown) => options.onUnexpectedError?.(error));
  // A forget whose clean-up of the -wal a reader held back (here, in another process, or cut
  // off by a crash) finishes now, or as soon as the last old snapshot is released.
  const forgetCleanup = database.readOnly
    ? undefined
    : startForgetCleanupRetry(store, context.clock, { ...(options.onUnexpectedError && { onUnexpectedError: options.onUnexpectedError }) });
  await forgetCleanup?.resume().catch((error: unknown) => options.onUnexpectedError?.(error));
  // Windows (Electron and browser mode) follow what other processes write to the same file.
  const stopWatching = options.notify
    ? watchOtherWriters(context, () => database.sqlite.pragma('data_version', { simple: true }) as number, {
        ...(options.onUnexpectedError && { onUnexpectedError: options.onUnexpectedError }),
      })
    : undefined;
  // A window's process (Electron, browser mode) syncs a joined laptop every minute; CLI commands sync only when told.
  const backgroundSync =
    options.notify && !database.readOnly
      ? startBackgroundSync(context, { ...(options.onUnexpectedError && { onUnexpectedError: options.onUnexpectedError }) })
      : undefined;
  const handlers = createHandlers(context, { version: options.version ?? APP_VERSION, dataPath: options.dbPath, mode: options.mode });
  return {
    database,
    context,
    handlers,
    scanner,
    async close() {
      await dailyBackup;
      stopWatching?.();
      await backgroundSync?.close();
      // Stop taking items first; closing the scanner then ends the reads in flight quickly.
      const queueStopped = captureQueue?.close();
      await scanner?.close();
      await queueStopped;
      await forgetCleanup?.close();
      await database.close();
    },
  };
}
