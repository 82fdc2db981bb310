import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type OpenedDatabase } from '../../electron/db/open-database';
import { createServiceContext, type Clock, type ServiceContext } from '../../electron/services/service-context';

export function makeTempDir(prefix = 'leadbooth-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export interface TempStore {
  dir: string;
  dbPath: string;
  database: OpenedDatabase;
  context: ServiceContext;
  notifications: Array<{ event: string; payload: unknown }>;
  /** Closes the connection and deletes the folder. */
  dispose(): Promise<void>;
}

/** A real SQLite file in a fresh temp folder: tests never mock the database. */
export async function openTempStore(options: { clock?: Clock } = {}): Promise<TempStore> {
  const dir = makeTempDir();
  const dbPath = path.join(dir, 'leadbooth.db');
  const database = await openDatabase(dbPath);
  const notifications: TempStore['notifications'] = [];
  const context = createServiceContext(database.db, {
    notify: (event, payload) => notifications.push({ event, payload }),
    ...(options.clock && { clock: options.clock }),
  });
  return {
    dir,
    dbPath,
    database,
    context,
    notifications,
    async dispose() {
      await database.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A clock that moves forward one second per reading, so "newest first" is deterministic. */
export function steppingClock(start = '2026-11-27T09:00:00.000Z'): Clock {
  let time = Date.parse(start);
  return {
    now: () => {
      const date = new Date(time);
      time += 1000;
      return date;
    },
  };
}
