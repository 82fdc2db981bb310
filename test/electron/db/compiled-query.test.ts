import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compiledBulkInsert, compiledInsert, compiledQuery } from '../../../electron/db/compiled-query';
import { openTempStore, type TempStore } from '../../support/temp-database';

let store: TempStore;
beforeEach(async () => {
  store = await openTempStore();
});
afterEach(() => store.dispose());

describe('compiled queries', () => {
  it('binds each call its own arguments in the places the builder put them, and keeps the constants written in it', async () => {
    const insertSetting = compiledInsert('settings');
    await insertSetting(store.database.db, { key: 'a', value: 'one', updated_at: 'x' });
    await insertSetting(store.database.db, { key: 'b', value: 'two', updated_at: 'x' });
    await insertSetting(store.database.db, { key: 'c', value: 'three', updated_at: 'x' });
    const between = compiledQuery((db, args: { from: string; to: string }) =>
      db.selectFrom('settings').select(['key', 'value']).where('key', '>=', args.from).where('key', '<=', args.to).where('value', '<>', 'two').orderBy('key'),
    );
    expect(await between(store.database.db, { from: 'a', to: 'c' })).toEqual([{ key: 'a', value: 'one' }, { key: 'c', value: 'three' }]);
    // The argument order in the SQL (to before from) does not matter: each is found by name.
    const reversed = compiledQuery((db, args: { from: string; to: string }) =>
      db.selectFrom('settings').select('key').where('key', '<=', args.to).where('key', '>=', args.from).orderBy('key', 'desc'),
    );
    expect(await reversed(store.database.db, { from: 'b', to: 'c' })).toEqual([{ key: 'c' }, { key: 'b' }]);
    expect(await reversed(store.database.db, { from: 'a', to: 'a' })).toEqual([{ key: 'a' }]);
  });

  it('inserts many rows in statements under the parameter bound, each value in its column', async () => {
    const insertSettings = compiledBulkInsert('settings');
    // 3 columns: 10,000 rows per statement, so 25,001 rows take three statements of two sizes.
    const rows = Array.from({ length: 25_001 }, (_, index) => ({ key: `k${index}`, value: `v${index}`, updated_at: `t${index % 7}` }));
    await insertSettings(store.database.db, rows);
    await insertSettings(store.database.db, [{ key: 'last', value: 'one more', updated_at: 'x' }]);
    expect(store.database.sqlite.prepare('SELECT count(*) FROM settings').pluck().get()).toBe(25_002);
    expect(store.database.sqlite.prepare("SELECT key, value, updated_at FROM settings WHERE key IN ('k0', 'k20000', 'k25000', 'last') ORDER BY key").all()).toEqual([
      { key: 'k0', value: 'v0', updated_at: 't0' },
      { key: 'k20000', value: 'v20000', updated_at: 't1' },
      { key: 'k25000', value: 'v25000', updated_at: 't3' },
      { key: 'last', value: 'one more', updated_at: 'x' },
    ]);
  });
});
