import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEvent } from '../../../electron/services/events-service';
import { createLead } from '../../../electron/services/leads-service';
import { setStaffName } from '../../../electron/services/settings-service';
import { openTempStore, type TempStore } from '../../support/temp-database';

let store: TempStore;
beforeEach(async () => {
  store = await openTempStore();
  await setStaffName(store.context, 'Jo Booth');
  await createEvent(store.context, { name: 'CES 2027' });
});
afterEach(() => store.dispose());

describe('the staff name the entry form showed', () => {
  it('saves when it is the current one, and refuses when another window changed it meanwhile', async () => {
    await expect(createLead(store.context, { lastName: 'Okafor', shownStaffName: 'Jo Booth' })).resolves.toMatchObject({ lead: { capturedBy: 'Jo Booth' } });
    await setStaffName(store.context, 'Kim Stand'); // another window
    await expect(createLead(store.context, { lastName: 'Müller', shownStaffName: 'Jo Booth' })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('"Kim Stand"'),
    });
    expect(store.database.sqlite.prepare("SELECT count(*) FROM leads WHERE last_name = 'Müller'").pluck().get()).toBe(0);
  });
});
