// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../renderer/src/app/App';
import { AppStoreContext, createAppStore } from '../../../renderer/src/store/app-store';
import { fakeApi, SHOW } from '../fake-store';

afterEach(cleanup);

describe('first-run setup', () => {
  it('asks for a name and a show on a fresh machine, then opens the booth', async () => {
    let settings = { staffName: '', currentEventId: null as string | null, fastScan: false };
    let events: (typeof SHOW)[] = [];
    const api = fakeApi({
      'app.info': async () => ({ version: '0.1.0', dataPath: '/tmp/x.db', mode: 'browser' }),
      'settings.get': async () => settings,
      'events.list': async () => events,
      'drafts.get': async () => null,
      'leads.list': async () => ({ items: [], nextCursor: null }),
      'settings.update': vi.fn(async ({ staffName }) => (settings = { ...settings, staffName })),
      'events.create': vi.fn(async (input) => {
        events = [{ ...SHOW, name: input.name }];
        settings = { ...settings, currentEventId: SHOW.id };
        return events[0] ?? SHOW;
      }),
    });
    const store = createAppStore({ api, bridge: { on: () => () => {} }, draftSaveDelayMs: 20, searchDelayMs: 5 });
    render(
      <AppStoreContext.Provider value={store}>
        <App />
      </AppStoreContext.Provider>,
    );
    await store.getState().start();

    const name = await screen.findByRole('textbox', { name: /Your name/ });
    await waitFor(() => expect(document.activeElement).toBe(name));
    // Submitting with nothing typed says what is missing instead of failing silently.
    fireEvent.submit(name.closest('form') as HTMLFormElement);
    expect(await screen.findByText('Type your name: every lead records who captured it.')).toBeTruthy();
    expect(screen.getByText('Give the show a name.')).toBeTruthy();
    expect(api['settings.update']).not.toHaveBeenCalled();

    fireEvent.change(name, { target: { value: 'Dana Booth' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Show name' }), { target: { value: 'Hannover Messe 2026' } });
    fireEvent.submit(name.closest('form') as HTMLFormElement);

    expect(await screen.findByRole('form', { name: 'New lead' })).toBeTruthy();
    expect(api['settings.update']).toHaveBeenCalledWith({ staffName: 'Dana Booth' });
    expect(api['events.create']).toHaveBeenCalledWith({ name: 'Hannover Messe 2026', location: '', startsOn: '', endsOn: '' });
    expect(screen.getByRole('banner').textContent).toContain('Hannover Messe 2026');
  });
});
