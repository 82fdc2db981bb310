import { afterEach, describe, expect, it } from 'vitest';
import { BUNDLE_SECTIONS } from '../../../../electron/db/bundle-sections';
import { countRecordsHere } from '../../../../electron/db/repositories/bundle-tables';
import { createEvent } from '../../../../electron/services/events-service';
import { createLead } from '../../../../electron/services/leads-service';
import { setStaffName } from '../../../../electron/services/settings-service';
import { openTempStore, type TempStore } from '../../../support/temp-database';

let store: TempStore | undefined;
afterEach(async () => store?.dispose());

describe('countRecordsHere', () => {
  it('counts the records of a section whose key the store holds, and no others', async () => {
    store = await openTempStore();
    await setStaffName(store.context, 'Jo');
    await createEvent(store.context, { name: 'CES' });
    const { lead: here } = await createLead(store.context, { firstName: 'Ana', lastName: 'Roe', company: 'Acme' });
    const leads = BUNDLE_SECTIONS.find((section) => section.name === 'leads');
    if (!leads) throw new Error('no leads section');
    const records = [{ id: here.id }, { id: '0193a6f0-0000-7000-8000-000000000001' }, { id: here.id.toUpperCase() }];
    expect(await countRecordsHere(store.context.db, leads, records)).toBe(1);
    expect(await countRecordsHere(store.context.db, leads, [])).toBe(0);
  });
});
