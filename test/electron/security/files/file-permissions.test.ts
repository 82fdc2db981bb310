import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../../../electron/db/open-database';
import { ensurePrivateFolder } from '../../../../electron/security/files/file-permissions';
import { createBackup } from '../../../../electron/services/backup-service';
import { systemClock } from '../../../../electron/services/service-context';
import { makeTempDir } from '../../../support/temp-database';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
const mode = (file: string) => fs.statSync(file).mode & 0o777;

// Windows has no POSIX modes (its data folder is already private to the user): these checks are for Linux and macOS.
describe.skipIf(process.platform === 'win32')('private by default', () => {
  it('creates the data folder 0700 and the db, -wal and -shm 0600 whatever the umask', async () => {
    const dir = makeTempDir();
    dirs.push(dir);
    const dataDir = path.join(dir, 'LeadBooth');
    const dbPath = path.join(dataDir, 'leadbooth.db');
    const previous = process.umask(0o000); // the loosest umask: everything would be world-writable
    try {
      const database = await openDatabase(dbPath);
      database.sqlite.exec('CREATE TABLE probe (x); INSERT INTO probe VALUES (1)');
      expect(mode(dataDir)).toBe(0o700);
      expect([dbPath, `${dbPath}-wal`, `${dbPath}-shm`].map(mode)).toEqual([0o600, 0o600, 0o600]);
      expect(database.sqlite.pragma('secure_delete', { simple: true })).toBe(1);
      await database.close();
    } finally {
      process.umask(previous);
    }
  });

  it('tightens an existing database file left world-readable', async () => {
    const dir = makeTempDir();
    dirs.push(dir);
    const dbPath = path.join(dir, 'leadbooth.db');
    await (await openDatabase(dbPath)).close();
    fs.chmodSync(dbPath, 0o644);
    const database = await openDatabase(dbPath);
    expect(mode(dbPath)).toBe(0o600);
    await database.close();
  });
});

describe.skipIf(process.platform === 'win32')('a drive that refuses file modes or writes', () => {
  afterEach(() => vi.restoreAllMocks());
  const refused = (code: string) => Object.assign(new Error(`${code}: operation not permitted, chmod`), { code });

  it('opens a store on a drive that refuses chmod (FAT USB stick), saves and backs it up, with a warning instead of an error', async () => {
    const dir = makeTempDir();
    dirs.push(dir);
    const dbPath = path.join(dir, 'leadbooth.db');
    await (await openDatabase(dbPath)).close();
    // FAT and exFAT answer every chmod with EPERM; root cannot be refused otherwise.
    vi.spyOn(fs, 'chmodSync').mockImplementation(() => {
      throw refused('EPERM');
    });
    const database = await openDatabase(dbPath);
    try {
      expect(database.readOnly).toBe(false);
      database.sqlite.exec('CREATE TABLE probe (x); INSERT INTO probe VALUES (1)');
      expect(database.sqlite.prepare('SELECT count(*) FROM probe').pluck().get()).toBe(1);
      // The backups folder is the app's own, so its mode is set: refused, it warns and the backup is made.
      const backup = await createBackup({ db: database.db, sqlite: database.sqlite, path: dbPath }, systemClock);
      expect(fs.existsSync(backup.path)).toBe(true);
    } finally {
      await database.close();
    }
  });

  it('warns about a folder of its own whose mode cannot be set', () => {
    const dir = makeTempDir();
    dirs.push(dir);
    vi.spyOn(fs, 'chmodSync').mockImplementation(() => {
      throw refused('EPERM');
    });
    expect(ensurePrivateFolder(path.join(dir, 'new-folder'), { ours: true })).toMatch(/does not keep file permissions \(EPERM\)/);
    expect(fs.statSync(path.join(dir, 'new-folder')).isDirectory()).toBe(true);
  });

  it('opens a read-only store for reading, with one clear line, and refuses writes as read-only', async () => {
    const dir = makeTempDir();
    dirs.push(dir);
    const dbPath = path.join(dir, 'leadbooth.db');
    const writable = await openDatabase(dbPath);
    writable.sqlite.prepare("INSERT INTO events (id, name, created_at) VALUES ('e1', 'CES', 'now')").run();
    writable.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    await writable.close();
    // A read-only mount answers EROFS to opening for writing; root ignores modes, so the answer is simulated.
    const realOpen = fs.openSync;
    vi.spyOn(fs, 'openSync').mockImplementation((file, flags, mode) => {
      if (file === dbPath && flags === 'r+') throw refused('EROFS');
      return realOpen(file, flags, mode);
    });
    const database = await openDatabase(dbPath);
    try {
      expect(database.readOnly).toBe(true);
      expect(database.warnings.join('\n')).toMatch(/is read-only: LeadBooth opened it for reading/);
      expect(database.sqlite.prepare('SELECT name FROM events').pluck().all()).toEqual(['CES']);
      expect(() => database.sqlite.prepare("INSERT INTO events (id, name, created_at) VALUES ('e2', 'MWC', 'now')").run()).toThrow(
        expect.objectContaining({ code: expect.stringMatching(/^SQLITE_READONLY/) }),
      );
    } finally {
      await database.close();
    }
  });
});
