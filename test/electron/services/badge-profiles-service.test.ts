import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listBadgeProfiles, removeBadgeProfile, saveBadgeProfile } from '../../../electron/services/badge-profiles-service';
import { createEvent } from '../../../electron/services/events-service';
import { setStaffName } from '../../../electron/services/settings-service';
import { openTempStore, type TempStore } from '../../support/temp-database';

let store: TempStore;
beforeEach(async () => {
  store = await openTempStore();
  await setStaffName(store.context, 'Jo Booth');
});
afterEach(() => store.dispose());

describe('badge profiles of a show', () => {
  it('are saved on the current show, replaced by name, kept apart per show, and removed', async () => {
    expect(await listBadgeProfiles(store.context)).toEqual([]); // no show yet: nothing, no error
    const ces = await createEvent(store.context, { name: 'CES 2027' });
    await saveBadgeProfile(store.context, { profile: { name: 'Expo', delimiter: ';', fields: ['lastName', 'refId'] } });
    const replaced = await saveBadgeProfile(store.context, { profile: { name: 'expo', delimiter: '|', fields: ['refId', 'email'] } });
    expect(replaced).toEqual([{ name: 'expo', delimiter: '|', fields: ['refId', 'email'], prefix: '', suffix: '', idField: 'refId' }]);
    const mwc = await createEvent(store.context, { name: 'MWC 2027' }); // now the current show
    expect(await listBadgeProfiles(store.context)).toEqual([]);
    expect(await listBadgeProfiles(store.context, ces.id)).toHaveLength(1);
    await expect(removeBadgeProfile(store.context, { eventId: mwc.id, name: 'expo' })).rejects.toThrow(/no badge profile called "expo"/);
    expect(await removeBadgeProfile(store.context, { eventId: ces.id, name: 'EXPO' })).toEqual([]);
  });

  it('refuses a profile that names an unknown field, and survives a damaged column', async () => {
    const show = await createEvent(store.context, { name: 'CES 2027' });
    await expect(saveBadgeProfile(store.context, { profile: { name: 'x', delimiter: '^', fields: ['refId', 'surname' as 'refId'] } })).rejects.toThrow();
    await store.context.db.updateTable('events').set({ badge_profiles: '{not json' }).where('id', '=', show.id).execute();
    expect(await listBadgeProfiles(store.context)).toEqual([]);
  });
});
