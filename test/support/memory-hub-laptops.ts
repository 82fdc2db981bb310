import { afterEach, beforeEach } from 'vitest';
import { setStaffName } from '../../electron/services/settings-service';
import { startMemoryHubServer, type MemoryHubServer } from './memory-hub-server';
import { openTempStore, type TempStore } from './temp-database';

export interface MemoryHubLaptops {
  /** This test's memory hub; a test that closes it may put another in its place, which is closed after the test. */
  server: MemoryHubServer;
  /** A laptop store with its staff name, given its store's file as the app's laptops are (a large pull then runs on a worker: sync-run.ts); disposed after the test. */
  laptop(staff: string): Promise<TempStore>;
}

/** A memory hub (memory-hub-server.ts) started before each test of the file, and the laptops a test opens, all closed after it. */
export function memoryHubLaptopsForEachTest(): MemoryHubLaptops {
  let stores: TempStore[] = [];
  const laptops: MemoryHubLaptops = {
    server: undefined as unknown as MemoryHubServer,
    async laptop(staff) {
      const store = await openTempStore();
      store.context.store = { db: store.database.db, sqlite: store.database.sqlite, path: store.dbPath };
      stores.push(store);
      await setStaffName(store.context, staff);
      return store;
    },
  };
  beforeEach(async () => {
    laptops.server = await startMemoryHubServer();
  });
  afterEach(async () => {
    await laptops.server.close();
    for (const store of stores) await store.dispose();
    stores = [];
  });
  return laptops;
}
