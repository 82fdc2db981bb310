import type { ColumnType, Generated, Selectable } from 'kysely';

/**
 * The hub's tables in PostgreSQL (migrations in ./migrations). The hub process keeps nothing
 * outside them, so any number of hub processes may serve one database.
 */
export interface HubDatabase {
  hub_settings: HubSettingsTable;
  devices: DevicesTable;
  pairing_codes: PairingCodesTable;
  pairing_attempts: PairingAttemptsTable;
  photos: PhotosTable;
  changes: ChangesTable;
  hub_migrations: HubMigrationsTable;
}

/** A timestamptz: pg reads it as a Date, the hub writes Dates or lets the default apply. */
type Timestamp = ColumnType<Date, Date | undefined, Date>;
type NullableTimestamp = ColumnType<Date | null, Date | null | undefined, Date | null>;

/** One row per setting: `hub_id`, and the TLS key and certificate once the hub made them. */
interface HubSettingsTable {
  key: string;
  value: string;
}

interface DevicesTable {
  id: string;
  name: string;
  role: 'booth' | 'manager';
  /** SHA-256 (hex) of the device's token; the token itself is shown once, at pairing. */
  token_hash: string;
  created_at: Timestamp;
  revoked_at: NullableTimestamp;
  last_seen_at: NullableTimestamp;
  /** Changes this device pushed that the hub stored, and changes it pulled. */
  pushed_count: ColumnType<string, number | undefined, number>;
  pulled_count: ColumnType<string, number | undefined, number>;
  /** A booth device that pushed changes of a show new to it pulls again from the start (hub-changes.ts). */
  pull_from_start: ColumnType<boolean, boolean | undefined, boolean>;
}

interface PairingCodesTable {
  /** SHA-256 (hex) of the normalised code (upper case, no dashes). */
  code_hash: string;
  role: 'booth' | 'manager';
  created_at: Timestamp;
  expires_at: Date;
  used_at: NullableTimestamp;
  /** The device the code made, once used. */
  device_id: string | null;
}

/** A card photo, once, by the SHA-256 of its bytes (hub-photos.ts). */
interface PhotosTable {
  sha256: string;
  mime: string;
  bytes: Buffer;
  stored_at: Timestamp;
}

/** A wrong pairing code tried, by the address it came from (rate limit, hub-devices.ts). */
interface PairingAttemptsTable {
  address: string;
  at: Timestamp;
}

interface ChangesTable {
  /** bigserial: pg returns int8 as a string, which is also the pull cursor's form. A restore writes it back. */
  seq: ColumnType<string, string | undefined, never>;
  change_id: string;
  device_id: string;
  kind: string;
  record_id: string;
  hlc: string;
  fields: ColumnType<Record<string, string | number | boolean | null>, string, string>;
  tombstone: boolean;
  received_at: Timestamp;
  /** The show the change belongs to, for booth devices' pulls (change-shows.ts); null: manager devices only. */
  show_id: ColumnType<string | null, string | null | undefined, string | null>;
}

/** A stored change as read. */
export type ChangeRow = Selectable<ChangesTable>;

interface HubMigrationsTable {
  version: number;
  name: string;
  applied_at: Timestamp;
}
