import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../../electron/db/open-database';
import { LATEST_SCHEMA_VERSION } from '../../../electron/db/migrations';
import { BACKUPS_KEPT, backupIfDue, backupsFolder, checkBackupFile, createBackup, listBackups, restoreBackup } from '../../../electron/services/backup-service';
import { createEvent } from '../../../electron/services/events-service';
import { createLead } from '../../../electron/services/leads-service';
import type { Clock } from '../../../electron/services/service-context';
import { setStaffName } from '../../../electron/services/settings-service';
import { AppError } from '../../../shared/ipc/errors';
import { openTempStore, type TempStore } from '../../support/temp-database';

let store: TempStore;
let now: Date;
const clock: Clock = { now: () => now };
beforeEach(async () => {
  now = new Date('2026-11-20T08:00:00.000Z');
  store = await openTempStore({ clock });
  await setStaffName(store.context, 'Jo');
  await createEvent(store.context, { name: 'Backup Expo' });
});
afterEach(() => store.dispose());

const handle = () => ({ db: store.database.db, sqlite: store.database.sqlite, path: store.dbPath });
const addLead = (lastName: string) => createLead(store.context, { lastName });
const leadNames = (sqlite: BetterSqlite3.Database) => sqlite.prepare('SELECT last_name FROM leads ORDER BY seq').pluck().all();
const mode = (file: string) => fs.statSync(file).mode & 0o777;

async function rejection(work: () => unknown): Promise<AppError> {
  const error = await Promise.resolve().then(work).then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('daily backups', () => {
  it('backs up at most once a day, only a store with leads, keeps the last 7, all private', async () => {
    expect(await backupIfDue(handle(), clock)).toBeNull(); // nothing worth keeping yet
    await addLead('First');
    const first = await backupIfDue(handle(), clock);
    expect(first?.name).toBe('leadbooth-2026-11-20T08-00-00-000Z.db');
    now = new Date('2026-11-20T20:00:00.000Z');
    expect(await backupIfDue(handle(), clock)).toBeNull(); // same day
    for (let day = 21; day <= 30; day++) {
      now = new Date(`2026-11-${day}T08:00:00.000Z`);
      await addLead(`Day${day}`);
      expect(await backupIfDue(handle(), clock)).not.toBeNull();
    }
    const backups = listBackups(store.dbPath);
    expect(backups).toHaveLength(BACKUPS_KEPT);
    expect(backups[0]?.createdAt).toBe('2026-11-30T08:00:00.000Z');
    expect(backups.at(-1)?.createdAt).toBe('2026-11-24T08:00:00.000Z');
    expect(mode(backupsFolder(store.dbPath))).toBe(0o700);
    expect(backups.map((backup) => mode(backup.path))).toEqual(backups.map(() => 0o600));
    // A backup is one self-contained, healthy database with the leads of its day.
    const newest = new BetterSqlite3(backups[0]!.path, { readonly: true });
    expect([newest.pragma('integrity_check', { simple: true }), newest.pragma('journal_mode', { simple: true })]).toEqual(['ok', 'delete']);
    expect(leadNames(newest)).toHaveLength(11);
    newest.close();
    expect(fs.readdirSync(backupsFolder(store.dbPath)).filter((name) => name.endsWith('.partial'))).toEqual([]);
  });

  it('two backups started in the same millisecond (start-up and "Back up now") are two healthy files', async () => {
    await addLead('Twice');
    const [daily, clicked] = await Promise.all([backupIfDue(handle(), clock), createBackup(handle(), clock)]);
    expect(daily?.name).toBe('leadbooth-2026-11-20T08-00-00-000Z.db');
    expect(clicked.name).toBe('leadbooth-2026-11-20T08-00-00-001Z.db');
    expect(listBackups(store.dbPath).map((backup) => backup.name)).toEqual([clicked.name, daily?.name]);
    for (const backup of listBackups(store.dbPath)) expect(checkBackupFile(backup.path)).toEqual({ schemaVersion: LATEST_SCHEMA_VERSION, leads: 1 });
  });
});

describe('copies cut short', () => {
  it('are written 0600 from their first byte, and a full disk is said in words, leaving no partial file', async () => {
    await addLead('Private');
    const sqlite = store.database.sqlite;
    const realBackup = sqlite.backup.bind(sqlite);
    const modesAtStart: number[] = [];
    const spy = vi.spyOn(sqlite, 'backup').mockImplementation((destination, options) => {
      modesAtStart.push(mode(destination));
      return realBackup(destination, options);
    });
    await createBackup(handle(), clock);
    expect(modesAtStart).toEqual([0o600]);
    // SQLite's own words for a full disk are for programmers.
    spy.mockImplementation(() => Promise.reject(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' })));
    const error = await rejection(() => createBackup(handle(), clock));
    expect([error.code, error.message]).toEqual(['disk_full', expect.stringMatching(/^The disk is full: no backup was made and nothing was left half written .* Your data is unchanged\.$/)]);
    expect(fs.readdirSync(backupsFolder(store.dbPath)).filter((name) => name.endsWith('.partial'))).toEqual([]);
  });

  it('left by a crash are removed at the next start-up, while one another process is writing now stays', async () => {
    await addLead('Crashed');
    const folder = backupsFolder(store.dbPath);
    fs.mkdirSync(folder, { recursive: true });
    const crashed = path.join(folder, 'leadbooth-2026-11-19T08-00-00-000Z.db.partial');
    const writingNow = path.join(folder, 'leadbooth-2026-11-20T07-59-59-000Z.db.partial');
    fs.writeFileSync(crashed, 'the whole database, cut short');
    fs.writeFileSync(writingNow, 'being written');
    const anHourAgo = new Date(Date.now() - 60 * 60 * 1000);
    fs.utimesSync(crashed, anHourAgo, anHourAgo);
    await backupIfDue(handle(), clock);
    expect(fs.existsSync(crashed)).toBe(false);
    expect(fs.existsSync(writingNow)).toBe(true);
  });
});

describe('restore', () => {
  it('checks the file: not SQLite, not LeadBooth, newer, damaged are refused and nothing changes', async () => {
    await addLead('Kept');
    const dir = store.dir;
    const text = path.join(dir, 'notes.db');
    fs.writeFileSync(text, 'just some text, not a database');
    expect((await rejection(() => checkBackupFile(text))).message).toMatch(/not an SQLite file/);

    const foreign = path.join(dir, 'foreign.db');
    const other = new BetterSqlite3(foreign);
    other.exec('CREATE TABLE photos (x)');
    other.close();
    expect((await rejection(() => checkBackupFile(foreign))).message).toMatch(/not a LeadBooth database/);

    const newer = (await createBackup(handle(), clock, { out: path.join(dir, 'newer.db') })).path;
    const bump = new BetterSqlite3(newer);
    bump.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    bump.close();
    expect((await rejection(() => checkBackupFile(newer))).code).toBe('database_incompatible');

    // Damage: many leads, then garbage over a page in the middle of the file.
    for (let index = 0; index < 300; index++) await createLead(store.context, { lastName: `Filler${index}`, notes: 'x'.repeat(200) });
    const damaged = (await createBackup(handle(), clock, { out: path.join(dir, 'damaged.db') })).path;
    const bytes = fs.readFileSync(damaged);
    const pageSize = 4096;
    bytes.fill(0x5a, pageSize * 5, pageSize * 6);
    fs.writeFileSync(damaged, bytes);
    expect((await rejection(() => checkBackupFile(damaged))).message).toMatch(/damaged/);

    for (const bad of [text, foreign, newer, damaged]) expect((await rejection(() => restoreBackup(handle(), clock, bad))).code).not.toBe('internal');
    expect(listBackups(store.dbPath)).toEqual([]); // refused before anything was kept or replaced
    expect(leadNames(store.database.sqlite)).toContain('Kept');
  });

  it('puts a backup in place online: another open connection sees it, and the data before is kept as a backup', async () => {
    await addLead('Monday');
    const monday = await createBackup(handle(), clock, { out: path.join(store.dir, 'monday.db') });
    await addLead('Tuesday');
    const other = await openDatabase(store.dbPath); // another window or the CLI, open all along
    try {
      now = new Date('2026-11-21T09:00:00.000Z');
      const result = await restoreBackup(handle(), clock, monday.path);
      expect(result).toEqual({ restoredFrom: 'monday.db', keptCurrentAs: 'leadbooth-2026-11-21T09-00-00-000Z-before-restore.db', leads: 1 });
      expect(leadNames(store.database.sqlite)).toEqual(['Monday']);
      expect(leadNames(other.sqlite)).toEqual(['Monday']);
      expect(store.database.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      const kept = new BetterSqlite3(path.join(backupsFolder(store.dbPath), result.keptCurrentAs), { readonly: true });
      expect(leadNames(kept)).toEqual(['Monday', 'Tuesday']);
      kept.close();
      // And the store goes on working.
      await addLead('Wednesday');
      expect(leadNames(other.sqlite)).toEqual(['Monday', 'Wednesday']);
    } finally {
      await other.close();
    }
  });
});
