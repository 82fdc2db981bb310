/**
 * Export batches: choose leads (a show, a status, only those not exported yet, the review
 * list's filter, or exact ids) and produce the file(s) of a format; the batch (who, when, format, filter, lead ids,
 * file name, SHA-256) is recorded, and its leads and converted records marked exported, only
 * once the caller has written the files: an export counts only once written.
 *
 * Two steps, so that a file that could not be written (a full disk, a folder we may not
 * write in, a cancelled save dialog) leaves no batch and no mark:
 * 1. exportBatch / exportBatchAgain produce the files and remember the batch as pending
 *    (the exact lead ids the files carry), in this process;
 * 2. the caller writes the files, then confirmExport records the batch, in one transaction
 *    (saveExportToChosenPlace does both in the desktop app: save dialog, atomic write, confirm).
 * The CLI writes to --out (write-export-files.ts) and confirms with the SHA-256 of what it
 * wrote; the renderer hands a download to the browser and confirms.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type {
  ExportBatch,
  ExportBatchInHistory,
  ExportedFile,
  ExportFilter,
  ExportFormat,
  ExportPreview,
  ExportResult,
  ExportSkip,
  ExportSummary,
  ExportTruncation,
  MissingRequiredLead,
  NeutralizedCells,
  SalesforceProfile,
  SavedExport,
} from '../../shared/domain/exchange';
import { BATCH_LEADS_NAMED } from '../../shared/domain/exchange';
import { showTimeZone, type ShowEvent } from '../../shared/domain/event';
import type { Lead } from '../../shared/domain/lead';
import { AppError } from '../../shared/ipc/errors';
import { markConversionsExported } from '../db/repositories/conversions';
import { listEvents } from '../db/repositories/events';
import { findExportBatch, insertExportBatch, listBatchLeadIds, listExportBatches } from '../db/repositories/export-batches';
import { countChosenLeads, readChosenLeadsInSlices, type ChosenShape, type ExportChoice } from '../db/repositories/export-choice';
import { readConvertedRecords } from '../db/repositories/converted-records';
import { readSectionRecords } from '../db/repositories/bundle-tables';
import type { Database } from '../db/schema';
import { hubspotContactsCsv } from '../exchange/hubspot-contacts-csv';
import { BUNDLE_FORMAT, BUNDLE_VERSION, writeBundle } from '../exchange/leadbooth-bundle';
import type { BundleRecord } from '../../shared/domain/bundle';
import { BUNDLE_SECTIONS } from '../db/bundle-sections';
import { attachFieldClocks } from '../sync/bundle-merge';
import { syncedTableOfTable } from '../sync/synced-tables';
import { showCurrency } from '../../shared/domain/currency';
import { salesforceConvertedCsvs } from '../exchange/salesforce-converted-csv';
import { salesforceLeadsCsv, type SalesforceLeadsCsv } from '../exchange/salesforce-leads-csv';
import { leadsToVcards } from '../exchange/vcard-writer';
import { ExportWriteError, writeExportFiles } from '../exchange/write-export-files';
import { duplicateSnapshot } from './duplicate-groups-service';
import { runExchangeJob, SLICE_SIZE, type ExchangeJob } from './exchange-jobs';
import { getSalesforceProfile } from './salesforce-profile-service';
import { nowIso, type ServiceContext } from './service-context';
import { currentActor } from './timeline-recorder';

export interface ExportRequest {
  format: ExportFormat;
  filter: ExportFilter;
  /** leave out leads missing LastName or Company (Salesforce Leads CSV only) */
  skipMissingRequired?: boolean | undefined;
  /** the org's status values and consent rule for this export (CLI --profile); absent: the remembered profile */
  salesforceProfile?: SalesforceProfile | undefined;
  /** a column per imported field the leads carry (Salesforce Leads and HubSpot CSVs) */
  withImportedFields?: boolean | undefined;
}

const CSV_MIME = 'text/csv;charset=utf-8';

/** A filter with what resolving it needs: the duplicate rule's groups, when its review filter asks about duplicates. */
async function choiceOf(db: Kysely<Database>, filter: ExportFilter): Promise<ExportChoice> {
  return { filter, duplicates: filter.review?.duplicate ? (await duplicateSnapshot(db)).membership : null };
}

/**
 * The leads a filter chooses (whole leads, or their ids), in capture order, read a slice at a
 * time with progress between slices; null when cancelled.
 */
async function readChosen<Shape extends ChosenShape>(
  db: Kysely<Database>,
  filter: ExportFilter,
  job: ExchangeJob,
  shape: Shape,
): Promise<Array<Shape extends 'lead' ? Lead : string> | null> {
  const choice = await choiceOf(db, filter);
  const total = await countChosenLeads(db, choice);
  const items: Array<Shape extends 'lead' ? Lead : string> = [];
  const finished = await readChosenLeadsInSlices(db, choice, shape, {
    sliceSize: SLICE_SIZE,
    stop: () => job.cancelled,
    onSlice: async (slice) => {
      for (const item of slice) items.push(item);
      await job.progress(items.length, total);
    },
  });
  return finished ? items : null;
}

/** The leads a filter chooses, whole, in capture order; null when cancelled. */
async function readLeads(db: Kysely<Database>, filter: ExportFilter, job: ExchangeJob): Promise<Lead[] | null> {
  return readChosen(db, filter, job, 'lead');
}

/** The chosen leads as the format needs them: a bundle reads its records itself (collectBundleSections) and needs only their ids. */
type ChosenLeads = { format: 'bundle'; ids: string[] } | { format: Exclude<ExportFormat, 'bundle'>; ids: string[]; leads: Lead[] };

async function readChosenFor(db: Kysely<Database>, format: ExportFormat, filter: ExportFilter, job: ExchangeJob): Promise<ChosenLeads | null> {
  if (format === 'bundle') {
    const ids = await readChosen(db, filter, job, 'id');
    return ids && { format, ids };
  }
  const leads = await readLeads(db, filter, job);
  return leads && { format, ids: leads.map((lead) => lead.id), leads };
}

function displayName(lead: Lead): string {
  return `${lead.firstName} ${lead.lastName}`.trim() || lead.company || lead.email || lead.id;
}

/**
 * What the CSVs need to know about the shows: the name, the time zone a lead's capture day
 * is written in and the currency of an opportunity's amount (its show's; the laptop's for a
 * show without one or a record without a show).
 */
interface ShowFacts {
  eventName: (eventId: string) => string | undefined;
  timeZoneOf: (lead: Lead) => string;
  /** An opportunity's currency: its show's (the laptop's for a show without one or an opportunity without a show). */
  currencyOf: (record: { eventId: string | null }) => string;
}

async function showFacts(db: Kysely<Database>): Promise<ShowFacts> {
  const shows = new Map<string, ShowEvent>((await listEvents(db)).map((event) => [event.id, event]));
  return {
    eventName: (id) => shows.get(id)?.name,
    timeZoneOf: (lead) => showTimeZone(lead.eventId === null ? undefined : shows.get(lead.eventId)),
    currencyOf: (record) => showCurrency(record.eventId === null ? undefined : shows.get(record.eventId)),
  };
}

/** The Salesforce Leads CSV(s) of these leads, as the profile and the shows say. */
async function leadsCsvOf(
  context: ServiceContext,
  leads: readonly Lead[],
  options: { skipMissingRequired: boolean; profile: SalesforceProfile | undefined; withImportedFields?: boolean },
): Promise<SalesforceLeadsCsv> {
  return salesforceLeadsCsv(leads, {
    ...(await showFacts(context.db)),
    skipMissingRequired: options.skipMissingRequired,
    profile: options.profile ?? (await getSalesforceProfile(context)),
    withImportedFields: options.withImportedFields ?? false,
  });
}

/** The leads Salesforce refuses and the values it cuts, each with the person's name for the list. */
function namedWarnings(leads: readonly Lead[], csv: SalesforceLeadsCsv): { missingRequired: MissingRequiredLead[]; truncations: ExportTruncation[] } {
  const byId = new Map(leads.map((lead) => [lead.id, lead]));
  const nameOf = (id: string) => {
    const lead = byId.get(id);
    return lead ? displayName(lead) : id;
  };
  return {
    missingRequired: csv.missingRequired.map((item) => ({ leadId: item.leadId, name: nameOf(item.leadId), missing: item.missing })),
    truncations: csv.truncations.map((cut) => ({ leadId: cut.leadId, name: nameOf(cut.leadId), field: cut.field, from: cut.from, to: cut.to })),
  };
}

/** What an export of these leads would carry, and what Salesforce would refuse or cut. */
export async function previewExport(context: ServiceContext, request: Omit<ExportRequest, 'skipMissingRequired'>): Promise<ExportPreview> {
  if (request.format !== 'salesforce-leads') {
    return { leadCount: await countChosenLeads(context.db, await choiceOf(context.db, request.filter)), missingRequired: [], truncations: [], convertedCount: 0 };
  }
  return runExchangeJob(context, 'export', async (job) => {
    const leads = (await readLeads(context.db, request.filter, job)) ?? [];
    const csv = await leadsCsvOf(context, leads, { skipMissingRequired: false, profile: request.salesforceProfile });
    return { leadCount: leads.length, ...namedWarnings(leads, csv), convertedCount: csv.convertedLeadIds.length };
  });
}

function fileStamp(at: Date): string {
  return at.toISOString().slice(0, 16).replace('T', '-').replace(':', '');
}

function sha256Of(files: readonly ExportedFile[]): string {
  const hash = createHash('sha256');
  for (const file of files) hash.update(file.content, 'utf8');
  return hash.digest('hex');
}

interface Produced extends ExportSummary {
  files: ExportedFile[];
  /** the leads the files carry (a Salesforce export may skip some) */
  leadIds: string[];
  skippedCount: number;
  /** leads whose converted records went out: their conversions can no longer be undone */
  convertedLeadIds: string[];
}

/** The skip reasons that left someone out, with how many each. */
function skipsOf(counts: Partial<Record<ExportSkip['reason'], number>>): ExportSkip[] {
  return Object.entries(counts).flatMap(([reason, count]) => (count ? [{ reason: reason as ExportSkip['reason'], count }] : []));
}

async function produce(
  context: ServiceContext,
  chosen: ChosenLeads,
  options: { skipMissingRequired: boolean; profile: SalesforceProfile | undefined; withImportedFields: boolean; stamp: string; everything: boolean; at: string },
): Promise<Produced> {
  const base = `leadbooth-${chosen.format}-${options.stamp}`;
  const ids = chosen.ids;
  const plain = (file: ExportedFile, neutralized: NeutralizedCells = {}): Produced => ({
    files: [file],
    leadIds: ids,
    skippedCount: 0,
    truncations: [],
    missingRequired: [],
    skipped: [],
    neutralized,
    convertedLeadIds: [],
  });
  switch (chosen.format) {
    case 'salesforce-leads': {
      const leads = chosen.leads;
      const csv = await leadsCsvOf(context, leads, { skipMissingRequired: options.skipMissingRequired, profile: options.profile, withImportedFields: options.withImportedFields });
      // One file keeps the batch's name; past the Import Wizard's limit they are numbered in order.
      const files =
        csv.files.length === 1
          ? [{ name: `${base}.csv`, mime: CSV_MIME, content: csv.files[0] as string }]
          : csv.files.map((content, index) => ({ name: `Leads-${index + 1}.csv`, mime: CSV_MIME, content }));
      const leftOutIncomplete = options.skipMissingRequired ? csv.missingRequired.length : 0;
      return {
        files,
        leadIds: csv.leadIds,
        skippedCount: leads.length - csv.leadIds.length,
        ...namedWarnings(leads, csv),
        skipped: skipsOf({ converted: csv.convertedLeadIds.length, missing_required: leftOutIncomplete }),
        neutralized: csv.neutralized,
        convertedLeadIds: [],
      };
    }
    case 'hubspot': {
      const csv = hubspotContactsCsv(chosen.leads, { timeZoneOf: (await showFacts(context.db)).timeZoneOf, withImportedFields: options.withImportedFields });
      return plain({ name: `${base}.csv`, mime: CSV_MIME, content: csv.text }, csv.neutralized);
    }
    case 'vcard':
      return plain({ name: `${base}.vcf`, mime: 'text/vcard;charset=utf-8', content: leadsToVcards(chosen.leads) });
    case 'bundle': {
      const sections = await collectBundleSections(context.db, options.everything ? null : ids);
      const text = writeBundle({ format: BUNDLE_FORMAT, version: BUNDLE_VERSION, exportedAt: options.at, sections }, BUNDLE_SECTIONS);
      return plain({ name: `${base}.leadbooth.json`, mime: 'application/json', content: text });
    }
    case 'salesforce-converted':
      return produceConverted(context.db, ids);
  }
}

async function produceConverted(db: Kysely<Database>, leadIds: readonly string[]): Promise<Produced> {
  const { conversions, accounts, contacts, opportunities, contactRoles, leadNotes } = await readConvertedRecords(db, leadIds);
  // The notes of the lead(s) a record came from: a contact two leads were converted into keeps both, oldest first.
  const notesOf = new Map<string, string>();
  const addNotes = (recordId: string, notes: string) => {
    if (notes.trim() === '') return;
    const before = notesOf.get(recordId);
    notesOf.set(recordId, before ? `${before}\n\n${notes}` : notes);
  };
  for (const row of conversions) {
    const notes = leadNotes.get(row.leadId) ?? '';
    addNotes(row.contactId, notes);
    if (row.opportunityId) addNotes(row.opportunityId, notes);
  }
  const { currencyOf } = await showFacts(db);
  const csvs = salesforceConvertedCsvs({ accounts, contacts, opportunities, contactRoles, notesOf, currencyOf });
  const converted = conversions.map((row) => row.leadId);
  return {
    files: [
      { name: 'Accounts.csv', mime: CSV_MIME, content: csvs.accounts },
      { name: 'Contacts.csv', mime: CSV_MIME, content: csvs.contacts },
      { name: 'Opportunities.csv', mime: CSV_MIME, content: csvs.opportunities },
      { name: 'OpportunityContactRoles.csv', mime: CSV_MIME, content: csvs.contactRoles },
    ],
    leadIds: converted,
    skippedCount: leadIds.length - converted.length,
    truncations: csvs.truncations.map((cut) => ({ leadId: cut.recordId, name: cut.recordName, field: cut.field, from: cut.from, to: cut.to })),
    missingRequired: [],
    skipped: skipsOf({ not_converted: leadIds.length - converted.length }),
    neutralized: csvs.neutralized,
    convertedLeadIds: converted,
  };
}

/**
 * The bundle's sections for these leads (null: the whole database): the leads and what
 * hangs on them, the records their conversions made, and the shows they refer to.
 */
async function collectBundleSections(db: Kysely<Database>, leadIds: readonly string[] | null): Promise<Record<string, BundleRecord[]>> {
  const sections: Record<string, BundleRecord[]> = {};
  const section = (name: string) => {
    const found = BUNDLE_SECTIONS.find((candidate) => candidate.name === name);
    if (!found) throw new Error(`no bundle section ${name}`);
    return found;
  };
  if (leadIds === null) {
    for (const each of BUNDLE_SECTIONS) sections[each.name] = await readSectionRecords(db, each);
    await attachBundleClocks(db, sections);
    return sections;
  }
  const byLead = { column: 'lead_id', values: leadIds };
  sections.leads = await readSectionRecords(db, section('leads'), { column: 'id', values: leadIds });
  sections.answers = await readSectionRecords(db, section('answers'), byLead);
  sections.timeline = await readSectionRecords(db, section('timeline'), byLead);
  sections.conversions = await readSectionRecords(db, section('conversions'), byLead);
  sections.cardScans = await readSectionRecords(db, section('cardScans'), byLead);
  const ids = (records: BundleRecord[], column: string) => [...new Set(records.flatMap((record) => (typeof record[column] === 'string' ? [record[column] as string] : [])))];
  sections.opportunities = await readSectionRecords(db, section('opportunities'), { column: 'id', values: ids(sections.conversions, 'opportunity_id') });
  sections.contacts = await readSectionRecords(db, section('contacts'), { column: 'id', values: ids(sections.conversions, 'contact_id') });
  const accountIds = [...new Set([...ids(sections.conversions, 'account_id'), ...ids(sections.contacts, 'account_id'), ...ids(sections.opportunities, 'account_id')])];
  sections.accounts = await readSectionRecords(db, section('accounts'), { column: 'id', values: accountIds });
  const opportunityIds = sections.opportunities.map((record) => record.id as string);
  const contactIds = new Set(sections.contacts.map((record) => record.id as string));
  sections.contactRoles = (await readSectionRecords(db, section('contactRoles'), { column: 'opportunity_id', values: opportunityIds })).filter((record) =>
    contactIds.has(record.contact_id as string),
  );
  sections.stageHistory = await readSectionRecords(db, section('stageHistory'), { column: 'opportunity_id', values: opportunityIds });
  const leadSet = new Set(leadIds);
  const opportunitySet = new Set(opportunityIds);
  const activities = [
    ...(await readSectionRecords(db, section('activities'), byLead)),
    ...(await readSectionRecords(db, section('activities'), { column: 'opportunity_id', values: opportunityIds })).filter(
      (record) => !leadSet.has(record.lead_id as string),
    ),
  ];
  // An activity of a lead outside the bundle keeps its opportunity only; one of an opportunity outside keeps its lead only.
  sections.activities = activities.map((record) => ({
    ...record,
    lead_id: leadSet.has(record.lead_id as string) ? record.lead_id ?? null : null,
    opportunity_id: opportunitySet.has(record.opportunity_id as string) ? record.opportunity_id ?? null : null,
  }));
  const eventIds = [...new Set([...ids(sections.leads, 'event_id'), ...ids(sections.opportunities, 'event_id')])];
  sections.shows = await readSectionRecords(db, section('shows'), { column: 'id', values: eventIds });
  sections.criteria = await readSectionRecords(db, section('criteria'), { column: 'event_id', values: eventIds });
  await attachBundleClocks(db, sections);
  return sections;
}

/** The field clocks of the records an importing laptop merges field by field (bundle-merge.ts). */
async function attachBundleClocks(db: Kysely<Database>, sections: Record<string, BundleRecord[]>): Promise<void> {
  for (const each of BUNDLE_SECTIONS) {
    const synced = each.byField ? syncedTableOfTable(each.table) : undefined;
    if (synced) await attachFieldClocks(db, synced, sections[each.name] ?? []);
  }
}

/** Produces an export of the leads the filter chooses; the batch waits for confirmExport. */
async function exportChosen(
  context: ServiceContext,
  job: ExchangeJob,
  request: ExportRequest & {
    everything: boolean;
    repeatOf: string | null;
    nothingChosen: string;
    /** what the batch records as its filter (a repeat records the first batch's, not 100k ids) */
    recordedFilter?: ExportFilter;
  },
): Promise<ExportResult> {
  const chosen = await readChosenFor(context.db, request.format, request.filter, job);
  if (chosen === null || job.cancelled) return { cancelled: true };
  if (chosen.ids.length === 0) throw new AppError('not_found', request.nothingChosen);
  const now = context.clock.now();
  const at = nowIso(context);
  const produced = await produce(context, chosen, {
    skipMissingRequired: request.skipMissingRequired ?? false,
    profile: request.salesforceProfile,
    withImportedFields: request.withImportedFields ?? false,
    stamp: fileStamp(now),
    everything: request.everything,
    at,
  });
  if (job.cancelled) return { cancelled: true };
  if (produced.leadIds.length === 0) {
    throw new AppError(
      'not_found',
      request.format === 'salesforce-converted'
        ? 'None of the chosen leads has been converted: there are no accounts, contacts or opportunities to export.'
        : produced.skipped.some((skip) => skip.reason === 'converted')
          ? 'Every chosen lead is converted or was left out: export converted leads as "Salesforce converted records" (accounts, contacts, opportunities).'
          : 'Every chosen lead was left out: nothing to export.',
    );
  }
  const first = produced.files[0] as ExportedFile;
  const batch: ExportBatch = {
    id: context.newId(),
    createdAt: at,
    createdBy: await currentActor(context.db),
    format: request.format,
    filter: request.recordedFilter ?? request.filter,
    fileName: produced.files.length === 1 ? first.name : `leadbooth-${request.format}-${fileStamp(now)}`,
    sha256: sha256Of(produced.files),
    leadCount: produced.leadIds.length,
    skippedCount: produced.skippedCount,
    repeatOf: request.repeatOf,
  };
  // Only the desktop app's save writes from here; elsewhere the caller holds the files already.
  rememberPending(context, { batch, files: context.chooseSavePlace ? produced.files : [], leadIds: produced.leadIds, convertedLeadIds: produced.convertedLeadIds });
  const { truncations, missingRequired, skipped, neutralized } = produced;
  return { cancelled: false, batch, files: produced.files, truncations, missingRequired, skipped, neutralized };
}

/** An export produced and not yet written: what confirmExport records. */
interface PendingExport {
  batch: ExportBatch;
  /** what saveExportToChosenPlace writes (kept only where there is a save dialog) */
  files: ExportedFile[];
  /** exactly the leads the files carry */
  leadIds: string[];
  convertedLeadIds: string[];
}

/**
 * A few exports wait for their files to be written, per database: a save dialog cancelled
 * leaves one behind, and the oldest goes once more are produced. Lead ids, plus the files
 * where the desktop app's save writes them.
 */
const PENDING_EXPORTS_KEPT = 4;
const pendingExports = new WeakMap<object, Map<string, PendingExport>>();

function rememberPending(context: ServiceContext, pending: PendingExport): void {
  let pendings = pendingExports.get(context.db);
  if (!pendings) pendingExports.set(context.db, (pendings = new Map()));
  pendings.set(pending.batch.id, pending);
  for (const id of pendings.keys()) {
    if (pendings.size <= PENDING_EXPORTS_KEPT) break;
    pendings.delete(id);
  }
}

function findPending(context: ServiceContext, batchId: string): PendingExport {
  const pending = pendingExports.get(context.db)?.get(batchId);
  if (!pending) {
    throw new AppError('not_found', 'This export is not waiting to be saved any more (it was recorded already, or LeadBooth restarted since): export again.');
  }
  return pending;
}

/**
 * Records a produced export as a batch, once its files are written: the leads it carried
 * count as exported from now on and its converted records can no longer be undone. `sha256`,
 * when given, is of the bytes the caller wrote; it must be what was produced.
 */
export async function confirmExport(context: ServiceContext, batchId: string, written: { sha256?: string | undefined } = {}): Promise<ExportBatch> {
  const pending = findPending(context, batchId);
  if (written.sha256 !== undefined && written.sha256 !== pending.batch.sha256) {
    throw new AppError('invalid_input', 'What was written is not the export that was produced, so it was not recorded. Export again.');
  }
  const { batch } = pending;
  // Taken out before the first await: a second confirm of the same export finds nothing instead of recording it twice.
  pendingExports.get(context.db)?.delete(batchId);
  try {
    await context.db.transaction().execute(async (trx) => {
      await insertExportBatch(trx, batch, pending.leadIds);
      // Exported converted records cannot be taken back by an undo any more.
      await markConversionsExported(trx, pending.convertedLeadIds, batch.createdAt);
    });
  } catch (error) {
    rememberPending(context, pending); // not recorded (busy, disk full): confirming again may work
    throw error;
  }
  context.notify('leads.changed', { ids: pending.leadIds.slice(0, 1000) });
  return batch;
}

/** A failed write of an export's files, as the person reads it: what went wrong, what to do, and that nothing counts as exported. */
export function exportNotWritten(error: unknown): AppError {
  const reason = error instanceof ExportWriteError ? error.message : `The files could not be written (${String(error)}).`;
  return new AppError('invalid_input', `${reason} Nothing was recorded: the leads stay not exported.`, undefined, { cause: error });
}

/**
 * The desktop app's save: asks where (the save dialog, or a folder for an export of several
 * files), writes the files atomically and privately there, then records the batch. A
 * cancelled dialog records nothing and the export stays pending, so Save can be tried again.
 */
export async function saveExportToChosenPlace(context: ServiceContext, batchId: string): Promise<SavedExport> {
  if (!context.chooseSavePlace) throw new AppError('not_found', 'Saving through a dialog is only in the desktop app: the browser downloads the file instead.');
  const pending = findPending(context, batchId);
  const several = pending.files.length > 1;
  const place = await context.chooseSavePlace({ suggestedName: several ? pending.batch.fileName : (pending.files[0] as ExportedFile).name, folder: several });
  if (place === null) return { saved: false };
  let written;
  try {
    written = writeExportFiles(several ? { folder: place } : { file: place }, pending.files);
  } catch (error) {
    throw exportNotWritten(error);
  }
  return { saved: true, batch: await confirmExport(context, batchId, written), path: place };
}

function isEverything(filter: ExportFilter): boolean {
  return !filter.eventId && !filter.status && !filter.onlyNew && !filter.leadIds && !filter.review;
}

export async function exportBatch(context: ServiceContext, request: ExportRequest): Promise<ExportResult> {
  return runExchangeJob(context, 'export', async (job) =>
    exportChosen(context, job, {
      ...request,
      everything: isEverything(request.filter),
      repeatOf: null,
      nothingChosen: request.filter.onlyNew
        ? 'Every lead chosen has been exported already: nothing new to export.'
        : 'No lead matches this choice: nothing to export.',
    }),
  );
}

/** The same leads in the same format once more (as they are now); recorded as a new batch that names the first. */
export async function exportBatchAgain(context: ServiceContext, batchId: string): Promise<ExportResult> {
  const batch = await findExportBatch(context.db, batchId);
  if (!batch) throw new AppError('not_found', 'This batch is not in the history any more.');
  return runExchangeJob(context, 'export', async (job) => {
    const ids = await listBatchLeadIds(context.db, batchId);
    return exportChosen(context, job, {
      format: batch.format,
      filter: { leadIds: ids },
      skipMissingRequired: false,
      everything: false,
      repeatOf: batch.id,
      recordedFilter: batch.filter,
      nothingChosen: 'The leads of this batch have all been deleted: nothing to export again.',
    });
  });
}

/** The history: newest first, each batch with the names of its first leads. */
export async function listBatches(context: ServiceContext, limit?: number): Promise<ExportBatchInHistory[]> {
  return listExportBatches(context.db, limit, BATCH_LEADS_NAMED);
}
