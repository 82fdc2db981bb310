import { describe, expect, it, vi } from 'vitest';
import type { LeadPage } from '../../shared/ipc/contract';
import { fakeApi, leadWith, readyStore, SHOW } from './fake-store';

/** A promise the test resolves when it wants: to make responses arrive out of order. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((settle) => (resolve = settle));
  return { promise, resolve };
}

describe('leads slice', () => {
  it('drops a search response that arrives after a newer one', async () => {
    const slow = deferred<LeadPage>();
    const ana = leadWith({ firstName: 'Ana' });
    const anabel = leadWith({ firstName: 'Anabel' });
    const list = vi
      .fn()
      .mockImplementationOnce(() => slow.promise)
      .mockImplementationOnce(async () => ({ items: [anabel], nextCursor: null }));
    const store = readyStore(fakeApi({ 'leads.list': list }));

    const first = store.getState().loadFirstPage();
    store.setState({ query: 'anab' });
    await store.getState().loadFirstPage();
    slow.resolve({ items: [ana], nextCursor: null });
    await first;

    expect(store.getState().items).toEqual([anabel]);
    expect(store.getState().shownQuery).toBe('anab');
    expect(list).toHaveBeenLastCalledWith({ limit: 50, query: 'anab', eventId: SHOW.id });
  });

  it('appends the next page with the cursor it was given', async () => {
    const [a, b] = [leadWith({ lastName: 'A' }), leadWith({ lastName: 'B' })];
    const list = vi
      .fn()
      .mockResolvedValueOnce({ items: [a], nextCursor: 'cursor-1' })
      .mockResolvedValueOnce({ items: [b], nextCursor: null });
    const store = readyStore(fakeApi({ 'leads.list': list }));
    await store.getState().loadFirstPage();
    await store.getState().loadMore();
    expect(store.getState().items).toEqual([a, b]);
    expect(store.getState().nextCursor).toBeNull();
    expect(list).toHaveBeenLastCalledWith({ limit: 50, eventId: SHOW.id, after: 'cursor-1' });
  });

  it('does not load more with an old cursor while the first page reloads or the words change', async () => {
    const reload = deferred<LeadPage>();
    const a = leadWith({ lastName: 'A' });
    const list = vi
      .fn()
      .mockResolvedValueOnce({ items: [a], nextCursor: 'cursor-1' })
      .mockImplementationOnce(() => reload.promise);
    const store = readyStore(fakeApi({ 'leads.list': list }));
    await store.getState().loadFirstPage();

    const reloading = store.getState().loadFirstPage(); // e.g. leads.changed from the CLI
    await store.getState().loadMore();
    expect(list).toHaveBeenCalledTimes(2);
    reload.resolve({ items: [leadWith({ lastName: 'New' }), a], nextCursor: 'cursor-2' });
    await reloading;

    store.getState().setQuery('ne');
    await store.getState().loadMore();
    expect(list).toHaveBeenCalledTimes(2);
    expect(store.getState().items.map((lead) => lead.lastName)).toEqual(['New', 'A']);
  });

  it('refreshes when another window or the CLI saves a lead', async () => {
    let onLeadsChanged: (() => void) | undefined;
    const list = vi.fn(async () => ({ items: [], nextCursor: null }));
    const api = fakeApi({
      'app.info': async () => ({ version: '0.1.0', dataPath: '/tmp/x.db', mode: 'browser' }),
      'settings.get': async () => ({ staffName: 'Dana', currentEventId: SHOW.id }),
      'events.list': async () => [SHOW],
      'drafts.get': async () => null,
      'leads.list': list,
    });
    const { createAppStore } = await import('../../renderer/src/store/app-store');
    const store = createAppStore({
      api,
      bridge: {
        on: (event, listener) => {
          if (event === 'leads.changed') onLeadsChanged = () => (listener as (payload: { ids: string[] }) => void)({ ids: [] });
          return () => {};
        },
      },
      draftSaveDelayMs: 20,
      searchDelayMs: 5,
    });
    await store.getState().start();
    await vi.waitFor(() => expect(list).toHaveBeenCalledTimes(1));
    onLeadsChanged?.();
    await vi.waitFor(() => expect(list).toHaveBeenCalledTimes(2));
  });
});
