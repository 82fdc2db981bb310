/**
 * The fuzz runs behind the vitest suites and `npm run bench -- faults`: each sets up a real
 * store (or host), throws malformed input at it and counts what happened.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { startBrowserMode } from '../../electron/host/browser-mode';
import { createDispatcher } from '../../electron/ipc/dispatch';
import { createEvent } from '../../electron/services/events-service';
import { createHandlers } from '../../electron/services/handlers';
import { setStaffName } from '../../electron/services/settings-service';
import { CHANNEL_NAMES } from '../../shared/ipc/channels';
import { TOKEN_HEADER } from '../../shared/ipc/http-protocol';
import { parseCard } from '../../shared/parsing/card-parser';
import { fuzzCalls, fuzzedPage, seededRandom } from './fuzz-payloads';
import { makeTempDir, openTempStore } from './temp-database';

/** Every row of every table, hashed: "nothing written" means this does not change. */
function contentHash(sqlite: BetterSqlite3.Database): string {
  const hash = crypto.createHash('sha256');
  const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
  const plain = (_: string, value: unknown) => (Buffer.isBuffer(value) ? value.toString('hex') : typeof value === 'bigint' ? String(value) : value);
  for (const table of tables) hash.update(table).update(JSON.stringify(sqlite.prepare(`SELECT * FROM "${table}"`).raw().all(), plain));
  return hash.digest('hex');
}

export interface DispatcherFuzzReport {
  payloads: number;
  accepted: unknown[];
  outcomes: Map<string, number>;
  channelsHit: Set<unknown>;
  storeChanged: boolean;
  prototypePolluted: boolean;
  aliveAfter: boolean;
  ms: number;
}

export async function runDispatcherFuzz(count: number, seed = 20261128): Promise<DispatcherFuzzReport> {
  const store = await openTempStore();
  try {
    await setStaffName(store.context, 'Jo');
    await createEvent(store.context, { name: 'Fuzz Fair' });
    const dispatch = createDispatcher(createHandlers(store.context, { version: 'test', dataPath: store.dbPath, mode: 'browser' }));
    const before = contentHash(store.database.sqlite);
    const calls = fuzzCalls(count, seed);
    const outcomes = new Map<string, number>();
    const accepted: unknown[] = [];
    const started = performance.now();
    for (const call of calls) {
      const result = await dispatch(call.channel, call.payload);
      if (result.ok) accepted.push(call);
      else outcomes.set(result.error.code, (outcomes.get(result.error.code) ?? 0) + 1);
    }
    const ms = performance.now() - started;
    const alive = await dispatch('settings.get', {});
    return {
      payloads: calls.length,
      accepted,
      outcomes,
      channelsHit: new Set(calls.filter((call) => call.kind !== 'unknown_channel').map((call) => call.channel)),
      storeChanged: contentHash(store.database.sqlite) !== before,
      prototypePolluted: ({} as Record<string, unknown>).polluted !== undefined,
      aliveAfter: alive.ok,
      ms,
    };
  } finally {
    await store.dispose();
  }
}

export interface HostFuzzReport {
  requests: number;
  accepted: number;
  leaked: number;
  statuses: Map<number, number>;
  storeChanged: boolean;
  aliveAfter: boolean;
  ms: number;
}

export async function runHostFuzz(count: number, seed = 99): Promise<HostFuzzReport> {
  const dir = makeTempDir();
  const staticRoot = path.join(dir, 'renderer');
  fs.mkdirSync(staticRoot);
  fs.writeFileSync(path.join(staticRoot, 'index.html'), '<!doctype html><title>LeadBooth</title>');
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'SECRET-OUTSIDE-THE-RENDERER');
  const dbPath = path.join(dir, 'leadbooth.db');
  const browserMode = await startBrowserMode({ dbPath, staticRoot, withScanner: false });
  const port = browserMode.host.port;
  const send = (method: string, urlPath: string, headers: Record<string, string>, body?: string): Promise<{ status: number; body: string }> =>
    new Promise((resolve, reject) => {
      const outgoing = http.request({ host: '127.0.0.1', port, method, path: urlPath, headers }, (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
      });
      outgoing.on('error', (error) => reject(new Error(`${method} ${urlPath.slice(0, 80)}: ${error.message}`)));
      outgoing.end(body);
    });
  const good = { 'content-type': 'application/json', [TOKEN_HEADER]: browserMode.host.token };
  let reader: BetterSqlite3.Database | undefined;
  try {
    await send('POST', '/api/settings.update', good, '{"staffName":"Jo"}');
    await send('POST', '/api/events.create', good, '{"name":"Fuzz Fair"}');
    reader = new BetterSqlite3(dbPath, { readonly: true });
    const random = seededRandom(seed);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const before = contentHash(reader);
    const statuses = new Map<number, number>();
    let accepted = 0;
    let leaked = 0;
    const started = performance.now();
    for (const call of fuzzCalls(count, seed)) {
      // Percent-encoded byte by byte: fuzzed names hold lone surrogates that encodeURIComponent throws on.
      const channel = [...Buffer.from(String(call.channel).slice(0, 2000))].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('');
      const variant = pick(['payload', 'payload', 'payload', 'raw_body', 'no_token', 'wrong_type', 'wrong_method', 'traversal', 'events']);
      let response: { status: number; body: string };
      switch (variant) {
        case 'payload':
          response = await send('POST', `/api/${channel}`, good, JSON.stringify(call.payload));
          break;
        case 'raw_body':
          response = await send(
            'POST',
            `/api/${pick(CHANNEL_NAMES)}`,
            good,
            pick(['{', '[1,', '{"a":}', '\u0000\u00ff', crypto.randomBytes(64).toString('latin1'), '1'.repeat(10_000), 'null', '"text"', '['.repeat(100_000), '{"a":'.repeat(50_000)]),
          );
          break;
        case 'no_token':
          response = await send('POST', `/api/${pick(CHANNEL_NAMES)}`, { 'content-type': 'application/json', [TOKEN_HEADER]: pick(['', 'x', browserMode.host.token.slice(1)]) }, '{"staffName":"Evil"}');
          break;
        case 'wrong_type':
          response = await send('POST', '/api/settings.update', { ...good, 'content-type': pick(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data']) }, '{"staffName":"Evil"}');
          break;
        case 'wrong_method':
          response = await send(pick(['GET', 'PUT', 'DELETE', 'PATCH']), '/api/settings.update', good, '{"staffName":"Evil"}');
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
    const ms = performance.now() - started;
    const alive = await send('POST', '/api/settings.get', good, '{}');
    return { requests: count, accepted, leaked, statuses, storeChanged: contentHash(reader) !== before, aliveAfter: alive.status === 200, ms };
  } finally {
    reader?.close();
    await browserMode.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export interface ParserFuzzReport {
  cards: number;
  thrown: number;
  /** CPU time of the slowest card (the parser's own work, whatever else the machine runs). */
  slowestCpuMs: number;
  meanCpuMs: number;
  /** Wall-clock time of the slowest card, for the record: on a busy shared machine it includes waiting for a core. */
  slowestWallMs: number;
}

export const PARSER_BUDGET_MS = 100;

export function runParserFuzz(cards: number, seed = 4242): ParserFuzzReport {
  const random = seededRandom(seed);
  // The first call loads the phone-number metadata and compiles the parser: not a card's cost.
  parseCard(fuzzedPage(seededRandom(1)));
  let thrown = 0;
  let slowestCpu = 0;
  let slowestWall = 0;
  let totalCpu = 0;
  for (let index = 0; index < cards; index++) {
    const page = fuzzedPage(random);
    const wallStart = performance.now();
    // CPU time, not wall time: with four other engineers' suites on two cores a card can wait
    // seconds for a core without the parser doing any more work.
    const cpuStart = process.cpuUsage();
    try {
      parseCard(page);
    } catch {
      thrown++;
    }
    const cpu = process.cpuUsage(cpuStart);
    let cpuMs = (cpu.user + cpu.system) / 1000;
    // The process's CPU time includes V8's garbage-collector threads: a card that lands on a
    // big collection is timed twice more and keeps its best time, so only a card that is slow
    // every time (a pathological input) counts as slow.
    for (let retry = 0; retry < 2 && cpuMs >= PARSER_BUDGET_MS / 2; retry++) {
      const again = process.cpuUsage();
      try {
        parseCard(page);
      } catch {
        // Counted above.
      }
      const used = process.cpuUsage(again);
      cpuMs = Math.min(cpuMs, (used.user + used.system) / 1000);
    }
    slowestWall = Math.max(slowestWall, performance.now() - wallStart);
    totalCpu += cpuMs;
    slowestCpu = Math.max(slowestCpu, cpuMs);
  }
  return { cards, thrown, slowestCpuMs: slowestCpu, meanCpuMs: totalCpu / cards, slowestWallMs: slowestWall };
}
