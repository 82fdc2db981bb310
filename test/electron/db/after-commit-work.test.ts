import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { workAfterCommitDone, withWorkAfterCommit } from '../../../electron/db/after-commit-work';
import { openDatabase } from '../../../electron/db/open-database';
import { readOwedIndexes } from '../../../electron/db/owed-indexes';
import { createEvent } from '../../../electron/services/events-service';
import { importFile } from '../../../electron/services/import-service';
import { createLead } from '../../../electron/services/leads-service';
import { createServiceContext } from '../../../electron/services/service-context';
import { setStaffName } from '../../../electron/services/settings-service';
import { runTsChild, STORE_CHILD } from '../../support/child-process';
import { openTempStore, type TempStore } from '../../support/temp-database';

let store: TempStore | undefined;
afterEach(async () => store?.dispose());

const ROWS = 6_000;
const NOTE = 'Met at the booth, asked for a demo of the scanner and the price list for ten seats; call back after the show.';

/** A contact export of ROWS different people with a note each: about 1.1 MB, large enough for the checkpoint on a worker. */
function contactsCsv(): string {
  const lines = ['First Name,Last Name,Company,E-mail,Phone,Notes'];
  for (let index = 0; index < ROWS; index++) lines.push(`Person${index},Family${index},Company ${index % 997},person${index}@example.com,+49 30 ${20_000_000 + index},${NOTE} ${index}`);
  const text = lines.join('\n');
  expect(text.length).toBeGreaterThan(1_000_000);
  return text;
}

async function storeWithShow(): Promise<TempStore> {
  const opened = await openTempStore();
  await setStaffName(opened.context, 'Jo');
  await createEvent(opened.context, { name: 'CES' });
  return opened;
}

/** The store's indexes with their definitions: after the worker (or a reopen) the same as a new store's. */
const indexesOf = (sqlite: { prepare(sql: string): { all(): unknown[] } }) => sqlite.prepare("SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name").all();

async function newStoreIndexes(): Promise<unknown[]> {
  const fresh = await openTempStore();
  try {
    return indexesOf(fresh.database.sqlite);
  } finally {
    await fresh.dispose();
  }
}

const leadCount = (sqlite: { prepare(sql: string): { pluck(): { get(): unknown } } }) => sqlite.prepare('SELECT count(*) FROM leads').pluck().get();

describe('the work after a bulk import, on a worker thread: the owed indexes, then the checkpoint', () => {
  it('the import commits without copying its WAL; a save meanwhile completes; the worker builds the owed indexes and copies; the setting is what it was', async () => {
    const expectedIndexes = await newStoreIndexes();
    store = await storeWithShow();
    const { sqlite, path: dbPath } = store.database;
    sqlite.pragma('wal_autocheckpoint = 777');
    const context = createServiceContext(store.database.db, { store: { db: store.database.db, sqlite, path: dbPath } });
    const bytesBefore = fs.statSync(dbPath).size;

    const summary = await importFile(context, { fileName: 'contacts.csv', bytes: new TextEncoder().encode(contactsCsv()) });
    expect(summary.added).toBe(ROWS);
    let checkpointed = false;
    const done = workAfterCommitDone(sqlite).then(() => (checkpointed = true));
    // Committed, not copied: the rows are in the WAL, the database file has not grown by them.
    expect(fs.statSync(`${dbPath}-wal`).size).toBeGreaterThan(4_000_000);
    expect(fs.statSync(dbPath).size).toBeLessThan(bytesBefore + 500_000);

    // A save while the worker copies: it neither waits nor takes the copy upon itself.
    const { lead } = await createLead(context, { firstName: 'Booth', lastName: 'Visitor', capturedBy: 'Jo' });
    expect(checkpointed).toBe(false);
    expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(0);

    await done;
    expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(777);
    expect(indexesOf(sqlite)).toEqual(expectedIndexes);
    expect(readOwedIndexes(sqlite)).toEqual([]);
    // The worker's connection copied the rows into the database file.
    expect(fs.statSync(dbPath).size).toBeGreaterThan(bytesBefore + 4_000_000);

    await store.database.close();
    const reopened = await openDatabase(dbPath);
    try {
      expect(leadCount(reopened.sqlite)).toBe(ROWS + 1);
      expect(reopened.sqlite.prepare('SELECT last_name FROM leads WHERE id = ?').pluck().get(lead.id)).toBe('Visitor');
    } finally {
      await reopened.close();
    }
    fs.rmSync(store.dir, { recursive: true, force: true });
    store = undefined;
  }, 120_000);

  it('a write that fails puts the automatic checkpoint back at once and starts no worker', async () => {
    store = await openTempStore();
    const { sqlite, path: dbPath } = store.database;
    sqlite.pragma('wal_autocheckpoint = 555');
    await expect(withWorkAfterCommit(sqlite, dbPath, () => Promise.reject(new Error('disk full')))).rejects.toThrow('disk full');
    expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(555);
  });

  it('a process killed after the commit, before the worker, loses nothing: the next open builds the owed indexes', async () => {
    const expectedIndexes = await newStoreIndexes();
    store = await storeWithShow();
    const csvPath = path.join(store.dir, 'contacts.csv');
    fs.writeFileSync(csvPath, contactsCsv());
    const dbPath = store.dbPath;
    // The child is the only process with the file open (closing ours would checkpoint and remove the -wal).
    await store.database.close();

    const child = await runTsChild(STORE_CHILD, ['import-then-killed', dbPath, csvPath], 120_000);
    expect(child.stdout).toContain(`imported ${ROWS}`);
    expect(child.code).toBeNull(); // killed, not ended
    // The rows were still in the WAL when the process died: more there than in the database file.
    expect(fs.statSync(`${dbPath}-wal`).size).toBeGreaterThan(fs.statSync(dbPath).size);

    // The indexes were still owed when the process died (its worker had not committed them).
    const left = new BetterSqlite3(dbPath, { readonly: true });
    try {
      expect(readOwedIndexes(left).length).toBeGreaterThan(0);
    } finally {
      left.close();
    }
    const reopened = await openDatabase(dbPath);
    try {
      expect(leadCount(reopened.sqlite)).toBe(ROWS);
      expect(indexesOf(reopened.sqlite)).toEqual(expectedIndexes);
      expect(readOwedIndexes(reopened.sqlite)).toEqual([]);
      expect(reopened.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      await reopened.close();
    }
    fs.rmSync(store.dir, { recursive: true, force: true });
    store = undefined;
  }, 120_000);
});
