/**
 * The Electron main process: app lifecycle and wiring. Policy lives in security/, IPC
 * registration in ipc/register-ipc.ts, use cases in services/ — this file only connects
 * them, in the order Electron requires.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, protocol, session, shell } from 'electron';
import type { EventName } from '../shared/ipc/channels';
import type { EventPayload } from '../shared/ipc/contract';
import { AppError } from '../shared/ipc/errors';
import { openAppServices, type AppServices } from './app-services';
import { defaultDatabasePath } from './data-location';
import { createDispatcher } from './ipc/dispatch';
import { registerIpc, type IpcRegistration } from './ipc/register-ipc';
import { chooseExportSavePlace } from './security/window/save-dialog';
import { registerAppScheme, serveAppProtocol } from './security/window/app-protocol';
import { installNavigationGuards } from './security/window/navigation-guards';
import { installPermissionPolicy } from './security/window/permissions';
import { resolveRendererLocation } from './security/trusted-origins';
import { createMainWindow, focusWindow } from './window';

// The build puts main.js in out/main/, next to out/preload/ and out/renderer/ (asar in a package).
const OUT_DIR = fileURLToPath(new URL('..', import.meta.url));
const PRELOAD_PATH = path.join(OUT_DIR, 'preload', 'preload.cjs');
const RENDERER_ROOT = path.join(OUT_DIR, 'renderer');

function log(message: string): void {
  console.warn(`[leadbooth] ${message}`);
}

/** The store, the card scanner (warmed in the background) and the use cases behind the window. */
function createAppServices(dataPath: string): Promise<AppServices> {
  return openAppServices({
    dbPath: dataPath,
    mode: 'electron',
    version: app.getVersion(),
    notify: broadcast,
    withScanner: true,
    // The app.openExternal channel checks the address (security/open-external.ts) before this runs.
    openExternal: (url) => shell.openExternal(url),
    // Exports are saved by the main process (save dialog, atomic write), then recorded: not as downloads.
    chooseSavePlace: chooseExportSavePlace,
    onUnexpectedError: (error) => log(`Card scanner: ${String(error)}`),
  });
}

/** Tells every open window (each one keeps its own view of the leads) what changed. */
function broadcast<E extends EventName>(event: E, payload: EventPayload<E>): void {
  for (const window of BrowserWindow.getAllWindows()) {
    if (!window.isDestroyed()) window.webContents.send(event, payload);
  }
}

function main(): void {
  // One LeadBooth per user: a second launch hands over to the first, which shows its window.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  // Both must happen before `ready`.
  app.enableSandbox();
  registerAppScheme(protocol);

  const location = resolveRendererLocation({ isPackaged: app.isPackaged, devServerUrl: process.env.ELECTRON_RENDERER_URL });
  if (location.refusedDevServerUrl !== undefined) {
    log(`Ignored ELECTRON_RENDERER_URL=${location.refusedDevServerUrl}: only a loopback dev server, in an unpackaged run.`);
  }
  const { trustedOrigins } = location;

  let services: AppServices | null = null;
  let ipc: IpcRegistration | null = null;
  let mainWindow: BrowserWindow | null = null;
  let closing = false;

  const openWindow = (): void => {
    mainWindow = createMainWindow({ preloadPath: PRELOAD_PATH, entryUrl: location.entryUrl, log });
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
  };

  // Every web contents, including any we did not create on purpose, gets the same guards.
  app.on('web-contents-created', (_event, contents) => {
    installNavigationGuards(contents, { trustedOrigins, openExternal: (url) => shell.openExternal(url), log });
  });
  app.on('second-instance', () => {
    if (mainWindow !== null) focusWindow(mainWindow);
  });
  app.on('window-all-closed', () => {
    // macOS apps stay in the dock without windows; elsewhere closing the window quits.
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (services !== null && mainWindow === null) openWindow();
  });
  // will-quit comes after every window has closed (a closing window may still save its
  // draft): stop taking calls, let running ones commit, close the database, then quit.
  app.on('will-quit', (event) => {
    if (services === null) return;
    event.preventDefault();
    if (closing) return;
    closing = true;
    const closingServices = services;
    void (async () => {
      try {
        await ipc?.dispose();
        await closingServices.close();
      } catch (error) {
        log(`Closing the database failed: ${String(error)}`);
      } finally {
        services = null;
        app.quit();
      }
    })();
  });

  const start = async (): Promise<void> => {
    serveAppProtocol(protocol, RENDERER_ROOT);
    installPermissionPolicy(session.defaultSession, { trustedOrigins, log });
    const dataPath = defaultDatabasePath();
    try {
      services = await createAppServices(dataPath);
    } catch (error) {
      failStartup(error);
      return;
    }
    const dispatch = createDispatcher(services.handlers, (error) => log(`Unexpected error: ${String(error)}`));
    ipc = registerIpc(ipcMain, dispatch, { trustedOrigins, log });
    openWindow();
  };

  app.whenReady().then(start).catch(failStartup);
}

/**
 * A store LeadBooth cannot use (not SQLite, or written by a newer version) is reported
 * and left exactly as it is: openDatabase refuses before writing, and we quit rather
 * than create or "repair" anything.
 */
function failStartup(error: unknown): void {
  if (error instanceof AppError && error.code === 'database_incompatible') {
    dialog.showErrorBox('LeadBooth cannot open its data', error.message);
  } else {
    const message = error instanceof Error ? error.message : String(error);
    dialog.showErrorBox('LeadBooth could not start', `${message}\n\nNothing was changed. Try starting LeadBooth again.`);
  }
  app.quit();
}

main();
