import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserMode, type BrowserMode } from '../../../electron/host/browser-mode';
import { CONTENT_SECURITY_POLICY } from '../../../electron/security/content-security-policy';
import { TOKEN_HEADER } from '../../../shared/ipc/http-protocol';
import { makeTempDir } from '../../support/temp-database';

let dir: string;
let browserMode: BrowserMode;
/** What the host logged as unexpected: a client going away is not. */
const unexpected: unknown[] = [];

beforeAll(async () => {
  dir = makeTempDir();
  const staticRoot = path.join(dir, 'renderer');
  fs.mkdirSync(staticRoot);
  fs.writeFileSync(path.join(staticRoot, 'index.html'), '<!doctype html><title>LeadBooth</title>');
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'outside the renderer');
  browserMode = await startBrowserMode({ dbPath: path.join(dir, 'leadbooth.db'), staticRoot, withScanner: false, onUnexpectedError: (error) => unexpected.push(error) });
});
afterAll(async () => {
  await browserMode.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** Plain node:http, so the test controls every header (fetch would add or forbid some). */
function request(method: string, urlPath: string, headers: Record<string, string> = {}, body?: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const outgoing = http.request({ host: '127.0.0.1', port: browserMode.host.port, method, path: urlPath, headers }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }));
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

const call = (channel: string, payload: unknown, headers: Record<string, string> = {}) =>
  request('POST', `/api/${channel}`, { 'content-type': 'application/json', [TOKEN_HEADER]: browserMode.host.token, ...headers }, JSON.stringify(payload));

describe('browser-mode host', () => {
  it('listens on loopback only and prints the token in the fragment', () => {
    expect(browserMode.host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]{20,}$/);
  });

  it('serves the contract with the token', async () => {
    const response = await call('events.create', { name: 'CES 2027' });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ ok: true, value: { name: 'CES 2027' } });
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('while another program holds the write lock, keeps answering reads at once and answers the waiting save once the lock is free', async () => {
    const other = new BetterSqlite3(path.join(dir, 'leadbooth.db'));
    other.exec('BEGIN IMMEDIATE');
    let released = false;
    try {
      const save = call('events.create', { name: 'Waited Expo' });
      // The lock is released only after the read is answered: a read that waited for it would
      // never be answered (no clock involved).
      const read = await call('events.list', {});
      expect(read.status).toBe(200);
      expect(released).toBe(false);
      setTimeout(() => {
        other.exec('COMMIT');
        released = true;
      }, 200);
      const saved = await save;
      expect(released).toBe(true);
      expect(saved.status).toBe(200);
      expect(JSON.parse(saved.body)).toMatchObject({ ok: true, value: { name: 'Waited Expo' } });
    } finally {
      if (!released) other.exec('ROLLBACK');
      other.close();
    }
  });

  it('refuses a call without the token, or with a wrong one, and runs nothing', async () => {
    const missing = await request('POST', '/api/events.create', { 'content-type': 'application/json' }, JSON.stringify({ name: 'Evil' }));
    const wrong = await call('events.create', { name: 'Evil' }, { [TOKEN_HEADER]: 'guess' });
    expect(missing.status).toBe(401);
    expect(wrong.status).toBe(401);
    const list = JSON.parse((await call('events.list', {})).body) as { value: Array<{ name: string }> };
    expect(list.value.map((event) => event.name)).not.toContain('Evil');
  });

  it('refuses cross-origin requests even with the token', async () => {
    const fromOtherSite = await call('events.list', {}, { origin: 'https://evil.example' });
    const crossSite = await call('events.list', {}, { 'sec-fetch-site': 'cross-site' });
    expect(fromOtherSite.status).toBe(403);
    expect(crossSite.status).toBe(403);
  });

  it('lets a page opened at localhost:PORT save (its Origin matches its Host), and refuses mixed pairs', async () => {
    const port = browserMode.host.port;
    const fromLocalhost = await call('settings.update', { staffName: 'Lo Calhost' }, { host: `localhost:${port}`, origin: `http://localhost:${port}`, 'sec-fetch-site': 'same-origin' });
    expect(fromLocalhost.status).toBe(200);
    expect(JSON.parse(fromLocalhost.body)).toMatchObject({ ok: true, value: { staffName: 'Lo Calhost' } });
    const mixed = await call('settings.update', { staffName: 'Mixed' }, { host: `localhost:${port}`, origin: `http://127.0.0.1:${port}` });
    const otherPort = await call('settings.update', { staffName: 'Other' }, { origin: `http://127.0.0.1:${port + 1}` });
    expect([mixed.status, otherPort.status]).toEqual([403, 403]);
  });

  it('answers an oversize body with 413 from its Content-Length, before reading it', async () => {
    const response = await new Promise<RawResponse>((resolve, reject) => {
      const outgoing = http.request(
        {
          host: '127.0.0.1',
          port: browserMode.host.port,
          method: 'POST',
          path: '/api/cards.scan',
          headers: { 'content-type': 'application/json', [TOKEN_HEADER]: browserMode.host.token, 'content-length': String(200 * 1024 * 1024) },
        },
        (incoming) => {
          let text = '';
          incoming.on('data', (chunk: Buffer) => (text += chunk.toString()));
          incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body: text }));
        },
      );
      outgoing.on('error', reject);
      // Only the start of the 200 MB announced: the answer must come without the rest.
      outgoing.write('{"imageBase64":"');
    });
    expect(response.status).toBe(413);
    expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/too large/) } });
  });

  it('answers 413 to a client that sends the whole oversize body it announced, without resetting the connection', async () => {
    const size = 50 * 1024 * 1024;
    const response = await new Promise<RawResponse>((resolve, reject) => {
      const outgoing = http.request(
        {
          host: '127.0.0.1',
          port: browserMode.host.port,
          method: 'POST',
          path: '/api/cards.scan',
          headers: { 'content-type': 'application/json', [TOKEN_HEADER]: browserMode.host.token, 'content-length': String(size) },
        },
        (incoming) => {
          let text = '';
          incoming.on('data', (chunk: Buffer) => (text += chunk.toString()));
          incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body: text }));
        },
      );
      outgoing.on('error', reject);
      // As curl does: the whole body, whatever the server answers meanwhile.
      const piece = Buffer.alloc(1024 * 1024, 0x41);
      for (let sent = 0; sent < size; sent += piece.length) outgoing.write(piece);
      outgoing.end();
    });
    expect(response.status).toBe(413);
    expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { message: expect.stringMatching(/too large/) } });
  });

  it('refuses a deeply nested body while reading it, before JSON.parse could block the process', async () => {
    const depth = 2_000_000;
    const body = `{"a":${'['.repeat(depth)}${']'.repeat(depth)}}`;
    const response = await request('POST', '/api/leads.list', { 'content-type': 'application/json', [TOKEN_HEADER]: browserMode.host.token }, body);
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/nests deeper than 64 levels/) } });
    // Brackets inside strings are text, not nesting.
    const quoted = await call('events.create', { name: `Show ${'['.repeat(200)}` });
    expect(quoted.status).toBe(200);
  });

  it('takes a page that goes away mid-upload quietly: nothing logged as unexpected', async () => {
    const before = unexpected.length;
    await new Promise<void>((resolve) => {
      const outgoing = http.request({
        host: '127.0.0.1',
        port: browserMode.host.port,
        method: 'POST',
        path: '/api/leads.list',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: browserMode.host.token, 'content-length': '1000' },
      });
      outgoing.on('error', () => resolve());
      outgoing.write('{"a":');
      setTimeout(() => {
        outgoing.destroy();
        resolve();
      }, 50);
    });
    // The host still serves, and said nothing about the client that left.
    const after = await call('events.list', {});
    expect(JSON.parse(after.body)).toMatchObject({ ok: true });
    expect(unexpected.slice(before)).toEqual([]);
  });

  it('refuses another Host name (DNS rebinding)', async () => {
    const response = await call('events.list', {}, { host: `evil.example:${browserMode.host.port}` });
    expect(response.status).toBe(421);
  });

  it('answers a malformed body with a clear error', async () => {
    const response = await request('POST', '/api/events.list', { 'content-type': 'application/json', [TOKEN_HEADER]: browserMode.host.token }, '{not json');
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/not valid JSON/) } });
  });

  it('refuses API calls that are not JSON POSTs', async () => {
    expect((await request('GET', '/api/events.list', { [TOKEN_HEADER]: browserMode.host.token })).status).toBe(405);
    const form = await request('POST', '/api/events.list', { 'content-type': 'text/plain', [TOKEN_HEADER]: browserMode.host.token }, '{}');
    expect(form.status).toBe(415);
  });

  it('serves the UI with the strict CSP and never a file outside it', async () => {
    const page = await request('GET', '/');
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    for (const attempt of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt']) {
      const response = await request('GET', attempt);
      expect(response.body).not.toContain('outside the renderer');
    }
  });

  it('streams contract events to a page that has the token', async () => {
    const received = new Promise<string>((resolve, reject) => {
      const stream = http.get(
        { host: '127.0.0.1', port: browserMode.host.port, path: `/api/events?token=${browserMode.host.token}` },
        (response) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => {
            text += chunk;
            if (text.includes('event: settings.changed')) {
              stream.destroy();
              resolve(text);
            }
          });
        },
      );
      stream.on('error', reject);
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await call('settings.update', { staffName: 'Jo Booth' });
    expect(await received).toContain('"staffName":"Jo Booth"');
    const refused = await request('GET', '/api/events?token=wrong');
    expect(refused.status).toBe(401);
  });
});

describe('stopping the host', () => {
  it('lets a call that is running finish before it closes', async () => {
    const dir = makeTempDir();
    let release: () => void = () => {};
    let arrived: () => void = () => {};
    const callArrived = new Promise<void>((resolve) => (arrived = resolve));
    const { startHost } = await import('../../../electron/host/host-server');
    const host = await startHost({
      staticRoot: dir,
      dispatch: async () => {
        const released = new Promise<void>((resolve) => (release = resolve));
        arrived();
        await released;
        return { ok: true, value: 'saved' };
      },
    });
    const answer = fetch(`${host.origin}/api/leads.create`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: host.token },
      body: '{}',
    }).then((response) => response.json() as Promise<unknown>);
    // The call is inside the handler (a fixed sleep is not enough on a busy machine).
    await callArrived;
    const closed = host.close();
    release();
    expect(await answer).toEqual({ ok: true, value: 'saved' });
    await closed;
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
