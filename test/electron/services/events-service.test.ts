import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEvent, listEvents, updateEvent, useEvent } from '../../../electron/services/events-service';
import { getDraft, saveDraft } from '../../../electron/services/drafts-service';
import { getSettings, setStaffName } from '../../../electron/services/settings-service';
import { createLead } from '../../../electron/services/leads-service';
import { AppError } from '../../../shared/ipc/errors';
import { openTempStore, steppingClock, type TempStore } from '../../support/temp-database';

let store: TempStore;
beforeEach(async () => {
  store = await openTempStore({ clock: steppingClock() });
});
afterEach(() => store.dispose());

describe('events', () => {
  it('a new show becomes the current one; another can be picked', async () => {
    const first = await createEvent(store.context, { name: 'CES 2027' });
    expect((await getSettings(store.context)).currentEventId).toBe(first.id);
    const second = await createEvent(store.context, { name: 'Hannover Messe', location: 'Hannover', startsOn: '2027-04-12' });
    expect((await getSettings(store.context)).currentEventId).toBe(second.id);
    await useEvent(store.context, first.id);
    expect((await getSettings(store.context)).currentEventId).toBe(first.id);
    expect((await listEvents(store.context.db)).map((event) => event.name)).toEqual(['Hannover Messe', 'CES 2027']);
  });

  it('refuses a second show with the same name in another case', async () => {
    await createEvent(store.context, { name: 'Salon Émeraude' });
    const error = await createEvent(store.context, { name: 'salon émeraude' }).catch((caught: unknown) => caught);
    expect((error as AppError).code).toBe('conflict');
    expect(await listEvents(store.context.db)).toHaveLength(1);
  });

  it('gives a new show the laptop’s time zone unless told, and lets show setup change it', async () => {
    const here = await createEvent(store.context, { name: 'CES 2027' });
    expect(here.timeZone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    const there = await createEvent(store.context, { name: 'Hannover Messe', timeZone: 'Europe/Berlin' });
    expect(there.timeZone).toBe('Europe/Berlin');
    expect((await updateEvent(store.context, there.id, { timeZone: 'America/New_York' })).timeZone).toBe('America/New_York');
    expect((await listEvents(store.context.db)).find((event) => event.id === there.id)?.timeZone).toBe('America/New_York');
    const error = await updateEvent(store.context, there.id, { timeZone: 'Mars/Olympus' }).catch((caught: unknown) => caught);
    expect((error as AppError).code).toBe('invalid_input');
    expect((error as AppError).message).toMatch(/Europe\/Berlin/);
  });

  it('gives a new show the laptop’s currency and no cost, and lets show setup set both (null clears the cost)', async () => {
    const here = await createEvent(store.context, { name: 'CES 2027' });
    expect(here.currency).toMatch(/^[A-Z]{3}$/);
    expect(here.cost).toBeNull();
    const there = await createEvent(store.context, { name: 'Hannover Messe', currency: 'eur', cost: 18_500 });
    expect([there.currency, there.cost]).toEqual(['EUR', 18_500]);
    expect(await updateEvent(store.context, there.id, { currency: 'GBP', cost: 9_999.5 })).toMatchObject({ currency: 'GBP', cost: 9_999.5 });
    expect((await updateEvent(store.context, there.id, { cost: null })).cost).toBeNull();
    expect((await listEvents(store.context.db)).find((event) => event.id === there.id)).toMatchObject({ currency: 'GBP', cost: null });
    for (const [change, message] of [
      [{ currency: 'Euro' }, /three-letter/],
      [{ currency: 'XYZ' }, /EUR, USD or GBP/],
      [{ cost: -5 }, /negative/],
    ] as const) {
      const error = await updateEvent(store.context, there.id, change).catch((caught: unknown) => caught);
      expect((error as AppError).code).toBe('invalid_input');
      expect((error as AppError).message).toMatch(message);
    }
  });

  it('refuses an unknown show id', async () => {
    const error = await useEvent(store.context, crypto.randomUUID()).catch((caught: unknown) => caught);
    expect((error as AppError).code).toBe('not_found');
  });
});

describe('drafts', () => {
  it('keeps the half-typed lead until it is cleared', async () => {
    expect(await getDraft(store.context)).toBeNull();
    await saveDraft(store.context, { firstName: 'Ana', email: 'ana@' });
    expect((await getDraft(store.context))?.fields).toEqual({ firstName: 'Ana', email: 'ana@' });
    await saveDraft(store.context, null);
    expect(await getDraft(store.context)).toBeNull();
    await saveDraft(store.context, { firstName: '  ' });
    expect(await getDraft(store.context)).toBeNull();
  });

  it('is cleared once the lead it became is saved, and kept when the save fails', async () => {
    await setStaffName(store.context, 'Jo');
    await createEvent(store.context, { name: 'CES 2027' });
    await saveDraft(store.context, { lastName: 'Doe', email: 'doe@' });
    await expect(createLead(store.context, { lastName: 'Doe', email: 'doe@', clearDraft: true })).rejects.toThrow(/email/);
    expect((await getDraft(store.context))?.fields.lastName).toBe('Doe');
    await createLead(store.context, { lastName: 'Doe', email: 'doe@acme.example', clearDraft: true });
    expect(await getDraft(store.context)).toBeNull();
  });
});
