import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../../electron/db/migrate';
import { MIGRATIONS } from '../../../electron/db/migrations';
import { openDatabase } from '../../../electron/db/open-database';
import { findDuplicateCandidates } from '../../../electron/db/repositories/duplicate-candidates';
import { makeTempDir } from '../../support/temp-database';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const BOOTH_CAPTURE = MIGRATIONS.findIndex((migration) => migration.name === '0005-booth-capture');

describe('migration 0005-booth-capture', () => {
  it('upgrades a file with leads: name keys filled in, badge ids empty, the queue table there, search intact', async () => {
    const dir = makeTempDir();
    dirs.push(dir);
    const file = path.join(dir, 'leadbooth.db');
    const sqlite = new BetterSqlite3(file);
    sqlite.pragma('foreign_keys = ON');
    const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) });
    await migrateToLatest(db, MIGRATIONS.slice(0, BOOTH_CAPTURE));
    sqlite.prepare("INSERT INTO events (id, name, created_at) VALUES ('e1', 'CES', '2026-01-01T00:00:00Z')").run();
    const insert = sqlite.prepare(
      "INSERT INTO leads (id, event_id, first_name, last_name, company, email, capture_method, captured_by, captured_at, updated_at) VALUES (?, 'e1', ?, ?, ?, ?, 'typed', 'Jo', ?, ?)",
    );
    insert.run('l1', 'Ána', 'Müller', 'Acme GmbH', '', '2026-01-01T10:00:00Z', '2026-01-01T10:00:00Z');
    insert.run('l2', 'Chidi', '', 'Northwind', 'chidi@northwind.example', '2026-01-01T11:00:00Z', '2026-01-01T11:00:00Z');
    await db.destroy();

    const upgraded = await openDatabase(file);
    try {
      expect(upgraded.sqlite.prepare('SELECT name_key, badge_id FROM leads ORDER BY seq').all()).toEqual([
        { name_key: 'muller|a', badge_id: '' },
        { name_key: '', badge_id: '' },
      ]);
      expect(upgraded.sqlite.prepare("SELECT rowid FROM leads_fts WHERE leads_fts MATCH 'muller'").pluck().all()).toEqual([1]);
      const candidates = await findDuplicateCandidates(upgraded.db, {
        firstName: 'ana',
        lastName: 'MULLER',
        email: 'CHIDI@northwind.example',
      });
      expect(candidates.map((candidate) => candidate.id).sort()).toEqual(['l1', 'l2']);
      const plan = upgraded.sqlite
        .prepare("EXPLAIN QUERY PLAN SELECT id FROM leads WHERE name_key IN ('muller|a') AND name_key <> ''")
        .all()
        .map((step) => (step as { detail: string }).detail)
        .join(' ');
      expect(plan).toContain('leads_name_key');
      expect(upgraded.sqlite.prepare('SELECT count(*) FROM capture_queue').pluck().get()).toBe(0);
    } finally {
      await upgraded.close();
    }
  });
});
