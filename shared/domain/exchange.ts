import type { DuplicateReason } from './duplicates';
import type { LeadStatus } from './lead';
import type { ReviewFilter } from './review';

/** What an export can produce (docs/exchange.md). */
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
  /**
   * the leads the review list's filter matches (its words, show, status, rating, dates…),
   * resolved by the list's own query in the main process: "Export these N leads"
   */
  review?: ReviewFilter | undefined;
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

/** A lead a batch carried, as the batch history names it. */
export interface BatchLead {
  leadId: string;
  name: string;
}

/**
 * A batch as the history lists it: with the names of the first leads it carried (at most
 * `BATCH_LEADS_NAMED` of them, those still in the database, in capture order); `leadCount` says how many it carried.
 */
export interface ExportBatchInHistory extends ExportBatch {
  leads: BatchLead[];
}

/** How many of a batch's leads the history names; the rest are counted ("and 212 more"). */
export const BATCH_LEADS_NAMED = 50;

/** A value cut to its Salesforce field length. */
export interface ExportTruncation {
  /** the lead's id, or the account's, contact's or opportunity's in the converted export */
  leadId: string;
  /** the person's (or record's) name, for the list the user reads */
  name: string;
  field: string;
  from: number;
  to: number;
}

/** A lead Salesforce would refuse: no LastName or no Company. */
export interface MissingRequiredLead {
  leadId: string;
  name: string;
  missing: string[];
}

/**
 * Why chosen leads were left out of an export: `converted` (a Leads CSV carries open leads;
 * converted ones go out as Accounts/Contacts/Opportunities), `missing_required` (left out
 * on request), `not_converted` (the converted export of a lead never converted).
 */
export type ExportSkipReason = 'converted' | 'missing_required' | 'not_converted';
export interface ExportSkip {
  reason: ExportSkipReason;
  count: number;
}

/** Cells that got a leading `'` so no spreadsheet runs them (column → count); docs/exchange.md. */
export type NeutralizedCells = Record<string, number>;

/** What the person sees before exporting: how many leads and what a CRM would refuse or cut. */
export interface ExportPreview {
  leadCount: number;
  /** leads without LastName or Company (Salesforce refuses them), with their names for the list */
  missingRequired: MissingRequiredLead[];
  truncations: ExportTruncation[];
  /** chosen leads a Salesforce Leads export leaves out because they are converted */
  convertedCount: number;
}

/** What an export did beside writing its files: the user's summary (and the CLI's printout). */
export interface ExportSummary {
  truncations: ExportTruncation[];
  missingRequired: MissingRequiredLead[];
  skipped: ExportSkip[];
  neutralized: NeutralizedCells;
}

/**
 * A produced export — its files, and the batch that is recorded once they are written
 * (`exchange.confirmExport`, or `exchange.saveExport` in the desktop app) — or one Cancel
 * stopped. Until confirmed, nothing is recorded: the leads stay "not exported".
 */
export type ExportResult =
  | ({
      cancelled: false;
      /** recorded only once the files are written and the export confirmed */
      batch: ExportBatch;
      files: ExportedFile[];
    } & ExportSummary)
  | { cancelled: true };

/**
 * A value or row of an imported file that could not go where it was meant to: an email that
 * does not validate, a value longer than its field, a line a reader could not read.
 */
export interface ImportProblem {
  /** 1-based line of the file where the row or card starts (or the line itself) */
  line: number;
  /** the column or vCard property as the file names it ('' when the whole row is meant) */
  field: string;
  value: string;
  why: string;
  /** what the import does with it when problem rows are imported (the default) */
  whenKept: string;
}

/**
 * What to do with rows (cards) that hold a problem value: import them with the value kept
 * aside (`keep`, the default), leave those rows out (`skip`), or refuse the whole file
 * (`strict`: nothing is imported while any row has a problem).
 */
export const PROBLEM_ROW_CHOICES = ['keep', 'skip', 'strict'] as const;
export type ProblemRowChoice = (typeof PROBLEM_ROW_CHOICES)[number];

/**
 * A Salesforce org's choices for the Leads CSV, remembered on the laptop (docs/exchange.md, "Salesforce
 * profile"): the org's Lead Status picklist values for our statuses, and whether a person
 * never asked for consent counts as opted out of email.
 */
export interface SalesforceProfile {
  statusValues: Record<LeadStatus, string>;
  neverAskedOptedOut: boolean;
}

/** Salesforce's own default Lead Status picklist. */
export const DEFAULT_SALESFORCE_PROFILE: SalesforceProfile = {
  statusValues: {
    New: 'Open - Not Contacted',
    Working: 'Working - Contacted',
    Qualified: 'Working - Contacted',
    Unqualified: 'Closed - Not Converted',
    Converted: 'Closed - Converted',
  },
  neverAskedOptedOut: false,
};

/** The desktop app's save of a produced export: saved where the person chose and recorded, or the dialog cancelled (nothing recorded). */
export type SavedExport = { saved: false } | { saved: true; batch: ExportBatch; path: string };

export interface ImportSummary {
  added: number;
  updated: number;
  /** leads added that look like a lead already there (flagged for the duplicates view) */
  flagged: number;
  /** records already there and unchanged, rows with nothing usable, and problem rows left out */
  skipped: number;
  /** per kind of record in a bundle, e.g. { leads: 3, timeline: 9 } added */
  details: Record<string, number>;
  /** true when Cancel stopped it: nothing was written */
  cancelled: boolean;
  /** the file's columns (vCard properties) kept on the leads as imported fields, in file order */
  keptColumns: string[];
  /** every problem value or row, in file order */
  problems: ImportProblem[];
  /** problem rows left out (the `skip` choice); also counted in `skipped` */
  skippedProblemRows: number;
  /** leads whose email did not validate: imported with the text kept aside, to be checked (their timeline says so) */
  toReview: number;
}

/** The fields that identify a person: a CSV mapping must send a column to one of them, or the import would keep nobody. */
export const IDENTIFYING_IMPORT_TARGETS: readonly string[] = ['firstName', 'lastName', 'fullName', 'company', 'email', 'phone', 'mobile'];

/** What kind of file an import reads, from its name or its first characters. */
export type ImportKind = 'bundle' | 'csv' | 'vcard';

/** A CSV's header row and what LeadBooth would do with it, before anything is imported. */
export interface CsvImportPreview {
  headers: string[];
  /** the remembered mapping for this header row, else the guess; a column not in it is kept as an imported field */
  mapping: Record<string, string>;
  remembered: boolean;
  /** the first rows, values as in the file */
  sample: string[][];
  rowCount: number;
  /** false when the file's first row is data, not column names (the headers are then "Column 1", …) */
  hasHeader: boolean;
  /**
   * Why the columns must be mapped by hand before importing ('' when the mapping will do):
   * no header row, or no column recognised as a name, company, email or phone.
   */
  needsMapping: string;
  /** columns the mapping leaves to the leads' imported fields */
  keptColumns: string[];
  /** problem values with the mapping shown, in file order */
  problems: ImportProblem[];
  /** rows holding at least one problem */
  problemRows: number;
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
