import { normalizeCompanyName } from '../../shared/domain/normalize';
import { LEAD_FIELDS } from '../../shared/domain/lead-fields';
import { nameBlockingKey } from '../db/name-key';

/**
 * The one list of what syncs with the team hub: each record kind, its table, its key and the
 * columns that travel. The change-log triggers (change-triggers.ts, made by migrations 0011,
 * 0014 and 0016: `loggedSinceMigration`), the apply step and the tests read it; nothing else lists synced columns.
 *
 * Only tables whose key is the same on every laptop can sync by key: a UUID `id`, or columns
 * whose values are (a lead's checklist answers, an opportunity's contact roles and stage
 * history, a show's checklist, its conversion rule, a pair of leads flagged as likely
 * duplicates, an export batch's leads). Not here (docs/team-hub.md "On the laptop" says why):
 * card photos (which travel by their hash, not in the record), and what is local by nature
 * (settings, the capture queue, the privacy log).
 *
 * A migration that adds a column to a synced table adds it here and re-creates the table's
 * triggers (`changeTriggerStatements`); test/electron/sync/change-log.test.ts fails until it does.
 */
export interface SyncedTable {
  /** The record kind on the wire (`RecordChange.kind`). */
  kind: string;
  table: string;
  /**
   * The columns of the record's key, the same on every laptop: a UUID `id`, or columns of which
   * the record id is made, joined by `/` (`recordIdOf`; only the last may hold a `/`).
   */
  key: readonly string[];
  /** The columns that travel, the key included. */
  columns: readonly string[];
  /**
   * Columns of the table that stay on this laptop: a local row number, keys derived from other
   * columns. (Every synced table also has the record's `*` clock, field-clocks.ts's
   * `RECORD_STAMP_COLUMN`, added by migration 0018: a table added here later adds it too.)
   */
  localColumns: readonly string[];
  /**
   * Columns referring to another synced record, by the kind they refer to: a record whose parent
   * was deleted or forgotten goes with it (as the foreign key's cascade does here).
   */
  parents?: Readonly<Record<string, string>>;
  /**
   * A column unique on each laptop (case ignored): two records given the same value offline on
   * two laptops (two laptops that each set up the show) both stay, the one with the greater id
   * renamed "<value> (<id's first 8>)" on every laptop (apply-changes.ts).
   */
  uniqueName?: string;
  /** Columns a conflict over is not worth a timeline entry (the edit time: the winner's edit carries its own). */
  bookkeeping?: readonly string[];
  /** The derived columns, made again from a record's synced values after a change was applied. */
  derive?: (row: Readonly<Record<string, unknown>>) => Record<string, string>;
  /**
   * The laptop migration that made the table's change-log triggers: 11 (sync-log) unless a
   * later one (14, 16) added the table to the registry. Each migration makes the triggers of its own
   * tables only, so a store migrated from any version gets each trigger once.
   */
  loggedSinceMigration?: number;
  /**
   * Columns of `columns` a later laptop migration added, by its number (a criterion's `removed`:
   * 17). The migrations before it make the table's triggers without them (`tablesLoggedSince`);
   * the one that adds a column makes the triggers again.
   */
  columnsAddedByMigration?: Readonly<Record<string, number>>;
  /**
   * SQL over a row (`{row}` stands for `new`, `old` or an alias) saying whether it travels: a
   * row that does not (a card scan not tied to a lead yet: a capture's draft) is not logged, and
   * is logged whole once an update makes it travel (change-triggers.ts).
   */
  travelsWhen?: string;
  /** Values a local column takes in a record received from the hub (a photo not fetched yet: empty). */
  localDefaults?: Readonly<Record<string, unknown>>;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Leads: the contact fields come from the field registry; the rest are the lead's own columns. */
const LEAD_COLUMNS = [
  'id',
  'event_id',
  ...LEAD_FIELDS.map((field) => field.column),
  'lead_source',
  'status',
  'rating',
  'notes',
  'consent_given',
  'consent_at',
  'consent_wording',
  'capture_method',
  'captured_by',
  'captured_at',
  'updated_at',
  'unqualified_reason',
  'expected_close_date',
  'rating_by_person',
  'badge_id',
  'imported_fields',
  'source_uid',
  'badge_payload',
];

export const SYNCED_TABLES: readonly SyncedTable[] = [
  {
    kind: 'event',
    table: 'events',
    key: ['id'],
    columns: [
      'id', 'name', 'location', 'starts_on', 'ends_on', 'qualification_framework', 'created_at', 'followup_subject',
      'followup_body', 'time_zone', 'badge_profiles', 'currency', 'cost',
    ],
    localColumns: [],
    uniqueName: 'name',
  },
  {
    kind: 'lead',
    table: 'leads',
    key: ['id'],
    columns: LEAD_COLUMNS,
    localColumns: ['seq', 'name_key'],
    parents: { event_id: 'event' },
    bookkeeping: ['updated_at'],
    derive: (row) => ({ name_key: nameBlockingKey(text(row.first_name), text(row.last_name)) }),
  },
  {
    kind: 'timeline_entry',
    table: 'lead_timeline',
    key: ['id'],
    columns: ['id', 'lead_id', 'at', 'actor', 'kind', 'details'],
    localColumns: ['seq'],
    parents: { lead_id: 'lead' },
  },
  {
    // A tombstone is for good: fine for answers, which go only with their lead.
    kind: 'criterion_answer',
    table: 'lead_criteria',
    key: ['lead_id', 'criterion_key'],
    columns: ['lead_id', 'criterion_key', 'state', 'value', 'note', 'answered_by', 'answered_at'],
    localColumns: [],
    parents: { lead_id: 'lead' },
  },
  {
    kind: 'account',
    table: 'accounts',
    key: ['id'],
    columns: [
      'id', 'name', 'website', 'domain', 'phone', 'street', 'city', 'region', 'postal_code', 'country', 'created_by',
      'created_at', 'updated_at',
    ],
    localColumns: ['seq', 'name_key'],
    derive: (row) => ({ name_key: normalizeCompanyName(text(row.name)) }),
  },
  {
    kind: 'contact',
    table: 'contacts',
    key: ['id'],
    columns: [
      'id', 'account_id', 'salutation', 'first_name', 'last_name', 'title', 'email', 'phone', 'mobile', 'street', 'city',
      'region', 'postal_code', 'country', 'lead_source', 'created_by', 'created_at', 'updated_at',
    ],
    localColumns: ['seq'],
    parents: { account_id: 'account' },
  },
  {
    kind: 'opportunity',
    table: 'opportunities',
    key: ['id'],
    columns: [
      'id', 'account_id', 'event_id', 'name', 'stage', 'close_date', 'amount', 'lead_source', 'lost_reason', 'created_by',
      'created_at', 'updated_at',
    ],
    localColumns: ['seq'],
    parents: { account_id: 'account', event_id: 'event' },
  },
  {
    kind: 'activity',
    table: 'activities',
    key: ['id'],
    columns: ['id', 'lead_id', 'opportunity_id', 'type', 'occurred_at', 'outcome', 'text', 'created_by', 'created_at'],
    localColumns: ['seq'],
    parents: { lead_id: 'lead', opportunity_id: 'opportunity' },
  },
  {
    // One per lead (UNIQUE lead_id): the first the hub accepts wins; the hub refuses a second
    // laptop's and tombstones what it made (electron/hub/lost-conversions.ts), and the laptop
    // that made it gives its row way to the winner's (apply-changes.ts). Last, after the
    // records it refers to.
    kind: 'conversion',
    table: 'conversions',
    key: ['id'],
    columns: [
      'id', 'lead_id', 'account_id', 'account_created', 'contact_id', 'contact_created', 'opportunity_id', 'restore',
      'automatic', 'reviewed', 'exported_at', 'converted_by', 'converted_at',
    ],
    localColumns: [],
    parents: { lead_id: 'lead', account_id: 'account', contact_id: 'contact', opportunity_id: 'opportunity' },
    loggedSinceMigration: 14,
  },
  {
    // Made with an opportunity (a conversion), gone with it or its contact: never deleted and made
    // again under one key, which a tombstone (for good) would keep out.
    kind: 'opportunity_contact_role',
    table: 'opportunity_contact_roles',
    key: ['opportunity_id', 'contact_id'],
    columns: ['opportunity_id', 'contact_id', 'role', 'is_primary'],
    localColumns: [],
    parents: { opportunity_id: 'opportunity', contact_id: 'contact' },
    loggedSinceMigration: 14,
  },
  {
    // A show's checklist: saved by updating what changed and marking what was left out
    // `removed` (migration 0017), so a removal and a criterion added back meet field by field
    // (repositories/qualification.ts says why not a tombstone). Deleted only with its show.
    kind: 'criterion',
    table: 'qualification_criteria',
    key: ['event_id', 'key'],
    columns: ['event_id', 'key', 'label', 'kind', 'choices', 'position', 'ask_at_booth', 'removed'],
    localColumns: [],
    parents: { event_id: 'event' },
    loggedSinceMigration: 14,
    columnsAddedByMigration: { removed: 17 },
  },
  {
    // The photo itself does not travel in the record: by its hash, once (card-photos.ts).
    kind: 'card_scan',
    table: 'card_scans',
    key: ['id'],
    columns: [
      'id', 'lead_id', 'file_name', 'image_mime', 'image_width', 'image_height', 'ocr_text', 'ocr_json', 'scanned_by',
      'scanned_at', 'image_sha256',
    ],
    localColumns: ['image'],
    parents: { lead_id: 'lead' },
    loggedSinceMigration: 14,
    travelsWhen: '{row}.lead_id IS NOT NULL',
    localDefaults: { image: Buffer.alloc(0) },
  },
  {
    // Append-only; keyed as the bundle keys it (its `seq` is this laptop's), the stage last:
    // "Proposal/Price Quote" holds the key separator, which only the last column may.
    kind: 'stage_change',
    table: 'opportunity_stage_history',
    key: ['opportunity_id', 'at', 'stage'],
    columns: ['opportunity_id', 'at', 'stage', 'actor'],
    localColumns: ['seq'],
    parents: { opportunity_id: 'opportunity' },
    loggedSinceMigration: 14,
  },
  {
    // A show's rule for converting leads without a click (one per show). Removing it marks it
    // (`removed`) rather than deleting it: a removal and a rule set again meet field by field
    // (repositories/conversions.ts says why not a revivable tombstone).
    kind: 'conversion_rule',
    table: 'conversion_rules',
    key: ['event_id'],
    columns: ['event_id', 'min_met', 'require_close_date', 'stage', 'close_in_days', 'updated_at', 'removed'],
    localColumns: [],
    parents: { event_id: 'event' },
    bookkeeping: ['updated_at'],
    loggedSinceMigration: 16,
  },
  {
    // Likely duplicates an import found: one record per pair of leads, the smaller id first
    // (insertDuplicateFlags), so two laptops that flag the same pair make one record. Dismissed
    // (deleted) for good: its tombstone keeps a later import from flagging the pair again.
    kind: 'duplicate_flag',
    table: 'duplicate_flags',
    key: ['lead_id', 'other_lead_id'],
    columns: ['lead_id', 'other_lead_id', 'reasons', 'source', 'flagged_at'],
    localColumns: [],
    parents: { lead_id: 'lead', other_lead_id: 'lead' },
    loggedSinceMigration: 16,
  },
  {
    // An export recorded once its files were written (confirmExport): a batch that failed to
    // write has no row, so nothing travels as exported. Never deleted; `repeat_of` names an
    // earlier batch, which the hub sends first. No show: manager devices receive it.
    kind: 'export_batch',
    table: 'export_batches',
    key: ['id'],
    columns: ['id', 'created_at', 'created_by', 'format', 'filter', 'file_name', 'sha256', 'lead_count', 'skipped_count', 'repeat_of'],
    localColumns: [],
    loggedSinceMigration: 16,
  },
  {
    // The leads a batch carried: what "exported or not" reads, so every laptop's "not yet
    // exported" agrees once synced. Key columns only: inserted and deleted, never updated.
    kind: 'export_batch_member',
    table: 'export_batch_leads',
    key: ['batch_id', 'lead_id'],
    columns: ['batch_id', 'lead_id'],
    localColumns: [],
    parents: { batch_id: 'export_batch', lead_id: 'lead' },
    loggedSinceMigration: 16,
  },
];

/** `travelsWhen` of a row (`new`, `old`, an alias); 'true' for a table whose every row travels. */
export function travelsSql(table: SyncedTable, row: string): string {
  return table.travelsWhen ? `(${table.travelsWhen.replaceAll('{row}', row)})` : 'true';
}

/**
 * The tables whose change-log triggers the laptop migration `version` makes, with the columns
 * they had then: a column a later migration adds is not there yet when a store older than it
 * is upgraded.
 */
export function tablesLoggedSince(version: number): SyncedTable[] {
  return SYNCED_TABLES.filter((table) => (table.loggedSinceMigration ?? 11) === version).map((table) => tableAtMigration(table, version));
}

/** A registry row as it was at a laptop migration: without the columns later migrations added (columnsAddedByMigration). */
export function tableAtMigration(table: SyncedTable, version: number): SyncedTable {
  const added = table.columnsAddedByMigration;
  return added ? { ...table, columns: table.columns.filter((column) => (added[column] ?? 0) <= version) } : table;
}

const BY_KIND = new Map(SYNCED_TABLES.map((table) => [table.kind, table]));

/** The registry row of a record kind; undefined for a kind this version does not sync (a newer laptop's). */
export function syncedTableOfKind(kind: string): SyncedTable | undefined {
  return BY_KIND.get(kind);
}

/** The registry row of a table; undefined for a table that does not sync. */
export function syncedTableOfTable(table: string): SyncedTable | undefined {
  return SYNCED_TABLES.find((candidate) => candidate.table === table);
}

/** Between the key's columns in a record id made of two: never inside a UUID or a criterion key. */
const KEY_SEPARATOR = '/';

/** The record id of a row: its key column, or its key columns joined. */
export function recordIdOf(table: SyncedTable, row: Readonly<Record<string, unknown>>): string {
  return table.key.map((column) => String(row[column])).join(KEY_SEPARATOR);
}

/** The key columns' values a record id stands for (the last column takes the rest). */
export function keyValuesOf(table: SyncedTable, recordId: string): Record<string, string> {
  const parts = recordId.split(KEY_SEPARATOR);
  const values: Record<string, string> = {};
  table.key.forEach((column, index) => {
    values[column] = index === table.key.length - 1 ? parts.slice(index).join(KEY_SEPARATOR) : (parts[index] ?? '');
  });
  return values;
}

/** The same, as SQL over a row (`new`, `old`, or a table alias): for the triggers. */
export function recordIdSql(table: SyncedTable, row: string): string {
  return table.key.map((column) => `${row}."${column}"`).join(` || '${KEY_SEPARATOR}' || `);
}
