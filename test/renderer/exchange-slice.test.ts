import { describe, expect, it, vi } from 'vitest';
import type { ExportBatch, ImportSummary } from '../../shared/domain/exchange';
import { AppError } from '../../shared/ipc/errors';
import { fakeApi, readyStore, SHOW } from './fake-store';

const batch: ExportBatch = {
  id: '0b9c5a52-7f5d-4a47-9b8e-2f1f3c1d0a11',
  createdAt: '2026-11-28T10:00:00.000Z',
  createdBy: 'Dana Booth',
  format: 'hubspot',
  filter: { eventId: SHOW.id, onlyNew: true },
  fileName: 'leadbooth-hubspot-2026-11-28-1000.csv',
  sha256: 'ab',
  leadCount: 2,
  skippedCount: 0,
  repeatOf: null,
};

describe('exchange slice', () => {
  it('exports, hands back the files, and reloads the history', async () => {
    const api = fakeApi({
      'exchange.export': async () => ({ cancelled: false, batch, files: [{ name: batch.fileName, mime: 'text/csv', content: 'a,b' }], truncations: [], missingRequired: [], skipped: [], neutralized: {} }),
      'exchange.batches': async () => [batch],
    });
    const store = readyStore(api);
    const files = await store.getState().runExport('hubspot', { eventId: SHOW.id, onlyNew: true }, false);
    expect(files.map((file) => file.name)).toEqual([batch.fileName]);
    expect(api['exchange.export']).toHaveBeenCalledWith({ format: 'hubspot', filter: { eventId: SHOW.id, onlyNew: true }, skipMissingRequired: false });
    expect(store.getState()).toMatchObject({ lastBatch: batch, batches: [batch], exchangeBusy: false });
  });

  it('keeps the message of a refused export for the screen', async () => {
    const api = fakeApi({
      'exchange.export': async () => {
        throw new AppError('not_found', 'Every lead chosen has been exported already: nothing new to export.');
      },
    });
    const store = readyStore(api);
    expect(await store.getState().runExport('vcard', { onlyNew: true }, false)).toEqual([]);
    expect(store.getState().exchangeError?.message).toMatch(/nothing new to export/);
  });

  it('shows a CSV its mapping first and imports with the confirmed mapping; a bundle goes straight in', async () => {
    const summary: ImportSummary = { added: 1, updated: 0, flagged: 0, skipped: 0, details: {}, cancelled: false, keptColumns: [], problems: [], skippedProblemRows: 0, toReview: 0 };
    const api = fakeApi({
      'exchange.readCsv': async () => ({
        headers: ['Surname'],
        mapping: { Surname: 'lastName' },
        remembered: false,
        sample: [['Müller']],
        rowCount: 1,
        hasHeader: true,
        needsMapping: '',
        keptColumns: [],
        problems: [],
        problemRows: 0,
      }),
      'exchange.import': vi.fn(async () => summary),
    });
    const store = readyStore(api);
    await store.getState().pickImportFile({ fileName: 'badges.csv', base64: 'U3VybmFtZQ==' });
    expect(store.getState().csvPreview?.headers).toEqual(['Surname']);
    expect(api['exchange.import']).not.toHaveBeenCalled();
    await store.getState().runImport({ Surname: 'lastName' });
    expect(api['exchange.import']).toHaveBeenCalledWith({ fileName: 'badges.csv', base64: 'U3VybmFtZQ==', mapping: { Surname: 'lastName' }, rememberMapping: true });
    expect(store.getState()).toMatchObject({ importSummary: summary, csvPreview: null });

    await store.getState().pickImportFile({ fileName: 'laptop.leadbooth.json', base64: 'e30=' });
    expect(api['exchange.import']).toHaveBeenLastCalledWith({ fileName: 'laptop.leadbooth.json', base64: 'e30=' });
  });
});
