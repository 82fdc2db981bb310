import { BrowserWindow, type WebPreferences } from 'electron';

/**
 * The renderer runs as an untrusted web page: no Node, its own JavaScript world, the
 * Chromium sandbox, same-origin policy on. Each value is written out even where it is
 * Electron's default, so a change of default (or a careless edit) cannot weaken it
 * silently, and the test can assert every one.
 */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    // Chromium's spellchecker downloads its dictionaries from a Google server on Windows
    // and Linux: the app must make no network call, and names on cards are not words anyway.
    spellcheck: false,
  };
}

export interface MainWindowOptions {
  preloadPath: string;
  /** app://leadbooth/index.html, or the dev server in an unpackaged `electron-vite dev` run. */
  entryUrl: string;
  log?: (message: string) => void;
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    title: 'LeadBooth',
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 640,
    // Shown once the first paint is ready, so nobody sees a white flash at the booth.
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(options.preloadPath),
  });
  window.once('ready-to-show', () => window.show());
  window.loadURL(options.entryUrl).catch((error: unknown) => {
    options.log?.(`Could not load ${options.entryUrl}: ${String(error)}`);
    // ready-to-show may never come now: an invisible app that is still running is worse.
    if (!window.isDestroyed()) window.show();
  });
  return window;
}

/** Brings the window to the front (a second launch, or the dock icon). */
export function focusWindow(window: BrowserWindow): void {
  if (window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  if (!window.isVisible()) window.show();
  window.focus();
}
