import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../electron/ipc/dispatch';
import { registerIpc, type IpcRegistration } from '../../../electron/ipc/register-ipc';
import { APP_ORIGIN } from '../../../electron/security/trusted-origins';
import { createHandlers } from '../../../electron/services/handlers';
import { CHANNEL_NAMES } from '../../../shared/ipc/channels';
import { openTempStore, type TempStore } from '../../support/temp-database';
import { frameAt, ipcMain } from '../fake-electron';

const OUR_PAGE = frameAt('app://leadbooth/index.html');
const DEV_PAGE = frameAt('http://localhost:5173/');

let store: TempStore;
let registration: IpcRegistration;
const refusals: string[] = [];

beforeEach(async () => {
  store = await openTempStore();
  const handlers = createHandlers(store.context, { version: 'test', dataPath: store.dbPath, mode: 'electron' });
  refusals.length = 0;
  registration = registerIpc(ipcMain, createDispatcher(handlers), {
    trustedOrigins: [APP_ORIGIN, 'http://localhost:5173'],
    log: (message) => refusals.push(message),
  });
});
afterEach(async () => {
  await registration.dispose();
  ipcMain.calls.length = 0;
  await store.dispose();
});

const countRows = (table: string): unknown => store.database.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get();

describe('registration', () => {
  it('registers every contract channel through the wrapper, and nothing else', () => {
    expect(registration.channels).toEqual(CHANNEL_NAMES);
    expect(ipcMain.calls).toEqual(CHANNEL_NAMES.map((channel) => ({ method: 'handle', channel })));
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...CHANNEL_NAMES].sort());
  });

  it('dispose removes every handler', async () => {
    await registration.dispose();
    expect(ipcMain.handlers.size).toBe(0);
    expect(ipcMain.calls.filter((call) => call.method === 'removeHandler').map((call) => call.channel)).toEqual(CHANNEL_NAMES);
    registration = { channels: [], dispose: async () => {} };
  });

  it('dispose waits for a call that is still running', async () => {
    const pending = ipcMain.invoke('events.create', OUR_PAGE, { name: 'Web Summit' });
    await registration.dispose();
    registration = { channels: [], dispose: async () => {} };
    expect(countRows('events')).toBe(1);
    expect(await pending).toMatchObject({ ok: true });
  });
});

describe('the sender check', () => {
  it('serves our own page (and the dev server)', async () => {
    expect(await ipcMain.invoke('events.create', OUR_PAGE, { name: 'CES 2027' })).toMatchObject({ ok: true, value: { name: 'CES 2027' } });
    expect(await ipcMain.invoke('events.list', DEV_PAGE, {})).toMatchObject({ ok: true, value: [{ name: 'CES 2027' }] });
  });

  it.each([
    ['a foreign page', frameAt('https://evil.example/')],
    ['a look-alike host', frameAt('app://leadbooth.evil/index.html')],
    ['a file: page', frameAt('file:///tmp/index.html')],
    ['about:blank', frameAt('about:blank')],
    ['a sub-frame of our own page', frameAt('app://leadbooth/index.html', OUR_PAGE)],
    ['a frame that no longer exists', null],
  ])('refuses %s with "forbidden" and writes nothing', async (_label, sender) => {
    const result = await ipcMain.invoke('events.create', sender, { name: 'Planted show' });
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(countRows('events')).toBe(0);
    expect(await ipcMain.invoke('events.list', OUR_PAGE, {})).toEqual({ ok: true, value: [] });
    expect(refusals).toHaveLength(1);
  });

  it('refuses a foreign sender before looking at its input', async () => {
    const result = await ipcMain.invoke('leads.create', frameAt('https://evil.example/'), { email: 42 });
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(result).not.toHaveProperty('error.fieldErrors');
  });
});

describe('input checking', () => {
  it('answers a wrong payload with invalid_input and field errors, and writes nothing', async () => {
    await ipcMain.invoke('settings.update', OUR_PAGE, { staffName: 'Ada' });
    await ipcMain.invoke('events.create', OUR_PAGE, { name: 'CES 2027' });
    const result = await ipcMain.invoke('leads.create', OUR_PAGE, { lastName: 'Lovelace', email: 42 });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', fieldErrors: { email: expect.any(String) } } });
    expect(countRows('leads')).toBe(0);
    expect(await ipcMain.invoke('leads.list', OUR_PAGE, {})).toMatchObject({ ok: true, value: { items: [] } });
  });

  it('refuses unknown fields (a strict schema), and a missing payload where one is needed', async () => {
    expect(await ipcMain.invoke('events.create', OUR_PAGE, { name: 'X', admin: true })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await ipcMain.invoke('events.create', OUR_PAGE)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(countRows('events')).toBe(0);
  });

  it('saves a valid lead from our page', async () => {
    await ipcMain.invoke('settings.update', OUR_PAGE, { staffName: 'Ada' });
    await ipcMain.invoke('events.create', OUR_PAGE, { name: 'CES 2027' });
    const result = await ipcMain.invoke('leads.create', OUR_PAGE, { lastName: 'Lovelace', company: 'Analytical', email: 'ada@example.com' });
    expect(result).toMatchObject({ ok: true });
    expect(countRows('leads')).toBe(1);
  });
});
