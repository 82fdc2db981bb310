import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/** One interface per table, as the columns are in SQLite (snake_case, text times in UTC ISO 8601). */
export interface EventsTable {
  id: string;
  name: string;
  location: string;
  starts_on: string;
  ends_on: string;
  qualification_framework: string;
  created_at: string;
}

export interface SettingsTable {
  key: string;
  /** JSON */
  value: string;
  updated_at: string;
}

export interface LeadsTable {
  /** Stable integer key: the FTS index refers to it, and VACUUM may renumber a plain rowid. */
  seq: Generated<number>;
  id: string;
  event_id: string | null;
  salutation: string;
  first_name: string;
  last_name: string;
  company: string;
  title: string;
  email: string;
  phone: string;
  mobile: string;
  website: string;
  street: string;
  city: string;
  region: string;
  postal_code: string;
  country: string;
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
}

export interface CardScansTable {
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
}

/** Card photos dropped at once, read one after another; the queue survives a reload or a restart. */
export interface CaptureQueueTable {
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

export interface Database {
  events: EventsTable;
  settings: SettingsTable;
  leads: LeadsTable;
  card_scans: CardScansTable;
  capture_queue: CaptureQueueTable;
}

export type EventRow = Selectable<EventsTable>;
export type NewEventRow = Insertable<EventsTable>;
export type LeadRow = Selectable<LeadsTable>;
export type NewLeadRow = Insertable<LeadsTable>;
export type LeadRowUpdate = Updateable<LeadsTable>;
export type CardScanRow = Selectable<CardScansTable>;
export type NewCardScanRow = Insertable<CardScansTable>;
export type CaptureQueueRow = Selectable<CaptureQueueTable>;
