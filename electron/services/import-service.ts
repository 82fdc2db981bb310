/**
 * Imports: a LeadBooth bundle from another laptop (merged idempotently, ids kept), a CSV
 * of leads (badge-scan export, Salesforce or HubSpot export) with a column mapping, or a
 * `.vcf` file. The whole file is read and checked first; a malformed one (a quote never
 * closed, a card never ended) is refused with the line to look at and nothing is written.
 * One bad value does not sink a file: what a field cannot hold is kept on the lead's
 * imported fields and listed as a problem (imported-lead.ts); the caller chooses to import
 * such rows (default), leave them out, or refuse the file (`problemRows`). Then everything
 * is written in ONE transaction, a slice at a time with progress and a turn of the event
 * loop between slices; Cancel rolls it all back.
 *
 * Imported leads keep what the file says and get captureMethod "imported" and a
 * "captured (imported)" timeline entry. A lead that looks like one already here is added
 * and flagged (duplicate_flags) for the duplicates view, never merged silently. A card
 * whose UID an earlier import brought updates that lead instead (leads.source_uid).
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { blockingKeys, type DuplicateSubject, type MatchProfile } from '../../shared/domain/duplicates';
import { IDENTIFYING_IMPORT_TARGETS, type CsvImportPreview, type DuplicateFlag, type ImportKind, type ImportProblem, type ImportSummary, type ProblemRowChoice } from '../../shared/domain/exchange';
import { displayName, LEAD_CONTACT_FIELDS, type Lead } from '../../shared/domain/lead';
import type { FieldChange, TimelineDetails } from '../../shared/domain/timeline';
import { ContactPayloadError, readVcardFile, type ContactPayloadField, type VcardFile } from '../../shared/parsing/contact-payload';
import { AppError } from '../../shared/ipc/errors';
import { countRecordsHere, mergeSectionRecords, tableColumns, type TableColumn } from '../db/repositories/bundle-tables';
import { withWorkAfterCommit } from '../db/after-commit-work';
import { deferLeadIndexes, type DeferredIndexes } from '../db/repositories/deferred-indexes';
import { deferSearchIndexing } from '../db/repositories/deferred-search-index';
import { insertDuplicateFlags } from '../db/repositories/duplicate-flags';
import { listDuplicateSubjects } from '../db/repositories/duplicate-candidates';
import { findEventById, listEvents } from '../db/repositories/events';
import { findLeadById, findLeadBySourceUid, hasAnyLead, insertLeads, leadExists, saveLead } from '../db/repositories/leads';
import { appendTimelineEntries, type NewTimelineEntry } from '../db/repositories/timeline';
import { readSetting, writeSetting } from '../db/repositories/settings';
import type { Database } from '../db/schema';
import {
  CsvImportError,
  decodeCsvBytes,
  IMPORT_TARGETS,
  readLeadsCsv,
  type ColumnMapping,
  type CsvImport,
  type ImportedField,
} from '../exchange/csv-import';
import { BundleError, readBundle, type LeadBoothBundle } from '../exchange/leadbooth-bundle';
import type { BundleRecord } from '../../shared/domain/bundle';
import { BUNDLE_SECTIONS } from '../db/bundle-sections';
import { mergeBundleAccounts } from '../sync/account-merge';
import { keepBundleClocks, mergeBundleRecords } from '../sync/bundle-merge';
import { recordIdOf, syncedTableOfTable } from '../sync/synced-tables';
import { addSubject, DuplicateIndex, subjectColumns } from './duplicate-index';
import { ExchangeCancelled, runExchangeJob, SLICE_SIZE, type ExchangeJob } from './exchange-jobs';
import { searchImportDuplicates } from './import-duplicates';
import { checkRecord, leadFromChecked, type CheckedRecord, type IncomingRecord } from './imported-lead';
import { nowIso, type ServiceContext } from './service-context';
import { currentActor, record } from './timeline-recorder';

export interface ImportRequest {
  fileName: string;
  bytes: Uint8Array;
  /** the show new leads from a CSV or vCard join (default: the current show) */
  eventId?: string | undefined;
  /** CSV only: header → field (checked here); default: the remembered mapping for this header row, else the guess */
  mapping?: Record<string, string> | undefined;
  /** CSV only: remember `mapping` for files with the same header row */
  rememberMapping?: boolean | undefined;
  /** rows (cards) holding a problem value: imported with the value kept aside (default), left out, or the file refused */
  problemRows?: ProblemRowChoice | undefined;
}

/**
 * From a file this large (some 4,000 Google rows, a WAL of about 6 MB) the import leaves to a
 * worker thread after its commit (after-commit-work.ts) the lead indexes it dropped, if it did,
 * and the copy of the WAL into the database file; below, building them in the transaction and
 * the commit's own automatic checkpoint cost a few milliseconds.
 */
const WORK_AFTER_COMMIT_FROM = 1_000_000;

function importKindOf(fileName: string, text: string): ImportKind {
  const lower = fileName.toLowerCase();
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (lower.endsWith('.json') || start.startsWith('{')) return 'bundle';
  if (lower.endsWith('.vcf') || lower.endsWith('.vcard') || /^BEGIN:VCARD/i.test(start)) return 'vcard';
  return 'csv';
}

/** A CSV source is recognised by its header row: the same export tool writes the same headers. */
function headerSignature(headers: readonly string[]): string {
  return createHash('sha256').update(headers.join('\u0000')).digest('hex').slice(0, 32);
}

function checkMapping(mapping: Record<string, string>): ColumnMapping {
  const allowed = new Set<string>([...IMPORT_TARGETS, 'ignore']);
  for (const [header, target] of Object.entries(mapping)) {
    if (!allowed.has(target)) throw new AppError('invalid_input', `The column "${header}" is mapped to "${target}", which is not a lead field. Use one of: ${[...allowed].join(', ')}.`);
  }
  // Every target was checked against the list above.
  return mapping as ColumnMapping;
}

async function rememberedMapping(db: Kysely<Database>, headers: readonly string[]): Promise<ColumnMapping | undefined> {
  const stored = (await readSetting(db, 'csvMappings'))?.[headerSignature(headers)];
  return stored ? checkMapping(stored) : undefined;
}

function importFailure(error: unknown, fileName: string): never {
  if (error instanceof CsvImportError || error instanceof ContactPayloadError || error instanceof BundleError) {
    throw new AppError('invalid_input', `${fileName}: ${error.message} Nothing was imported.`);
  }
  throw error;
}

/** A CSV as read, with the optional parts the reader may give (whether row 1 is a header, what it could not read). */
type CsvRead = CsvImport & { hasHeader?: boolean; problems?: ReadonlyArray<{ line: number; field?: string; value?: string; why: string }> };

/** Why the columns must be mapped by hand first, or '' when the mapping will do. */
function mappingShortfall(parsed: CsvRead, mapping: ColumnMapping, mappedByPerson: boolean): string {
  if (parsed.hasHeader === false && !mappedByPerson) {
    return 'The file has no header row (its first row is a person, not column names): choose the field of each column (Column 1, Column 2, …).';
  }
  if (!Object.values(mapping).some((target) => IDENTIFYING_IMPORT_TARGETS.includes(target))) {
    return 'No column is recognised as a name, company, email or phone: choose the field of each column.';
  }
  return '';
}

/** The file's column each field's value came from: the first column mapped to it (a split full name: that column). */
function columnsOfFields(mapping: ColumnMapping): (field: ImportedField) => string {
  const byField = new Map<string, string>();
  for (const [header, target] of Object.entries(mapping)) {
    if (target === 'ignore') continue;
    if (target === 'fullName') {
      for (const part of ['firstName', 'lastName', 'salutation']) if (!byField.has(part)) byField.set(part, header);
    } else if (!byField.has(target)) byField.set(target, header);
  }
  return (field) => byField.get(field) ?? field;
}

/** The reader's own problems, by the line of the row they belong to. */
function readerProblemsByLine(parsed: CsvRead): Map<number, ImportProblem[]> {
  const byLine = new Map<number, ImportProblem[]>();
  for (const problem of parsed.problems ?? []) {
    const listed: ImportProblem = { line: problem.line, field: problem.field ?? '', value: problem.value ?? '', why: problem.why, whenKept: 'imported as read' };
    const list = byLine.get(problem.line);
    if (list) list.push(listed);
    else byLine.set(problem.line, [listed]);
  }
  return byLine;
}

/** The CSV's rows, checked. Each record is checked as it is made: 100,000 of them made first would all live until the last was. */
function checkedCsvRecords(parsed: CsvRead): CheckedRecord[] {
  const sourceOf = columnsOfFields(parsed.mapping);
  const byLine = readerProblemsByLine(parsed);
  const none: ImportProblem[] = [];
  return parsed.rows.map((row) => checkRecord({ line: row.line, fields: row.fields, sourceOf, kept: row.unmapped, sourceUid: '', readProblems: byLine.get(row.line) ?? none }));
}

/** Problems the reader found outside any row (a preamble, a line it could not split): listed, never attached to a lead. */
function csvFileProblems(parsed: CsvRead): ImportProblem[] {
  // Nearly every file has none: no set of 100,000 row lines to make then.
  if (!parsed.problems?.length) return [];
  const rowLines = new Set(parsed.rows.map((row) => row.line));
  return [...readerProblemsByLine(parsed).entries()].filter(([line]) => !rowLines.has(line)).flatMap(([, problems]) => problems);
}

function vcardRecords(file: VcardFile): IncomingRecord[] {
  return file.cards.map((card) => ({
    line: card.line,
    fields: card.fields,
    sourceOf: (field: ImportedField) => card.sources[field as ContactPayloadField] ?? field,
    kept: card.extras,
    sourceUid: card.uid,
    readProblems: card.problems.map((problem) => ({
      line: problem.line,
      field: '',
      value: problem.value,
      why: problem.why,
      whenKept: problem.keptAs ? `kept as the imported field “${problem.keptAs}”; the rest of the card is imported` : 'the card is imported as far as it could be read',
    })),
  }));
}

function vcardFileProblems(file: VcardFile): ImportProblem[] {
  return file.problems.map((problem) => ({ line: problem.line, field: '', value: problem.value, why: problem.why, whenKept: 'left out: it belongs to no card' }));
}

interface RememberedRead {
  parsed: CsvRead;
  remembered: ColumnMapping | undefined;
}

/**
 * The CSV read with the mapping remembered for its headers, else with the guess: the header row
 * is read first, so the rows are read once either way (a file without a header row twice when
 * a mapping is remembered for its columns). Throws CsvImportError as readLeadsCsv does.
 */
async function readCsvAsRemembered(db: Kysely<Database>, text: string): Promise<RememberedRead> {
  const head = readLeadsCsv(text, { headersOnly: true });
  const remembered = await rememberedMapping(db, head.headers);
  if (remembered) return { parsed: readLeadsCsv(text, { mapping: remembered }), remembered };
  return { parsed: head.headersOnly ? readLeadsCsv(text) : head, remembered };
}

/** The CSV's headers, the mapping that would be used, a few rows and every problem value: the mapping step before importing. */
export async function previewCsvImport(context: ServiceContext, request: Pick<ImportRequest, 'fileName' | 'bytes'>): Promise<CsvImportPreview> {
  let read: RememberedRead;
  try {
    read = await readCsvAsRemembered(context.db, decodeCsvBytes(request.bytes));
  } catch (error) {
    importFailure(error, request.fileName);
  }
  const { parsed, remembered } = read;
  const mapping = remembered ?? parsed.guessedMapping;
  const sample = parsed.rows.slice(0, 5).map((row) => {
    const byTarget = new Map<string, string>();
    for (const [field, value] of Object.entries(row.fields)) byTarget.set(field, value);
    return parsed.headers.map((header) => {
      const target = mapping[header];
      return target && target !== 'ignore' && target !== 'fullName' ? (byTarget.get(target) ?? '') : (row.unmapped[header] ?? '');
    });
  });
  const needsMapping = mappingShortfall(parsed, mapping, remembered !== undefined);
  const checked = needsMapping ? [] : checkedCsvRecords(parsed);
  const problems = [...csvFileProblems(parsed), ...checked.flatMap((record) => record.problems)].sort((a, b) => a.line - b.line);
  return {
    headers: parsed.headers,
    mapping,
    remembered: remembered !== undefined,
    sample,
    rowCount: parsed.rows.length,
    hasHeader: parsed.hasHeader ?? true,
    needsMapping,
    keptColumns: parsed.headers.filter((header) => mapping[header] === undefined),
    problems,
    problemRows: checked.filter((record) => record.problems.length > 0).length,
  };
}

const emptySummary = (): ImportSummary => ({
  added: 0,
  updated: 0,
  flagged: 0,
  skipped: 0,
  details: {},
  cancelled: false,
  keptColumns: [],
  problems: [],
  skippedProblemRows: 0,
  toReview: 0,
});

/** How a refused file's message lists its first problems. */
function describeProblems(problems: readonly ImportProblem[], limit = 3): string {
  const shown = problems.slice(0, limit).map((problem) => `line ${problem.line}${problem.field ? `, ${problem.field}` : ''}: ${problem.why}${problem.value ? ` (“${problem.value.slice(0, 60)}”)` : ''}`);
  return shown.join('; ') + (problems.length > limit ? `; and ${problems.length - limit} more` : '');
}

export async function importFile(context: ServiceContext, request: ImportRequest): Promise<ImportSummary> {
  const text = decodeCsvBytes(request.bytes);
  const kind = importKindOf(request.fileName, text);
  const choice = request.problemRows ?? 'keep';
  // Read and check the whole file before anything is written.
  let bundle: LeadBoothBundle | undefined;
  let checked: CheckedRecord[] = [];
  let fileProblems: ImportProblem[] = [];
  try {
    if (kind === 'bundle') bundle = readBundle(text, BUNDLE_SECTIONS);
    else if (kind === 'vcard') {
      const file = readVcardFile(text);
      checked = vcardRecords(file).map(checkRecord);
      fileProblems = vcardFileProblems(file);
    } else {
      // The text decoded above: decoding 100,000 rows again would cost as much as splitting them.
      // With the caller's mapping (the Import screen, --map) the file is read once, with it.
      let parsed: CsvRead;
      let mapped = true;
      if (request.mapping) parsed = readLeadsCsv(text, { mapping: checkMapping(request.mapping) });
      else {
        const read = await readCsvAsRemembered(context.db, text);
        parsed = read.parsed;
        mapped = read.remembered !== undefined;
      }
      const shortfall = mappingShortfall(parsed, parsed.mapping, mapped);
      if (shortfall) {
        throw new AppError(
          'invalid_input',
          `${request.fileName}: ${shortfall} Map them on the Import screen, or give "leadbooth import" --map FILE: a JSON object of column → field, such as {"Column 1": "lastName", "Column 2": "email"}. Nothing was imported.`,
        );
      }
      if (request.mapping && request.rememberMapping) {
        const all = (await readSetting(context.db, 'csvMappings')) ?? {};
        await writeSetting(context.db, 'csvMappings', { ...all, [headerSignature(parsed.headers)]: request.mapping }, nowIso(context));
      }
      checked = checkedCsvRecords(parsed);
      fileProblems = csvFileProblems(parsed);
    }
  } catch (error) {
    importFailure(error, request.fileName);
  }
  const problems = [...fileProblems, ...checked.flatMap((record) => record.problems)].sort((a, b) => a.line - b.line);
  if (choice === 'strict' && problems.length > 0) {
    const rows = new Set(problems.map((problem) => problem.line)).size;
    throw new AppError(
      'invalid_input',
      `${request.fileName}: ${rows} row${rows === 1 ? '' : 's'} hold${rows === 1 ? 's' : ''} values that cannot be imported as they are — ${describeProblems(problems)}. Fix the file, or import it without --strict (the values are then kept on the leads as imported fields). Nothing was imported.`,
    );
  }

  const store = context.store;
  const afterCommit = store !== undefined && request.bytes.length >= WORK_AFTER_COMMIT_FROM;
  return runExchangeJob(context, 'import', async (job) => {
    try {
      const write = () =>
        context.db.transaction().execute(async (trx) => {
          if (bundle) return importBundle(trx, context, job, bundle, request.fileName, afterCommit);
          return importLeads(trx, context, job, checked, request, choice, afterCommit);
        });
      const summary = store && afterCommit ? await withWorkAfterCommit(store.sqlite, store.path, write) : await write();
      // Again: the import adds what it found on the way (a converted lead a card would change).
      summary.problems = [...fileProblems, ...checked.flatMap((record) => record.problems)].sort((a, b) => a.line - b.line);
      if (summary.added + summary.updated > 0) context.notify('leads.changed', { ids: [] });
      return summary;
    } catch (error) {
      if (error instanceof ExchangeCancelled) return { ...emptySummary(), cancelled: true };
      throw error;
    }
  });
}

/**
 * The lead indexes a bulk load dropped: owed to the worker that runs after the commit where
 * there is one (about 0.8 s of a 100,000-row import's main thread), else built in the transaction.
 */
function finishIndexes(deferred: DeferredIndexes, afterCommit: boolean, now: string): Promise<void> {
  return afterCommit ? deferred.owe(now) : deferred.rebuild();
}

function duplicateFlagsOf(index: DuplicateIndex, profile: MatchProfile, at: string, keys: readonly string[] = blockingKeys(profile)): DuplicateFlag[] {
  return index.matches(profile, keys).map((match) => ({ leadId: profile.id, otherLeadId: match.id, reasons: match.reasons, source: 'import', flaggedAt: at }));
}

async function flagDuplicates(db: Kysely<Database>, index: DuplicateIndex, lead: DuplicateSubject, at: string): Promise<boolean> {
  const flags = duplicateFlagsOf(index, index.profileOf(lead), at);
  await insertDuplicateFlags(db, flags);
  return flags.length > 0;
}

/**
 * New leads and their "captured" entries, written a few hundred at a time: one statement per
 * table for many rows instead of two per row (an import of 100,000).
 */
class PendingLeads {
  private leads: Array<{ lead: Lead; sourceUid: string }> = [];
  private entries: NewTimelineEntry[] = [];

  constructor(private readonly db: Kysely<Database>) {}

  async add(lead: Lead, sourceUid: string, entry: NewTimelineEntry): Promise<void> {
    this.leads.push({ lead, sourceUid });
    this.entries.push(entry);
    if (this.leads.length >= 500) await this.flush();
  }

  /** Writes what is pending: leads first, what refers to them after. */
  async flush(): Promise<void> {
    if (this.leads.length > 0) await insertLeads(this.db, this.leads);
    if (this.entries.length > 0) await appendTimelineEntries(this.db, this.entries);
    this.leads = [];
    this.entries = [];
  }
}

/** What becomes of a row: left out (not usable, or a problem row the user leaves out), an update of the lead its UID made earlier, or added with this id. */
type RowFate = { skip: 'unusable' | 'problem' | 'here already' } | { update: string; id?: string } | { add: string };

/**
 * Each row's fate, settled before anything is written, in the file's order: a card whose UID
 * an earlier card of this file or an earlier import brought updates that lead; a row carrying
 * the id of a lead already here (our own export read back in) is skipped; the rest are added,
 * each with its new lead's id.
 */
async function rowFates(
  trx: Kysely<Database>,
  incoming: readonly CheckedRecord[],
  choice: ProblemRowChoice,
  storeWasEmpty: boolean,
  newId: () => string,
): Promise<RowFate[]> {
  const addedIds = new Set<string>();
  const addedUids = new Set<string>();
  const fates: RowFate[] = [];
  let earlier: Lead | undefined;
  for (const item of incoming) {
    if (!item.usable) fates.push({ skip: 'unusable' });
    else if (choice === 'skip' && item.problems.length > 0) fates.push({ skip: 'problem' });
    else if (item.sourceUid && addedUids.has(item.sourceUid)) fates.push({ update: item.sourceUid });
    // Into an empty store only this import's leads can hold a UID. The lead's id is kept: its UID's index may be dropped while the rows are written.
    else if (item.sourceUid && (earlier = storeWasEmpty ? undefined : await findLeadBySourceUid(trx, item.sourceUid))) fates.push({ update: item.sourceUid, id: earlier.id });
    else if (item.id && (addedIds.has(item.id) || (await leadExists(trx, item.id)))) fates.push({ skip: 'here already' });
    else {
      // A new id is never a row's own: only the rows' ids need remembering.
      if (item.id) addedIds.add(item.id);
      if (item.sourceUid) addedUids.add(item.sourceUid);
      fates.push({ add: item.id || newId() });
    }
  }
  return fates;
}

async function importLeads(
  trx: Kysely<Database>,
  context: ServiceContext,
  job: ExchangeJob,
  incoming: readonly CheckedRecord[],
  request: ImportRequest,
  choice: ProblemRowChoice,
  indexesAfterCommit: boolean,
): Promise<ImportSummary> {
  const summary = emptySummary();
  // Inside the transaction only `trx` may be used: the one connection is held by it.
  const eventId = request.eventId ?? (await readSetting(trx, 'currentEventId')) ?? null;
  const event = eventId ? await findEventById(trx, eventId) : undefined;
  if (eventId && !event) throw new AppError('not_found', 'The show to import into does not exist. Pick another show.');
  const actor = await currentActor(trx);
  const now = nowIso(context);
  const defaults = { eventId: event?.id ?? null, actor, now };
  const storeWasEmpty = !(await hasAnyLead(trx));
  const fates = await rowFates(trx, incoming, choice, storeWasEmpty, context.newId);
  // The added rows' likely duplicates are looked for meanwhile (on a worker thread for a large file), flagged at the end.
  const added = subjectColumns();
  incoming.forEach((item, position) => {
    const fate = fates[position];
    // The new lead as leadFromChecked makes it: the row's contact fields and badge id.
    if (fate && 'add' in fate) addSubject(added, fate.add, item.contact, item.badgeId);
  });
  const existing = subjectColumns();
  if (!storeWasEmpty) for (const subject of await listDuplicateSubjects(trx)) addSubject(existing, subject.id, subject);
  const duplicates = searchImportDuplicates(existing, added);
  try {
    // A bulk load (into an empty store, or at least twice the leads it holds) builds the lead and timeline
    // indexes once at the end, as a bundle import does: sorting once costs far less than keeping them current row by row.
    const deferredIndexes = await deferLeadIndexes(trx, { leads: added.id.length, lead_timeline: added.id.length });
    // The new leads are added to the search index in one statement at the end (or before a card updates one of them).
    const searchIndex = await deferSearchIndexing(trx);
    const pending = new PendingLeads(trx);
    const addedIdByUid = new Map<string, string>();
    /** The lead an earlier card with this UID made: before this import (found when the fates were settled), or in it (written first). */
    const earlierLead = async (fate: { update: string; id?: string }): Promise<Lead | undefined> => {
      if (fate.id !== undefined) return findLeadById(trx, fate.id);
      const id = addedIdByUid.get(fate.update);
      if (id === undefined) return undefined;
      await pending.flush();
      return findLeadById(trx, id);
    };
    const keptColumns = new Set<string>();
    const noteKeptColumns = (item: CheckedRecord) => {
      for (const column in item.importedFields) keptColumns.add(column);
    };
    // The "captured" entry of every row without problems says the same: one object, its JSON written once (appendTimelineEntries).
    const captured: Extract<TimelineDetails, { kind: 'captured' }> = { kind: 'captured', method: 'imported', eventId: defaults.eventId, eventName: event?.name ?? '' };
    for (let start = 0; start < incoming.length; start += SLICE_SIZE) {
      if (job.cancelled) throw new ExchangeCancelled();
      const end = Math.min(start + SLICE_SIZE, incoming.length);
      for (let position = start; position < end; position++) {
        const item = incoming[position] as CheckedRecord;
        const fate = fates[position] as RowFate;
        if ('skip' in fate) {
          summary.skipped++;
          if (fate.skip === 'problem') {
            item.problems = item.problems.map((problem) => ({ ...problem, whenKept: 'the row is left out (as chosen)' }));
            summary.skippedProblemRows++;
          }
          continue;
        }
        if ('update' in fate) {
          const earlier = await earlierLead(fate);
          if (!earlier) throw new Error(`The lead of UID ${fate.update} is gone during its import.`);
          await searchIndex.catchUp();
          const outcome = await updateFromSource(trx, context, earlier, item, { actor, now });
          if (outcome === 'updated') {
            summary.updated++;
            noteKeptColumns(item);
          } else summary.skipped++;
          continue;
        }
        const lead = leadFromChecked(item, fate.add, defaults);
        const details: TimelineDetails =
          item.problems.length > 0 ? { ...captured, problems: item.problems.map((problem) => `${problem.field || `line ${problem.line}`}: ${problem.why}; ${problem.whenKept}`) } : captured;
        await pending.add(lead, item.sourceUid, { id: context.newId(), leadId: lead.id, at: now, actor, details });
        if (item.sourceUid) addedIdByUid.set(item.sourceUid, lead.id);
        if (item.invalidEmail) summary.toReview++;
        noteKeptColumns(item);
        summary.added++;
      }
      await pending.flush();
      await job.progress(end, incoming.length);
    }
    // A Cancel during the last slice's turn still rolls everything back: nothing is committed yet.
    if (job.cancelled) throw new ExchangeCancelled();
    const found = await duplicates.found;
    await insertDuplicateFlags(trx, found.map((match) => ({ ...match, source: 'import', flaggedAt: now })));
    summary.flagged = new Set(found.map((match) => match.leadId)).size;
    await searchIndex.finish();
    await finishIndexes(deferredIndexes, indexesAfterCommit, now);
    summary.details = { leads: summary.added };
    summary.keptColumns = [...keptColumns];
    return summary;
  } finally {
    duplicates.stop();
  }
}

/**
 * A card whose UID an earlier import brought: the lead takes, field by field, every value
 * the card now holds that differs (a value the card no longer holds stays: nothing is
 * emptied by an import), with one "edited" timeline entry. A converted lead is read-only.
 */
async function updateFromSource(
  trx: Kysely<Database>,
  context: ServiceContext,
  earlier: Lead,
  item: CheckedRecord,
  at: { actor: string; now: string },
): Promise<'updated' | 'unchanged' | 'read-only'> {
  const changes: FieldChange[] = [];
  const next: Lead = { ...earlier, importedFields: { ...earlier.importedFields } };
  for (const field of LEAD_CONTACT_FIELDS) {
    const value = item.contact[field];
    if (value !== '' && value !== earlier[field]) {
      changes.push({ field, from: earlier[field], to: value });
      next[field] = value;
    }
  }
  if (item.notes !== '' && item.notes !== earlier.notes) {
    changes.push({ field: 'notes', from: earlier.notes, to: item.notes });
    next.notes = item.notes;
  }
  for (const [key, value] of Object.entries(item.importedFields)) {
    const before = earlier.importedFields[key] ?? '';
    if (value !== before) {
      changes.push({ field: key, from: before, to: value });
      next.importedFields[key] = value;
    }
  }
  if (changes.length === 0) return 'unchanged';
  if (earlier.status === 'Converted') {
    item.problems.push({
      line: item.line,
      field: 'UID',
      value: item.sourceUid,
      why: `the lead this card made earlier (${displayName(earlier)}) is converted and read-only`,
      whenKept: `not updated: ${changes.map((change) => change.field).join(', ')} left as they were`,
    });
    return 'read-only';
  }
  next.updatedAt = at.now;
  await saveLead(trx, next);
  await record(trx, context, { leadId: earlier.id, at: at.now, actor: at.actor, details: { kind: 'edited', changes } });
  return 'updated';
}

async function importBundle(
  trx: Kysely<Database>,
  context: ServiceContext,
  job: ExchangeJob,
  bundle: LeadBoothBundle,
  fileName: string,
  indexesAfterCommit: boolean,
): Promise<ImportSummary> {
  const summary = emptySummary();
  const now = nowIso(context);
  const sections = remapShows(await showIdsByName(trx), bundle.sections);
  const columnsBySection = new Map<string, TableColumn[]>();
  // Check every record against the tables before writing any.
  for (const section of BUNDLE_SECTIONS) {
    const columns = await tableColumns(trx, section);
    columnsBySection.set(section.name, columns);
    const required = columns.filter((column) => column.required);
    (sections[section.name] ?? []).forEach((record, position) => {
      for (const column of required) {
        if (record[column.name] === undefined || record[column.name] === null) {
          throw new AppError('invalid_input', `${fileName}: ${section.name}[${position}]: "${column.name}" is missing. Nothing was imported.`);
        }
      }
    });
  }
  const index = DuplicateIndex.of(await listDuplicateSubjects(trx));
  // A bulk load (into an empty store, or at least twice the leads it holds) builds the lead and timeline
  // indexes once at the end: sorting the rows once costs far less than keeping ten indexes
  // current row by row. The index statements are transactional, so a cancelled or failed
  // import takes them back with the rest.
  const newRecords = async (name: string) => {
    const section = BUNDLE_SECTIONS.find((candidate) => candidate.name === name);
    const records = sections[name] ?? [];
    return section ? records.length - (await countRecordsHere(trx, section, records)) : records.length;
  };
  const deferredIndexes = await deferLeadIndexes(trx, { leads: await newRecords('leads'), lead_timeline: await newRecords('timeline') });
  const total = BUNDLE_SECTIONS.reduce((sum, section) => sum + (sections[section.name]?.length ?? 0), 0);
  let done = 0;
  const addedLeads: string[] = [];
  // The new leads enter the search index in one statement at the end, as a CSV's do: the
  // trigger's work row by row cost more than the rows themselves.
  const searchIndex = await deferSearchIndexing(trx);
  const addedLeadIds = new Set<string>();
  const addedAccountIds: string[] = [];
  for (const section of BUNDLE_SECTIONS) {
    const records = sections[section.name] ?? [];
    let added = 0;
    for (let start = 0; start < records.length; start += SLICE_SIZE) {
      if (job.cancelled) throw new ExchangeCancelled();
      const slice = records.slice(start, start + SLICE_SIZE);
      // A lead given twice (in two slices) may update the one this import added: that lead must be in the search index first.
      if (section.name === 'leads' && slice.some((record) => addedLeadIds.has(record.id as string))) await searchIndex.catchUp();
      let counts;
      try {
        counts = await mergeSectionRecords(trx, section, columnsBySection.get(section.name) ?? [], slice);
      } catch (error) {
        const code = String((error as { code?: unknown }).code ?? '');
        if (code.startsWith('SQLITE_CONSTRAINT')) {
          throw new AppError(
            'invalid_input',
            `${fileName}: ${section.name} (records ${start}–${start + slice.length - 1}) do not fit this database (${(error as Error).message}): a record refers to something neither the bundle nor this database has. Nothing was imported.`,
          );
        }
        throw error;
      }
      added += counts.added;
      // Records here already of a section the sync merges field by field: by its rule (bundle-merge.ts).
      const synced = section.byField ? syncedTableOfTable(section.table) : undefined;
      if (synced) {
        const merged = await mergeBundleRecords(trx, synced, counts.here);
        counts.updated += merged.updated;
        counts.skipped += merged.unchanged;
        const addedKeys = new Set(counts.addedKeys);
        await keepBundleClocks(trx, synced, slice.filter((record) => addedKeys.has(recordIdOf(synced, record))));
      }
      if (section.name === 'accounts') addedAccountIds.push(...counts.addedKeys);
      if (section.name === 'leads') {
        addedLeads.push(...counts.addedKeys);
        for (const id of counts.addedKeys) addedLeadIds.add(id);
        summary.added += counts.added;
        summary.updated += counts.updated;
        summary.skipped += counts.skipped;
      }
      done += slice.length;
      await job.progress(done, total);
    }
    summary.details[section.name] = added;
  }
  if (job.cancelled) throw new ExchangeCancelled();
  // Once every record is in: an account the bundle added for a company this laptop has an account of is merged, as the sync does.
  await mergeBundleAccounts(trx, addedAccountIds);
  await searchIndex.finish();
  await finishIndexes(deferredIndexes, indexesAfterCommit, now);
  // Flag the new leads that look like leads that were here before (into an empty database
  // there is nothing to compare, and 100,000 lookups of nothing are skipped).
  if (!index.isEmpty) {
    const added = new Set(addedLeads);
    for (const record of sections.leads ?? []) {
      if (!added.has(record.id as string)) continue;
      const subject = subjectOf(record);
      if (await flagDuplicates(trx, index, subject, now)) summary.flagged++;
    }
  }
  return summary;
}

function subjectOf(record: BundleRecord): DuplicateSubject {
  const text = (column: string) => (typeof record[column] === 'string' ? (record[column] as string) : '');
  return {
    id: text('id'),
    firstName: text('first_name'),
    lastName: text('last_name'),
    company: text('company'),
    email: text('email'),
    phone: text('phone'),
    mobile: text('mobile'),
    country: text('country'),
  };
}

async function showIdsByName(db: Kysely<Database>): Promise<Map<string, string>> {
  return new Map((await listEvents(db)).map((event) => [event.name.toLowerCase(), event.id]));
}

/**
 * The same show created on two laptops has two ids but one name (names are unique here):
 * the bundle's show is taken as the one already here, and its records follow it.
 */
function remapShows(here: Map<string, string>, sections: Record<string, BundleRecord[]>): Record<string, BundleRecord[]> {
  const remap = new Map<string, string>();
  for (const show of sections.shows ?? []) {
    const existing = here.get(String(show.name ?? '').toLowerCase());
    if (existing && existing !== show.id) remap.set(show.id as string, existing);
  }
  if (remap.size === 0) return sections;
  const moved = (record: BundleRecord): BundleRecord =>
    typeof record.event_id === 'string' && remap.has(record.event_id) ? { ...record, event_id: remap.get(record.event_id) ?? record.event_id } : record;
  return {
    ...sections,
    shows: (sections.shows ?? []).filter((show) => !remap.has(show.id as string)),
    criteria: (sections.criteria ?? []).map(moved),
    leads: (sections.leads ?? []).map(moved),
    opportunities: (sections.opportunities ?? []).map(moved),
  };
}
