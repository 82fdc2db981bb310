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

  it('writes a value every row of a statement holds once, and reads each back as it was given', async () => {
    const insertSettings = compiledBulkInsert('settings');
    const awkward = ["it's a \"quote\"'); DROP TABLE settings; --", 'with\u0000nul', 'long '.repeat(40), 'ünïcødé \u{1F600}'];
    for (const [position, alike] of awkward.entries()) {
      const rows = Array.from({ length: 50 }, (_, index) => ({ key: `${position}-${index}`, value: alike, updated_at: 'same' }));
      await insertSettings(store.database.db, rows);
    }
    const read = store.database.sqlite.prepare('SELECT key, value, updated_at, typeof(value) AS type FROM settings ORDER BY key').all() as Array<{ key: string; value: string; updated_at: string; type: string }>;
    expect(read).toHaveLength(200);
    for (const row of read) {
      expect(row).toEqual({ key: row.key, value: awkward[Number(row.key.split('-')[0])], updated_at: 'same', type: 'text' });
    }

    // NULL, integers and a fraction, alike in every row or not.
    const insertChanges = compiledBulkInsert('sync_changes');
    const changes = Array.from({ length: 30 }, (_, index) => ({
      kind: 'lead',
      record_id: `r${index}`,
      fields: '{}',
      changed_at_ms: 1_700_000_000_123,
      tombstone: index % 2,
      change_id: null,
      hlc: index < 15 ? null : `h${index}`,
      pushed: 0,
    }));
    await insertChanges(store.database.db, changes);
    const stored = store.database.sqlite.prepare('SELECT kind, record_id, fields, changed_at_ms, tombstone, change_id, hlc, pushed, typeof(changed_at_ms) AS type FROM sync_changes ORDER BY seq').all();
    expect(stored).toEqual(changes.map((change) => ({ ...change, type: 'integer' })));
  });

  it('writes its conflict clause after the rows: an upsert keeps what it says it keeps', async () => {
    const raiseClocks = compiledBulkInsert(
      'sync_field_clocks',
      'ON CONFLICT (kind, record_id, field) DO UPDATE SET hlc = excluded.hlc WHERE sync_field_clocks.hlc < excluded.hlc',
    );
    await raiseClocks(store.database.db, [
      { kind: 'lead', record_id: 'a', field: '*', hlc: 'h5' },
      { kind: 'lead', record_id: 'b', field: '*', hlc: 'h5' },
    ]);
    // a: an earlier stamp (kept out); b: a later one (taken); c: new; the same field twice in one statement.
    await raiseClocks(store.database.db, [
      { kind: 'lead', record_id: 'a', field: '*', hlc: 'h3' },
      { kind: 'lead', record_id: 'b', field: '*', hlc: 'h7' },
      { kind: 'lead', record_id: 'c', field: '*', hlc: 'h1' },
      { kind: 'lead', record_id: 'c', field: '*', hlc: 'h2' },
    ]);
    expect(store.database.sqlite.prepare('SELECT record_id, hlc FROM sync_field_clocks ORDER BY record_id').all()).toEqual([
      { record_id: 'a', hlc: 'h5' },
      { record_id: 'b', hlc: 'h7' },
      { record_id: 'c', hlc: 'h2' },
    ]);

    const rememberIds = compiledBulkInsert('sync_applied_changes', 'ON CONFLICT DO NOTHING');
    await rememberIds(store.database.db, [{ change_id: 'x' }, { change_id: 'y' }]);
    await rememberIds(store.database.db, [{ change_id: 'y' }, { change_id: 'z' }, { change_id: 'z' }]);
    expect(store.database.sqlite.prepare('SELECT change_id FROM sync_applied_changes ORDER BY change_id').pluck().all()).toEqual(['x', 'y', 'z']);
  });
});
