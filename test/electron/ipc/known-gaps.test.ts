import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher, type Dispatcher } from '../../../electron/ipc/dispatch';
import { createEvent } from '../../../electron/services/events-service';
import { createHandlers } from '../../../electron/services/handlers';
import { setStaffName } from '../../../electron/services/settings-service';
import { openTempStore, type TempStore } from '../../support/temp-database';

let store: TempStore;
let dispatch: Dispatcher;
let logged: unknown[];
beforeEach(async () => {
  store = await openTempStore();
  await setStaffName(store.context, 'Jo');
  await createEvent(store.context, { name: 'Gap Fair' });
  logged = [];
  dispatch = createDispatcher(createHandlers(store.context, { version: 'test', dataPath: store.dbPath, mode: 'browser' }), (error) => logged.push(error));
});
afterEach(() => store.dispose());

const leadCount = () => store.database.sqlite.prepare('SELECT count(*) FROM leads').pluck().get();

describe('closed gaps in what callers may send', () => {
  it.each([
    ['status Converted', { lastName: 'Lima', status: 'Converted' }, 'status'],
    ['capturedBy of someone else', { lastName: 'Lima', capturedBy: 'Someone Else' }, 'capturedBy'],
    ['capturedAt', { lastName: 'Lima', capturedAt: '2020-01-01T00:00:00Z' }, ''],
  ])('leads.create refuses %s (only conversion and imports set it)', async (_, payload, field) => {
    const result = await dispatch('leads.create', payload);
    expect(result).toMatchObject({ ok: false, error: { code: field === 'capturedBy' ? 'conflict' : 'invalid_input' } });
    if (field === 'status' && !result.ok) expect(result.error.fieldErrors?.[field]).toMatch(/by converting it/);
    expect(leadCount()).toBe(0);
    expect(await dispatch('leads.create', { lastName: 'Lima', status: 'Working' })).toMatchObject({ ok: true, value: { lead: { capturedBy: 'Jo', status: 'Working' } } });
  });

  it('leads.create takes the staff name the form shows when it is the current one', async () => {
    expect(await dispatch('leads.create', { lastName: 'Lima', capturedBy: 'Jo' })).toMatchObject({ ok: true, value: { lead: { capturedBy: 'Jo' } } });
  });

  it('drafts.save refuses more than 64 fields, long field names and prototype keys', async () => {
    const many = Object.fromEntries(Array.from({ length: 65 }, (_, index) => [`field${index}`, 'x']));
    expect(await dispatch('drafts.save', { fields: many })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await dispatch('drafts.save', { fields: { ['a'.repeat(65)]: 'x' } })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await dispatch('drafts.save', JSON.parse('{"fields": {"__proto__": "x"}}'))).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await dispatch('drafts.save', { fields: { firstName: 'Ana' } })).toMatchObject({ ok: true, value: { fields: { firstName: 'Ana' } } });
    expect(await dispatch('drafts.save', { fields: { _other: 'x' } })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('drafts.save keeps the card scan and the badge reading beside the fields', async () => {
    const fields = { lastName: 'Ana', _cardScanId: 'scan-1', _badge: '{"raw":"X"}' };
    expect(await dispatch('drafts.save', { fields })).toMatchObject({ ok: true, value: { fields } });
    expect(await dispatch('drafts.get', {})).toMatchObject({ ok: true, value: { fields } });
  });

  it('shows an unexpected failure as a code and a reference, never its SQL or paths; the log gets the detail', async () => {
    // A real internal failure: the table the lead list reads is gone.
    store.database.sqlite.exec('DROP TRIGGER leads_fts_insert; DROP TABLE leads_fts');
    const result = await dispatch('leads.list', { query: 'ana' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('internal');
    expect(result.error.message).toMatch(/error internal, reference [0-9a-f]{8}/);
    expect(result.error.message).not.toMatch(/leads_fts|SELECT|no such|\/tmp|leadbooth\.db/i);
    const reference = /reference ([0-9a-f]{8})/.exec(result.error.message)?.[1];
    expect(logged).toHaveLength(1);
    expect(String(logged[0])).toContain(`reference ${reference ?? '?'}`);
    expect(String(logged[0])).toMatch(/leads_fts/);
  });
});
