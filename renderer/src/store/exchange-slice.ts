import type {
  CsvImportPreview,
  ExchangeProgress,
  ExportBatch,
  ExportBatchInHistory,
  ExportedFile,
  ExportFilter,
  ExportFormat,
  ExportPreview,
  ExportResult,
  ExportSummary,
  ImportSummary,
  ProblemRowChoice,
  SalesforceProfile,
} from '../../../shared/domain/exchange';
import type { LeadStatus } from '../../../shared/domain/lead';
import type { ReviewFilter } from '../../../shared/domain/review';
import type { SliceCreator } from './app-state';
import { latestRequest } from './latest-request';
import { toUiError, type UiError } from './ui-error';

/** A file picked for import, read as base64 (a CSV may be Windows-1252 bytes). */
interface PickedFile {
  fileName: string;
  base64: string;
}

/** Hands files to the browser as downloads (save-exported-files.ts); the page cannot know more than that they were handed over. */
type DownloadFiles = (files: readonly ExportedFile[]) => void;

/** The guided export's steps, in order: which leads, format/profile, check, file. */
export type ExportStep = 'leads' | 'format' | 'check' | 'file';

/**
 * Where the guided export is and what was chosen, kept in the store: opening a lead from the
 * check step and coming back finds the flow as it was left.
 */
/** The review list's filter as it stood when "Export these N leads" was pressed, and how it reads. */
interface ListedLeads {
  filter: ReviewFilter;
  /** "at Web Summit 2026: Hot, not exported, matching “acme”" (review/filter-options.ts words it) */
  words: string;
}

export interface ExportDraft {
  step: ExportStep;
  /** the current show, every show, the leads selected in the review list, or those its filter matches (`listed`) */
  scope: 'show' | 'all' | 'selection' | 'listed';
  /** the review list's filter "Export these N leads" brought along (null until then) */
  listed: ListedLeads | null;
  onlyNew: boolean;
  status: LeadStatus | '';
  format: ExportFormat;
  withImportedFields: boolean;
}

const NEW_EXPORT: ExportDraft = { step: 'leads', scope: 'show', listed: null, onlyNew: true, status: '', format: 'salesforce-leads', withImportedFields: false };

/** The Export screen's parts: the export flow, the history (Export again), the import flow. */
export type ExchangePart = 'export' | 'history' | 'import';

export interface ExchangeSlice {
  exportDraft: ExportDraft;
  exportPreview: ExportPreview | null;
  /** The files of the last export, for the screen to hand over as downloads. */
  exportedFiles: ExportedFile[];
  lastBatch: ExportBatch | null;
  /** Where the desktop app saved the last export (null in browser mode: the browser's downloads). */
  lastExportPath: string | null;
  /** How many leads the export's choice of leads takes (null while counting or after an error). */
  exportCount: number | null;
  /** What the last export left out, cut or neutralised, for the summary under it. */
  lastExportSummary: ExportSummary | null;
  /** The remembered Salesforce profile (null until loaded). */
  salesforceProfile: SalesforceProfile | null;
  /** Field keys as the API gives them: statusValues.New, … */
  salesforceProfileError: UiError | null;
  batches: ExportBatchInHistory[];
  exchangeBusy: boolean;
  exchangeProgress: ExchangeProgress | null;
  exchangeError: UiError | null;
  /** Which part of the screen the error belongs to, so it shows next to the control that caused it. */
  exchangeErrorPart: ExchangePart | null;
  csvPreview: CsvImportPreview | null;
  pickedFile: PickedFile | null;
  importSummary: ImportSummary | null;

  /** Said after an export that was not saved (the save dialog cancelled): nothing was recorded. */
  exportNotice: string | null;

  /** Counts the leads `filter` chooses, for the export's first step (only the latest count lands). */
  countExportLeads(filter: ExportFilter): Promise<void>;
  previewExport(format: ExportFormat, filter: ExportFilter): Promise<void>;
  updateExportDraft(patch: Partial<ExportDraft>): void;
  /** Back to the first step of a fresh export (same choices of leads and format); the last preview, batch and notice cleared, the history stays. */
  startNewExport(): void;
  /** "Export these N leads" in the review list: a fresh export of the leads its filter matches now, on the Export screen. */
  exportListedLeads(words: string): void;
  /**
   * Exports, saves the files, and only then records the batch: in the desktop app through the
   * main process's save dialog (cancelled: nothing recorded), in browser mode by handing the
   * files to `download` and confirming. Returns the batch recorded, or null.
   */
  runExport(
    format: ExportFormat,
    filter: ExportFilter,
    options: { skipMissingRequired: boolean; withImportedFields: boolean },
    download: DownloadFiles,
  ): Promise<ExportBatch | null>;
  exportAgain(batchId: string, download: DownloadFiles): Promise<ExportBatch | null>;
  loadSalesforceProfile(): Promise<void>;
  /** Remembers the org's profile; true when saved. */
  saveSalesforceProfile(profile: SalesforceProfile): Promise<boolean>;
  loadBatches(): Promise<void>;
  cancelExchange(): Promise<void>;
  /** A file picked for import: a CSV gets its mapping step, a bundle or .vcf goes straight to import. */
  pickImportFile(file: PickedFile): Promise<void>;
  /** `mapping`: header → field for a CSV (a header left out is kept as an imported field); `problemRows`: what to do with rows holding a problem value */
  runImport(mapping?: Record<string, string>, problemRows?: ProblemRowChoice): Promise<void>;
  resetImport(): void;
}

export const createExchangeSlice: SliceCreator<ExchangeSlice> = ({ api, bridge }) => (set, get) => {
  /**
   * Saves a produced export and records it once saved. The desktop app saves in the main
   * process (save dialog, atomic write) and records there; browser mode records once the
   * download is handed to the browser, the last moment a page can see.
   */
  async function saveAndRecord(result: ExportResult | null, download: DownloadFiles, part: ExchangePart): Promise<ExportBatch | null> {
    if (!result || result.cancelled) return null;
    const batchId = result.batch.id;
    let savedPath: string | null = null;
    const recorded = await withProgress(part, async () => {
      if (get().appInfo?.mode === 'electron') {
        const saved = await api['exchange.saveExport']({ batchId });
        if (!saved.saved) return null;
        savedPath = saved.path;
        return saved.batch;
      }
      download(result.files);
      return api['exchange.confirmExport']({ batchId });
    });
    if (recorded) {
      const { truncations, missingRequired, skipped, neutralized } = result;
      set({
        exportedFiles: result.files,
        lastBatch: recorded,
        lastExportPath: savedPath,
        lastExportSummary: { truncations, missingRequired, skipped, neutralized },
        exportPreview: null,
        exportNotice: null,
      });
    }
    else if (!get().exchangeError) set({ exportNotice: 'Not saved, so nothing was recorded: the leads stay not exported.' });
    await get().loadBatches();
    return recorded;
  }

  /** Runs a long call with progress events shown and errors kept for the screen. */
  async function withProgress<T>(part: ExchangePart, work: () => Promise<T>): Promise<T | null> {
    set({ exchangeBusy: true, exchangeError: null, exchangeErrorPart: null, exchangeProgress: null });
    const unsubscribe = bridge.on('exchange.progress', (progress) => set({ exchangeProgress: progress }));
    try {
      return await work();
    } catch (error) {
      set({ exchangeError: toUiError(error), exchangeErrorPart: part });
      return null;
    } finally {
      unsubscribe();
      set({ exchangeBusy: false, exchangeProgress: null });
    }
  }

  const counts = latestRequest();

  return {
    exportDraft: NEW_EXPORT,
    exportPreview: null,
    exportedFiles: [],
    lastBatch: null,
    lastExportPath: null,
    exportCount: null,
    lastExportSummary: null,
    salesforceProfile: null,
    salesforceProfileError: null,
    exportNotice: null,
    batches: [],
    exchangeBusy: false,
    exchangeProgress: null,
    exchangeError: null,
    exchangeErrorPart: null,
    csvPreview: null,
    pickedFile: null,
    importSummary: null,

    async countExportLeads(filter) {
      set({ exportCount: null });
      // Any format but the Salesforce Leads CSV previews as a bare count of the chosen leads (no file is produced).
      await counts.run(
        () => api['exchange.preview']({ format: 'bundle', filter }),
        (preview) => set({ exportCount: preview.leadCount }),
        (error) => set({ exchangeError: error, exchangeErrorPart: 'export' }),
      );
    },

    updateExportDraft(patch) {
      // Moving to another step leaves the export's last error behind: it belonged to the step it came from.
      const leavesError = patch.step !== undefined && patch.step !== get().exportDraft.step && get().exchangeErrorPart === 'export';
      set({ exportDraft: { ...get().exportDraft, ...patch }, ...(leavesError && { exchangeError: null, exchangeErrorPart: null }) });
    },

    startNewExport() {
      set({
        exportDraft: { ...get().exportDraft, step: 'leads' },
        exportPreview: null,
        lastBatch: null,
        lastExportPath: null,
        lastExportSummary: null,
        exportNotice: null,
        exchangeError: null,
        exchangeErrorPart: null,
      });
    },

    exportListedLeads(words) {
      get().startNewExport();
      get().updateExportDraft({ scope: 'listed', listed: { filter: get().listFilter(), words } });
      get().navigate({ screen: 'exchange' });
    },

    async previewExport(format, filter) {
      set({ exportPreview: null });
      const preview = await withProgress('export', () => api['exchange.preview']({ format, filter }));
      set({ exportPreview: preview });
    },

    async runExport(format, filter, options, download) {
      set({ exportNotice: null });
      return saveAndRecord(await withProgress('export', () => api['exchange.export']({ format, filter, ...options })), download, 'export');
    },

    async exportAgain(batchId, download) {
      set({ exportNotice: null });
      return saveAndRecord(await withProgress('history', () => api['exchange.exportAgain']({ batchId })), download, 'history');
    },

    async loadSalesforceProfile() {
      try {
        set({ salesforceProfile: await api['exchange.salesforceProfile']({}), salesforceProfileError: null });
      } catch (error) {
        set({ salesforceProfileError: toUiError(error) });
      }
    },

    async saveSalesforceProfile(profile) {
      set({ salesforceProfileError: null });
      try {
        set({ salesforceProfile: await api['exchange.saveSalesforceProfile'](profile) });
        return true;
      } catch (error) {
        set({ salesforceProfileError: toUiError(error) });
        return false;
      }
    },

    async loadBatches() {
      try {
        set({ batches: await api['exchange.batches']({}) });
      } catch (error) {
        set({ exchangeError: toUiError(error), exchangeErrorPart: 'history' });
      }
    },

    async cancelExchange() {
      await api['exchange.cancel']({});
    },

    async pickImportFile(file) {
      set({ pickedFile: file, csvPreview: null, importSummary: null, exchangeError: null, exchangeErrorPart: null });
      const lower = file.fileName.toLowerCase();
      if (lower.endsWith('.json') || lower.endsWith('.vcf') || lower.endsWith('.vcard')) {
        await get().runImport();
        return;
      }
      const preview = await withProgress('import', () => api['exchange.readCsv'](file));
      set({ csvPreview: preview });
    },

    async runImport(mapping, problemRows) {
      const file = get().pickedFile;
      if (!file) return;
      const summary = await withProgress('import', () =>
        api['exchange.import']({ ...file, ...(mapping && { mapping, rememberMapping: true }), ...(problemRows && { problemRows }) }),
      );
      if (summary) set({ importSummary: summary, csvPreview: null });
    },

    resetImport() {
      set({ pickedFile: null, csvPreview: null, importSummary: null, exchangeError: null, exchangeErrorPart: null });
    },
  };
};
