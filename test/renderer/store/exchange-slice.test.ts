import { describe, expect, it, vi } from 'vitest';
import type { ExportBatch, ImportSummary } from '../../../shared/domain/exchange';
import { AppError } from '../../../shared/ipc/errors';
import { fakeApi, readyStore, SHOW } from '../fake-store';

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

const NO_OPTIONS = { skipMissingRequired: false, withImportedFields: false };

describe('exchange slice', () => {
  const produced = { cancelled: false as const, batch, files: [{ name: batch.fileName, mime: 'text/csv', content: 'a,b' }], truncations: [], missingRequired: [], skipped: [], neutralized: {} };

  it('browser mode: hands the files to the download, then records the batch, then reloads the history', async () => {
    const calls: string[] = [];
    const api = fakeApi({
      'exchange.export': async () => {
        calls.push('export');
        return produced;
      },
      'exchange.confirmExport': async () => {
        calls.push('confirm');
        return batch;
      },
      'exchange.batches': async () => [{ ...batch, leads: [] }],
    });
    const store = readyStore(api);
    const download = vi.fn(() => calls.push('download'));
    expect(await store.getState().runExport('hubspot', { eventId: SHOW.id, onlyNew: true }, { skipMissingRequired: false, withImportedFields: true }, download)).toEqual(batch);
    expect(calls).toEqual(['export', 'download', 'confirm']);
    expect(download).toHaveBeenCalledWith(produced.files);
    expect(api['exchange.export']).toHaveBeenCalledWith({ format: 'hubspot', filter: { eventId: SHOW.id, onlyNew: true }, skipMissingRequired: false, withImportedFields: true });
    expect(api['exchange.confirmExport']).toHaveBeenCalledWith({ batchId: batch.id });
    expect(api['exchange.saveExport']).not.toHaveBeenCalled();
    expect(store.getState()).toMatchObject({ lastBatch: batch, batches: [batch], exchangeBusy: false, exportNotice: null });
  });

  it('desktop app: saves through the main process; a cancelled save dialog records nothing and says so', async () => {
    let saved: { saved: false } | { saved: true; batch: ExportBatch; path: string } = { saved: false };
    const api = fakeApi({
      'exchange.export': async () => produced,
      'exchange.exportAgain': async () => produced,
      'exchange.saveExport': async () => saved,
      'exchange.batches': async () => [],
    });
    const store = readyStore(api);
    store.setState({ appInfo: { version: 'test', dataPath: '/data/leadbooth.db', mode: 'electron' } });
    const download = vi.fn();
    expect(await store.getState().runExport('hubspot', {}, NO_OPTIONS, download)).toBeNull();
    expect(api['exchange.saveExport']).toHaveBeenCalledWith({ batchId: batch.id });
    expect(api['exchange.confirmExport']).not.toHaveBeenCalled();
    expect(download).not.toHaveBeenCalled();
    expect(store.getState()).toMatchObject({ lastBatch: null, exportNotice: expect.stringMatching(/nothing was recorded/) });

    saved = { saved: true, batch, path: '/home/dana/leads.csv' };
    expect(await store.getState().exportAgain(batch.id, download)).toEqual(batch);
    expect(store.getState()).toMatchObject({ lastBatch: batch, exportNotice: null });
    expect(download).not.toHaveBeenCalled();
  });

  it('a save that fails keeps its message for the screen and records nothing', async () => {
    const api = fakeApi({
      'exchange.export': async () => produced,
      'exchange.saveExport': async () => {
        throw new AppError('invalid_input', 'The disk is full: leads.csv could not be written. Free some space or choose another disk. Nothing was recorded: the leads stay not exported.');
      },
      'exchange.batches': async () => [],
    });
    const store = readyStore(api);
    store.setState({ appInfo: { version: 'test', dataPath: '/data/leadbooth.db', mode: 'electron' } });
    expect(await store.getState().runExport('hubspot', {}, NO_OPTIONS, vi.fn())).toBeNull();
    expect(store.getState()).toMatchObject({ lastBatch: null, exportNotice: null, exchangeError: { message: expect.stringMatching(/disk is full/) }, exchangeErrorPart: 'export' });
  });

  it('keeps the message of a refused export for the screen', async () => {
    const api = fakeApi({
      'exchange.export': async () => {
        throw new AppError('not_found', 'Every lead chosen has been exported already: nothing new to export.');
      },
    });
    const store = readyStore(api);
    const download = vi.fn();
    expect(await store.getState().runExport('vcard', { onlyNew: true }, NO_OPTIONS, download)).toBeNull();
    expect(download).not.toHaveBeenCalled();
    expect(store.getState().exchangeError?.message).toMatch(/nothing new to export/);
    expect(store.getState().exchangeErrorPart).toBe('export');
  });

  it('says which part an error belongs to (the history’s Export again, an import), and leaving the export’s step leaves its error behind', async () => {
    const api = fakeApi({
      'exchange.exportAgain': async () => {
        throw new AppError('not_found', 'This batch is not in the history any more.');
      },
      'exchange.import': async () => {
        throw new AppError('invalid_input', 'Line 12: a quote is never closed.');
      },
      'exchange.export': async () => {
        throw new AppError('not_found', 'Every lead chosen has been exported already: nothing new to export.');
      },
    });
    const store = readyStore(api);
    await store.getState().exportAgain(crypto.randomUUID(), vi.fn());
    expect(store.getState()).toMatchObject({ exchangeErrorPart: 'history', exchangeError: { message: expect.stringMatching(/not in the history/) } });
    await store.getState().pickImportFile({ fileName: 'leads.json', base64: 'e30=' });
    expect(store.getState()).toMatchObject({ exchangeErrorPart: 'import', exchangeError: { message: expect.stringMatching(/Line 12/) } });

    store.getState().updateExportDraft({ step: 'check' });
    await store.getState().runExport('vcard', { onlyNew: true }, NO_OPTIONS, vi.fn());
    expect(store.getState().exchangeErrorPart).toBe('export');
    store.getState().updateExportDraft({ onlyNew: false });
    expect(store.getState().exchangeErrorPart).toBe('export');
    store.getState().updateExportDraft({ step: 'leads' });
    expect(store.getState()).toMatchObject({ exchangeError: null, exchangeErrorPart: null });
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
