import { describe, expect, it, vi } from 'vitest';
import type { ReviewPage } from '../../../shared/ipc/contract';
import { PAGE_SIZE, leadAt } from '../../../renderer/src/store/leads-slice';
import { fakeApi, leadWith, readyStore, SHOW } from '../fake-store';

/** A promise the test resolves when it wants: to make responses arrive out of order. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((settle) => (resolve = settle));
  return { promise, resolve };
}

const page = (items: ReviewPage['items'], total = items.length, offset = 0): ReviewPage => ({ items, total, offset, duplicateIds: [], exportedAt: {} });

describe('leads slice (the review list)', () => {
  it('drops a search response that arrives after a newer one', async () => {
    const slow = deferred<ReviewPage>();
    const ana = leadWith({ firstName: 'Ana' });
    const anabel = leadWith({ firstName: 'Anabel' });
    const query = vi
      .fn()
      .mockImplementationOnce(() => slow.promise)
      .mockImplementationOnce(async () => page([anabel]));
    const store = readyStore(fakeApi({ 'leads.query': query }));
    store.getState().setQuery('ana');
    const first = store.getState().loadFirstPage();
    store.getState().setQuery('anabel');
    await store.getState().loadFirstPage();
    slow.resolve(page([ana]));
    await first;
    expect(leadAt(store.getState().pages, 0)).toEqual(anabel);
  });

  it('sends the filters, the show and the sort; local days become UTC bounds; a filter change clears the selection', async () => {
    const query = vi.fn(async (_input: unknown) => page([leadWith({ lastName: 'A' })], 1));
    const store = readyStore(fakeApi({ 'leads.query': query }));
    await store.getState().loadFirstPage();
    store.getState().toggleSelected(0);
    expect(store.getState().selectedIds.size).toBe(1);
    store.getState().setFilters({ status: 'Working', from: '2026-11-27', to: '2026-11-27', duplicate: 'yes' });
    expect(store.getState().selectedIds.size).toBe(0);
    store.getState().setSort({ by: 'name', direction: 'asc' });
    await vi.waitFor(() => expect(query).toHaveBeenCalledTimes(3));
    const input = query.mock.calls.at(-1)?.[0] as unknown as { filter: Record<string, string>; sort: unknown };
    expect(input.sort).toEqual({ by: 'name', direction: 'asc' });
    expect(input.filter).toMatchObject({ eventId: SHOW.id, status: 'Working', duplicate: 'yes' });
    expect(Date.parse(input.filter.capturedTo ?? '') - Date.parse(input.filter.capturedFrom ?? '')).toBeGreaterThanOrEqual(23 * 3600_000);
  });

  it('loads the pages that scroll into view, once each', async () => {
    const rows = Array.from({ length: PAGE_SIZE * 3 }, (_, index) => leadWith({ lastName: `L${index}` }));
    const query = vi.fn(async ({ offset, limit }: { offset: number; limit: number }) => page(rows.slice(offset, offset + limit), rows.length, offset));
    const store = readyStore(fakeApi({ 'leads.query': query as never }));
    await store.getState().loadFirstPage();
    await Promise.all([store.getState().ensureRows(150, 260), store.getState().ensureRows(150, 260)]);
    expect(query).toHaveBeenCalledTimes(3);
    expect(leadAt(store.getState().pages, 250)?.lastName).toBe('L250');
  });

  it('selects a range with Shift+click, everything with Ctrl+A, and sends the filter for "all matching"', async () => {
    const rows = Array.from({ length: 10 }, (_, index) => leadWith({ lastName: `L${index}` }));
    const bulk = vi.fn(async () => ({ done: 10, skippedConverted: 0, unchanged: 0, cancelled: false }));
    const store = readyStore(fakeApi({ 'leads.query': async () => page(rows, 10), 'leads.bulkUpdate': bulk }));
    await store.getState().loadFirstPage();
    store.getState().toggleSelected(2);
    await store.getState().selectRange(5);
    expect([...store.getState().selectedIds]).toEqual(rows.slice(2, 6).map((lead) => lead.id));
    store.getState().selectAllMatching();
    expect(await store.getState().bulkUpdate({ rating: 'Hot' })).toBe(true);
    expect(bulk).toHaveBeenCalledWith({ target: { filter: { eventId: SHOW.id } }, change: { rating: 'Hot' } });
    expect(store.getState().bulkMessage).toBe('10 leads changed.');
    expect(store.getState().allMatching).toBe(false);
  });

  it('refreshes when another window or the CLI saves a lead', async () => {
    let onLeadsChanged: (() => void) | undefined;
    const query = vi.fn(async () => page([]));
    const api = fakeApi({
      'app.info': async () => ({ version: '0.1.0', dataPath: '/tmp/x.db', mode: 'browser' }),
      'settings.get': async () => ({ staffName: 'Dana', currentEventId: SHOW.id, fastScan: false }),
      'events.list': async () => [SHOW],
      'drafts.get': async () => null,
      'leads.query': query,
    });
    const { createAppStore } = await import('../../../renderer/src/store/app-store');
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
    await vi.waitFor(() => expect(query).toHaveBeenCalledTimes(1));
    onLeadsChanged?.();
    await vi.waitFor(() => expect(query).toHaveBeenCalledTimes(2));
  });
});
