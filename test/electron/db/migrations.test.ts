import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../../electron/db/migrate';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../electron/db/migrations';
import { openDatabase } from '../../../electron/db/open-database';
import { raiseFieldClocks, readRecordClocks } from '../../../electron/sync/field-clocks';
import { makeTempDir } from '../../support/temp-database';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A database file brought to exactly `version` by the real migrations. */
async function databaseAtVersion(version: number): Promise<{ file: string; sqlite: BetterSqlite3.Database; db: Kysely<unknown> }> {
  const dir = makeTempDir();
  dirs.push(dir);
  const file = path.join(dir, 'leadbooth.db');
  const sqlite = new BetterSqlite3(file);
  sqlite.pragma('foreign_keys = ON');
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) });
  await migrateToLatest(db, MIGRATIONS.filter((migration) => migration.version <= version));
  return { file, sqlite, db };
}

describe('migrations', () => {
  it('are numbered in rising order, so user_version says which ran', () => {
    const versions = MIGRATIONS.map((migration) => migration.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    // 1..n with no gaps: user_version names exactly the migrations that ran.
    expect(versions).toEqual(versions.map((_, index) => index + 1));
    expect(LATEST_SCHEMA_VERSION).toBe(versions.at(-1));
  });

  it('0001 creates the store from nothing', async () => {
    const { sqlite, db } = await databaseAtVersion(1);
    expect(sqlite.pragma('user_version', { simple: true })).toBe(1);
    sqlite.prepare("INSERT INTO events (id, name, created_at) VALUES ('e1', 'CES', 'now')").run();
    expect(() =>
      sqlite.prepare("INSERT INTO leads (id, event_id, capture_method, captured_by, captured_at, updated_at) VALUES ('l1', 'missing', 'typed', 'Jo', 'now', 'now')").run(),
    ).toThrow(/FOREIGN KEY/);
    await db.destroy();
  });

  it('0002 adds card scans to a version-1 file with leads in it, keeping every lead and the search index', async () => {
    const { file, sqlite, db } = await databaseAtVersion(1);
    sqlite.prepare("INSERT INTO events (id, name, created_at) VALUES ('e1', 'CES', '2026-01-01T00:00:00Z')").run();
    const insert = sqlite.prepare(
      "INSERT INTO leads (id, event_id, first_name, last_name, company, capture_method, captured_by, captured_at, updated_at) VALUES (?, 'e1', ?, ?, ?, 'typed', 'Jo', ?, ?)",
    );
    insert.run('l1', 'Ana', 'Müller', 'Acme GmbH', '2026-01-01T10:00:00Z', '2026-01-01T10:00:00Z');
    insert.run('l2', 'Chidi', 'Okafor', 'Northwind', '2026-01-01T11:00:00Z', '2026-01-01T11:00:00Z');
    await db.destroy();

    const upgraded = await openDatabase(file);
    try {
      expect(upgraded.sqlite.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      expect(upgraded.sqlite.prepare('SELECT last_name FROM leads ORDER BY seq').pluck().all()).toEqual(['Müller', 'Okafor']);
      expect(upgraded.sqlite.prepare("SELECT rowid FROM leads_fts WHERE leads_fts MATCH 'muller'").pluck().all()).toEqual([1]);
      upgraded.sqlite
        .prepare(
          "INSERT INTO card_scans (id, lead_id, image, image_mime, image_width, image_height, ocr_text, ocr_json, scanned_by, scanned_at) VALUES ('s1', 'l1', x'FFD8', 'image/jpeg', 10, 10, 'Ana', '{}', 'Jo', 'now')",
        )
        .run();
      // The evidence goes with its lead.
      upgraded.sqlite.prepare("DELETE FROM leads WHERE id = 'l1'").run();
      expect(upgraded.sqlite.prepare('SELECT count(*) FROM card_scans').pluck().get()).toBe(0);
    } finally {
      await upgraded.close();
    }
  });

  it('0015 (accounts merged at sync) upgrades a version-14 file: where merged accounts went starts empty, one row per account merged', async () => {
    const { file, sqlite, db } = await databaseAtVersion(14);
    sqlite.exec(`INSERT INTO accounts (id, name, name_key, created_by, created_at, updated_at) VALUES ('a1', 'Acme', 'acme', 'Jo', 'now', 'now')`);
    await db.destroy();
    const upgraded = await openDatabase(file);
    try {
      expect(upgraded.sqlite.prepare('SELECT count(*) FROM sync_merged_accounts').pluck().get()).toBe(0);
      expect(upgraded.sqlite.prepare('SELECT name FROM accounts').pluck().all()).toEqual(['Acme']);
      const insert = upgraded.sqlite.prepare('INSERT INTO sync_merged_accounts (account_id, into_account_id, merged_at_ms) VALUES (?, ?, ?)');
      insert.run('a2', 'a1', 1);
      expect(() => insert.run('a2', 'a3', 2)).toThrow(/UNIQUE|PRIMARY KEY/);
    } finally {
      await upgraded.close();
    }
  });

  it('0014 (sync of conversions, contact roles, stage history) logs what a joined laptop held, keys the stage history, and makes each trigger once', async () => {
    const { file, sqlite, db } = await databaseAtVersion(13);
    sqlite.exec(`
      INSERT INTO events (id, name, created_at) VALUES ('e1', 'CES', '2026-01-01T00:00:00Z');
      INSERT INTO leads (id, event_id, first_name, last_name, status, capture_method, captured_by, captured_at, updated_at)
        VALUES ('l1', 'e1', 'Ana', 'Silva', 'Converted', 'typed', 'Jo', '2026-01-01T10:00:00Z', '2026-01-01T10:00:00Z');
      INSERT INTO accounts (id, name, name_key, created_by, created_at, updated_at) VALUES ('a1', 'Acme', 'acme', 'Jo', 'now', 'now');
      INSERT INTO contacts (id, account_id, created_by, created_at, updated_at) VALUES ('c1', 'a1', 'Jo', 'now', 'now');
      INSERT INTO opportunities (id, account_id, name, stage, close_date, created_by, created_at, updated_at) VALUES ('o1', 'a1', 'Deal', 'Prospecting', '2027-01-01', 'Jo', 'now', 'now');
      INSERT INTO opportunity_stage_history (opportunity_id, stage, at, actor) VALUES ('o1', 'Prospecting', 'now', 'Jo'), ('o1', 'Prospecting', 'now', 'Jo');
      INSERT INTO opportunity_contact_roles (opportunity_id, contact_id, role, is_primary) VALUES ('o1', 'c1', 'Decision maker', 1);
      INSERT INTO conversions (id, lead_id, account_id, account_created, contact_id, contact_created, opportunity_id, restore, converted_by, converted_at)
        VALUES ('v1', 'l1', 'a1', 1, 'c1', 1, 'o1', '{}', 'Jo', 'now');
      UPDATE sync_capture SET logging = 1, local_clocks = 0;
    `);
    await db.destroy();

    const upgraded = await openDatabase(file);
    try {
      const logged = upgraded.sqlite.prepare("SELECT kind, record_id FROM sync_changes WHERE kind IN ('conversion', 'opportunity_contact_role', 'stage_change') ORDER BY kind").all();
      expect(logged).toEqual([
        { kind: 'conversion', record_id: 'v1' },
        { kind: 'opportunity_contact_role', record_id: 'o1/c1' },
        { kind: 'stage_change', record_id: 'o1/now/Prospecting' },
      ]);
      expect(upgraded.sqlite.prepare('SELECT count(*) FROM opportunity_stage_history').pluck().get()).toBe(1);
      const triggers = upgraded.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'sync_log_conversions_%' ORDER BY name").pluck().all();
      expect(triggers).toEqual(['sync_log_conversions_delete', 'sync_log_conversions_insert', 'sync_log_conversions_update']);
      upgraded.sqlite.prepare("UPDATE conversions SET reviewed = 1 WHERE id = 'v1'").run();
      expect(upgraded.sqlite.prepare("SELECT fields FROM sync_changes WHERE kind = 'conversion' ORDER BY seq DESC LIMIT 1").pluck().get()).toBe('{"reviewed":1}');
    } finally {
      await upgraded.close();
    }
  });

  it('0016 (sync of rules, duplicate flags, export batches) turns flags into one per pair, logs what a joined laptop held, and marks a rule removed', async () => {
    const { file, sqlite, db } = await databaseAtVersion(15);
    sqlite.exec(`
      INSERT INTO events (id, name, created_at) VALUES ('e1', 'CES', '2026-01-01T00:00:00Z');
      INSERT INTO leads (id, event_id, first_name, last_name, status, capture_method, captured_by, captured_at, updated_at)
        VALUES ('l1', 'e1', 'Ana', 'Silva', 'New', 'typed', 'Jo', 'now', 'now'), ('l2', 'e1', 'Ana', 'Silva', 'New', 'typed', 'Jo', 'now', 'now'),
               ('l3', 'e1', 'Ana', 'Silva', 'New', 'typed', 'Jo', 'now', 'now');
      INSERT INTO duplicate_flags (lead_id, other_lead_id, reasons, source, flagged_at)
        VALUES ('l2', 'l1', '["email"]', 'import', 'now'), ('l1', 'l2', '["email"]', 'import', 'now'), ('l3', 'l1', '["email"]', 'import', 'now');
      INSERT INTO conversion_rules (event_id, min_met, stage, close_in_days, updated_at) VALUES ('e1', 2, 'Prospecting', 30, 'now');
      INSERT INTO export_batches (id, created_at, created_by, format, filter, file_name, sha256, lead_count) VALUES ('b1', 'now', 'Jo', 'vcard', '{}', 'x.vcf', 'abc', 1);
      INSERT INTO export_batch_leads (batch_id, lead_id) VALUES ('b1', 'l2');
      UPDATE sync_capture SET logging = 1, local_clocks = 0;
    `);
    await db.destroy();

    const upgraded = await openDatabase(file);
    try {
      expect(upgraded.sqlite.prepare('SELECT lead_id, other_lead_id FROM duplicate_flags ORDER BY lead_id, other_lead_id').all()).toEqual([
        { lead_id: 'l1', other_lead_id: 'l2' },
        { lead_id: 'l1', other_lead_id: 'l3' },
      ]);
      const logged = upgraded.sqlite.prepare("SELECT kind, record_id FROM sync_changes WHERE kind IN ('conversion_rule', 'duplicate_flag', 'export_batch', 'export_batch_member') ORDER BY kind, record_id").all();
      expect(logged).toEqual([
        { kind: 'conversion_rule', record_id: 'e1' },
        { kind: 'duplicate_flag', record_id: 'l1/l2' },
        { kind: 'duplicate_flag', record_id: 'l1/l3' },
        { kind: 'export_batch', record_id: 'b1' },
        { kind: 'export_batch_member', record_id: 'b1/l2' },
      ]);
      // The members' table has key columns only: no update trigger.
      expect(upgraded.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'sync_log_export_batch_leads_%' ORDER BY name").pluck().all()).toEqual([
        'sync_log_export_batch_leads_delete',
        'sync_log_export_batch_leads_insert',
      ]);
      const triggers = upgraded.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'sync_log_conversion_rules_%' ORDER BY name").pluck().all();
      expect(triggers).toEqual(['sync_log_conversion_rules_delete', 'sync_log_conversion_rules_insert', 'sync_log_conversion_rules_update']);
      // A rule held before stays in force; removing it is an edit of the record, not a tombstone.
      expect(upgraded.sqlite.prepare("SELECT removed FROM conversion_rules WHERE event_id = 'e1'").pluck().get()).toBe(0);
      upgraded.sqlite.prepare("UPDATE conversion_rules SET removed = 1, updated_at = 'later' WHERE event_id = 'e1'").run();
      expect(upgraded.sqlite.prepare("SELECT fields FROM sync_changes WHERE kind = 'conversion_rule' ORDER BY seq DESC LIMIT 1").pluck().get()).toBe('{"updated_at":"later","removed":1}');
    } finally {
      await upgraded.close();
    }
  });

  it('0017 (criteria marked removed) marks nothing held, logs a removal as an edit, drops the tombstones of criteria of shows held', async () => {
    const { file, sqlite, db } = await databaseAtVersion(16);
    sqlite.exec(`
      INSERT INTO events (id, name, created_at) VALUES ('e1', 'CES', '2026-01-01T00:00:00Z');
      INSERT INTO qualification_criteria (event_id, key, label, kind, position)
        VALUES ('e1', 'budget', 'Budget', 'yesno', 0), ('e1', 'authority', 'Authority', 'yesno', 1), ('e1', 'need', 'Need', 'yesno', 2), ('e1', 'timeline', 'Timeline', 'yesno', 3);
      INSERT INTO sync_tombstones (kind, record_id, deleted_at_ms) VALUES ('criterion', 'e1/urgency', 1), ('criterion', 'gone-show/budget', 1);
      UPDATE sync_capture SET logging = 1, local_clocks = 0;
    `);
    await db.destroy();

    const upgraded = await openDatabase(file);
    try {
      expect(upgraded.sqlite.prepare("SELECT key, removed FROM qualification_criteria WHERE event_id = 'e1' ORDER BY position").all()).toEqual(
        ['budget', 'authority', 'need', 'timeline'].map((key) => ({ key, removed: 0 })),
      );
      const triggers = upgraded.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'sync_log_qualification_criteria_%' ORDER BY name").pluck().all();
      expect(triggers).toEqual(['sync_log_qualification_criteria_delete', 'sync_log_qualification_criteria_insert', 'sync_log_qualification_criteria_update']);
      upgraded.sqlite.prepare("UPDATE qualification_criteria SET removed = 1 WHERE event_id = 'e1' AND key = 'need'").run();
      expect(upgraded.sqlite.prepare("SELECT fields, tombstone FROM sync_changes WHERE kind = 'criterion' ORDER BY seq DESC LIMIT 1").get()).toEqual({ fields: '{"removed":1}', tombstone: 0 });
      // A criterion removed before (deleted: a tombstone) can be added back under its key; a
      // deleted show's criteria stay tombstoned.
      expect(upgraded.sqlite.prepare("SELECT record_id FROM sync_tombstones WHERE kind = 'criterion'").pluck().all()).toEqual(['gone-show/budget']);
      upgraded.sqlite.prepare("INSERT INTO qualification_criteria (event_id, key, label, kind, position) VALUES ('e1', 'urgency', 'Urgency', 'yesno', 4)").run();
      expect(upgraded.sqlite.prepare("SELECT fields FROM sync_changes WHERE kind = 'criterion' ORDER BY seq DESC LIMIT 1").pluck().get()).toContain('"removed":0');
      // A show deleted (the sync applying its tombstone) still takes its criteria with it, as tombstones.
      upgraded.sqlite.prepare("DELETE FROM events WHERE id = 'e1'").run();
      expect(upgraded.sqlite.prepare("SELECT record_id FROM sync_tombstones WHERE kind = 'criterion' ORDER BY record_id").pluck().all()).toEqual(
        ['e1/authority', 'e1/budget', 'e1/need', 'e1/timeline', 'e1/urgency', 'gone-show/budget'],
      );
      expect(upgraded.sqlite.prepare("SELECT count(*) FROM sync_changes WHERE kind = 'criterion' AND tombstone = 1").pluck().get()).toBe(5);
    } finally {
      await upgraded.close();
    }
  });

  it('0018 (the record stamp on the record) moves each `*` field clock onto its record, keeps the fields\' own, and every reader sees the same clocks', async () => {
    const { file, sqlite, db } = await databaseAtVersion(17);
    sqlite.exec(`
      INSERT INTO events (id, name, created_at) VALUES ('e1', 'CES', '2026-01-01T00:00:00Z');
      INSERT INTO leads (id, event_id, first_name, last_name, company, capture_method, captured_by, captured_at, updated_at)
        VALUES ('l1', 'e1', 'Ana', 'Müller', 'Acme', 'typed', 'Jo', '2026-01-02T00:00:00Z', '2026-01-02T00:00:00Z'),
               ('l2', 'e1', 'Ben', 'Ode', 'Bolt', 'typed', 'Jo', '2026-01-02T00:00:00Z', '2026-01-02T00:00:00Z');
      INSERT INTO lead_criteria (lead_id, criterion_key, state, answered_by, answered_at) VALUES ('l1', 'budget', 'met', 'Jo', '2026-01-02T00:00:00Z');
      INSERT INTO sync_field_clocks (kind, record_id, field, hlc) VALUES
        ('event', 'e1', '*', '0000000000000-0000-a'),
        ('lead', 'l1', '*', '1767312000000-0000-b'),
        ('lead', 'l1', 'title', '1767312000000-0003-c'),
        ('criterion_answer', 'l1/budget', '*', '1767312000000-0001-b'),
        ('lead', 'gone', '*', '1767312000000-0002-b');
      UPDATE sync_capture SET logging = 1, local_clocks = 0;
    `);
    await db.destroy();

    const upgraded = await openDatabase(file);
    try {
      const clocksOf = async (kind: string, recordId: string, field: string) => (await readRecordClocks(upgraded.db, kind, recordId)).of(field);
      expect(upgraded.sqlite.prepare('SELECT id, sync_record_hlc FROM leads ORDER BY id').all()).toEqual([
        { id: 'l1', sync_record_hlc: '1767312000000-0000-b' },
        { id: 'l2', sync_record_hlc: null },
      ]);
      // No `*` row is left (that of a record not held went too); the fields' own rows stay.
      expect(upgraded.sqlite.prepare('SELECT kind, record_id, field FROM sync_field_clocks').all()).toEqual([{ kind: 'lead', record_id: 'l1', field: 'title' }]);
      expect(await clocksOf('lead', 'l1', 'title')).toBe('1767312000000-0003-c');
      expect(await clocksOf('lead', 'l1', 'company')).toBe('1767312000000-0000-b');
      expect(await clocksOf('event', 'e1', 'name')).toBe('0000000000000-0000-a');
      expect(await clocksOf('criterion_answer', 'l1/budget', 'state')).toBe('1767312000000-0001-b');
      expect((await readRecordClocks(upgraded.db, 'lead', 'l2')).held).toBe(false);
      // Setting the stamp is no edit: nothing logged, no field stamped by it.
      const logged = upgraded.sqlite.prepare('SELECT count(*) FROM sync_changes').pluck().get();
      await raiseFieldClocks(upgraded.db, [{ kind: 'lead', recordId: 'l2', field: '*', hlc: '1767312000000-0009-d' }]);
      expect(upgraded.sqlite.prepare('SELECT count(*) FROM sync_changes').pluck().get()).toBe(logged);
      expect(await clocksOf('lead', 'l2', 'email')).toBe('1767312000000-0009-d');
      // Deleting a record takes its stamp with it (forget).
      upgraded.sqlite.prepare("DELETE FROM lead_criteria WHERE lead_id = 'l1'").run();
      expect((await readRecordClocks(upgraded.db, 'criterion_answer', 'l1/budget')).held).toBe(false);
    } finally {
      await upgraded.close();
    }
  });

  it('0007 (review indexes) upgrades a version-6 file with leads in it, and the list reads its sorts from the new indexes', async () => {
    const { file, sqlite, db } = await databaseAtVersion(6);
    sqlite.prepare("INSERT INTO events (id, name, created_at) VALUES ('e1', 'CES', '2026-01-01T00:00:00Z')").run();
    const insert = sqlite.prepare(
      "INSERT INTO leads (id, event_id, first_name, last_name, company, status, rating, capture_method, captured_by, captured_at, updated_at) VALUES (?, 'e1', ?, ?, ?, ?, ?, 'typed', 'Jo', ?, ?)",
    );
    insert.run('l1', 'Ana', 'Zeller', 'Acme', 'Working', 'Hot', '2026-01-01T10:00:00Z', '2026-01-01T10:00:00Z');
    insert.run('l2', 'Bo', 'adams', 'Northwind', 'New', null, '2026-01-01T11:00:00Z', '2026-01-01T11:00:00Z');
    await db.destroy();

    const upgraded = await openDatabase(file);
    try {
      expect(upgraded.sqlite.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      expect(upgraded.sqlite.prepare('SELECT id FROM leads ORDER BY last_name COLLATE NOCASE').pluck().all()).toEqual(['l2', 'l1']);
      const indexes = upgraded.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'leads'").pluck().all();
      expect(indexes).toEqual(expect.arrayContaining(['leads_review_name', 'leads_review_status', 'leads_review_rating', 'leads_review_company', 'leads_review_captured']));
      const plan = upgraded.sqlite
        .prepare("EXPLAIN QUERY PLAN SELECT seq FROM leads INDEXED BY leads_review_name WHERE event_id = 'e1' AND status = 'New' ORDER BY last_name COLLATE NOCASE, first_name COLLATE NOCASE, seq LIMIT 10")
        .all()
        .map((row) => (row as { detail: string }).detail)
        .join(' ');
      expect(plan).toContain('COVERING INDEX leads_review_name');
      expect(plan).not.toContain('TEMP B-TREE');
    } finally {
      await upgraded.close();
    }
  });

  it('0008 (lossless edges) upgrades a version-7 file with shows and leads in it: nothing imported yet, no source id, no zone', async () => {
    const { file, sqlite, db } = await databaseAtVersion(7);
    sqlite.prepare("INSERT INTO events (id, name, created_at) VALUES ('e1', 'CES', '2026-01-01T00:00:00Z')").run();
    sqlite
      .prepare("INSERT INTO leads (id, event_id, first_name, last_name, capture_method, captured_by, captured_at, updated_at) VALUES ('l1', 'e1', 'Ana', 'Zeller', 'typed', 'Jo', 'now', 'now')")
      .run();
    await db.destroy();

    const upgraded = await openDatabase(file);
    try {
      expect(upgraded.sqlite.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      expect(upgraded.sqlite.prepare("SELECT imported_fields, source_uid FROM leads WHERE id = 'l1'").get()).toEqual({ imported_fields: '{}', source_uid: '' });
      expect(upgraded.sqlite.prepare("SELECT time_zone FROM events WHERE id = 'e1'").pluck().get()).toBe('');
      const plan = upgraded.sqlite
        .prepare("EXPLAIN QUERY PLAN SELECT id FROM leads WHERE source_uid = 'urn:uuid:1' AND source_uid <> ''")
        .all()
        .map((row) => (row as { detail: string }).detail)
        .join(' ');
      expect(plan).toContain('leads_source_uid');
    } finally {
      await upgraded.close();
    }
  });

  for (const fromVersion of [1, 2]) {
    it(`0003 (qualify and convert) upgrades a version-${fromVersion} file with shows and leads in it`, async () => {
      const { file, sqlite, db } = await databaseAtVersion(fromVersion);
      sqlite.prepare("INSERT INTO events (id, name, qualification_framework, created_at) VALUES ('e1', 'CES', 'ANUM', '2026-01-01T00:00:00Z')").run();
      sqlite.prepare("INSERT INTO events (id, name, created_at) VALUES ('e2', 'MWC', '2026-02-01T00:00:00Z')").run();
      sqlite
        .prepare(
          "INSERT INTO leads (id, event_id, last_name, company, rating, capture_method, captured_by, captured_at, updated_at) VALUES ('l1', 'e1', 'Müller', 'Acme', 'Warm', 'card_scan', 'Jo', '2026-01-01T10:00:00Z', '2026-01-01T10:00:00Z')",
        )
        .run();
      await db.destroy();

      const upgraded = await openDatabase(file);
      try {
        const criteria = (eventId: string) =>
          upgraded.sqlite.prepare('SELECT key FROM qualification_criteria WHERE event_id = ? ORDER BY position').pluck().all(eventId);
        expect(criteria('e1')).toEqual(['authority', 'need', 'urgency', 'money']);
        expect(criteria('e2')).toEqual(['budget', 'authority', 'need', 'timeline']);
        const timeline = upgraded.sqlite.prepare("SELECT id, kind, actor, at, details FROM lead_timeline WHERE lead_id = 'l1'").all() as Array<Record<string, string>>;
        expect(timeline).toHaveLength(1);
        expect(timeline[0]).toMatchObject({ kind: 'captured', actor: 'Jo', at: '2026-01-01T10:00:00Z' });
        expect(timeline[0]?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        expect(JSON.parse(timeline[0]?.details ?? '{}')).toEqual({ method: 'card_scan', eventId: 'e1', eventName: 'CES' });
        // A rating typed at the booth was a person's choice: the checklist will not overwrite it.
        expect(upgraded.sqlite.prepare("SELECT rating, rating_by_person, status FROM leads WHERE id = 'l1'").get()).toEqual({
          rating: 'Warm',
          rating_by_person: 1,
          status: 'New',
        });
      } finally {
        await upgraded.close();
      }
    });
  }
  it('0004 turns on the search index\'s secure delete and adds the privacy log, keeping every lead', async () => {
    const { file, sqlite, db } = await databaseAtVersion(3);
    sqlite.prepare("INSERT INTO events (id, name, created_at) VALUES ('e1', 'CES', '2026-01-01T00:00:00Z')").run();
    sqlite
      .prepare("INSERT INTO leads (id, event_id, first_name, last_name, capture_method, captured_by, captured_at, updated_at) VALUES ('l1', 'e1', 'Ana', 'Müller', 'typed', 'Jo', 'x', 'x')")
      .run();
    await db.destroy();
    const upgraded = await openDatabase(file);
    try {
      expect(upgraded.sqlite.prepare("SELECT v FROM leads_fts_config WHERE k = 'secure-delete'").pluck().get()).toBe(1);
      expect(upgraded.sqlite.prepare("SELECT rowid FROM leads_fts WHERE leads_fts MATCH 'muller'").pluck().all()).toEqual([1]);
      expect(upgraded.sqlite.prepare('SELECT count(*) FROM privacy_log').pluck().get()).toBe(0);
    } finally {
      await upgraded.close();
    }
  });

  it('0006 (export batches) upgrades a version-5 file with leads in it: nothing exported yet, batches and duplicate flags work', async () => {
    const { file, sqlite, db } = await databaseAtVersion(5);
    sqlite.prepare("INSERT INTO events (id, name, created_at) VALUES ('e1', 'CES', '2026-01-01T00:00:00Z')").run();
    const insert = sqlite.prepare(
      "INSERT INTO leads (id, event_id, last_name, company, capture_method, captured_by, captured_at, updated_at) VALUES (?, 'e1', ?, 'Acme', 'typed', 'Jo', '2026-01-01T10:00:00Z', '2026-01-01T10:00:00Z')",
    );
    insert.run('l1', 'Müller');
    insert.run('l2', 'Okafor');
    await db.destroy();

    const upgraded = await openDatabase(file);
    try {
      expect(upgraded.sqlite.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      expect(upgraded.sqlite.prepare('SELECT id FROM leads ORDER BY seq').pluck().all()).toEqual(['l1', 'l2']);
      upgraded.sqlite
        .prepare(
          "INSERT INTO export_batches (id, created_at, created_by, format, filter, file_name, sha256, lead_count) VALUES ('b1', 'now', 'Jo', 'vcard', '{}', 'x.vcf', 'ab', 1)",
        )
        .run();
      upgraded.sqlite.prepare("INSERT INTO export_batch_leads (batch_id, lead_id) VALUES ('b1', 'l1')").run();
      upgraded.sqlite
        .prepare("INSERT INTO duplicate_flags (lead_id, other_lead_id, reasons, source, flagged_at) VALUES ('l2', 'l1', '[\"email\"]', 'import', 'now')")
        .run();
      expect(upgraded.sqlite.prepare('SELECT count(*) FROM leads WHERE NOT EXISTS (SELECT 1 FROM export_batch_leads WHERE lead_id = leads.id)').pluck().get()).toBe(1);
      // A lead that goes takes its batch membership and its flags with it; the batch stays.
      upgraded.sqlite.prepare("DELETE FROM leads WHERE id = 'l1'").run();
      expect(upgraded.sqlite.prepare('SELECT count(*) FROM export_batch_leads').pluck().get()).toBe(0);
      expect(upgraded.sqlite.prepare('SELECT count(*) FROM duplicate_flags').pluck().get()).toBe(0);
      expect(upgraded.sqlite.prepare('SELECT count(*) FROM export_batches').pluck().get()).toBe(1);
    } finally {
      await upgraded.close();
    }
  });

  it('0013 drops leads_newest from a version-12 file with leads in it; the list newest first and its cursor read from the review index without sorting', async () => {
    const { file, sqlite, db } = await databaseAtVersion(12);
    sqlite.prepare("INSERT INTO events (id, name, created_at) VALUES ('e1', 'CES', '2026-01-01T00:00:00Z')").run();
    const insert = sqlite.prepare("INSERT INTO leads (id, event_id, last_name, capture_method, captured_by, captured_at, updated_at) VALUES (?, 'e1', ?, 'typed', 'Jo', ?, ?)");
    insert.run('l1', 'Zeller', '2026-01-01T10:00:00Z', '2026-01-01T10:00:00Z');
    insert.run('l2', 'Adams', '2026-01-01T11:00:00Z', '2026-01-01T11:00:00Z');
    expect(sqlite.prepare("SELECT name FROM sqlite_master WHERE name = 'leads_newest'").pluck().get()).toBe('leads_newest');
    await db.destroy();

    const upgraded = await openDatabase(file);
    try {
      expect(upgraded.sqlite.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      expect(upgraded.sqlite.prepare("SELECT name FROM sqlite_master WHERE name = 'leads_newest'").pluck().get()).toBeUndefined();
      const newestFirst = "SELECT id FROM leads WHERE captured_at < '2026-02-01' OR (captured_at = '2026-02-01' AND seq < 9) ORDER BY captured_at DESC, seq DESC LIMIT 50";
      expect(upgraded.sqlite.prepare(newestFirst).pluck().all()).toEqual(['l2', 'l1']);
      const plan = (upgraded.sqlite.prepare(`EXPLAIN QUERY PLAN ${newestFirst}`).all() as Array<{ detail: string }>).map((row) => row.detail).join(' ');
      expect(plan).toContain('leads_review_captured');
      expect(plan).not.toContain('TEMP B-TREE');
    } finally {
      await upgraded.close();
    }
  });

  it('a failing migration leaves the file at the previous version', async () => {
    const { sqlite, db } = await databaseAtVersion(1);
    const broken = [
      ...MIGRATIONS.slice(0, 1),
      {
        version: 2,
        name: 'broken',
        up: async (trx: Kysely<unknown>) => {
          await (trx as Kysely<{ t: { x: number } }>).schema.createTable('half_done').addColumn('x', 'integer').execute();
          throw new Error('power cut');
        },
      },
    ];
    await expect(migrateToLatest(db, broken)).rejects.toThrow('power cut');
    expect(sqlite.pragma('user_version', { simple: true })).toBe(1);
    expect(sqlite.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'").pluck().get()).toBe(0);
    await db.destroy();
  });

  it('0010 (show money) gives the shows of a version-9 file no currency (the laptop’s) and no cost, and keeps them', async () => {
    const { file, sqlite, db } = await databaseAtVersion(9);
    sqlite.prepare("INSERT INTO events (id, name, created_at) VALUES ('e1', 'CES', '2026-01-01T00:00:00Z')").run();
    await db.destroy();

    const upgraded = await openDatabase(file);
    try {
      expect(upgraded.sqlite.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      expect(upgraded.sqlite.prepare('SELECT name, currency, cost FROM events').all()).toEqual([{ name: 'CES', currency: '', cost: null }]);
      upgraded.sqlite.prepare("UPDATE events SET currency = 'EUR', cost = 12500.5 WHERE id = 'e1'").run();
      expect(upgraded.sqlite.prepare('SELECT currency, cost FROM events').get()).toEqual({ currency: 'EUR', cost: 12500.5 });
    } finally {
      await upgraded.close();
    }
  });
});
