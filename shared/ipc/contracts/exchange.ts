import { z } from 'zod';
import {
  EXPORT_FORMATS,
  PROBLEM_ROW_CHOICES,
  type CsvImportPreview,
  type ExportBatch,
  type ExportBatchInHistory,
  type ExportPreview,
  type ExportResult,
  type ImportSummary,
  type SalesforceProfile,
  type SavedExport,
} from '../../domain/exchange';
import { LEAD_STATUSES } from '../../domain/lead';
import { reviewFilterSchema } from '../../domain/review';
import { channel, noInput } from '../channel';

/**
 * A file the renderer sends (base64: a CSV may be Windows-1252 bytes). Browser mode's
 * request limit (42 MB) bounds it; bigger files go through `leadbooth import`.
 */
const MAX_IMPORT_BASE64_LENGTH = Math.ceil((30 * 1024 * 1024 * 4) / 3);

const format = z.enum(EXPORT_FORMATS, { message: `The format is one of: ${EXPORT_FORMATS.join(', ')}.` });

const exportFilterSchema = z
  .object({
    eventId: z.uuid().optional(),
    status: z.enum(LEAD_STATUSES).optional(),
    onlyNew: z.boolean().optional(),
    leadIds: z.array(z.uuid()).max(200_000).optional(),
    /** The review list's filter as it stood ("Export these N leads"): checked as strictly as `leads.query` checks it. */
    review: reviewFilterSchema.optional(),
  })
  .strict();

const statusValue = z
  .string()
  .trim()
  .min(1, { message: 'Give the Lead Status value of your org (Setup → Object Manager → Lead → Fields → Lead Status).' })
  .max(40, { message: 'A Lead Status value is at most 40 characters.' });

/** A Salesforce profile as the Export screen and `leadbooth export --profile FILE` give it. */
export const salesforceProfileSchema = z
  .object({
    // One value per LeadBooth status; `satisfies` below fails to compile if a status is added and not listed here.
    statusValues: z.object({ New: statusValue, Working: statusValue, Qualified: statusValue, Unqualified: statusValue, Converted: statusValue }).strict(),
    neverAskedOptedOut: z.boolean(),
  })
  .strict() satisfies z.ZodType<SalesforceProfile>;

const importedFile = {
  fileName: z.string().trim().min(1).max(255),
  base64: z.string().max(MAX_IMPORT_BASE64_LENGTH, { message: 'The file is larger than 30 MB: import it with "leadbooth import" instead.' }),
};

/** Export batches (Salesforce, HubSpot, vCard, bundle), their history, and imports. Long runs report `exchange.progress`. */
export const exchangeChannels = {
  'exchange.preview': channel<ExportPreview>()(z.object({ format, filter: exportFilterSchema }).strict()),
  'exchange.export': channel<ExportResult>()(
    z.object({ format, filter: exportFilterSchema, skipMissingRequired: z.boolean().optional(), withImportedFields: z.boolean().optional() }).strict(),
  ),
  /** The remembered Salesforce profile (Salesforce's defaults until one is saved). */
  'exchange.salesforceProfile': channel<SalesforceProfile>()(noInput),
  'exchange.saveSalesforceProfile': channel<SalesforceProfile>()(salesforceProfileSchema),
  'exchange.exportAgain': channel<ExportResult>()(z.object({ batchId: z.uuid() }).strict()),
  /** Records a produced export as a batch once its files are written (browser mode: after the download was handed over). */
  'exchange.confirmExport': channel<ExportBatch>()(z.object({ batchId: z.uuid() }).strict()),
  /** Desktop app: the save dialog, an atomic private write there, then the batch recorded; cancelled: nothing recorded. */
  'exchange.saveExport': channel<SavedExport>()(z.object({ batchId: z.uuid() }).strict()),
  'exchange.batches': channel<ExportBatchInHistory[]>()(z.object({ limit: z.number().int().min(1).max(1000).optional() }).strict()),
  'exchange.cancel': channel<{ cancelled: boolean }>()(noInput),
  'exchange.readCsv': channel<CsvImportPreview>()(z.object(importedFile).strict()),
  'exchange.import': channel<ImportSummary>()(
    z
      .object({
        ...importedFile,
        eventId: z.uuid().optional(),
        mapping: z.record(z.string(), z.string()).optional(),
        rememberMapping: z.boolean().optional(),
        /** rows with a problem value: keep the value aside and import them (default), leave them out, or refuse the file */
        problemRows: z.enum(PROBLEM_ROW_CHOICES).optional(),
      })
      .strict(),
  ),
};
