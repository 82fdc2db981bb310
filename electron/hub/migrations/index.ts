import type { Kysely } from 'kysely';
import * as m0001 from './0001-hub-initial';
import * as m0002 from './0002-conversion-lead-index';
import * as m0003 from './0003-change-shows';
import * as m0004 from './0004-pairing-attempts';
import * as m0005 from './0005-photos';

export interface HubMigration {
  version: number;
  name: string;
  // Any schema: a migration sees the tables as they were at its version (Kysely's advice).
  up(db: Kysely<any>): Promise<void>;
}

// Imported statically, in order: a bundled app has no migrations folder to scan.
export const HUB_MIGRATIONS: readonly HubMigration[] = [
  { version: 1, name: '0001-hub-initial', up: m0001.up },
  { version: 2, name: '0002-conversion-lead-index', up: m0002.up },
  { version: 3, name: '0003-change-shows', up: m0003.up },
  { version: 4, name: '0004-pairing-attempts', up: m0004.up },
  { version: 5, name: '0005-photos', up: m0005.up },
];
