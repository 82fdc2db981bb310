// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ExportPanel } from '../../../renderer/src/exchange/ExportPanel';
import {
  DEFAULT_SALESFORCE_PROFILE,
  type ExportBatch,
  type ExportFilter,
  type ExportPreview,
  type ExportResult,
  type SalesforceProfile,
} from '../../../shared/domain/exchange';
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

/** The count of step 1 (a bare preview), or the Salesforce check. */
function previewOf(count: number, salesforce: Partial<ExportPreview> = {}) {
  return vi.fn(async ({ format }: { format: string; filter: ExportFilter }): Promise<ExportPreview> =>
    format === 'salesforce-leads'
      ? { leadCount: count, convertedCount: 0, missingRequired: [], truncations: [], ...salesforce }
      : { leadCount: count, convertedCount: 0, missingRequired: [], truncations: [] },
  );
}

beforeEach(() => {
  // jsdom has no object URLs; the panel hands the files over as downloads through them.
  URL.createObjectURL = vi.fn(() => 'blob:export');
  URL.revokeObjectURL = vi.fn();
});
afterEach(cleanup);

async function toFormatStep(): Promise<void> {
  const next = (await screen.findByRole('button', { name: 'Next: format' })) as HTMLButtonElement;
  await waitFor(() => expect(next.disabled).toBe(false));
  fireEvent.click(next);
}

describe('ExportPanel', () => {
  it('counts the leads chosen, narrows by show, status and "not exported yet", and never goes on with none', async () => {
    const preview = vi.fn(async ({ filter }: { filter: ExportFilter }): Promise<ExportPreview> => ({
      leadCount: filter.status === 'Unqualified' ? 0 : filter.eventId ? 4 : 9,
      convertedCount: 0,
      missingRequired: [],
      truncations: [],
    }));
    renderWithStore(readyStore(fakeApi({ 'exchange.preview': preview })), <ExportPanel />);
    expect(await screen.findByText('4 leads chosen.')).toBeTruthy();
    expect(preview).toHaveBeenLastCalledWith({ format: 'bundle', filter: { eventId: SHOW.id, onlyNew: true } });
    fireEvent.click(screen.getByLabelText('All shows'));
    expect(await screen.findByText('9 leads chosen.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'Unqualified' } });
    expect(await screen.findByText(/nothing new to export/)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Next: format' }) as HTMLButtonElement).disabled).toBe(true);
    expect(preview).toHaveBeenLastCalledWith({ format: 'bundle', filter: { onlyNew: true, status: 'Unqualified' } });
  });

  it('offers the review list’s selection and exports exactly those leads', async () => {
    const ids = [crypto.randomUUID(), crypto.randomUUID()];
    const exported = vi.fn(async (): Promise<ExportResult> => ({
      cancelled: false,
      batch: { ...batch, format: 'vcard' },
      files: [{ name: 'x.vcf', mime: 'text/vcard', content: 'a' }],
      truncations: [],
      missingRequired: [],
      skipped: [],
      neutralized: {},
    }));
    const store = readyStore(
      fakeApi({ 'exchange.preview': previewOf(2), 'exchange.salesforceProfile': async () => DEFAULT_SALESFORCE_PROFILE, 'exchange.export': exported, 'exchange.confirmExport': async () => batch, 'exchange.batches': async () => [] }),
    );
    store.setState({ selectedIds: new Set(ids) });
    renderWithStore(store, <ExportPanel />);
    fireEvent.click(await screen.findByLabelText('The 2 leads selected in the review list'));
    fireEvent.click(screen.getByLabelText('Only leads not exported yet'));
    await toFormatStep();
    fireEvent.click(screen.getByLabelText(/vCard 4.0/));
    fireEvent.click(screen.getByRole('button', { name: 'Next: check' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Export' }));
    await waitFor(() => expect(exported).toHaveBeenCalledWith(expect.objectContaining({ format: 'vcard', filter: { leadIds: ids } })));
  });

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
      fakeApi({
        'exchange.preview': previewOf(2),
        'exchange.salesforceProfile': async () => DEFAULT_SALESFORCE_PROFILE,
        'exchange.export': exported,
        'exchange.confirmExport': async () => batch,
        'exchange.batches': async () => [],
      }),
    );
    renderWithStore(store, <ExportPanel />);
    await toFormatStep();
    fireEvent.click(screen.getByLabelText(/vCard 4.0/));
    expect(screen.queryByLabelText(/fields imports kept/)).toBeNull();
    fireEvent.click(screen.getByLabelText(/HubSpot contacts CSV/));
    fireEvent.click(screen.getByLabelText(/fields imports kept/));
    fireEvent.click(screen.getByRole('button', { name: 'Next: check' }));
    expect((await screen.findByRole('region', { name: 'Before exporting' })).textContent).toMatch(/Nothing to check for HubSpot contacts CSV/);
    fireEvent.click(screen.getByRole('button', { name: 'Export' }));
    await waitFor(() => expect(exported).toHaveBeenCalledWith(expect.objectContaining({ format: 'hubspot', withImportedFields: true, filter: { eventId: SHOW.id, onlyNew: true } })));
    expect((await screen.findByRole('status')).textContent).toMatch(/Exported 2 leads as .*Handed to your browser’s downloads\./);
  });

  it('edits and remembers the Salesforce profile in the format step', async () => {
    const save = vi.fn(async (profile: SalesforceProfile) => profile);
    const store = readyStore(
      fakeApi({ 'exchange.preview': previewOf(1), 'exchange.salesforceProfile': async () => DEFAULT_SALESFORCE_PROFILE, 'exchange.saveSalesforceProfile': save }),
    );
    renderWithStore(store, <ExportPanel />);
    await toFormatStep();
    const newStatus = (await screen.findByLabelText('New')) as HTMLInputElement;
    expect(newStatus.value).toBe('Open - Not Contacted');
    fireEvent.change(newStatus, { target: { value: 'Neu' } });
    fireEvent.click(screen.getByLabelText(/never asked for consent are opted out/));
    fireEvent.click(screen.getByRole('button', { name: 'Save profile' }));
    await waitFor(() => expect(screen.getByText(/Saved: Salesforce exports/)).toBeTruthy());
    expect(save).toHaveBeenCalledWith({ statusValues: { ...DEFAULT_SALESFORCE_PROFILE.statusValues, New: 'Neu' }, neverAskedOptedOut: true });
    expect(store.getState().salesforceProfile?.statusValues.New).toBe('Neu');
  });

  it('checks cuts and refusals by person (a name opens the lead), and after the export lists what was left out, refused and neutralised', async () => {
    const zoe = crypto.randomUUID();
    const result: ExportResult = {
      cancelled: false,
      batch,
      files: [{ name: batch.fileName, mime: 'text/csv', content: 'a' }],
      truncations: [{ leadId: zoe, name: 'Zoë Núñez', field: 'Title', from: 140, to: 128 }],
      missingRequired: [{ leadId: crypto.randomUUID(), name: 'Émile', missing: ['LastName', 'Company'] }],
      skipped: [{ reason: 'converted', count: 1 }],
      neutralized: { Description: 3 },
    };
    const store = readyStore(
      fakeApi({
        'exchange.salesforceProfile': async () => DEFAULT_SALESFORCE_PROFILE,
        'exchange.preview': previewOf(3, { convertedCount: 1, missingRequired: result.missingRequired, truncations: result.truncations }),
        'exchange.export': async () => result,
        // Browser mode: the files are handed over as downloads, then the batch is recorded.
        'exchange.confirmExport': async () => batch,
        'exchange.batches': async () => [{ ...batch, leads: [] }],
      }),
    );
    renderWithStore(store, <ExportPanel />);
    await toFormatStep();
    fireEvent.click(screen.getByRole('button', { name: 'Next: check' }));
    const preview = await screen.findByRole('region', { name: 'Before exporting' });
    expect(preview.textContent).toMatch(/1 of them is converted/);
    expect(preview.textContent).toMatch(/Zoë Núñez: Title \(140 → 128 characters\)/);
    expect(preview.textContent).toMatch(/Émile: LastName, Company missing/);

    fireEvent.click(screen.getByRole('button', { name: 'Export all' }));
    const summary = await screen.findByRole('region', { name: 'Export summary' });
    expect(summary.textContent).toMatch(/1 lead not in the file: converted/);
    expect(summary.textContent).toMatch(/Émile: LastName, Company missing/);
    expect(summary.textContent).toMatch(/Description 3/);
    expect(screen.getByText(/Exported 2 leads as leadbooth-salesforce-leads-2026-11-28-1000\.csv/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Zoë Núñez' }));
    expect(store.getState().route).toEqual({ screen: 'lead', leadId: zoe });
  });

  it('keeps the flow where it was when a lead opened from the check comes back, and checks again', async () => {
    const preview = previewOf(1, { missingRequired: [{ leadId: crypto.randomUUID(), name: 'Émile', missing: ['Company'] }] });
    const store = readyStore(fakeApi({ 'exchange.salesforceProfile': async () => DEFAULT_SALESFORCE_PROFILE, 'exchange.preview': preview }));
    const first = renderWithStore(store, <ExportPanel />);
    await toFormatStep();
    fireEvent.click(screen.getByRole('button', { name: 'Next: check' }));
    await screen.findByRole('region', { name: 'Before exporting' });
    const checks = preview.mock.calls.filter(([input]) => input.format === 'salesforce-leads').length;
    first.unmount();
    renderWithStore(store, <ExportPanel />);
    expect(await screen.findByRole('region', { name: 'Before exporting' })).toBeTruthy();
    expect(preview.mock.calls.filter(([input]) => input.format === 'salesforce-leads').length).toBe(checks + 1);
  });
});
