import { randomUUID } from 'node:crypto';
import http from 'node:http';
import tls from 'node:tls';
import { PROTOCOL_HEADER, SYNC_PROTOCOL_VERSION, type RecordChange } from '../../shared/sync/protocol';

interface HubResponse {
  status: number;
  body: unknown;
  protocolHeader: string | null;
}

/**
 * One request to a hub as a laptop sends it; `protocol` overrides the version header (null:
 * none). An https hub needs `pin`, the certificate fingerprint the laptop pinned.
 */
export async function hubRequest(
  baseUrl: string,
  method: 'GET' | 'POST',
  path: string,
  options: { token?: string; body?: unknown; protocol?: number | null; pin?: string } = {},
): Promise<HubResponse> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const protocol = options.protocol === undefined ? SYNC_PROTOCOL_VERSION : options.protocol;
  if (protocol !== null) headers[PROTOCOL_HEADER] = String(protocol);
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (baseUrl.startsWith('https:')) return pinnedRequest(new URL(path, baseUrl), method, headers, options.body, options.pin ?? '');
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  return { status: response.status, body: await response.json(), protocolHeader: response.headers.get(PROTOCOL_HEADER) };
}

/**
 * HTTPS to a hub whose certificate no CA signed: the TLS handshake first, then the certificate's
 * fingerprint compared with the pinned one, and only then a byte of the request (its token).
 */
async function pinnedRequest(url: URL, method: string, headers: Record<string, string>, body: unknown, pin: string): Promise<HubResponse> {
  const socket = await new Promise<tls.TLSSocket>((resolve, reject) => {
    // rejectUnauthorized false: the pin below replaces the CA check a self-signed certificate fails.
    const connection = tls.connect({ host: url.hostname, port: Number(url.port), rejectUnauthorized: false }, () => {
      if (connection.getPeerCertificate().fingerprint256 === pin) return resolve(connection);
      connection.destroy();
      reject(new Error('The hub presented another certificate than the one pinned.'));
    });
    connection.once('error', reject);
  });
  return new Promise((resolve, reject) => {
    // Plain HTTP options over the checked TLS socket (an https: URL would make http.request refuse).
    const target = { host: url.hostname, port: url.port, path: `${url.pathname}${url.search}` };
    const request = http.request({ ...target, method, headers, createConnection: () => socket }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        socket.end();
        const header = response.headers[PROTOCOL_HEADER];
        resolve({ status: response.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')), protocolHeader: typeof header === 'string' ? header : null });
      });
    });
    request.once('error', (error) => {
      socket.destroy();
      reject(error);
    });
    request.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

let clockMs = Date.UTC(2026, 11, 7, 9, 0, 0);

/** A change as a laptop's log would push it, with a fresh change id and a later clock stamp. */
export function sampleChange(overrides: Partial<RecordChange> = {}): RecordChange {
  clockMs += 1;
  return {
    changeId: randomUUID(),
    kind: 'lead',
    recordId: randomUUID(),
    hlc: `${String(clockMs).padStart(13, '0')}-0000-laptop-a`,
    fields: { first_name: 'Ada', company: 'Analytical Engines' },
    tombstone: false,
    ...overrides,
  };
}
