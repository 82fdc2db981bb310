// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { BatchHistory } from '../../../renderer/src/exchange/BatchHistory';
import type { ExportBatchInHistory } from '../../../shared/domain/exchange';
import { fakeApi, readyStore } from '../fake-store';
import { renderWithStore } from '../render-screen';

afterEach(cleanup);

const batch: ExportBatchInHistory = {
  id: crypto.randomUUID(),
  createdAt: '2026-11-28T10:00:00.000Z',
  createdBy: 'Dana Booth',
  format: 'salesforce-converted',
  filter: {},
  fileName: 'Opportunities.csv',
  sha256: 'ab'.repeat(32),
  leadCount: 3,
  skippedCount: 0,
  repeatOf: null,
  leads: [],
};

const person = (name: string) => ({ leadId: crypto.randomUUID(), name });

describe('BatchHistory', () => {
  it('names each batch’s format as the format picker does, not by its code', async () => {
    renderWithStore(readyStore(fakeApi({ 'exchange.batches': async () => [batch] })), <BatchHistory />);
    const row = within(await screen.findByRole('table')).getAllByRole('row')[1];
    expect(row?.textContent).toContain('Salesforce converted records (Accounts, Contacts, Opportunities, contact roles)');
    expect(row?.textContent).not.toContain('salesforce-converted');
  });

  it('names the first three leads, "and N more" shows the rest the history holds, and a name opens its lead', async () => {
    const leads = ['Ana Müller', 'Ben Okafor', 'Chidi Obi', 'Dora Lind', 'Emil Berg'].map(person);
    // The batch carried 60; the history holds the names of 5 of them.
    const store = readyStore(fakeApi({ 'exchange.batches': async () => [{ ...batch, format: 'hubspot', leadCount: 60, leads }] }));
    renderWithStore(store, <BatchHistory />);
    const row = within(await screen.findByRole('table')).getAllByRole('row')[1]!;
    expect(row.textContent).toContain('60 leads: Ana Müller, Ben Okafor, Chidi Obi and 57 more');
    expect(row.textContent).not.toContain('Dora Lind');

    fireEvent.click(within(row).getByRole('button', { name: 'and 57 more' }));
    expect(row.textContent).toContain('Ana Müller, Ben Okafor, Chidi Obi, Dora Lind, Emil Berg and 55 more');

    fireEvent.click(within(row).getByRole('button', { name: 'Dora Lind' }));
    expect(store.getState().route).toEqual({ screen: 'lead', leadId: leads[3]!.leadId });
  });
});
