import { sql, type Kysely } from 'kysely';
import { changeTriggerStatements } from '../../sync/change-triggers';
import { tablesLoggedSince } from '../../sync/synced-tables';

/**
 * The laptop side of team sync (issue 18):
 *
 * - `sync_changes`: the log of every write to a synced table (the triggers made from the sync
 *   registry, electron/sync/change-triggers.ts). `fields` is a JSON object of the columns set;
 *   `hlc` and `change_id` are given when the change is first pushed and kept, so a retried push
 *   sends the same id; `pushed` is 1 once the hub stored it.
 * - `sync_field_clocks`: per record and field, the clock stamp of the value it holds, for
 *   last-writer-wins per field. Field `*` is the stamp of the record's insert: the clock of every
 *   field without a row of its own (a 100,000-lead sync would otherwise keep 40 rows per lead).
 * - `sync_tombstones`: every deleted or forgotten record, kept for good, so no later pull,
 *   bundle or conflict brings it back.
 * - `sync_applied_changes`: the ids of the remote changes applied (a repeated pull skips them).
 * - `sync_capture`: one row, the triggers' switch (see change-triggers.ts).
 * - `sync_state`: one row once the laptop joined a hub: where, who, the pinned certificate, the
 *   pull cursor, the clock.
 */
// Kysely<any>: a migration sees the schema as it was at its version (Kysely's advice).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE sync_changes (
      seq INTEGER PRIMARY KEY,
      kind TEXT NOT NULL,
      record_id TEXT NOT NULL,
      fields TEXT NOT NULL,
      changed_at_ms INTEGER NOT NULL,
      tombstone INTEGER NOT NULL DEFAULT 0 CHECK (tombstone IN (0, 1)),
      change_id TEXT UNIQUE,
      hlc TEXT,
      pushed INTEGER NOT NULL DEFAULT 0 CHECK (pushed IN (0, 1))
    )`.execute(db);
  await sql`CREATE INDEX sync_changes_unpushed ON sync_changes (seq) WHERE pushed = 0`.execute(db);
  await sql`CREATE INDEX sync_changes_record ON sync_changes (kind, record_id)`.execute(db);
  await sql`
    CREATE TABLE sync_field_clocks (
      kind TEXT NOT NULL,
      record_id TEXT NOT NULL,
      field TEXT NOT NULL,
      hlc TEXT NOT NULL,
      PRIMARY KEY (kind, record_id, field)
    ) WITHOUT ROWID`.execute(db);
  await sql`
    CREATE TABLE sync_tombstones (
      kind TEXT NOT NULL,
      record_id TEXT NOT NULL,
      deleted_at_ms INTEGER NOT NULL,
      PRIMARY KEY (kind, record_id)
    ) WITHOUT ROWID`.execute(db);
  await sql`CREATE TABLE sync_applied_changes (change_id TEXT PRIMARY KEY NOT NULL) WITHOUT ROWID`.execute(db);
  await sql`
    CREATE TABLE sync_capture (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      logging INTEGER NOT NULL CHECK (logging IN (0, 1))
    )`.execute(db);
  await sql`INSERT INTO sync_capture (id, logging) VALUES (1, 0)`.execute(db);
  await sql`
    CREATE TABLE sync_state (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      hub_url TEXT NOT NULL,
      hub_id TEXT NOT NULL,
      device_id TEXT NOT NULL,
      device_name TEXT NOT NULL,
      role TEXT NOT NULL,
      token TEXT NOT NULL,
      -- SHA-256 of the https hub's certificate, pinned at joining; NULL for an http:// hub.
      hub_fingerprint TEXT,
      cursor TEXT NOT NULL DEFAULT '',
      last_hlc TEXT NOT NULL DEFAULT '',
      last_sync_at TEXT,
      joined_at TEXT NOT NULL
    )`.execute(db);
  // The tables synced at this version; a later migration makes the triggers of the tables it adds.
  for (const table of tablesLoggedSince(11)) {
    for (const statement of changeTriggerStatements(table)) await sql.raw(statement).execute(db);
  }
}
