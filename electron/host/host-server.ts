import { randomBytes, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EventName } from '../../shared/ipc/channels';
import type { EventPayload } from '../../shared/ipc/contract';
import type { Dispatcher } from '../ipc/dispatch';
import { CONTENT_SECURITY_POLICY } from '../security/content-security-policy';
import { API_PREFIX, EVENTS_PATH, MAX_BODY_BYTES, TOKEN_HEADER, TOKEN_QUERY } from '../../shared/ipc/http-protocol';
import { readRendererFile } from '../security/renderer-files';
import { loopbackHosts } from '../security/trusted-origins';
import { JsonNestingGauge, MAX_JSON_NESTING } from './json-nesting';

export interface HostOptions {
  dispatch: Dispatcher;
  /** The built renderer (out/renderer). */
  staticRoot: string;
  /** 0 picks a free port. */
  port?: number;
  /** Fixed only in tests; a fresh random token per run otherwise. */
  token?: string;
  /** Where a failure inside the host itself is logged (its text is never sent to the page). */
  onUnexpected?: (error: unknown) => void;
}

export interface RunningHost {
  /** The address to open, with the token in the fragment (never sent to servers or logged in Referer). */
  url: string;
  origin: string;
  port: number;
  token: string;
  broadcast<E extends EventName>(event: E, payload: EventPayload<E>): void;
  close(): Promise<void>;
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
} as const;

/**
 * Browser mode: the same contract as the Electron window, over HTTP on loopback only.
 * Every API call needs the per-run token; requests from another origin or for another Host
 * (DNS rebinding) are refused, and no CORS header is ever sent.
 */
export async function startHost(options: HostOptions): Promise<RunningHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const eventStreams = new Set<http.ServerResponse>();
  // Calls still running when the host stops: a lead being saved must be committed before the database closes.
  const callsInFlight = new Set<Promise<unknown>>();
  let closing = false;
  let origin = '';
  let allowedHosts: string[] = [];

  const server = http.createServer((request, response) => {
    handleRequest(request, response).catch((error: unknown) => {
      // A page closed or reloaded mid-request is no failure of LeadBooth's: nothing to log or answer.
      if (request.destroyed || response.destroyed) return;
      // The detail stays in this process's log; the page gets a code it can show.
      options.onUnexpected?.(error);
      if (!response.headersSent) sendJson(response, 500, { ok: false, error: { code: 'internal', message: 'Something went wrong inside LeadBooth (error internal). Try again.' } });
      else response.end();
    });
  });

  async function handleRequest(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const host = request.headers.host ?? '';
    if (!allowedHosts.includes(host)) return sendText(response, 421, 'Unknown host.');
    // The page's origin is the address it was opened at: 127.0.0.1:PORT or localhost:PORT, the same as the Host.
    if (isCrossOrigin(request, `http://${host}`)) return sendText(response, 403, 'Cross-origin requests are refused.');
    const url = new URL(request.url ?? '/', origin);

    if (url.pathname === EVENTS_PATH) {
      if (request.method !== 'GET') return sendText(response, 405, 'Use GET.');
      if (!tokenMatches(url.searchParams.get(TOKEN_QUERY), token)) return sendText(response, 401, 'Missing or wrong token.');
      return openEventStream(response, eventStreams);
    }
    if (url.pathname.startsWith(API_PREFIX)) {
      if (request.method !== 'POST') return sendText(response, 405, 'Use POST.');
      // Refused before a byte of the body is read: answering 413 beats resetting the connection mid-upload.
      if (declaredLength(request) > MAX_BODY_BYTES) return refuseTooLarge(request, response);
      if (!tokenMatches(headerValue(request.headers[TOKEN_HEADER]), token)) {
        return sendText(response, 401, 'Missing or wrong token: open the address the host printed.');
      }
      if (!(request.headers['content-type'] ?? '').startsWith('application/json')) return sendText(response, 415, 'Send JSON.');
      const body = await readJsonBody(request);
      if (!body.ok && body.reason === 'disconnected') return undefined;
      if (!body.ok && body.reason === 'too-large') return refuseTooLarge(request, response);
      if (!body.ok && body.reason === 'too-deep') response.setHeader('Connection', 'keep-alive');
      if (!body.ok) return sendJson(response, 400, { ok: false, error: { code: 'invalid_input', message: body.message } });
      if (closing) return sendText(response, 503, 'LeadBooth is stopping; start it again to go on.');
      const channel = url.pathname.slice(API_PREFIX.length);
      const call = options.dispatch(channel, body.value);
      callsInFlight.add(call);
      try {
        return sendJson(response, 200, await call);
      } finally {
        callsInFlight.delete(call);
      }
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return sendText(response, 405, 'Use GET.');
    const file = await readRendererFile(options.staticRoot, url.pathname);
    if (!file.ok) {
      const index = await readRendererFile(options.staticRoot, '/');
      if (!index.ok) return sendText(response, 503, 'The app is not built yet: run "npm run build" and reload.');
      return sendText(response, file.status, 'Not found.');
    }
    response.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': file.contentType, 'Cache-Control': 'no-cache' });
    response.end(request.method === 'HEAD' ? undefined : file.body);
  }

  // A body trickled in byte by byte must not hold a connection for Node's default five minutes,
  // nor many of them the process: a page makes a handful of connections at most.
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.maxConnections = MAX_CONNECTIONS;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  allowedHosts = loopbackHosts(port);

  return {
    url: `${origin}/#${TOKEN_QUERY}=${token}`,
    origin,
    port,
    token,
    broadcast(event, payload) {
      const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
      for (const stream of eventStreams) stream.write(frame);
    },
    async close() {
      closing = true;
      for (const stream of eventStreams) stream.end();
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.allSettled([...callsInFlight]);
      server.closeAllConnections();
      await stopped;
    },
  };
}

function isCrossOrigin(request: http.IncomingMessage, origin: string): boolean {
  const requestOrigin = request.headers.origin;
  if (requestOrigin !== undefined && requestOrigin !== origin) return true;
  const fetchSite = headerValue(request.headers['sec-fetch-site']);
  return fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none';
}

function tokenMatches(given: string | undefined | null, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function openEventStream(response: http.ServerResponse, streams: Set<http.ServerResponse>): void {
  response.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
  response.write(': connected\n\n');
  streams.add(response);
  // A comment now and then keeps idle connections from being dropped.
  const keepAlive = setInterval(() => response.write(': keep-alive\n\n'), 25_000);
  keepAlive.unref();
  response.on('close', () => {
    clearInterval(keepAlive);
    streams.delete(response);
  });
}

/** The largest photo upload takes well under a second on loopback; thirty is for a busy machine. */
const REQUEST_TIMEOUT_MS = 30_000;
const HEADERS_TIMEOUT_MS = 10_000;
/** A browser opens six connections to a host, plus the event stream; several tabs stay far below this. */
const MAX_CONNECTIONS = 64;

type BodyResult = { ok: true; value: unknown } | { ok: false; reason: 'too-large' | 'too-deep' | 'not-json' | 'disconnected'; message: string };

/** The Content-Length the client announced (0 when absent or not a number: the streaming check then applies). */
function declaredLength(request: http.IncomingMessage): number {
  const value = Number(request.headers['content-length']);
  return Number.isFinite(value) ? value : 0;
}

function refuseTooLarge(request: http.IncomingMessage, response: http.ServerResponse): void {
  // The answer goes out at once; Node's server then reads the rest of the upload into the void
  // (bounded by the request timeout) instead of closing on unread bytes, which the client would
  // see as a reset before it could read the 413.
  response.setHeader('Connection', 'keep-alive');
  request.resume();
  sendJson(response, 413, { ok: false, error: { code: 'invalid_input', message: 'The request is too large (over 42 MB). Use a smaller photo.' } });
}

/**
 * The body as JSON, read chunk by chunk: refused as soon as it passes the size limit or nests
 * deeper than any channel needs, so neither a huge nor a deeply nested body reaches JSON.parse.
 */
function readJsonBody(request: http.IncomingMessage): Promise<BodyResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const gauge = new JsonNestingGauge();
    let size = 0;
    let settled = false;
    const finish = (result: BodyResult) => {
      if (settled) return;
      settled = true;
      request.off('data', onData);
      if (!result.ok) chunks.length = 0; // a refused body is not kept while the rest drains
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) return finish({ ok: false, reason: 'too-large', message: 'The request is too large.' });
      if (!gauge.feed(chunk)) {
        // The rest is not wanted: read on into the void, so the answer is not lost to a reset.
        request.resume();
        return finish({ ok: false, reason: 'too-deep', message: `The request nests deeper than ${MAX_JSON_NESTING} levels; no call of LeadBooth's needs that.` });
      }
      chunks.push(chunk);
    };
    request.on('data', onData);
    request.on('end', () => {
      if (settled) return; // refused already: the rest was only drained
      const text = Buffer.concat(chunks).toString('utf8');
      if (text.trim() === '') return finish({ ok: true, value: {} });
      try {
        finish({ ok: true, value: JSON.parse(text) as unknown });
      } catch {
        finish({ ok: false, reason: 'not-json', message: 'The request body is not valid JSON.' });
      }
    });
    // A page closed mid-upload: there is nobody to answer. ('close' comes after an 'error' too.)
    const wentAway = () => finish({ ok: false, reason: 'disconnected', message: 'The client went away.' });
    request.on('error', wentAway);
    request.on('close', () => {
      if (!request.complete) wentAway();
    });
  });
}

/**
 * An answer sent before the request's body was read (a refusal) closes the connection: a
 * client reusing that socket would otherwise have the unread bytes parsed as its next request.
 */
function closeIfBodyUnread(response: http.ServerResponse): void {
  // A refusal that chose to read the rest of the body into the void (refuseTooLarge) keeps its connection.
  if (!response.req.complete && !response.hasHeader('Connection')) response.setHeader('Connection', 'close');
}

function sendJson(response: http.ServerResponse, status: number, value: unknown): void {
  closeIfBodyUnread(response);
  response.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(JSON.stringify(value));
}

function sendText(response: http.ServerResponse, status: number, message: string): void {
  closeIfBodyUnread(response);
  response.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(message);
}
