import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEvent } from '../../../electron/services/events-service';
import { listDuplicateGroups } from '../../../electron/services/duplicate-groups-service';
import { createLead } from '../../../electron/services/leads-service';
import { setStaffName } from '../../../electron/services/settings-service';
import { openTempStore, steppingClock, type TempStore } from '../../support/temp-database';

let store: TempStore;
let showA = '';
let showB = '';
beforeEach(async () => {
  store = await openTempStore({ clock: steppingClock() });
  await setStaffName(store.context, 'Jo Booth');
  showA = (await createEvent(store.context, { name: 'Show A' })).id;
  showB = (await createEvent(store.context, { name: 'Show B' })).id;
});
afterEach(() => store.dispose());

async function lead(fields: { lastName: string; firstName?: string; email?: string; badgeId?: string; eventId: string; capturedAt: string }): Promise<string> {
  return (await createLead(store.context, { company: 'Acme', ...fields })).lead.id;
}

describe('listDuplicateGroups', () => {
  it('groups the same person across shows, biggest group first, newest capture first, and filters by show', async () => {
    const ana1 = await lead({ firstName: 'Ana', lastName: 'Zeller', email: 'ana@acme.example', eventId: showA, capturedAt: '2026-11-01T09:00:00.000Z' });
    const ana2 = await lead({ firstName: 'Ana', lastName: 'Zeller', email: 'ANA@acme.example', eventId: showB, capturedAt: '2026-11-02T09:00:00.000Z' });
    const ana3 = await lead({ firstName: 'Ana', lastName: 'Zeller', email: 'ana@acme.example', eventId: showB, capturedAt: '2026-11-03T09:00:00.000Z' });
    const bo1 = await lead({ firstName: 'Bo', lastName: 'Yilmaz', email: 'bo@beta.example', eventId: showB, capturedAt: '2026-11-01T10:00:00.000Z' });
    const bo2 = await lead({ firstName: 'Bo', lastName: 'Yilmaz', email: 'bo@beta.example', eventId: showB, capturedAt: '2026-11-01T11:00:00.000Z' });
    // Only the badge id in common: the whole-store pass compares details, not badges.
    await lead({ firstName: 'Cy', lastName: 'Xu', badgeId: 'B-1', eventId: showA, capturedAt: '2026-11-01T12:00:00.000Z' });
    await lead({ firstName: 'Di', lastName: 'Weber', badgeId: 'B-1', eventId: showA, capturedAt: '2026-11-01T13:00:00.000Z' });

    const all = await listDuplicateGroups(store.context, {});
    expect(all.groups.map((group) => group.leads.map((each) => each.id))).toEqual([
      [ana3, ana2, ana1],
      [bo2, bo1],
    ]);
    expect(all).toMatchObject({ totalGroups: 2, totalLeads: 5 });

    const inShowA = await listDuplicateGroups(store.context, { eventId: showA });
    expect(inShowA.groups.map((group) => group.leads.length)).toEqual([3]);
    expect(inShowA).toMatchObject({ totalGroups: 1, totalLeads: 3 });

    expect((await listDuplicateGroups(store.context, { limit: 1 })).groups).toHaveLength(1);
  });
});
