import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../../../electron/db/open-database';
import { createEvent } from '../../../electron/services/events-service';
import { createLead } from '../../../electron/services/leads-service';
import { watchOtherWriters } from '../../../electron/services/other-writers-watch';
import { createServiceContext } from '../../../electron/services/service-context';
import { setStaffName } from '../../../electron/services/settings-service';
import { openTempStore, type TempStore } from '../../support/temp-database';

let store: TempStore;
let other: OpenedDatabase;
beforeEach(async () => {
  store = await openTempStore();
  other = await openDatabase(store.dbPath); // the CLI, or a second window, on the same file
});
afterEach(async () => {
  await other.close();
  await store.dispose();
});

const until = async (check: () => boolean) => {
  for (let tries = 0; tries < 100 && !check(); tries++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(check()).toBe(true);
};

describe('watchOtherWriters', () => {
  it('tells the windows when another process saved a lead or changed the show, and stays quiet about its own writes', async () => {
    const stop = watchOtherWriters(store.context, () => store.database.sqlite.pragma('data_version', { simple: true }) as number, { intervalMs: 10 });
    try {
      await setStaffName(store.context, 'Jo Booth'); // our own write
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(store.notifications.filter((note) => note.event === 'leads.changed')).toEqual([]);

      const cli = createServiceContext(other.db);
      const event = await createEvent(cli, { name: 'CES 2027' });
      await createLead(cli, { lastName: 'Okafor', eventId: event.id });
      await until(() => store.notifications.some((note) => note.event === 'leads.changed'));
      await until(() =>
        store.notifications.some((note) => note.event === 'settings.changed' && (note.payload as { currentEventId: string }).currentEventId === event.id),
      );
    } finally {
      stop();
    }
  });
});
