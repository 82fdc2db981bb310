import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { convertLead } from '../../../electron/services/conversion-service';
import { getOpportunity, listContacts, setStage, updateOpportunity } from '../../../electron/services/crm-service';
import { createEvent } from '../../../electron/services/events-service';
import { createLead } from '../../../electron/services/leads-service';
import { setStaffName } from '../../../electron/services/settings-service';
import { AppError } from '../../../shared/ipc/errors';
import { openTempStore, steppingClock, type TempStore } from '../../support/temp-database';

let store: TempStore;
let opportunityId: string;
beforeEach(async () => {
  // 23:30 UTC on the 27th is already the 28th at a show in Tokyo.
  store = await openTempStore({ clock: steppingClock('2026-11-27T23:30:00.000Z') });
  await setStaffName(store.context, 'Jo Booth');
  await createEvent(store.context, { name: 'CEATEC', timeZone: 'Asia/Tokyo', currency: 'JPY' });
  const lead = (await createLead(store.context, { firstName: 'Ana', lastName: 'Müller', company: 'Acme GmbH' })).lead;
  const summary = await convertLead(store.context, {
    leadId: lead.id,
    account: { mode: 'new' },
    contact: { mode: 'new' },
    opportunity: { name: 'Acme – CEATEC', stage: 'Prospecting', closeDate: '2027-03-31', amount: 50_000 },
  });
  opportunityId = summary.opportunityId as string;
});
afterEach(() => store.dispose());

describe('editing an opportunity', () => {
  it('changes name, amount and close date, and clears the amount with null, without a stage change in the history', async () => {
    const edited = await updateOpportunity(store.context, opportunityId, { name: 'Acme – 20 scanners', amount: 62_500.5, closeDate: '2027-02-15' });
    expect(edited).toMatchObject({ name: 'Acme – 20 scanners', amount: 62_500.5, closeDate: '2027-02-15', stage: 'Prospecting' });
    expect((await updateOpportunity(store.context, opportunityId, { amount: null })).amount).toBeNull();
    expect((await getOpportunity(store.context, opportunityId)).stageHistory.map((change) => change.stage)).toEqual(['Prospecting']);
  });

  it('Closed Won closes it on the day it was won at the show, unless a close date is given; each stage is kept in the history', async () => {
    const won = await setStage(store.context, opportunityId, 'Closed Won');
    expect(won).toMatchObject({ stage: 'Closed Won', probability: 100, closeDate: '2026-11-28' });
    await updateOpportunity(store.context, opportunityId, { stage: 'Negotiation/Review' });
    const given = await updateOpportunity(store.context, opportunityId, { stage: 'Closed Won', closeDate: '2026-12-01' });
    expect(given.closeDate).toBe('2026-12-01');
    const history = (await getOpportunity(store.context, opportunityId)).stageHistory;
    expect(history.map((change) => [change.stage, change.actor])).toEqual([
      ['Prospecting', 'Jo Booth'],
      ['Closed Won', 'Jo Booth'],
      ['Negotiation/Review', 'Jo Booth'],
      ['Closed Won', 'Jo Booth'],
    ]);
  });

  it('asks why a lost opportunity was lost, next to the reason field', async () => {
    const error = await updateOpportunity(store.context, opportunityId, { stage: 'Closed Lost' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).fieldErrors).toEqual({ lostReason: 'Why was it lost?' });
    const lost = await updateOpportunity(store.context, opportunityId, { stage: 'Closed Lost', lostReason: 'Went with a rival' });
    expect(lost).toMatchObject({ stage: 'Closed Lost', lostReason: 'Went with a rival', closeDate: '2027-03-31' });
  });
});

describe('contacts list', () => {
  it('lists contacts across accounts with their account’s name, found by the start of a name', async () => {
    expect((await listContacts(store.context, { query: 'mül' })).map((contact) => [contact.lastName, contact.accountName])).toEqual([['Müller', 'Acme GmbH']]);
    expect(await listContacts(store.context, { query: 'nobody' })).toEqual([]);
  });
});
