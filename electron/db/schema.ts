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

/** Each time a person was forgotten: never anything about the person (see migration 0006). */
export interface PrivacyLogTable {
  seq: Generated<number>;
  at: string;
  action: 'forget';
  lead_id: string;
  done_by: string;
  photos_removed: number;
}

export interface Database {
  events: EventsTable;
  settings: SettingsTable;
  leads: LeadsTable;
  card_scans: CardScansTable;
  privacy_log: PrivacyLogTable;
}

export type EventRow = Selectable<EventsTable>;
export type NewEventRow = Insertable<EventsTable>;
export type LeadRow = Selectable<LeadsTable>;
export type NewLeadRow = Insertable<LeadsTable>;
export type LeadRowUpdate = Updateable<LeadsTable>;
export type CardScanRow = Selectable<CardScansTable>;
export type NewCardScanRow = Insertable<CardScansTable>;
