import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/db/open-database';
import { makeTempDir } from '../../support/temp-database';

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
