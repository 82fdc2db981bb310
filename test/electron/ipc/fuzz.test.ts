import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserMode, type BrowserMode } from '../../../electron/host/browser-mode';
import { createDispatcher } from '../../../electron/ipc/dispatch';
import { createEvent } from '../../../electron/services/events-service';
import { createHandlers } from '../../../electron/services/handlers';
import { setStaffName } from '../../../electron/services/settings-service';
import { CHANNEL_NAMES } from '../../../shared/ipc/channels';
import { TOKEN_HEADER } from '../../../shared/ipc/http-protocol';
import { fuzzCalls, seededRandom } from '../../support/fuzz-payloads';
import { makeTempDir, openTempStore, type TempStore } from '../../support/temp-database';
import BetterSqlite3 from 'better-sqlite3';

const FUZZ_COUNT = 1000;

/** Every row of every table, hashed: "nothing written" means this does not change. */
function contentHash(sqlite: BetterSqlite3.Database): string {
  const hash = crypto.createHash('sha256');
  const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
  for (const table of tables) hash.update(table).update(JSON.stringify(sqlite.prepare(`SELECT * FROM "${table}"`).raw().all(), (_, value: unknown) => (Buffer.isBuffer(value) ? value.toString('hex') : typeof value === 'bigint' ? String(value) : value)));
  return hash.digest('hex');
}

describe('fuzzed input through the dispatcher', () => {
  let store: TempStore;
  beforeAll(async () => {
    store = await openTempStore();
    await setStaffName(store.context, 'Jo');
    await createEvent(store.context, { name: 'Fuzz Fair' });
  });
  afterAll(() => store.dispose());

  it(`refuses ${FUZZ_COUNT} malformed payloads on every channel, writes nothing and pollutes no prototype`, async () => {
    const dispatch = createDispatcher(createHandlers(store.context, { version: 'test', dataPath: store.dbPath, mode: 'browser' }));
    const before = contentHash(store.database.sqlite);
    const calls = fuzzCalls(FUZZ_COUNT);
    const outcomes = new Map<string, number>();
    const accepted: unknown[] = [];
    const started = performance.now();
    for (const call of calls) {
      const result = await dispatch(call.channel, call.payload);
      if (result.ok) accepted.push(call);
      else outcomes.set(result.error.code, (outcomes.get(result.error.code) ?? 0) + 1);
    }
    const channelsHit = new Set(calls.filter((call) => call.kind !== 'unknown_channel').map((call) => call.channel));
    console.log(
      `dispatcher fuzz payloads ${calls.length}, refused ${calls.length - accepted.length}, accepted ${accepted.length}, ` +
        `${[...outcomes].map(([code, n]) => `${code} ${n}`).join(', ')}, ${Math.round(performance.now() - started)} ms`,
    );
    expect(accepted).toEqual([]);
    expect([...channelsHit].sort()).toEqual([...CHANNEL_NAMES].sort());
    expect(new Set(outcomes.keys())).toEqual(new Set(['invalid_input', 'unknown_channel']));
    expect(contentHash(store.database.sqlite)).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // Still serving: a good call after the storm works.
    expect(await dispatch('settings.get', {})).toMatchObject({ ok: true, value: { staffName: 'Jo' } });
  });
});

describe('fuzzed requests to every host route', () => {
  let dir: string;
  let browserMode: BrowserMode;
  let reader: BetterSqlite3.Database;
  beforeAll(async () => {
    dir = makeTempDir();
    const staticRoot = path.join(dir, 'renderer');
    fs.mkdirSync(staticRoot);
    fs.writeFileSync(path.join(staticRoot, 'index.html'), '<!doctype html><title>LeadBooth</title>');
    fs.writeFileSync(path.join(dir, 'secret.txt'), 'SECRET-OUTSIDE-THE-RENDERER');
    browserMode = await startBrowserMode({ dbPath: path.join(dir, 'leadbooth.db'), staticRoot, withScanner: false });
    const good = { 'content-type': 'application/json', [TOKEN_HEADER]: browserMode.host.token };
    await send('POST', '/api/settings.update', good, '{"staffName":"Jo"}');
    await send('POST', '/api/events.create', good, '{"name":"Fuzz Fair"}');
    reader = new BetterSqlite3(path.join(dir, 'leadbooth.db'), { readonly: true });
  });
  afterAll(async () => {
    reader.close();
    await browserMode.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  function send(method: string, urlPath: string, headers: Record<string, string>, body?: string | Buffer): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      const outgoing = http.request({ host: '127.0.0.1', port: browserMode.host.port, method, path: urlPath, headers }, (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
      });
      outgoing.on('error', (error) => reject(new Error(`${method} ${urlPath.slice(0, 80)}: ${error.message}`)));
      outgoing.end(body);
    });
  }

  it(`refuses ${FUZZ_COUNT} malformed requests, serves nothing outside the UI folder and writes nothing`, async () => {
    const random = seededRandom(7);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const sqlite = reader;
    const before = contentHash(sqlite);
    const good = { 'content-type': 'application/json', [TOKEN_HEADER]: browserMode.host.token };
    const payloads = fuzzCalls(FUZZ_COUNT, 99);
    const statuses = new Map<number, number>();
    let accepted = 0;
    let leaked = 0;
    const started = performance.now();
    for (const call of payloads) {
      // Percent-encoded byte by byte: fuzzed names hold lone surrogates that encodeURIComponent throws on.
      const channel = [...Buffer.from(String(call.channel).slice(0, 2000))].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('');
      const variant = pick(['payload', 'payload', 'payload', 'raw_body', 'no_token', 'wrong_type', 'wrong_method', 'traversal', 'events']);
      let response: { status: number; body: string };
      switch (variant) {
        case 'payload':
          response = await send('POST', `/api/${channel}`, good, JSON.stringify(call.payload));
          break;
        case 'raw_body':
          response = await send('POST', `/api/${pick(CHANNEL_NAMES)}`, good, pick(['{', '[1,', '{"a":}', '\u0000\u00ff', crypto.randomBytes(64).toString('latin1'), '1'.repeat(10_000), 'null', '"text"', '['.repeat(100_000), '{"a":'.repeat(50_000)]));
          break;
        case 'no_token':
          response = await send('POST', `/api/${pick(CHANNEL_NAMES)}`, { 'content-type': 'application/json', [TOKEN_HEADER]: pick(['', 'x', browserMode.host.token.slice(1)]) }, '{"staffName":"Evil"}');
          break;
        case 'wrong_type':
          response = await send('POST', `/api/settings.update`, { ...good, 'content-type': pick(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data']) }, '{"staffName":"Evil"}');
          break;
        case 'wrong_method':
          response = await send(pick(['GET', 'PUT', 'DELETE', 'PATCH']), `/api/settings.update`, good, '{"staffName":"Evil"}');
          break;
        case 'traversal':
          response = await send('GET', pick(['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%2e%2e%2fsecret.txt', '/./../secret.txt', `/${'../'.repeat(10)}etc/passwd`, '/%00', '/index.html%00.txt']), {});
          if (response.body.includes('SECRET-OUTSIDE') || response.body.includes('root:')) leaked++;
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          continue;
        default:
          response = await send('GET', `/api/events?token=${pick(['', 'x', encodeURIComponent(browserMode.host.token + 'x')])}`, {});
      }
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      if (response.status === 200 && (JSON.parse(response.body) as { ok: boolean }).ok) accepted++;
    }
    console.log(
      `host fuzz requests ${payloads.length}, accepted ${accepted}, files leaked ${leaked}, statuses ${[...statuses].sort().map(([status, n]) => `${status}:${n}`).join(' ')}, ` +
        `${Math.round(performance.now() - started)} ms`,
    );
    expect(accepted).toBe(0);
    expect(leaked).toBe(0);
    expect(statuses.has(500)).toBe(false);
    expect(contentHash(sqlite)).toBe(before);
    const alive = await send('POST', '/api/settings.get', good, '{}');
    expect(alive.status).toBe(200);
    expect(JSON.parse(alive.body)).toMatchObject({ ok: true, value: { staffName: 'Jo' } });
  });
});
