import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { DeviceRole } from '../../shared/sync/protocol';
import { connectHubDatabase, type HubDatabaseLocation } from './hub-connection';
import { hubCertificateOf, hubIdOf } from './hub-settings';
import { certificateFingerprint } from './self-signed-certificate';
import { createPairingCode } from './hub-devices';
import { hubRequestHandler } from './hub-requests';

export interface HubOptions extends HubDatabaseLocation {
  /** The HTTP port; 0 picks a free one. */
  port: number;
  /** The address to listen on: every interface by default (laptops join over the network), 127.0.0.1 in tests. */
  host?: string;
  /**
   * Serve HTTPS with the hub's own certificate (made at the first TLS start, kept in the
   * database); laptops pin its fingerprint. Off by default until laptops pin it.
   */
  tls?: boolean;
  /** Where a failure inside the hub is logged (its text is never sent to a laptop). */
  onUnexpected?: (error: unknown) => void;
}

export interface RunningHub {
  /** The hub's address as this computer reaches it. */
  url: string;
  port: number;
  hubId: string;
  /** True when this hub started the embedded PostgreSQL (and stops it at close). */
  ownsDatabaseServer: boolean;
  /** With TLS: the SHA-256 fingerprint of the hub's certificate ("AB:CD:…"), which laptops pin. */
  fingerprint?: string;
  /** A one-time pairing code; the code's role becomes the joining device's. */
  newPairingCode(role: DeviceRole, lifetimeMs?: number): Promise<string>;
  close(): Promise<void>;
}

/**
 * Starts a team hub: its PostgreSQL (the embedded server in `dataDir`, or the company's by URL),
 * the schema brought up to date, and the HTTP server laptops sync with. The hub process keeps
 * no state of its own, so several hubs may serve one database (a second `startHub` on the same
 * folder uses the server the first one started).
 */
export async function startHub(options: HubOptions): Promise<RunningHub> {
  const connection = await connectHubDatabase(options);
  const { db } = connection;
  try {
    const hubId = await hubIdOf(db);
    const onUnexpected = options.onUnexpected ?? ((error: unknown) => console.error('hub:', error));
    const handler = hubRequestHandler(db, hubId, onUnexpected);
    const certificate = options.tls ? await hubCertificateOf(db) : undefined;
    const server = certificate ? https.createServer({ key: certificate.keyPem, cert: certificate.certPem }, handler) : http.createServer(handler);
    // A slow or stalled client must not hold a connection forever.
    server.requestTimeout = 120_000;
    server.headersTimeout = 30_000;
    // Longer than a laptop keeps an idle connection (the client closes it first, after the
    // 'Keep-Alive: timeout' this announces): with Node's 5 s, a laptop busy applying a page on a
    // loaded machine reused a connection the hub was closing, and its sync failed (UND_ERR_SOCKET).
    server.keepAliveTimeout = 65_000;
    const host = options.host ?? '0.0.0.0';
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, host, () => resolve());
    });
    const port = (server.address() as AddressInfo).port;
    let closed: Promise<void> | undefined;
    return {
      url: `${certificate ? 'https' : 'http'}://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`,
      port,
      hubId,
      ...(certificate && { fingerprint: certificateFingerprint(certificate.certPem) }),
      ownsDatabaseServer: connection.ownsDatabaseServer,
      newPairingCode: (role, lifetimeMs) => createPairingCode(db, role, lifetimeMs),
      close: () => {
        closed ??= (async () => {
          // Requests in flight finish first: a push must commit before the database goes.
          await new Promise<void>((resolve) => {
            server.close(() => resolve());
            server.closeIdleConnections();
          });
          await connection.close();
        })();
        return closed;
      },
    };
  } catch (error) {
    await connection.close();
    throw error;
  }
}
