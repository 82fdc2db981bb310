import { sql, type Kysely } from 'kysely';

/**
 * The hub's first schema (issue 18): settings, devices and their pairing codes, and the log of
 * changes every laptop pushed, in the hub's own order (`seq`, the pull cursor).
 *
 * - `changes.change_id` is UNIQUE: a retried push inserts nothing twice (ON CONFLICT DO NOTHING).
 * - the (kind, record_id) index serves the tombstone purge and the tombstone check of a push.
 */
// Kysely<any>: a migration sees the schema as it was at its version (Kysely's advice).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE hub_settings (key text PRIMARY KEY, value text NOT NULL)`.execute(db);
  await sql`
    CREATE TABLE devices (
      id text PRIMARY KEY,
      name text NOT NULL,
      role text NOT NULL CHECK (role IN ('booth', 'manager')),
      token_hash text NOT NULL UNIQUE,
      created_at timestamptz NOT NULL DEFAULT now(),
      revoked_at timestamptz,
      last_seen_at timestamptz,
      pushed_count bigint NOT NULL DEFAULT 0,
      pulled_count bigint NOT NULL DEFAULT 0
    )`.execute(db);
  await sql`
    CREATE TABLE pairing_codes (
      code_hash text PRIMARY KEY,
      role text NOT NULL CHECK (role IN ('booth', 'manager')),
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      used_at timestamptz,
      device_id text REFERENCES devices (id)
    )`.execute(db);
  await sql`
    CREATE TABLE changes (
      seq bigserial PRIMARY KEY,
      change_id uuid NOT NULL UNIQUE,
      device_id text NOT NULL REFERENCES devices (id),
      kind text NOT NULL,
      record_id text NOT NULL,
      hlc text NOT NULL,
      fields jsonb NOT NULL,
      tombstone boolean NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX changes_by_record ON changes (kind, record_id)`.execute(db);
}
