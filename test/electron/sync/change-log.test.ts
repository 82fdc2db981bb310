import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countUnpushedChanges, listUnpushedChanges, markChangesPushed, stampPendingChanges } from '../../../electron/sync/change-log';
import { readRecordClocks, RECORD_STAMP_COLUMN } from '../../../electron/sync/field-clocks';
import { startChangeLog } from '../../../electron/sync/sync-capture';
import { SYNCED_TABLES } from '../../../electron/sync/synced-tables';
import { createEvent } from '../../../electron/services/events-service';
import { forgetLead } from '../../../electron/services/forget-lead-service';
import { createLead, updateLead } from '../../../electron/services/leads-service';
import { setStaffName } from '../../../electron/services/settings-service';
import { createHybridClock, parseStamp } from '../../../shared/sync/hybrid-clock';
import { hlcSchema } from '../../../shared/sync/protocol';
import { openTempStore, type TempStore } from '../../support/temp-database';

let store: TempStore;
beforeEach(async () => {
  store = await openTempStore();
  await setStaffName(store.context, 'Jo Booth');
  await createEvent(store.context, { name: 'Sync Expo' });
});
afterEach(() => store.dispose());

interface LogRow {
  kind: string;
  record_id: string;
  fields: string;
  tombstone: number;
  changed_at_ms: number;
}

function logRows(kind?: string): Array<Omit<LogRow, 'fields'> & { fields: Record<string, unknown> }> {
  const rows = store.database.sqlite
    .prepare(`SELECT kind, record_id, fields, tombstone, changed_at_ms FROM sync_changes ${kind ? 'WHERE kind = ?' : ''} ORDER BY seq`)
    .all(...(kind ? [kind] : [])) as LogRow[];
  return rows.map((row) => ({ ...row, fields: JSON.parse(row.fields) as Record<string, unknown> }));
}

describe('the sync registry', () => {
  it('names every column of each synced table as synced or local, and each key is unique', () => {
    for (const table of SYNCED_TABLES) {
      const columns = store.database.sqlite.prepare(`SELECT name, pk FROM pragma_table_info(?)`).all(table.table) as Array<{ name: string }>;
      expect([...table.columns, ...table.localColumns, RECORD_STAMP_COLUMN].sort(), table.table).toEqual(columns.map((column) => column.name).sort());
      for (const column of table.key) expect(table.columns).toContain(column);
      // The key is a unique index's columns exactly (the PRIMARY KEY's, or a UNIQUE id's).
      const uniqueIndexes = store.database.sqlite
        .prepare(`SELECT list.name FROM pragma_index_list(?) AS list WHERE list."unique" = 1`)
        .pluck()
        .all(table.table) as string[];
      const keys = uniqueIndexes.map((index) => (store.database.sqlite.prepare('SELECT name FROM pragma_index_info(?) ORDER BY seqno').pluck().all(index) as string[]).join(','));
      expect(keys, `${table.table} is unique by ${table.key.join(', ')}`).toContain(table.key.join(','));
    }
  });
});

describe('the change log', () => {
  it('logs nothing on a laptop that never joined a hub', async () => {
    await createLead(store.context, { firstName: 'Ada', lastName: 'Lovelace', company: 'Engines' });
    expect(logRows()).toEqual([]);
  });

  it('logs what the laptop held at joining as held before joining, then every insert whole and every update by changed column', async () => {
    const before = await createLead(store.context, { firstName: 'Ada', lastName: 'Lovelace', company: 'Engines' });
    await store.context.db.transaction().execute((trx) => startChangeLog(trx));
    const joined = logRows();
    // The show and its checklist's criteria (parents first, the registry's order), the lead and its entry.
    expect(joined.map((row) => [row.kind, row.changed_at_ms])).toEqual([
      ['event', 0],
      ['lead', 0],
      ['timeline_entry', 0],
      ...Array.from({ length: 4 }, () => ['criterion', 0]),
    ]);
    expect(joined[1]?.fields).toMatchObject({ id: before.lead.id, first_name: 'Ada', company: 'Engines', rating: null });

    const after = await createLead(store.context, { firstName: 'Grace', lastName: 'Hopper', company: 'Navy' });
    const inserted = logRows('lead').at(-1);
    expect(inserted?.record_id).toBe(after.lead.id);
    expect(Object.keys(inserted?.fields ?? {}).sort()).toEqual(SYNCED_TABLES.find((table) => table.kind === 'lead')?.columns.slice().sort());
    expect(inserted?.changed_at_ms).toBeGreaterThan(Date.parse('2020-01-01'));

    await updateLead(store.context, after.lead.id, { title: 'Rear Admiral', company: 'Navy' });
    const updated = logRows('lead').at(-1);
    // The company was given again unchanged: only the title and the edit time changed.
    expect(updated?.fields).toEqual({ title: 'Rear Admiral', updated_at: expect.any(String) });
    // An update that changes no synced column logs nothing.
    const count = logRows().length;
    store.database.sqlite.prepare('UPDATE leads SET name_key = name_key WHERE id = ?').run(after.lead.id);
    expect(logRows().length).toBe(count);
  });

  it('turns a forget into one tombstone per record and purges the forgotten records’ earlier changes', async () => {
    await store.context.db.transaction().execute((trx) => startChangeLog(trx));
    const saved = await createLead(store.context, { firstName: 'Zephyrine', lastName: 'Quaxleigh', company: 'Vortimax' });
    await updateLead(store.context, saved.lead.id, { title: 'CTO' });
    await forgetLead(store.context, saved.lead.id);
    const rows = logRows();
    expect(rows.filter((row) => row.record_id === saved.lead.id)).toEqual([
      { kind: 'lead', record_id: saved.lead.id, fields: {}, tombstone: 1, changed_at_ms: expect.any(Number) },
    ]);
    // Its timeline entries went with it (cascade): tombstones too, and none of their text is left.
    expect(rows.filter((row) => row.kind === 'timeline_entry').every((row) => row.tombstone === 1)).toBe(true);
    expect(JSON.stringify(rows)).not.toContain('Quaxleigh');
    const tombstones = store.database.sqlite.prepare('SELECT kind FROM sync_tombstones ORDER BY kind').pluck().all();
    expect(tombstones).toEqual(['lead', 'timeline_entry', 'timeline_entry']);
  });

  it('stamps each change once, in order, raising the field clocks; a retry sends the same ids and stamps', async () => {
    await store.context.db.transaction().execute((trx) => startChangeLog(trx));
    const saved = await createLead(store.context, { firstName: 'Ada', lastName: 'Lovelace', company: 'Engines' });
    await updateLead(store.context, saved.lead.id, { title: 'Countess' });
    const clock = createHybridClock('laptop-a', () => Date.now());
    const db = store.context.db;
    // The show and its 4 criteria held before joining; the lead, its update, and their two timeline entries.
    expect(await stampPendingChanges(db, clock, 'laptop-a', 1000)).toBe(9);
    expect(await stampPendingChanges(db, clock, 'laptop-a', 1000)).toBe(0);
    const first = await listUnpushedChanges(db, 1000);
    const again = await listUnpushedChanges(db, 1000);
    expect(again).toEqual(first);
    for (const change of first) expect(hlcSchema.safeParse(change.hlc).success).toBe(true);
    const stamps = first.map((change) => change.hlc);
    expect([...stamps].sort()).toEqual(stamps);
    // The event held before joining carries this device's smallest stamp.
    expect(parseStamp(stamps[0] ?? '')).toEqual({ ms: 0, counter: 0, deviceId: 'laptop-a' });
    const clocks = await readRecordClocks(db, 'lead', saved.lead.id);
    const leadChanges = first.filter((change) => change.kind === 'lead');
    expect(clocks.of('first_name')).toBe(leadChanges[0]?.hlc);
    expect(clocks.of('title')).toBe(leadChanges[1]?.hlc);

    // The show, its criteria and the lead pushed: its timeline entry, update and the update's entry wait.
    await markChangesPushed(db, first.slice(0, 6).map((change) => change.changeId));
    expect((await listUnpushedChanges(db, 1000)).map((change) => change.changeId)).toEqual(first.slice(6).map((change) => change.changeId));
    expect(await countUnpushedChanges(db)).toEqual({ lead: 1, timeline_entry: 2 });
  });
});
