/**
 * A hand-made stand-in for the `electron` module: importing the real one tries to
 * download the Electron binary. Every object records what was done to it so tests can
 * assert on registrations, and `emit` helpers play Electron's part in firing events.
 *
 * Use: vi.mock('electron', () => import('<relative path>/fake-electron'))
 * Each test file runs in its own module registry, so this state starts fresh per file;
 * after vi.resetModules() re-import 'electron' to get the new instance.
 */
import { vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;

/** Records listeners per event name, like Node's EventEmitter, without its typing. */
class Emitter {
  readonly listeners = new Map<string, Listener[]>();

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  once(event: string, listener: Listener): this {
    const wrapped: Listener = (...args) => {
      this.removeListener(event, wrapped);
      return listener(...args);
    };
    return this.on(event, wrapped);
  }

  removeListener(event: string, listener: Listener): this {
    this.listeners.set(event, (this.listeners.get(event) ?? []).filter((l) => l !== listener));
    return this;
  }

  emit(event: string, ...args: unknown[]): void {
    for (const listener of [...(this.listeners.get(event) ?? [])]) listener(...args);
  }

  listenerCount(event: string): number {
    return this.listeners.get(event)?.length ?? 0;
  }
}

/** A cancellable event object, as Electron passes to will-navigate, will-quit … */
export function fakeEvent<T extends object>(fields: T = {} as T): T & { preventDefault: ReturnType<typeof vi.fn>; defaultPrevented: () => boolean } {
  let prevented = false;
  return {
    ...fields,
    preventDefault: vi.fn(() => {
      prevented = true;
    }),
    defaultPrevented: () => prevented,
  };
}

export class FakeWebContents extends Emitter {
  readonly sent: Array<{ channel: string; args: unknown[] }> = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;

  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }

  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
}

export class BrowserWindow extends Emitter {
  static readonly instances: BrowserWindow[] = [];
  static getAllWindows(): BrowserWindow[] {
    return BrowserWindow.instances.filter((window) => !window.destroyed);
  }

  readonly webContents = new FakeWebContents();
  readonly loadedUrls: string[] = [];
  destroyed = false;
  visible = false;
  minimized = false;
  readonly show = vi.fn(() => {
    this.visible = true;
  });
  readonly focus = vi.fn();
  readonly restore = vi.fn(() => {
    this.minimized = false;
  });

  constructor(readonly options: Record<string, unknown>) {
    super();
    BrowserWindow.instances.push(this);
    app.emit('web-contents-created', fakeEvent(), this.webContents);
  }

  loadURL(url: string): Promise<void> {
    this.loadedUrls.push(url);
    return Promise.resolve();
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isVisible(): boolean {
    return this.visible;
  }
}

class FakeApp extends Emitter {
  isPackaged = false;
  singleInstanceLock = true;
  readonly quit = vi.fn();
  readonly exit = vi.fn();
  readonly enableSandbox = vi.fn();
  readonly requestSingleInstanceLock = vi.fn(() => this.singleInstanceLock);
  readonly whenReady = vi.fn(() => Promise.resolve());
  getVersion(): string {
    return '0.1.0-test';
  }
}
export const app = new FakeApp();

interface FakeInvokeEvent {
  senderFrame: FakeFrame | null;
  sender: object;
}
type InvokeListener = (event: FakeInvokeEvent, ...args: unknown[]) => unknown;

class FakeIpcMain {
  readonly handlers = new Map<string, InvokeListener>();
  /** Every registration call of any kind, in order, to prove nothing bypasses the wrapper. */
  readonly calls: Array<{ method: string; channel: string }> = [];

  handle(channel: string, listener: InvokeListener): void {
    this.calls.push({ method: 'handle', channel });
    // Electron throws on a second handler for the same channel; so does the fake.
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }
  handleOnce(channel: string): void {
    this.calls.push({ method: 'handleOnce', channel });
  }
  on(channel: string): this {
    this.calls.push({ method: 'on', channel });
    return this;
  }
  once(channel: string): this {
    this.calls.push({ method: 'once', channel });
    return this;
  }
  addListener(channel: string): this {
    this.calls.push({ method: 'addListener', channel });
    return this;
  }
  removeHandler(channel: string): void {
    this.calls.push({ method: 'removeHandler', channel });
    this.handlers.delete(channel);
  }

  /** Plays a renderer's ipcRenderer.invoke, from a frame at `frameUrl` (null: the frame is gone). */
  invoke(channel: string, sender: FakeFrame | null, ...args: unknown[]): Promise<unknown> {
    const listener = this.handlers.get(channel);
    if (!listener) return Promise.reject(new Error(`No handler registered for '${channel}'`));
    return Promise.resolve(listener({ senderFrame: sender, sender: {} }, ...args));
  }
}
export const ipcMain = new FakeIpcMain();

export interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
}
export function frameAt(url: string, parent: FakeFrame | null = null): FakeFrame {
  return { url, parent };
}

class FakeIpcRenderer extends Emitter {
  readonly invoke = vi.fn((_channel: string, ..._args: unknown[]) => Promise.resolve({ ok: true, value: null }));
  readonly send = vi.fn();
  readonly sendSync = vi.fn();
}
export const ipcRenderer = new FakeIpcRenderer();

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, api: unknown): void {
    this.exposed.set(key, api);
  },
};

type ProtocolHandler = (request: Request) => Response | Promise<Response>;
export const protocol = {
  privilegedSchemes: [] as unknown[],
  handlers: new Map<string, ProtocolHandler>(),
  registerSchemesAsPrivileged(schemes: unknown[]): void {
    this.privilegedSchemes.push(...schemes);
  },
  handle(scheme: string, handler: ProtocolHandler): void {
    this.handlers.set(scheme, handler);
  },
};

export class FakeSession {
  permissionRequestHandler: Listener | null = null;
  permissionCheckHandler: Listener | null = null;
  devicePermissionHandler: Listener | null = null;
  setPermissionRequestHandler(handler: Listener | null): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: Listener | null): void {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: Listener | null): void {
    this.devicePermissionHandler = handler;
  }
}
export const session: { defaultSession: FakeSession } = { defaultSession: new FakeSession() };

export const shell = { openExternal: vi.fn((_url: string) => Promise.resolve()) };

export const dialog = { showErrorBox: vi.fn((_title: string, _content: string) => {}) };

/**
 * Back to a just-started state. vi.resetModules() does not re-run a vi.mock factory's
 * module, so a test that loads main.ts several times resets the one fake instead.
 */
export function resetFakeElectron(): void {
  BrowserWindow.instances.length = 0;
  app.listeners.clear();
  app.isPackaged = false;
  app.singleInstanceLock = true;
  for (const mock of [app.quit, app.exit, app.enableSandbox, app.requestSingleInstanceLock, app.whenReady]) mock.mockClear();
  ipcMain.handlers.clear();
  ipcMain.calls.length = 0;
  ipcRenderer.listeners.clear();
  ipcRenderer.invoke.mockClear();
  contextBridge.exposed.clear();
  protocol.privilegedSchemes.length = 0;
  protocol.handlers.clear();
  session.defaultSession = new FakeSession();
  shell.openExternal.mockClear();
  dialog.showErrorBox.mockClear();
}
