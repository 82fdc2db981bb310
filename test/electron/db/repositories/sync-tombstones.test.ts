import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addTombstone, tombstonedAmong } from '../../../../electron/db/repositories/sync-tombstones';
import { openTempStore, type TempStore } from '../../../support/temp-database';

let store: TempStore;
beforeEach(async () => {
  store = await openTempStore();
});
afterEach(() => store.dispose());

describe('tombstones', () => {
  it('finds the tombstoned among many ids (asked 500 at a time, as one JSON array), of the kind asked only', async () => {
    // Ids a JSON array must escape, and more ids than one look-up takes.
    const awkward = ['with "quotes"', 'back\\slash', 'new\nline', 'ünïcødé \u{1F600}'];
    const ids = [...awkward, ...Array.from({ length: 1_200 }, (_, index) => `lead-${index}`)];
    const tombstoned = [...awkward, 'lead-0', 'lead-499', 'lead-500', 'lead-1199'];
    for (const id of tombstoned) await addTombstone(store.database.db, 'lead', id, 1);
    await addTombstone(store.database.db, 'contact', 'lead-7', 1);
    expect([...(await tombstonedAmong(store.database.db, 'lead', ids))].sort()).toEqual([...tombstoned].sort());
    expect([...(await tombstonedAmong(store.database.db, 'contact', ids))]).toEqual(['lead-7']);
    expect((await tombstonedAmong(store.database.db, 'lead', [])).size).toBe(0);
  });
});
