// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ExportPanel } from '../../../renderer/src/exchange/ExportPanel';
import { DEFAULT_SALESFORCE_PROFILE, type ExportBatch, type ExportResult, type SalesforceProfile } from '../../../shared/domain/exchange';
import { fakeApi, readyStore, SHOW } from '../fake-store';
import { renderWithStore } from '../render-screen';

const batch: ExportBatch = {
  id: '0b9c5a52-7f5d-4a47-9b8e-2f1f3c1d0a11',
  createdAt: '2026-11-28T10:00:00.000Z',
  createdBy: 'Dana Booth',
  format: 'salesforce-leads',
  filter: { eventId: SHOW.id, onlyNew: true },
  fileName: 'leadbooth-salesforce-leads-2026-11-28-1000.csv',
  sha256: 'ab',
  leadCount: 2,
  skippedCount: 1,
  repeatOf: null,
};

beforeEach(() => {
  // jsdom has no object URLs; the panel hands the files over as downloads through them.
  URL.createObjectURL = vi.fn(() => 'blob:export');
  URL.revokeObjectURL = vi.fn();
});
afterEach(cleanup);

describe('ExportPanel', () => {
  it('asks for the imported fields as extra columns only where the format takes them, and sends the choice', async () => {
    const exported = vi.fn(async (): Promise<ExportResult> => ({
      cancelled: false,
      batch: { ...batch, format: 'hubspot' },
      files: [{ name: 'x.csv', mime: 'text/csv', content: 'a' }],
      truncations: [],
      missingRequired: [],
      skipped: [],
      neutralized: {},
    }));
    const store = readyStore(
      fakeApi({ 'exchange.salesforceProfile': async () => DEFAULT_SALESFORCE_PROFILE, 'exchange.export': exported, 'exchange.confirmExport': async () => batch }),
    );
    renderWithStore(store, <ExportPanel />);
    const format = screen.getByLabelText(/Format/) as HTMLSelectElement;
    fireEvent.change(format, { target: { value: 'vcard' } });
    expect(screen.queryByLabelText(/fields imports kept/)).toBeNull();
    fireEvent.change(format, { target: { value: 'hubspot' } });
    fireEvent.click(screen.getByLabelText(/fields imports kept/));
    fireEvent.click(screen.getByRole('button', { name: 'Export' }));
    await waitFor(() => expect(exported).toHaveBeenCalledWith(expect.objectContaining({ format: 'hubspot', withImportedFields: true })));
  });

  it('edits and remembers the Salesforce profile', async () => {
    const save = vi.fn(async (profile: SalesforceProfile) => profile);
    const store = readyStore(fakeApi({ 'exchange.salesforceProfile': async () => DEFAULT_SALESFORCE_PROFILE, 'exchange.saveSalesforceProfile': save }));
    renderWithStore(store, <ExportPanel />);
    const newStatus = (await screen.findByLabelText('New')) as HTMLInputElement;
    expect(newStatus.value).toBe('Open - Not Contacted');
    fireEvent.change(newStatus, { target: { value: 'Neu' } });
    fireEvent.click(screen.getByLabelText(/never asked for consent are opted out/));
    fireEvent.click(screen.getByRole('button', { name: 'Save profile' }));
    await waitFor(() => expect(screen.getByText(/Saved: Salesforce exports/)).toBeTruthy());
    expect(save).toHaveBeenCalledWith({ statusValues: { ...DEFAULT_SALESFORCE_PROFILE.statusValues, New: 'Neu' }, neverAskedOptedOut: true });
    expect(store.getState().salesforceProfile?.statusValues.New).toBe('Neu');
  });

  it('previews cuts and converted leads by name, and after the export lists what was left out, refused and neutralised', async () => {
    const result: ExportResult = {
      cancelled: false,
      batch,
      files: [{ name: batch.fileName, mime: 'text/csv', content: 'a' }],
      truncations: [{ leadId: 'l1', name: 'Zoë Núñez', field: 'Title', from: 140, to: 128 }],
      missingRequired: [{ leadId: 'l2', name: 'Émile', missing: ['LastName', 'Company'] }],
      skipped: [{ reason: 'converted', count: 1 }],
      neutralized: { Description: 3 },
    };
    const store = readyStore(
      fakeApi({
        'exchange.salesforceProfile': async () => DEFAULT_SALESFORCE_PROFILE,
        'exchange.preview': async () => ({ leadCount: 3, convertedCount: 1, missingRequired: result.missingRequired, truncations: result.truncations }),
        'exchange.export': async () => result,
        // Browser mode: the files are handed over as downloads, then the batch is recorded.
        'exchange.confirmExport': async () => batch,
        'exchange.batches': async () => [batch],
      }),
    );
    renderWithStore(store, <ExportPanel />);
    fireEvent.click(screen.getByRole('button', { name: 'Check and export…' }));
    const preview = await screen.findByRole('region', { name: 'Before exporting' });
    expect(preview.textContent).toMatch(/1 of them is converted/);
    expect(preview.textContent).toMatch(/Zoë Núñez: Title \(140 → 128 characters\)/);
    fireEvent.click(screen.getByRole('button', { name: 'Export all' }));
    const summary = await screen.findByRole('region', { name: 'Export summary' });
    expect(summary.textContent).toMatch(/1 lead not in the file: converted/);
    expect(summary.textContent).toMatch(/Émile: LastName, Company missing/);
    expect(summary.textContent).toMatch(/Description 3/);
  });
});
