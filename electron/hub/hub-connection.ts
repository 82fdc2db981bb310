import type { Kysely } from 'kysely';
import type { HubDatabase } from './hub-schema';
import { openHubDatabase } from './hub-database';
import { startEmbeddedPostgres } from './embedded-postgres';

export interface HubDatabaseLocation {
  /** The hub's folder, holding its embedded PostgreSQL (`<dataDir>/postgres`). */
  dataDir: string;
  /** A company PostgreSQL (16 or newer) instead of the embedded server. */
  databaseUrl?: string;
}

export interface HubConnection {
  db: Kysely<HubDatabase>;
  /** True when this connection started the embedded server (and stops it at close). */
  ownsDatabaseServer: boolean;
  close(): Promise<void>;
}

/**
 * The hub's database, migrated: the company's by URL, or the embedded server of the folder —
 * the one already running there (another hub process, a `hub start` in another terminal), or
 * one started for this connection. What `startHub`, `hub code` and `hub backup` all open.
 */
export async function connectHubDatabase(location: HubDatabaseLocation): Promise<HubConnection> {
  const embedded = location.databaseUrl ? undefined : await startEmbeddedPostgres(location.dataDir);
  try {
    const db = await openHubDatabase(location.databaseUrl ?? embedded?.url ?? '');
    let closed: Promise<void> | undefined;
    return {
      db,
      ownsDatabaseServer: embedded?.startedHere ?? false,
      close: () => {
        closed ??= db.destroy().then(() => embedded?.stop());
        return closed;
      },
    };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}
