/**
 * Imports: a LeadBooth bundle from another laptop (merged idempotently, ids kept), a CSV
 * of leads (badge-scan export, Salesforce or HubSpot export) with a column mapping, or a
 * `.vcf` file. The whole file is read and checked first; a malformed one is refused with
 * the line or record to look at and nothing is written. Then everything is written in ONE
 * transaction, a slice at a time with progress and a turn of the event loop between
 * slices; Cancel rolls it all back.
 *
 * Imported leads keep what the file says and get captureMethod "imported" and a
 * "captured (imported)" timeline entry. A lead that looks like one already here is added
 * and flagged (duplicate_flags) for the duplicates view, never merged silently.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { blockingKeys, findDuplicatesOf, ProfileCache, type DuplicateSubject } from '../../shared/domain/duplicates';
import type { CsvImportPreview, ImportKind, ImportSummary } from '../../shared/domain/exchange';
import { DEFAULT_LEAD_SOURCE, hasContactDetails, LEAD_CONTACT_FIELDS, leadContactSchema, type Lead } from '../../shared/domain/lead';
import { ContactPayloadError, parseVcards } from '../../shared/parsing/contact-payload';
import { AppError } from '../../shared/ipc/errors';
import { createIndexes, dropSecondaryIndexes, mergeSectionRecords, tableColumns, type TableColumn } from '../db/repositories/bundle-tables';
import { insertDuplicateFlags } from '../db/repositories/duplicate-flags';
import { findEventById } from '../db/repositories/events';
import { insertLead } from '../db/repositories/leads';
import { readSetting, writeSetting } from '../db/repositories/settings';
import type { Database } from '../db/schema';
import {
  CsvImportError,
  decodeCsvBytes,
  IMPORT_TARGETS,
  leadRatingFromText,
  leadStatusFromText,
  readLeadsCsv,
  type ColumnMapping,
  type ImportedField,
} from '../exchange/csv-import';
import { BUNDLE_SECTIONS, BundleError, readBundle, type BundleRecord, type LeadBoothBundle } from '../exchange/leadbooth-bundle';
import { ExchangeCancelled, runExchangeJob, SLICE_SIZE, type ExchangeJob } from './exchange-jobs';
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
}

export function importKindOf(fileName: string, text: string): ImportKind {
  const lower = fileName.toLowerCase();
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (lower.endsWith('.json') || start.startsWith('{')) return 'bundle';
  if (lower.endsWith('.vcf') || lower.endsWith('.vcard') || /^BEGIN:VCARD/i.test(start)) return 'vcard';
  return 'csv';
}

/** A CSV source is recognised by its header row: the same export tool writes the same headers. */
export function headerSignature(headers: readonly string[]): string {
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

/** The CSV's headers, the mapping that would be used and a few rows: the mapping step before importing. */
export async function previewCsvImport(context: ServiceContext, request: Pick<ImportRequest, 'fileName' | 'bytes'>): Promise<CsvImportPreview> {
  let parsed;
  try {
    parsed = readLeadsCsv(request.bytes);
  } catch (error) {
    importFailure(error, request.fileName);
  }
  const remembered = await rememberedMapping(context.db, parsed.headers);
  const mapping = remembered ?? parsed.guessedMapping;
  const sample = parsed.rows.slice(0, 5).map((row) => {
    const byTarget = new Map<string, string>();
    for (const [field, value] of Object.entries(row.fields)) byTarget.set(field, value);
    return parsed.headers.map((header) => {
      const target = mapping[header];
      return target && target !== 'ignore' && target !== 'fullName' ? (byTarget.get(target) ?? '') : (row.unmapped[header] ?? '');
    });
  });
  return { headers: parsed.headers, mapping, remembered: remembered !== undefined, sample, rowCount: parsed.rows.length };
}

/** Leads as read from a file, before they are written: each with where it came from for messages. */
interface IncomingLead {
  where: string;
  fields: Partial<Record<ImportedField, string>>;
}

const emptySummary = (): ImportSummary => ({ added: 0, updated: 0, flagged: 0, skipped: 0, details: {}, cancelled: false });

export async function importFile(context: ServiceContext, request: ImportRequest): Promise<ImportSummary> {
  const text = decodeCsvBytes(request.bytes);
  const kind = importKindOf(request.fileName, text);
  // Read and check the whole file before anything is written.
  let bundle: LeadBoothBundle | undefined;
  let incoming: IncomingLead[] = [];
  try {
    if (kind === 'bundle') bundle = readBundle(text);
    else if (kind === 'vcard') {
      incoming = parseVcards(text).map((card) => ({ where: `line ${card.line}`, fields: card.fields }));
    } else {
      const headersOnly = readLeadsCsv(request.bytes);
      const mapping = request.mapping ? checkMapping(request.mapping) : await rememberedMapping(context.db, headersOnly.headers);
      const parsed = mapping ? readLeadsCsv(request.bytes, { mapping }) : headersOnly;
      if (request.mapping && request.rememberMapping) {
        const all = (await readSetting(context.db, 'csvMappings')) ?? {};
        await writeSetting(context.db, 'csvMappings', { ...all, [headerSignature(parsed.headers)]: request.mapping }, nowIso(context));
      }
      incoming = parsed.rows.map((row) => ({ where: `line ${row.line}`, fields: row.fields }));
    }
  } catch (error) {
    importFailure(error, request.fileName);
  }

  return runExchangeJob(context, 'import', async (job) => {
    try {
      const summary = await context.db.transaction().execute(async (trx) => {
        if (bundle) return importBundle(trx, context, job, bundle, request.fileName);
        return importLeads(trx, context, job, incoming, request);
      });
      if (summary.added + summary.updated > 0) context.notify('leads.changed', { ids: [] });
      return summary;
    } catch (error) {
      if (error instanceof ExchangeCancelled) return { ...emptySummary(), cancelled: true };
      throw error;
    }
  });
}

/** Likely duplicates among the leads already here, found by the shared rule through its blocking keys. */
class DuplicateIndex {
  private readonly byKey = new Map<string, DuplicateSubject[]>();
  private readonly cache = new ProfileCache();

  static async load(db: Kysely<Database>): Promise<DuplicateIndex> {
    const index = new DuplicateIndex();
    const rows = await db.selectFrom('leads').select(['id', 'first_name', 'last_name', 'company', 'email', 'phone', 'mobile', 'country']).execute();
    for (const row of rows) {
      index.add({
        id: row.id,
        firstName: row.first_name,
        lastName: row.last_name,
        company: row.company,
        email: row.email,
        phone: row.phone,
        mobile: row.mobile,
        country: row.country,
      });
    }
    return index;
  }

  add(lead: DuplicateSubject): void {
    for (const key of blockingKeys(lead)) {
      const bucket = this.byKey.get(key);
      if (bucket) bucket.push(lead);
      else this.byKey.set(key, [lead]);
    }
  }

  /** Nothing here to look like: no lead before the import gave a blocking key. */
  get isEmpty(): boolean {
    return this.byKey.size === 0;
  }

  matches(lead: DuplicateSubject) {
    if (this.isEmpty) return [];
    const candidates = new Set<DuplicateSubject>();
    for (const key of blockingKeys(lead)) for (const candidate of this.byKey.get(key) ?? []) candidates.add(candidate);
    return findDuplicatesOf(lead, candidates, this.cache);
  }
}

async function flagDuplicates(db: Kysely<Database>, index: DuplicateIndex, lead: DuplicateSubject, at: string): Promise<boolean> {
  const matches = index.matches(lead);
  if (matches.length === 0) return false;
  await insertDuplicateFlags(
    db,
    matches.map((match) => ({ leadId: lead.id, otherLeadId: match.lead.id, reasons: match.reasons, source: 'import', flaggedAt: at })),
  );
  return true;
}

async function importLeads(trx: Kysely<Database>, context: ServiceContext, job: ExchangeJob, incoming: readonly IncomingLead[], request: ImportRequest): Promise<ImportSummary> {
  const summary = emptySummary();
  // Inside the transaction only `trx` may be used: the one connection is held by it.
  const eventId = request.eventId ?? (await readSetting(trx, 'currentEventId')) ?? null;
  const event = eventId ? await findEventById(trx, eventId) : undefined;
  if (eventId && !event) throw new AppError('not_found', 'The show to import into does not exist. Pick another show.');
  const actor = await currentActor(trx);
  const now = nowIso(context);
  const index = await DuplicateIndex.load(trx);
  for (let start = 0; start < incoming.length; start += SLICE_SIZE) {
    if (job.cancelled) throw new ExchangeCancelled();
    for (const item of incoming.slice(start, start + SLICE_SIZE)) {
      const lead = leadFromImport(item, { eventId: event?.id ?? null, actor, now, newId: context.newId });
      if (!lead) {
        summary.skipped++;
        continue;
      }
      const known = await trx.selectFrom('leads').select('id').where('id', '=', lead.id).executeTakeFirst();
      if (known) {
        // Our own export read back in: the lead is here already.
        summary.skipped++;
        continue;
      }
      await insertLead(trx, lead);
      await record(trx, context, {
        leadId: lead.id,
        at: now,
        actor,
        details: { kind: 'captured', method: 'imported', eventId: lead.eventId, eventName: event?.name ?? '' },
      });
      if (await flagDuplicates(trx, index, lead, now)) summary.flagged++;
      index.add(lead);
      summary.added++;
    }
    await job.progress(Math.min(start + SLICE_SIZE, incoming.length), incoming.length);
  }
  // A Cancel during the last slice's turn still rolls everything back: nothing is committed yet.
  if (job.cancelled) throw new ExchangeCancelled();
  summary.details = { leads: summary.added };
  return summary;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A lead from a row or card; null when it holds nothing to follow up on. Throws naming the row when a value is unusable. */
function leadFromImport(
  item: IncomingLead,
  defaults: { eventId: string | null; actor: string; now: string; newId: () => string },
): Lead | null {
  const fields = item.fields;
  const contact: Record<string, string> = {};
  for (const field of LEAD_CONTACT_FIELDS) contact[field] = fields[field] ?? '';
  if (!hasContactDetails(contact)) return null;
  const checked = leadContactSchema.safeParse(contact);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new AppError('invalid_input', `${capitalize(item.where)}: ${String(issue?.path[0] ?? 'a value')}: ${issue?.message ?? 'not usable'} Fix the file and import it again; nothing was imported.`);
  }
  const notes = fields.notes ?? '';
  const status = fields.status ? leadStatusFromText(fields.status) : null;
  const rating = fields.rating ? leadRatingFromText(fields.rating) : null;
  return {
    ...checked.data,
    id: fields.id && UUID.test(fields.id) ? fields.id.toLowerCase() : defaults.newId(),
    leadSource: (fields.leadSource ?? '').slice(0, 40) || DEFAULT_LEAD_SOURCE,
    status: status ?? 'New',
    rating,
    notes: notes.slice(0, 32_000),
    badgeId: (fields.badgeId ?? '').slice(0, 500),
    consent: null,
    captureMethod: 'imported',
    unqualifiedReason: '',
    expectedCloseDate: '',
    eventId: defaults.eventId,
    capturedBy: defaults.actor,
    capturedAt: defaults.now,
    updatedAt: defaults.now,
  };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

async function importBundle(trx: Kysely<Database>, context: ServiceContext, job: ExchangeJob, bundle: LeadBoothBundle, fileName: string): Promise<ImportSummary> {
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
  const index = await DuplicateIndex.load(trx);
  // Into a store without leads, the lead and timeline indexes are built once at the end: sorting
  // the rows once costs far less than keeping eleven indexes current row by row. The index
  // statements are transactional, so a cancelled or failed import takes them back with the rest.
  const storeWasEmpty = (await trx.selectFrom('leads').select('id').limit(1).executeTakeFirst()) === undefined;
  const deferredIndexes = storeWasEmpty ? [...(await dropSecondaryIndexes(trx, 'leads')), ...(await dropSecondaryIndexes(trx, 'lead_timeline'))] : [];
  const total = BUNDLE_SECTIONS.reduce((sum, section) => sum + (sections[section.name]?.length ?? 0), 0);
  let done = 0;
  const addedLeads: string[] = [];
  for (const section of BUNDLE_SECTIONS) {
    const records = sections[section.name] ?? [];
    let added = 0;
    for (let start = 0; start < records.length; start += SLICE_SIZE) {
      if (job.cancelled) throw new ExchangeCancelled();
      const slice = records.slice(start, start + SLICE_SIZE);
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
      if (section.name === 'leads') {
        addedLeads.push(...counts.addedKeys);
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
  await createIndexes(trx, deferredIndexes);
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
  const rows = await db.selectFrom('events').select(['id', 'name']).execute();
  return new Map(rows.map((row) => [row.name.toLowerCase(), row.id]));
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
