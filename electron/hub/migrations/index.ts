import type { Kysely } from 'kysely';
import * as m0001 from './0001-hub-initial';

export interface HubMigration {
  version: number;
  name: string;
  // Any schema: a migration sees the tables as they were at its version (Kysely's advice).
  up(db: Kysely<any>): Promise<void>;
}

// Imported statically, in order: a bundled app has no migrations folder to scan.
export const HUB_MIGRATIONS: readonly HubMigration[] = [{ version: 1, name: '0001-hub-initial', up: m0001.up }];
