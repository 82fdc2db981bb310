import type { DuplicateReason } from './duplicates';
import type { LeadStatus } from './lead';

/** What an export can produce (README, "Exports"). */
export const EXPORT_FORMATS = ['salesforce-leads', 'salesforce-converted', 'hubspot', 'vcard', 'bundle'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** How the leads of an export are chosen; every part given narrows the choice. */
export interface ExportFilter {
  /** one show; absent: every show */
  eventId?: string | undefined;
  status?: LeadStatus | undefined;
  /** only leads no batch has carried yet */
  onlyNew?: boolean | undefined;
  /** exactly these leads (a selection in the list) */
  leadIds?: string[] | undefined;
}

/** One file of an export, as text (CSV, vCard and bundle are all UTF-8 text). */
export interface ExportedFile {
  name: string;
  mime: string;
  content: string;
}

export interface ExportBatch {
  id: string;
  /** UTC ISO 8601 */
  createdAt: string;
  createdBy: string;
  format: ExportFormat;
  filter: ExportFilter;
  fileName: string;
  sha256: string;
  leadCount: number;
  /** leads left out for missing LastName/Company */
  skippedCount: number;
  /** the batch this one exported again, or null */
  repeatOf: string | null;
}

/** A value cut to its Salesforce field length. */
export interface ExportTruncation {
  leadId: string;
  field: string;
  from: number;
  to: number;
}

/** What the person sees before exporting: how many leads and what a CRM would refuse or cut. */
export interface ExportPreview {
  leadCount: number;
  /** leads without LastName or Company (Salesforce refuses them), with their names for the list */
  missingRequired: Array<{ leadId: string; name: string; missing: string[] }>;
  truncations: ExportTruncation[];
}

/**
 * A produced export — its files, and the batch that is recorded once they are written
 * (`exchange.confirmExport`, or `exchange.saveExport` in the desktop app) — or one Cancel
 * stopped. Until confirmed, nothing is recorded: the leads stay "not exported".
 */
export type ExportResult =
  | {
      cancelled: false;
      /** recorded only once the files are written and the export confirmed */
      batch: ExportBatch;
      files: ExportedFile[];
      truncations: ExportTruncation[];
    }
  | { cancelled: true };

/** The desktop app's save of a produced export: saved where the person chose and recorded, or the dialog cancelled (nothing recorded). */
export type SavedExport = { saved: false } | { saved: true; batch: ExportBatch; path: string };

export interface ImportSummary {
  added: number;
  updated: number;
  /** leads added that look like a lead already there (flagged for the duplicates view) */
  flagged: number;
  /** records already there and unchanged, or rows with nothing usable */
  skipped: number;
  /** per kind of record in a bundle, e.g. { leads: 3, timeline: 9 } added */
  details: Record<string, number>;
  /** true when Cancel stopped it: nothing was written */
  cancelled: boolean;
}

/** What kind of file an import reads, from its name or its first characters. */
export type ImportKind = 'bundle' | 'csv' | 'vcard';

/** A CSV's header row and what LeadBooth would do with it, before anything is imported. */
export interface CsvImportPreview {
  headers: string[];
  /** the remembered mapping for this header row, else the guess */
  mapping: Record<string, string>;
  remembered: boolean;
  /** the first rows, values as in the file */
  sample: string[][];
  rowCount: number;
}

/** A likely duplicate an import found. */
export interface DuplicateFlag {
  leadId: string;
  otherLeadId: string;
  reasons: DuplicateReason[];
  source: string;
  flaggedAt: string;
}

/** A long export or import: how far it is (event `exchange.progress`). */
export interface ExchangeProgress {
  job: string;
  /** "export" or "import" */
  kind: 'export' | 'import';
  done: number;
  total: number;
}
