import { afterEach, describe, expect, it } from 'vitest';
import { buildOwedIndexes, readOwedIndexes } from '../../../../electron/db/owed-indexes';
import { buildsIndexesAfterwards, deferLeadIndexes } from '../../../../electron/db/repositories/deferred-indexes';
import { createEvent } from '../../../../electron/services/events-service';
import { createLead } from '../../../../electron/services/leads-service';
import { setStaffName } from '../../../../electron/services/settings-service';
import { openTempStore, type TempStore } from '../../../support/temp-database';

let store: TempStore | undefined;
afterEach(async () => store?.dispose());

/** The lead and timeline tables' indexes with their definitions, as the migrations made them. */
const indexes = (opened: TempStore) =>
  opened.database.sqlite.prepare("SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('leads', 'lead_timeline') ORDER BY name").all() as Array<{ name: string; sql: string | null }>;

async function storeWithLeads(count: number): Promise<TempStore> {
  const opened = await openTempStore();
  await setStaffName(opened.context, 'Jo');
  await createEvent(opened.context, { name: 'CES' });
  for (let index = 0; index < count; index++) await createLead(opened.context, { firstName: `Ana${index}`, lastName: 'Roe', company: 'Acme' });
  return opened;
}

describe('the rule for building the lead indexes after a bulk load', () => {
  it('builds them afterwards into an empty table, or for many new rows at least twice as many as there are', () => {
    expect(buildsIndexesAfterwards(3, 0)).toBe(true);
    expect(buildsIndexesAfterwards(100_000, 0)).toBe(true);
    expect(buildsIndexesAfterwards(100_000, 50_000)).toBe(true);
    expect(buildsIndexesAfterwards(100_000, 20_000)).toBe(true);
    // as many new rows as old ones: building the indexes again saves nothing
    expect(buildsIndexesAfterwards(100_000, 100_000)).toBe(false);
    expect(buildsIndexesAfterwards(50_000, 100_000)).toBe(false);
    // a few thousand rows into a small store: kept current row by row
    expect(buildsIndexesAfterwards(4000, 10)).toBe(false);
    expect(buildsIndexesAfterwards(0, 10)).toBe(false);
  });
});

describe('deferLeadIndexes', () => {
  it('drops the secondary indexes inside the transaction and builds exactly the same ones again; the unique ones stay', async () => {
    store = await storeWithLeads(3);
    const before = indexes(store);
    expect(before.filter((index) => index.sql !== null).length).toBeGreaterThanOrEqual(10);
    await store.context.db.transaction().execute(async (trx) => {
      const deferred = await deferLeadIndexes(trx, { leads: 6000, lead_timeline: 6000 });
      // only the automatic indexes of the primary keys and UNIQUE columns are left meanwhile
      expect(indexes(store as TempStore).every((index) => index.sql === null)).toBe(true);
      await deferred.rebuild();
    });
    expect(indexes(store)).toEqual(before);
    expect(store.database.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('gives every index back when the transaction rolls back, and the read connection keeps them meanwhile', async () => {
    store = await storeWithLeads(3);
    const before = indexes(store);
    await expect(
      store.context.db.transaction().execute(async (trx) => {
        await deferLeadIndexes(trx, { leads: 6000, lead_timeline: 6000 });
        // plain reads outside the transaction go to the read connection, which sees the last commit
        const seen = await (store as TempStore).context.db.selectFrom('leads').select('id').where('first_name', '=', 'Ana1').execute();
        expect(seen).toHaveLength(1);
        throw new Error('stop');
      }),
    ).rejects.toThrow('stop');
    expect(indexes(store)).toEqual(before);
  });

  it('keeps the indexes of a table when the new rows are fewer than its own', async () => {
    store = await storeWithLeads(3);
    const before = indexes(store);
    await store.context.db.transaction().execute(async (trx) => {
      const deferred = await deferLeadIndexes(trx, { leads: 2, lead_timeline: 2 });
      expect(indexes(store as TempStore)).toEqual(before);
      await deferred.rebuild();
    });
    expect(indexes(store)).toEqual(before);
  });

  it('owe() leaves them dropped after the commit and listed; building them then gives exactly the same ones and clears the list', async () => {
    store = await storeWithLeads(3);
    const before = indexes(store);
    const { sqlite } = store.database;
    await store.context.db.transaction().execute(async (trx) => {
      const deferred = await deferLeadIndexes(trx, { leads: 6000, lead_timeline: 6000 });
      await deferred.owe('2026-12-07T12:00:00.000Z');
    });
    expect(indexes(store).every((index) => index.sql === null)).toBe(true);
    const owed = readOwedIndexes(sqlite);
    expect(owed.map((index) => index.name).sort()).toEqual(before.filter((index) => index.sql !== null).map((index) => index.name));
    // Every query still answers while they are owed (only slower).
    expect(await store.context.db.selectFrom('leads').select('id').where('first_name', '=', 'Ana2').execute()).toHaveLength(1);

    expect(await buildOwedIndexes(sqlite, () => sqlite.prepare('BEGIN IMMEDIATE').run())).toBe(owed.length);
    expect(indexes(store)).toEqual(before);
    expect(readOwedIndexes(sqlite)).toEqual([]);
    // Nothing owed: nothing built, no transaction begun.
    expect(await buildOwedIndexes(sqlite, () => { throw new Error('must not begin'); })).toBe(0);
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('a bulk load while indexes are still owed builds those too when it builds its own, and clears the list', async () => {
    store = await storeWithLeads(3);
    const before = indexes(store);
    await store.context.db.transaction().execute(async (trx) => (await deferLeadIndexes(trx, { leads: 6000, lead_timeline: 6000 })).owe('2026-12-07T12:00:00.000Z'));
    await store.context.db.transaction().execute(async (trx) => (await deferLeadIndexes(trx, { leads: 6000, lead_timeline: 6000 })).rebuild());
    expect(indexes(store)).toEqual(before);
    expect(readOwedIndexes(store.database.sqlite)).toEqual([]);
  });

  it('a rollback takes the owed list back with the drop', async () => {
    store = await storeWithLeads(3);
    const before = indexes(store);
    await expect(
      store.context.db.transaction().execute(async (trx) => {
        await (await deferLeadIndexes(trx, { leads: 6000, lead_timeline: 6000 })).owe('2026-12-07T12:00:00.000Z');
        throw new Error('stop');
      }),
    ).rejects.toThrow('stop');
    expect(indexes(store)).toEqual(before);
    expect(readOwedIndexes(store.database.sqlite)).toEqual([]);
  });
});
