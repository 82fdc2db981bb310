import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { HUB_ROUTES, PROTOCOL_HEADER, pushRequestSchema, SYNC_PROTOCOL_VERSION } from '../../shared/sync/protocol';
import { MemoryHub } from './sync-laptops';

/**
 * A stand-in hub over real HTTP that keeps its changes in memory (MemoryHub): the laptop's
 * client and sync run are tested against the protocol's shapes, with faults a test switches on.
 * The real hub (electron/hub/) is tested with PostgreSQL in its own tests.
 */
export interface MemoryHubServer {
  url: string;
  hub: MemoryHub;
  /** Requests answered so far, by route ("POST /v1/changes"). */
  requests: string[];
  /** A request of this route has its connection cut before any answer: the next one, or the one after `answered` more. */
  cutNext(route: string, answered?: number): void;
  /** The protocol version the hub answers with (default: this LeadBooth's). */
  speak(version: number): void;
  close(): Promise<void>;
}

export async function startMemoryHubServer(): Promise<MemoryHubServer> {
  const hub = new MemoryHub();
  const requests: string[] = [];
  /** By route: how many requests are still answered before the cut. */
  const cuts = new Map<string, number>();
  let version = SYNC_PROTOCOL_VERSION;
  let devices = 0;
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://hub');
      const route = `${request.method ?? 'GET'} ${url.pathname}`;
      const answeredBeforeCut = cuts.get(route);
      if (answeredBeforeCut === 0) {
        cuts.delete(route);
        request.socket.destroy();
        return;
      }
      if (answeredBeforeCut !== undefined) cuts.set(route, answeredBeforeCut - 1);
      requests.push(route);
      const send = (status: number, body: unknown): void => {
        response.writeHead(status, { 'content-type': 'application/json', [PROTOCOL_HEADER]: String(version) });
        response.end(JSON.stringify(body));
      };
      if (request.headers[PROTOCOL_HEADER] !== String(version)) {
        send(426, { error: 'protocol-mismatch', message: `This hub speaks protocol ${version}: update LeadBooth on one of them.`, hubProtocol: version });
        return;
      }
      // A manager device: this hub serves every change (the real one gives a booth device its shows' only).
      if (route === `POST ${HUB_ROUTES.pair}`) {
        devices++;
        send(200, { hubId: 'memory-hub', deviceId: `device-${devices}`, token: `token-${devices}-aaaaaaaaaaaaaaaa`, role: 'manager' });
      } else if (route === `POST ${HUB_ROUTES.push}`) {
        const { changes } = pushRequestSchema.parse(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        const before = hub.changes.length;
        hub.push(changes);
        send(200, { accepted: hub.changes.length - before, alreadyStored: changes.length - (hub.changes.length - before) });
      } else if (route === `GET ${HUB_ROUTES.pull}`) {
        const after = Number(url.searchParams.get('after') || '0');
        const limit = Number(url.searchParams.get('limit') || '1000');
        const changes = hub.changes.slice(after, after + limit);
        send(200, { changes, cursor: String(after + changes.length), more: after + changes.length < hub.changes.length });
      } else {
        send(404, { error: 'not-found', message: `No route ${route}.` });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hub,
    requests,
    cutNext: (route, answered = 0) => cuts.set(route, answered),
    speak: (next) => (version = next),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
