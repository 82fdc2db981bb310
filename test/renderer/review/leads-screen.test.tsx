// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ExportPanel } from '../../../renderer/src/exchange/ExportPanel';
import { LeadsScreen } from '../../../renderer/src/review/LeadsScreen';
import { createAppStore } from '../../../renderer/src/store/app-store';
import { COLUMN_LAYOUT_KEY } from '../../../renderer/src/store/leads-slice';
import type { ApiClient } from '../../../shared/ipc/client';
import type { ReviewPage } from '../../../shared/ipc/contract';
import type { ExportFilter, ExportPreview } from '../../../shared/domain/exchange';
import { fakeApi, leadWith, SHOW } from '../fake-store';
import { renderWithStore } from '../render-screen';

afterEach(cleanup);

// jsdom lays nothing out, so it has no ResizeObserver; the list's offset (what the screen observes) plays no part here.
globalThis.ResizeObserver ??= class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
};

const ana = leadWith({ firstName: 'Ana', lastName: 'Zeller', company: 'Acme', email: 'ana@acme.example', status: 'Working', rating: 'Hot', capturedBy: 'Sam Stand' });
const ben = leadWith({ firstName: 'Ben', lastName: '', company: 'Globex', email: 'ben@globex.example' });
const EXPORTED_AT = '2026-11-20T10:00:00.000Z';

function pageOf(items: ReviewPage['items']): ReviewPage {
  return { items, total: items.length, offset: 0, duplicateIds: [], exportedAt: { [ana.id]: EXPORTED_AT } };
}

/** A ready store (as after first-run setup) whose view choices live in `preferences`. */
function storeWith(api: ApiClient, preferences: Map<string, string> = new Map()) {
  const storage = { getItem: (key: string) => preferences.get(key) ?? null, setItem: (key: string, value: string) => void preferences.set(key, value) };
  const store = createAppStore({ api, bridge: { on: () => () => {} }, draftSaveDelayMs: 20, searchDelayMs: 5, preferences: storage });
  store.setState({ startupStatus: 'ready', settings: { staffName: 'Dana Booth', currentEventId: SHOW.id, fastScan: false }, events: [SHOW] });
  return store;
}

const headings = () => within(screen.getByRole('group', { name: 'Columns: sort and width' }));

describe('the review table', () => {
  it('shows one row per lead with its name, company, email, status, rating, captured, by and exported', async () => {
    const store = storeWith(fakeApi({ 'leads.query': async () => pageOf([ana, ben]) }));
    renderWithStore(store, <LeadsScreen />);
    const row = await screen.findByRole('button', { name: /Ana Zeller/ });
    for (const label of ['Name', 'Company', 'Email', 'Status', 'Rating', 'Captured', 'By', 'Exported']) expect(headings().getByText(label)).toBeTruthy();
    expect(row.textContent).toContain('Acme');
    expect(row.textContent).toContain('ana@acme.example');
    expect(row.textContent).toContain('Working');
    expect(row.textContent).toContain('Hot');
    expect(row.textContent).toContain('Sam Stand');
    expect(row.querySelector(`time.review-cell-exported`)?.getAttribute('dateTime')).toBe(EXPORTED_AT);
    // Ben was never exported and an export would refuse him without a last name.
    expect(screen.getByRole('button', { name: /Ben/ }).querySelector('.review-cell-exported')?.textContent).toBe('needs Last name for export');
  });

  it('sorts by a column when its heading is clicked, and reverses on a second click; Email does not sort', async () => {
    const query = vi.fn(async (_input: unknown) => pageOf([ana]));
    const store = storeWith(fakeApi({ 'leads.query': query }));
    renderWithStore(store, <LeadsScreen />);
    await screen.findByRole('button', { name: /Ana Zeller/ });
    fireEvent.click(headings().getByRole('button', { name: /^Company/ }));
    await waitFor(() => expect(query.mock.calls.at(-1)?.[0]).toMatchObject({ sort: { by: 'company', direction: 'asc' } }));
    fireEvent.click(headings().getByRole('button', { name: /^Company/ }));
    await waitFor(() => expect(query.mock.calls.at(-1)?.[0]).toMatchObject({ sort: { by: 'company', direction: 'desc' } }));
    expect(screen.getByText('1 lead · company, Z to A')).toBeTruthy();
    expect(headings().queryByRole('button', { name: /^Email/ })).toBeNull();
  });

  it('keeps the filters folded, shows a chip per active filter; a chip opens its control, × removes it', async () => {
    const query = vi.fn(async (_input: unknown) => pageOf([ana]));
    const store = storeWith(fakeApi({ 'leads.query': query }));
    renderWithStore(store, <LeadsScreen />);
    await screen.findByRole('button', { name: /Ana Zeller/ });
    expect(screen.queryByLabelText('Rating')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Filters' }));
    fireEvent.change(screen.getByLabelText('Rating'), { target: { value: 'Hot' } });
    fireEvent.change(screen.getByLabelText('Captured by'), { target: { value: 'sam' } });
    fireEvent.click(screen.getByRole('button', { name: 'Filters (2)' }));
    expect(screen.queryByLabelText('Rating')).toBeNull();

    const chips = within(screen.getByRole('list', { name: 'Active filters' }));
    expect(chips.getAllByRole('listitem').map((chip) => chip.textContent)).toEqual(['Rating: Hot×', 'Captured by: sam×']);
    fireEvent.click(chips.getByRole('button', { name: 'Rating: Hot' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Rating')));

    fireEvent.click(chips.getByRole('button', { name: 'Remove filter Rating: Hot' }));
    expect(store.getState().filters.rating).toBe('');
    await waitFor(() => expect((query.mock.calls.at(-1)?.[0] as { filter: object }).filter).not.toHaveProperty('rating'));
    expect(screen.getByRole('list', { name: 'Active filters' }).textContent).toBe('Captured by: sam×');
  });

  it('"Export these N leads" opens the guided export on the list’s filter as it stands, in words, and the export asks for that filter', async () => {
    const preview = vi.fn(async (_input: { format: string; filter: ExportFilter }): Promise<ExportPreview> => ({ leadCount: 1, convertedCount: 0, missingRequired: [], truncations: [] }));
    const store = storeWith(fakeApi({ 'leads.query': async () => pageOf([ana]), 'exchange.preview': preview }));
    renderWithStore(store, <LeadsScreen />);
    await screen.findByRole('button', { name: /Ana Zeller/ });
    store.getState().setFilters({ rating: 'Hot', exported: 'no' });
    store.getState().setQuery('acme');
    await waitFor(() => expect(store.getState().shownQuery).toBe('acme'));
    fireEvent.click(screen.getByRole('button', { name: 'Export these 1 lead' }));

    expect(store.getState().route).toEqual({ screen: 'exchange' });
    const listed = { text: 'acme', eventId: SHOW.id, rating: 'Hot', exported: 'no' };
    expect(store.getState().exportDraft).toMatchObject({ step: 'leads', scope: 'listed', listed: { filter: listed, words: 'at Hannover Messe 2026: Hot, not exported, matching “acme”' } });
    cleanup();
    renderWithStore(store, <ExportPanel />);
    expect(await screen.findByText('1 lead at Hannover Messe 2026: Hot, not exported, matching “acme”.')).toBeTruthy();
    expect((screen.getByRole('radio', { name: /review list’s leads/ }) as HTMLInputElement).checked).toBe(true);
    // The list's own filter says which status and whether exported: the export's narrowing is not offered beside it.
    expect(screen.queryByLabelText('Only leads not exported yet')).toBeNull();
    expect(preview.mock.calls.at(-1)?.[0].filter).toEqual({ review: listed });
    fireEvent.click(screen.getByRole('radio', { name: 'All shows' }));
    await waitFor(() => expect(preview.mock.calls.at(-1)?.[0].filter).toEqual({ onlyNew: true }));
  });

  it('hides a column chosen in the Columns menu, and remembers the choice for the next run', async () => {
    const preferences = new Map<string, string>();
    const api = fakeApi({ 'leads.query': async () => pageOf([ana]) });
    renderWithStore(storeWith(api, preferences), <LeadsScreen />);
    await screen.findByRole('button', { name: /Ana Zeller/ });
    fireEvent.click(screen.getByRole('button', { name: 'Columns' }));
    expect((screen.getByRole('checkbox', { name: /Name/ }) as HTMLInputElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Email' }));
    expect(headings().queryByText('Email')).toBeNull();
    expect(screen.getByRole('button', { name: /Ana Zeller/ }).textContent).not.toContain('ana@acme.example');
    expect(JSON.parse(preferences.get(COLUMN_LAYOUT_KEY) ?? '{}').visible).not.toContain('email');

    cleanup();
    renderWithStore(storeWith(api, preferences), <LeadsScreen />);
    await screen.findByRole('button', { name: /Ana Zeller/ });
    expect(headings().queryByText('Email')).toBeNull();
    expect(headings().getByText('Company')).toBeTruthy();
  });

  it('resizes a column from the keyboard on its handle', async () => {
    const store = storeWith(fakeApi({ 'leads.query': async () => pageOf([ana]) }));
    renderWithStore(store, <LeadsScreen />);
    await screen.findByRole('button', { name: /Ana Zeller/ });
    const before = store.getState().columnLayout.widths.company;
    fireEvent.keyDown(screen.getByRole('separator', { name: 'Resize the Company column' }), { key: 'ArrowRight' });
    expect(store.getState().columnLayout.widths.company).toBeGreaterThan(before);
  });
});
