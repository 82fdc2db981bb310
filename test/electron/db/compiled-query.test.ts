import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compiledInsert, compiledQuery } from '../../../electron/db/compiled-query';
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
});
