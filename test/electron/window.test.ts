import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createMainWindow, focusWindow, secureWebPreferences } from '../../electron/window';
import { BrowserWindow } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const PRELOAD = '/app/out/preload/preload.cjs';

beforeEach(() => {
  BrowserWindow.instances.length = 0;
});

// createMainWindow returns the mocked class's instance; the fake is what runs here.
const create = (entryUrl = 'app://leadbooth/index.html') =>
  createMainWindow({ preloadPath: PRELOAD, entryUrl }) as unknown as BrowserWindow;

describe('the main window', () => {
  it('uses the locked-down web preferences, each stated explicitly', () => {
    const window = create();
    expect(window.options.webPreferences).toEqual(secureWebPreferences(PRELOAD));
    expect(window.options.webPreferences).toMatchObject({
      preload: PRELOAD,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    });
  });

  it('loads the app:// entry, never a file:// URL', () => {
    const window = create();
    expect(window.loadedUrls).toEqual(['app://leadbooth/index.html']);
  });

  it('loads the given dev server URL when main chose one', () => {
    expect(create('http://localhost:5173/').loadedUrls).toEqual(['http://localhost:5173/']);
  });

  it('stays hidden until the first paint is ready', () => {
    const window = create();
    expect(window.options.show).toBe(false);
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalledOnce();
  });

  it('focusWindow restores, shows and focuses', () => {
    const window = create();
    window.minimized = true;
    // focusWindow takes Electron's BrowserWindow; the fake has the members it uses.
    focusWindow(window as unknown as Parameters<typeof focusWindow>[0]);
    expect(window.restore).toHaveBeenCalledOnce();
    expect(window.show).toHaveBeenCalledOnce();
    expect(window.focus).toHaveBeenCalledOnce();
  });
});
