import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher, type Dispatcher } from '../../../electron/ipc/dispatch';
import { createHandlers } from '../../../electron/services/handlers';
import { CHANNEL_NAMES } from '../../../shared/ipc/channels';
import { contract } from '../../../shared/ipc/contract';
import { openTempStore, type TempStore } from '../../support/temp-database';

let store: TempStore;
let dispatch: Dispatcher;
beforeEach(async () => {
  store = await openTempStore();
  dispatch = createDispatcher(createHandlers(store.context, { version: 'test', dataPath: store.dbPath, mode: 'browser' }));
});
afterEach(() => store.dispose());

const countRows = (table: string) => store.database.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get();

describe('the contract', () => {
  it('lists exactly the channels the contract defines, each with an input schema', () => {
    expect(Object.keys(contract).sort()).toEqual([...CHANNEL_NAMES].sort());
    for (const channel of CHANNEL_NAMES) expect(typeof contract[channel].input.safeParse).toBe('function');
  });

  it('has a handler for every channel', () => {
    const handlers = createHandlers(store.context, { version: 'test', dataPath: '', mode: 'browser' });
    expect(Object.keys(handlers).sort()).toEqual([...CHANNEL_NAMES].sort());
  });
});

describe('createDispatcher', () => {
  it('runs a valid call and returns its value', async () => {
    const result = await dispatch('events.create', { name: 'CES 2027' });
    expect(result).toMatchObject({ ok: true, value: { name: 'CES 2027', qualificationFramework: 'BANT' } });
  });

  it('refuses an unknown channel', async () => {
    expect(await dispatch('leads.dropTable', {})).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    expect(await dispatch(42, {})).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
  });

  it.each([
    ['a number for the email', { lastName: 'Doe', email: 42 }, 'email'],
    ['an unknown field', { lastName: 'Doe', isAdmin: true }, '(input)'],
    ['a status outside the list', { lastName: 'Doe', status: 'Closed Won' }, 'status'],
    ['an id that is not a UUID', { lastName: 'Doe', id: "1'; DROP TABLE leads;--" }, 'id'],
    ['consent without its wording', { lastName: 'Doe', consent: { given: true, at: '2026-11-27T10:00:00Z', wording: '' } }, 'consent.wording'],
  ])('refuses %s with a field error, writing nothing', async (_label, payload, field) => {
    await dispatch('settings.update', { staffName: 'Jo' });
    await dispatch('events.create', { name: 'CES 2027' });
    const result = await dispatch('leads.create', payload);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_input');
    expect(Object.keys(result.error.fieldErrors ?? {})).toContain(field);
    expect(countRows('leads')).toBe(0);
  });

  it.each([null, 'text', [1, 2], 17])('refuses a payload of the wrong type (%j)', async (payload) => {
    const result = await dispatch('events.create', payload);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(countRows('events')).toBe(0);
  });

  it('turns a service failure into a typed error, not an exception', async () => {
    const result = await dispatch('events.use', { id: crypto.randomUUID() });
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('hides nothing: an unexpected failure is reported and returned as internal', async () => {
    const seen: unknown[] = [];
    const broken = createDispatcher(
      { ...createHandlers(store.context, { version: 'test', dataPath: '', mode: 'browser' }), 'events.list': () => Promise.reject(new Error('disk on fire')) },
      (error) => seen.push(error),
    );
    const result = await broken('events.list', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(seen).toHaveLength(1);
  });
});
