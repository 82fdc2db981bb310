import type { Kysely } from 'kysely';
import * as m0001 from './0001-initial';
import * as m0002 from './0002-card-scans';
import * as m0003 from './0003-qualify-and-convert';
import * as m0004 from './0004-privacy-log';
import * as m0005 from './0005-booth-capture';
import * as m0006 from './0006-export-batches';
import * as m0007 from './0007-review-indexes';
import * as m0008 from './0008-lossless-edges';
import * as m0009 from './0009-badge-payloads';
import * as m0010 from './0010-show-money';
import * as m0011 from './0011-sync-log';
import * as m0012 from './0012-local-field-clocks';
import * as m0013 from './0013-drop-redundant-newest-index';
import * as m0014 from './0014-sync-conversions';
import * as m0015 from './0015-merged-accounts';
import * as m0016 from './0016-sync-rules-flags-exports';
import * as m0017 from './0017-criteria-marked-removed';
import * as m0018 from './0018-record-stamp-on-record';

export interface Migration {
  /** PRAGMA user_version after this migration. */
  version: number;
  name: string;
  // Any schema: a migration sees the tables as they were at its version (Kysely's advice).
  up(db: Kysely<any>): Promise<void>;
}

// Imported statically, in order: a bundled app has no migrations folder to scan.
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: '0001-initial', up: m0001.up },
  { version: 2, name: '0002-card-scans', up: m0002.up },
  { version: 3, name: '0003-qualify-and-convert', up: m0003.up },
  { version: 4, name: '0004-privacy-log', up: m0004.up },
  { version: 5, name: '0005-booth-capture', up: m0005.up },
  { version: 6, name: '0006-export-batches', up: m0006.up },
  { version: 7, name: '0007-review-indexes', up: m0007.up },
  { version: 8, name: '0008-lossless-edges', up: m0008.up },
  { version: 9, name: '0009-badge-payloads', up: m0009.up },
  { version: 10, name: '0010-show-money', up: m0010.up },
  { version: 11, name: '0011-sync-log', up: m0011.up },
  { version: 12, name: '0012-local-field-clocks', up: m0012.up },
  { version: 13, name: '0013-drop-redundant-newest-index', up: m0013.up },
  { version: 14, name: '0014-sync-conversions', up: m0014.up },
  { version: 15, name: '0015-merged-accounts', up: m0015.up },
  { version: 16, name: '0016-sync-rules-flags-exports', up: m0016.up },
  { version: 17, name: '0017-criteria-marked-removed', up: m0017.up },
  { version: 18, name: '0018-record-stamp-on-record', up: m0018.up },
];

/** The last migration's version (numbers only ever grow; a gap waits for a branch's migration). */
export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
