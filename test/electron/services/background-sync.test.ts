import { getEventListeners } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startBackgroundSync, type BackgroundSync } from '../../../electron/services/background-sync';
import { createEvent } from '../../../electron/services/events-service';
import { createLead } from '../../../electron/services/leads-service';
import { setStaffName } from '../../../electron/services/settings-service';
import { joinTeamHub, syncNow, syncStatus } from '../../../electron/services/sync-service';
import { HUB_ROUTES } from '../../../shared/sync/protocol';
import { startMemoryHubServer, type MemoryHubServer } from '../../support/memory-hub-server';
import { openTempStore, type TempStore } from '../../support/temp-database';

let server: MemoryHubServer;
let store: TempStore;
let background: BackgroundSync | undefined;
beforeEach(async () => {
  server = await startMemoryHubServer();
  store = await openTempStore();
  await setStaffName(store.context, 'Ada');
});
afterEach(async () => {
  await background?.close();
  background = undefined;
  await server.close();
  await store.dispose();
});

const PUSH = `POST ${HUB_ROUTES.push}`;

describe('the background sync', () => {
  it('does nothing on a laptop that never joined a hub', async () => {
    const onUnexpectedError = vi.fn();
    background = startBackgroundSync(store.context, { intervalMs: 10, onUnexpectedError });
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(server.requests).toEqual([]);
    expect(onUnexpectedError).not.toHaveBeenCalled();
  });

  it('syncs a joined laptop by itself; an unreachable hub is kept for the header, not thrown, and the next round catches up', async () => {
    await createEvent(store.context, { name: 'Hub Expo' });
    await joinTeamHub(store.context, { url: server.url, code: '123456' });
    await createLead(store.context, { firstName: 'Grace', lastName: 'Hopper' });
    expect((await syncStatus(store.context)).leadsNotOnHub).toBe(1);

    const onUnexpectedError = vi.fn();
    server.cutNext(PUSH);
    background = startBackgroundSync(store.context, { intervalMs: 20, onUnexpectedError });
    await vi.waitFor(async () => expect((await syncStatus(store.context)).lastFailure).toMatchObject({ unreachable: true }), { timeout: 5_000 });
    await vi.waitFor(async () => expect(await syncStatus(store.context)).toMatchObject({ leadsNotOnHub: 0, lastFailure: null, lastSyncAt: expect.any(String) }), {
      timeout: 5_000,
    });
    expect(onUnexpectedError).not.toHaveBeenCalled();
  });

  it('leaves no listener on the signal it is given once each sync has ended (the background sync gives one for the app\'s life)', async () => {
    await createEvent(store.context, { name: 'Hub Expo' });
    await joinTeamHub(store.context, { url: server.url, code: '123456' });
    const appLife = new AbortController();
    for (let minute = 0; minute < 12; minute++) await syncNow(store.context, { signal: appLife.signal });
    // A sync that fails takes its listener with it too.
    server.cutNext(`GET ${HUB_ROUTES.pull}`);
    await expect(syncNow(store.context, { signal: appLife.signal })).rejects.toMatchObject({ code: 'hub_unreachable' });
    expect(getEventListeners(appLife.signal, 'abort')).toHaveLength(0);
  });

  it('runs one sync at a time: Sync now pressed during a sync gets that sync', async () => {
    await createEvent(store.context, { name: 'Hub Expo' });
    await joinTeamHub(store.context, { url: server.url, code: '123456' });
    await createLead(store.context, { firstName: 'Ada', lastName: 'Lovelace' });
    const [first, second] = await Promise.all([syncNow(store.context), syncNow(store.context)]);
    expect(second).toBe(first);
    expect(server.requests.filter((route) => route === PUSH)).toHaveLength(1);
  });
});
