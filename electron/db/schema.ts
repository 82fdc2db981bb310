import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { LeadContactColumn } from '../../shared/domain/lead-fields';

/** One interface per table, as the columns are in SQLite (snake_case, text times in UTC ISO 8601). */
interface EventsTable {
  id: string;
  name: string;
  location: string;
  starts_on: string;
  ends_on: string;
  qualification_framework: string;
  created_at: string;
  followup_subject: Generated<string>;
  followup_body: Generated<string>;
  /** IANA time zone of the show ("Europe/Berlin"); '' for shows made before it: the laptop's zone. */
  time_zone: Generated<string>;
  /** JSON array of the show's own badge payload profiles (shared/parsing/badge-profiles.ts); '[]' when none. */
  badge_profiles: Generated<string>;
  /** ISO 4217 code of the show's amounts; '' for shows made before it: the laptop's currency. */
  currency: Generated<string>;
  /** The show's total cost in its currency; NULL when not entered. */
  cost: number | null;
}

interface SettingsTable {
  key: string;
  /** JSON */
  value: string;
  updated_at: string;
}

/** The contact fields' columns, one per row of the field registry (shared/domain/lead-fields.ts): text, '' when empty. */
type LeadContactColumns = Record<LeadContactColumn, string>;

interface LeadsTable extends LeadContactColumns {
  /** Stable integer key: the FTS index refers to it, and VACUUM may renumber a plain rowid. */
  seq: Generated<number>;
  id: string;
  event_id: string | null;
  lead_source: string;
  status: string;
  rating: string | null;
  notes: string;
  /** 1 yes, 0 no, null not asked */
  consent_given: number | null;
  consent_at: string | null;
  consent_wording: string | null;
  capture_method: string;
  captured_by: string;
  captured_at: string;
  updated_at: string;
  /** A badge QR code that was only a registration id or URL, kept raw ('' when none). */
  badge_id: Generated<string>;
  /** Folded last name + first initial ("muller|a"): the duplicate check's index key. Derived, never typed. */
  name_key: Generated<string>;
  unqualified_reason: Generated<string>;
  /** YYYY-MM-DD or "": when the person expects to buy. */
  expected_close_date: Generated<string>;
  /** 1 when a person picked the rating, so the checklist's suggestion leaves it alone. */
  rating_by_person: Generated<number>;
  /** JSON object, header → value: what an imported file held that no lead field took. '{}' when nothing. */
  imported_fields: Generated<string>;
  /** The source's own id of the person (a vCard UID), '' when none: re-importing updates, never duplicates. */
  source_uid: Generated<string>;
  /** The text of the badge's code the lead was captured from, exactly as scanned ('' when none): evidence. */
  badge_payload: Generated<string>;
}

interface CardScansTable {
  id: string;
  /** Null until the person saves the lead the scan became. */
  lead_id: string | null;
  file_name: string;
  image: Uint8Array;
  image_mime: string;
  image_width: number;
  image_height: number;
  ocr_text: string;
  /** JSON: { page: OcrPage, fields: ParsedCard } */
  ocr_json: string;
  scanned_by: string;
  scanned_at: string;
  /** SHA-256 (hex) of `image`, given by team sync before the scan is pushed (migration 0014): photos travel by it. */
  image_sha256: ColumnType<string | null, string | null | undefined, string | null>;
}

interface QualificationCriteriaTable {
  event_id: string;
  key: string;
  label: string;
  kind: string;
  /** JSON array of strings */
  choices: string;
  position: number;
  ask_at_booth: number;
  /** 1: removed from the checklist (migration 0017): kept as a record so the removal syncs as an edit. */
  removed: Generated<number>;
}

interface LeadCriteriaTable {
  lead_id: string;
  criterion_key: string;
  state: string;
  value: string;
  note: string;
  answered_by: string;
  answered_at: string;
}

/** Append-only: what happened to a lead, newest last. */
interface LeadTimelineTable {
  seq: Generated<number>;
  id: string;
  lead_id: string;
  at: string;
  actor: string;
  kind: string;
  /** JSON */
  details: string;
}

interface AccountsTable {
  seq: Generated<number>;
  id: string;
  name: string;
  name_key: string;
  website: string;
  domain: string;
  phone: string;
  street: string;
  city: string;
  region: string;
  postal_code: string;
  country: string;
  created_by: string;
  created_at: string;
  updated_at: string;
}

interface ContactsTable {
  seq: Generated<number>;
  id: string;
  account_id: string;
  salutation: string;
  first_name: string;
  last_name: string;
  title: string;
  email: string;
  phone: string;
  mobile: string;
  street: string;
  city: string;
  region: string;
  postal_code: string;
  country: string;
  lead_source: string;
  created_by: string;
  created_at: string;
  updated_at: string;
}

interface OpportunitiesTable {
  seq: Generated<number>;
  id: string;
  account_id: string;
  event_id: string | null;
  name: string;
  stage: string;
  close_date: string;
  amount: number | null;
  lead_source: string;
  lost_reason: string;
  created_by: string;
  created_at: string;
  updated_at: string;
}

interface OpportunityContactRolesTable {
  opportunity_id: string;
  contact_id: string;
  role: string;
  is_primary: number;
}

interface OpportunityStageHistoryTable {
  seq: Generated<number>;
  opportunity_id: string;
  stage: string;
  at: string;
  actor: string;
}

interface ActivitiesTable {
  seq: Generated<number>;
  id: string;
  lead_id: string | null;
  opportunity_id: string | null;
  type: string;
  occurred_at: string;
  outcome: string;
  text: string;
  created_by: string;
  created_at: string;
}

interface ConversionsTable {
  id: string;
  lead_id: string;
  account_id: string;
  account_created: number;
  contact_id: string;
  contact_created: number;
  opportunity_id: string | null;
  /** JSON: the values the conversion overwrote (empty fields it filled, the lead's state). */
  restore: string;
  automatic: number;
  reviewed: number;
  exported_at: string | null;
  converted_by: string;
  converted_at: string;
}

interface ConversionRulesTable {
  event_id: string;
  min_met: number;
  require_close_date: number;
  stage: string;
  close_in_days: number;
  updated_at: string;
  /** 1: removed (migration 0016): kept as a record so the removal syncs as an edit. */
  removed: Generated<number>;
}

/** Card photos dropped at once, read one after another; the queue survives a reload or a restart. */
interface CaptureQueueTable {
  id: string;
  position: number;
  file_name: string;
  /** The photo until it is read; then the scan keeps it and this is null. */
  image: Uint8Array | null;
  status: 'waiting' | 'scanning' | 'ready' | 'failed';
  error: string;
  scan_id: string | null;
  added_by: string;
  added_at: string;
  updated_at: string;
}

interface ExportBatchesTable {
  id: string;
  created_at: string;
  created_by: string;
  format: string;
  /** JSON: ExportFilter */
  filter: string;
  file_name: string;
  sha256: string;
  lead_count: number;
  skipped_count: number;
  repeat_of: string | null;
}

interface ExportBatchLeadsTable {
  batch_id: string;
  lead_id: string;
}

/** Likely duplicates found by an import, shown in the duplicates view; never merged by themselves. */
interface DuplicateFlagsTable {
  lead_id: string;
  other_lead_id: string;
  /** JSON array of DuplicateReason */
  reasons: string;
  source: string;
  flagged_at: string;
}

/** Each time a person was forgotten: never anything about the person (see migration 0006). */
interface PrivacyLogTable {
  seq: Generated<number>;
  at: string;
  action: 'forget';
  lead_id: string;
  done_by: string;
  photos_removed: number;
}

/** The change log of the synced tables (migration 0011, written by triggers: electron/sync/change-triggers.ts). */
interface SyncChangesTable {
  seq: Generated<number>;
  kind: string;
  record_id: string;
  /** JSON object: column → value, the columns this change set */
  fields: string;
  changed_at_ms: number;
  tombstone: Generated<number>;
  /** given at the first push and kept, so a retried push sends the same id */
  change_id: string | null;
  hlc: string | null;
  pushed: Generated<number>;
}

interface SyncFieldClocksTable {
  kind: string;
  record_id: string;
  /**
   * a column. (The `*` stamp — the record's insert, for every field without a row of its own —
   * is kept on the record since migration 0018: every synced table's `sync_record_hlc`, read and
   * written only by electron/sync/field-clocks.ts, so not in these types.)
   */
  field: string;
  hlc: string;
}

interface SyncTombstonesTable {
  kind: string;
  record_id: string;
  deleted_at_ms: number;
}

/** Accounts merged at sync into another (migration 0015): where a later record of one goes. */
interface SyncMergedAccountsTable {
  account_id: string;
  into_account_id: string;
  merged_at_ms: number;
}

interface SyncAppliedChangesTable {
  change_id: string;
}

interface SyncCaptureTable {
  id: number;
  /** 1: the triggers log writes (joined, not applying remote changes) */
  logging: number;
  /** This store's own device id in the stamps of its field clocks until it joins a hub (migration 0012). */
  local_device_id: string;
  /** 1: an update of a lead stamps its changed fields in `sync_field_clocks` (until the change log starts; migration 0012) */
  local_clocks: number;
}

interface SyncStateTable {
  id: number;
  hub_url: string;
  hub_id: string;
  device_id: string;
  device_name: string;
  role: string;
  token: string;
  /** SHA-256 fingerprint of the https hub's certificate, pinned at joining; null for http */
  hub_fingerprint: string | null;
  /** the hub's pull cursor, '' before the first pull */
  cursor: Generated<string>;
  /** the hybrid clock's last stamp, '' before the first */
  last_hlc: Generated<string>;
  last_sync_at: string | null;
  joined_at: string;
}

export interface Database {
  events: EventsTable;
  settings: SettingsTable;
  leads: LeadsTable;
  card_scans: CardScansTable;
  capture_queue: CaptureQueueTable;
  qualification_criteria: QualificationCriteriaTable;
  lead_criteria: LeadCriteriaTable;
  lead_timeline: LeadTimelineTable;
  accounts: AccountsTable;
  contacts: ContactsTable;
  opportunities: OpportunitiesTable;
  opportunity_contact_roles: OpportunityContactRolesTable;
  opportunity_stage_history: OpportunityStageHistoryTable;
  activities: ActivitiesTable;
  conversions: ConversionsTable;
  conversion_rules: ConversionRulesTable;
  privacy_log: PrivacyLogTable;
  export_batches: ExportBatchesTable;
  export_batch_leads: ExportBatchLeadsTable;
  duplicate_flags: DuplicateFlagsTable;
  sync_changes: SyncChangesTable;
  sync_field_clocks: SyncFieldClocksTable;
  sync_tombstones: SyncTombstonesTable;
  sync_applied_changes: SyncAppliedChangesTable;
  sync_merged_accounts: SyncMergedAccountsTable;
  sync_capture: SyncCaptureTable;
  sync_state: SyncStateTable;
}

export type EventRow = Selectable<EventsTable>;
export type LeadRow = Selectable<LeadsTable>;
export type NewLeadRow = Insertable<LeadsTable>;
export type CardScanRow = Selectable<CardScansTable>;
export type NewCardScanRow = Insertable<CardScansTable>;
export type CaptureQueueRow = Selectable<CaptureQueueTable>;
export type AccountRow = Selectable<AccountsTable>;
export type ContactRow = Selectable<ContactsTable>;
export type OpportunityRow = Selectable<OpportunitiesTable>;
export type ConversionRow = Selectable<ConversionsTable>;
export type ActivityRow = Selectable<ActivitiesTable>;
