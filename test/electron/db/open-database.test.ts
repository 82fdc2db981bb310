import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/db/open-database';
import { LATEST_SCHEMA_VERSION } from '../../../electron/db/migrations';
import { AppError } from '../../../shared/ipc/errors';
import { makeTempDir } from '../../support/temp-database';

const dirs: string[] = [];
function tempPath(name = 'leadbooth.db'): string {
  const dir = makeTempDir();
  dirs.push(dir);
  return path.join(dir, name);
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('openDatabase', () => {
  it('creates a new file with the latest schema, WAL, foreign keys and durable commits', async () => {
    const file = tempPath();
    const database = await openDatabase(file);
    try {
      expect(database.sqlite.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      expect(database.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(database.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(database.sqlite.pragma('synchronous', { simple: true })).toBe(2); // FULL
      // 0: a lock is waited for on a timer (store-dialect.ts), never inside SQLite, which would stop the process.
      expect(database.sqlite.pragma('busy_timeout', { simple: true })).toBe(0);
      const tables = database.sqlite.prepare("SELECT name FROM sqlite_master WHERE type IN ('table') ORDER BY name").pluck().all();
      expect(tables).toEqual(expect.arrayContaining(['events', 'leads', 'settings', 'leads_fts']));
    } finally {
      await database.close();
    }
  });

  it('refuses a file that is not SQLite and leaves it byte for byte as it was', async () => {
    const file = tempPath('notes.db');
    const content = 'These are my meeting notes, not a database.\n'.repeat(20);
    fs.writeFileSync(file, content);
    const error = await openDatabase(file).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('database_incompatible');
    expect((error as AppError).message).toMatch(/not a LeadBooth database.*left untouched/);
    expect(fs.readFileSync(file, 'utf8')).toBe(content);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });

  it('refuses a database from a newer schema without modifying it', async () => {
    const file = tempPath();
    const newer = new BetterSqlite3(file);
    newer.exec('CREATE TABLE future (x INTEGER)');
    newer.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    newer.close();
    const before = fs.readFileSync(file);

    const error = await openDatabase(file).catch((caught: unknown) => caught);
    expect((error as AppError).code).toBe('database_incompatible');
    expect((error as AppError).message).toMatch(/newer LeadBooth.*Update LeadBooth/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('opens an existing file again without re-running migrations', async () => {
    const file = tempPath();
    const first = await openDatabase(file);
    first.sqlite.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('staffName', '\"Jo\"', 'now')").run();
    await first.close();
    const second = await openDatabase(file);
    try {
      expect(second.sqlite.prepare("SELECT value FROM settings WHERE key = 'staffName'").pluck().get()).toBe('"Jo"');
    } finally {
      await second.close();
    }
  });

  it('lets a second connection write while the first is open (WAL + busy timeout, no "database is locked")', async () => {
    const file = tempPath();
    const app = await openDatabase(file);
    const cli = await openDatabase(file);
    try {
      const insert = (db: BetterSqlite3.Database, key: string) =>
        db.prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)').run(key, '1', 'now');
      const readTransaction = app.sqlite.transaction(() => {
        insert(app.sqlite, 'a');
        return app.sqlite.prepare('SELECT count(*) FROM settings').pluck().get();
      });
      expect(readTransaction()).toBe(1);
      insert(cli.sqlite, 'b');
      expect(app.sqlite.prepare('SELECT count(*) FROM settings').pluck().get()).toBe(2);
    } finally {
      await app.close();
      await cli.close();
    }
  });
});
