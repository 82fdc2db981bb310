import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNEL_NAMES } from '../../shared/ipc/channels';
import { makeTempDir } from '../support/temp-database';
import { fakeEvent, frameAt } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));
// This file tests the window's lifecycle; real OCR workers (tested in test/electron/ocr) would
// only add seconds of start-up and CPU contention here.
vi.mock('../../electron/ocr/scanner', () => ({
  createScanner: () => ({
    warmUp: async () => {},
    close: async () => {},
    scan: async () => {
      throw new Error('no OCR in the lifecycle tests');
    },
  }),
}));

type Fake = typeof import('./fake-electron');

const OUR_PAGE = frameAt('app://leadbooth/index.html');
let dataDir: string;
let fake: Fake | null = null;
const savedEnv = { ...process.env };

beforeEach(() => {
  dataDir = makeTempDir('leadbooth-main-');
  process.env.LEADBOOTH_DATA_DIR = dataDir;
  delete process.env.ELECTRON_RENDERER_URL;
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});

afterEach(async () => {
  // Let a started app close its database before the folder goes.
  if (fake) await quit(fake);
  fake = null;
  process.env = { ...savedEnv };
  vi.restoreAllMocks();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Loads electron/main.ts afresh, as Electron would run it, against a fresh fake. */
async function boot(setup: (electron: Fake) => void = () => {}): Promise<Fake> {
  vi.resetModules();
  const electron = (await import('electron')) as unknown as Fake;
  electron.resetFakeElectron();
  setup(electron);
  await import('../../electron/main');
  fake = electron;
  return electron;
}

async function started(electron: Fake): Promise<InstanceType<Fake['BrowserWindow']>> {
  await vi.waitFor(() => expect(electron.BrowserWindow.instances).toHaveLength(1));
  return electron.BrowserWindow.instances[0]!;
}

async function quit(electron: Fake): Promise<boolean> {
  const event = fakeEvent();
  const quitsBefore = electron.app.quit.mock.calls.length;
  electron.app.emit('will-quit', event);
  if (event.defaultPrevented()) await vi.waitFor(() => expect(electron.app.quit.mock.calls.length).toBeGreaterThan(quitsBefore));
  return event.defaultPrevented();
}

describe('a normal start', () => {
  it('locks down Electron before ready, then serves the app and opens one window', async () => {
    const electron = await boot();
    const window = await started(electron);

    expect(electron.app.requestSingleInstanceLock).toHaveBeenCalledOnce();
    expect(electron.app.enableSandbox).toHaveBeenCalledOnce();
    expect(electron.protocol.privilegedSchemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect([...electron.protocol.handlers.keys()]).toEqual(['app']);
    expect(electron.session.defaultSession.permissionRequestHandler).toBeTypeOf('function');
    expect(electron.session.defaultSession.permissionCheckHandler).toBeTypeOf('function');

    expect(window.loadedUrls).toEqual(['app://leadbooth/index.html']);
    const preferences = window.options.webPreferences as Record<string, unknown>;
    expect(preferences.preload).toMatch(/[/\\]preload[/\\]preload\.cjs$/);
    expect(preferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
    // The guards were installed on the window's contents through web-contents-created.
    expect(window.webContents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });

  it('registers exactly the contract channels, serving app.info from the database folder', async () => {
    const electron = await boot();
    await started(electron);
    expect(electron.ipcMain.calls).toEqual(CHANNEL_NAMES.map((channel) => ({ method: 'handle', channel })));
    expect(await electron.ipcMain.invoke('app.info', OUR_PAGE, {})).toEqual({
      ok: true,
      value: { version: '0.1.0-test', dataPath: path.join(dataDir, 'leadbooth.db'), mode: 'electron' },
    });
    expect(await electron.ipcMain.invoke('events.create', frameAt('https://evil.example/'), { name: 'X' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('tells every window what changed', async () => {
    const electron = await boot();
    const window = await started(electron);
    await electron.ipcMain.invoke('events.create', OUR_PAGE, { name: 'CES 2027' });
    expect(window.webContents.sent).toContainEqual({
      channel: 'settings.changed',
      args: [expect.objectContaining({ currentEventId: expect.any(String) })],
    });
  });

  it('a second launch brings the window back', async () => {
    const electron = await boot();
    const window = await started(electron);
    window.minimized = true;
    electron.app.emit('second-instance', fakeEvent(), [], '/');
    expect(window.restore).toHaveBeenCalledOnce();
    expect(window.focus).toHaveBeenCalledOnce();
  });

  it('quits when the window is closed (outside macOS)', async () => {
    const electron = await boot();
    await started(electron);
    electron.app.emit('window-all-closed');
    if (process.platform !== 'darwin') expect(electron.app.quit).toHaveBeenCalled();
  });

  it('on quit stops IPC and closes the database cleanly before letting Electron go', async () => {
    const electron = await boot();
    await started(electron);
    await electron.ipcMain.invoke('events.create', OUR_PAGE, { name: 'CES 2027' });
    const dbPath = path.join(dataDir, 'leadbooth.db');
    expect(fs.existsSync(`${dbPath}-wal`)).toBe(true);

    expect(await quit(electron)).toBe(true);
    expect(electron.ipcMain.handlers.size).toBe(0);
    // SQLite checkpoints and removes the WAL when the last connection closes.
    expect(fs.existsSync(`${dbPath}-wal`)).toBe(false);
    // The second will-quit (from our own app.quit()) goes through.
    expect(await quit(electron)).toBe(false);
    fake = null;
  });
});

describe('a database LeadBooth cannot use', () => {
  it('shows the reason, quits, and leaves the file untouched', async () => {
    const dbPath = path.join(dataDir, 'leadbooth.db');
    const content = 'These are my notes, not a database.\n'.repeat(10);
    fs.writeFileSync(dbPath, content);

    const electron = await boot();
    await vi.waitFor(() => expect(electron.dialog.showErrorBox).toHaveBeenCalledOnce());
    const [title, message] = electron.dialog.showErrorBox.mock.calls[0]!;
    expect(title).toMatch(/cannot open its data/);
    expect(message).toContain('not a LeadBooth database');
    expect(message).toContain(dbPath);
    expect(electron.app.quit).toHaveBeenCalled();

    expect(electron.BrowserWindow.instances).toHaveLength(0);
    expect(electron.ipcMain.calls).toEqual([]);
    expect(fs.readFileSync(dbPath, 'utf8')).toBe(content);
    expect(fs.readdirSync(dataDir)).toEqual(['leadbooth.db']);
    fake = null;
  });
});

describe('a second instance', () => {
  it('quits at once, without touching anything', async () => {
    const electron = await boot((e) => {
      e.app.singleInstanceLock = false;
    });
    expect(electron.app.quit).toHaveBeenCalledOnce();
    expect(electron.app.whenReady).not.toHaveBeenCalled();
    expect(electron.protocol.privilegedSchemes).toEqual([]);
    expect(fs.readdirSync(dataDir)).toEqual([]);
    fake = null;
  });
});
