import http from 'node:http';
import tls from 'node:tls';

/** What came back over the pinned connection. */
export interface PinnedAnswer {
  status: number;
  header(name: string): string | null;
  text: string;
}

/** The hub presented a certificate other than the pinned one: nothing (no token) was sent. */
export class CertificateMismatch extends Error {
  constructor(
    readonly presented: string,
    readonly pinned: string,
  ) {
    super(`presented certificate ${presented}, pinned ${pinned}`);
  }
}

/** The SHA-256 fingerprint ("AB:CD:…") of the certificate the server at `url` presents. */
export async function presentedFingerprint(url: URL, timeoutMs: number): Promise<string> {
  const socket = await connect(url, timeoutMs);
  const fingerprint = socket.getPeerCertificate().fingerprint256;
  socket.destroy();
  return fingerprint;
}

function connect(url: URL, timeoutMs: number): Promise<tls.TLSSocket> {
  return new Promise((resolve, reject) => {
    // No CA check: a team hub's own certificate is signed by nobody; the pin replaces the check.
    const socket = tls.connect({ host: url.hostname, port: Number(url.port || 443), servername: url.hostname, rejectUnauthorized: false }, () => resolve(socket));
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error('ETIMEDOUT')));
    socket.once('error', reject);
  });
}

/**
 * One HTTPS request to a hub whose certificate is pinned by fingerprint: the TLS handshake, the
 * presented certificate compared with the pin, and only then a byte of the request (its token).
 */
export async function pinnedRequest(
  url: URL,
  request: { method: string; headers: Record<string, string>; body?: string; pin: string; timeoutMs: number },
): Promise<PinnedAnswer> {
  const socket = await connect(url, request.timeoutMs);
  const presented = socket.getPeerCertificate().fingerprint256;
  if (presented !== request.pin) {
    socket.destroy();
    throw new CertificateMismatch(presented, request.pin);
  }
  return new Promise((resolve, reject) => {
    // Plain HTTP over the checked TLS socket.
    const outgoing = http.request(
      { host: url.hostname, port: url.port, path: `${url.pathname}${url.search}`, method: request.method, headers: request.headers, createConnection: () => socket },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          socket.end();
          resolve({
            status: response.statusCode ?? 0,
            header: (name) => {
              const value = response.headers[name.toLowerCase()];
              return typeof value === 'string' ? value : null;
            },
            text: Buffer.concat(chunks).toString('utf8'),
          });
        });
      },
    );
    outgoing.once('error', (error) => {
      socket.destroy();
      reject(error);
    });
    outgoing.end(request.body);
  });
}
