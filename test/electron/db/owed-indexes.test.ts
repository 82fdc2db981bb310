import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { buildOwedIndexes, readOwedIndexes } from '../../../electron/db/owed-indexes';
import { deferLeadIndexes } from '../../../electron/db/repositories/deferred-indexes';
import { createEvent } from '../../../electron/services/events-service';
import { createLead } from '../../../electron/services/leads-service';
import { setStaffName } from '../../../electron/services/settings-service';
import { openTempStore, type TempStore } from '../../support/temp-database';

let store: TempStore | undefined;
let other: BetterSqlite3.Database | undefined;
afterEach(async () => {
  other?.close();
  other = undefined;
  await store?.dispose();
});

const leadIndexNames = (sqlite: BetterSqlite3.Database) =>
  sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'leads' AND sql IS NOT NULL ORDER BY name").pluck().all() as string[];

describe('buildOwedIndexes when the write lock is held elsewhere', () => {
  it('gives up with nothing built and the list kept (the after-commit worker\'s path); once the lock is free a build completes', async () => {
    store = await storeOwingIndexes();
    const { sqlite } = store.database;
    const owed = readOwedIndexes(sqlite);
    expect(owed.length).toBeGreaterThan(0);
    expect(leadIndexNames(sqlite)).toEqual([]);

    // A save (or another import) holds the write lock; the builder's connection waits 50 ms, not the worker's 30 s.
    other = new BetterSqlite3(store.dbPath, { fileMustExist: true });
    other.pragma('busy_timeout = 50');
    sqlite.prepare('BEGIN IMMEDIATE').run();
    await expect(buildOwedIndexes(other, () => other?.prepare('BEGIN IMMEDIATE').run())).rejects.toThrow(/locked|busy/i);
    expect(other.inTransaction).toBe(false);
    sqlite.prepare('COMMIT').run();

    // Still owed, still no index: the next worker or the next open builds them.
    expect(readOwedIndexes(sqlite)).toEqual(owed);
    expect(leadIndexNames(sqlite)).toEqual([]);
    expect(await buildOwedIndexes(other, () => other?.prepare('BEGIN IMMEDIATE').run())).toBe(owed.length);
    expect(readOwedIndexes(sqlite)).toEqual([]);
    expect(leadIndexNames(sqlite).length).toBeGreaterThan(0);
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});

async function storeOwingIndexes(): Promise<TempStore> {
  const opened = await openTempStore();
  await setStaffName(opened.context, 'Jo');
  await createEvent(opened.context, { name: 'CES' });
  await createLead(opened.context, { firstName: 'Ana', lastName: 'Roe', company: 'Acme' });
  await opened.context.db.transaction().execute(async (trx) => (await deferLeadIndexes(trx, { leads: 6000, lead_timeline: 6000 })).owe('2026-12-07T12:00:00.000Z'));
  return opened;
}
