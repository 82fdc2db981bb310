import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../../electron/db/migrate';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../electron/db/migrations';
import { openDatabase } from '../../../electron/db/open-database';
import { createEvent } from '../../../electron/services/events-service';
import { createServiceContext } from '../../../electron/services/service-context';
import { setStaffName } from '../../../electron/services/settings-service';
import { runGatedChildren } from '../../support/child-process';
import { makeTempDir } from '../../support/temp-database';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function tempFile(): string {
  const dir = makeTempDir();
  dirs.push(dir);
  return path.join(dir, 'leadbooth.db');
}

describe('several processes on one file', () => {
  it('every writer waits its turn: no BUSY error and every lead is there', async () => {
    const file = tempFile();
    const database = await openDatabase(file);
    const context = createServiceContext(database.db);
    await setStaffName(context, 'Jo');
    const event = await createEvent(context, { name: 'Contention Expo' });
    await database.close();

    const writers = 4;
    const perWriter = 40;
    const results = await runGatedChildren(writers, path.dirname(file), (gate) => ['write', file, event.id, String(perWriter), gate]);
    // The test means something only if the writers really ran at the same time.
    const spans = results.map((result) => /span (\d+) (\d+)/.exec(result.stdout)?.slice(1).map(Number) ?? [0, 0]);
    expect(Math.max(...spans.map(([first]) => first!))).toBeLessThan(Math.min(...spans.map(([, last]) => last!)));
    const errors = results.flatMap((result) => result.stdout.split('\n').filter((line) => line.startsWith('error')));
    console.log(`concurrent writers ${writers}, leads each ${perWriter}, errors ${errors.length}`);
    expect(errors).toEqual([]);
    expect(results.map((result) => [result.code, result.stderr])).toEqual(Array.from({ length: writers }, () => [0, '']));

    const check = new BetterSqlite3(file, { readonly: true });
    expect(check.prepare('SELECT count(*) FROM leads').pluck().get()).toBe(writers * perWriter);
    expect(check.prepare("SELECT count(*) FROM leads WHERE notes LIKE 'edited by %'").pluck().get()).toBe(writers * perWriter);
    check.close();
  });

  it('two processes opening a version-1 file at once both start; one migrates, the other sees it done', async () => {
    const file = tempFile();
    const sqlite = new BetterSqlite3(file);
    const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) });
    await migrateToLatest(db, MIGRATIONS.slice(0, 1));
    sqlite.prepare("INSERT INTO events (id, name, created_at) VALUES ('e1', 'CES', '2026-01-01T00:00:00Z')").run();
    sqlite
      .prepare("INSERT INTO leads (id, event_id, last_name, capture_method, captured_by, captured_at, updated_at) VALUES ('l1', 'e1', 'Old', 'typed', 'Jo', 'x', 'x')")
      .run();
    await db.destroy();

    const results = await runGatedChildren(3, path.dirname(file), (gate) => ['open', file, gate]);
    expect(results.map((result) => [result.code, result.stderr.trim(), result.stdout.trim()])).toEqual(
      [0, 1, 2].map(() => [0, '', `version ${LATEST_SCHEMA_VERSION}`]),
    );
    const check = new BetterSqlite3(file, { readonly: true });
    expect(check.prepare('SELECT last_name FROM leads').pluck().all()).toEqual(['Old']);
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    check.close();
  });
});
