import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEvent } from '../../../electron/services/events-service';
import { getLeadDetail } from '../../../electron/services/lead-detail-service';
import { createLead } from '../../../electron/services/leads-service';
import { answerCriteria, answerCriterion } from '../../../electron/services/qualification-service';
import { setStaffName } from '../../../electron/services/settings-service';
import { openTempStore, steppingClock, type TempStore } from '../../support/temp-database';

let store: TempStore;
let leadId: string;
beforeEach(async () => {
  store = await openTempStore({ clock: steppingClock() });
  await setStaffName(store.context, 'Jo Booth');
  await createEvent(store.context, { name: 'Web Summit 2026' });
  leadId = (await createLead(store.context, { lastName: 'Fischer', company: 'Acme' })).lead.id;
});
afterEach(() => store.dispose());

async function answeredEntries(): Promise<unknown[]> {
  return (await getLeadDetail(store.context, leadId)).timeline.filter((entry) => entry.kind === 'criterion_answered');
}

describe('answerCriterion', () => {
  it('stores an amount and a note given after the answer, and the answer clicked again logs nothing new', async () => {
    await answerCriterion(store.context, { leadId, key: 'budget', state: 'met' });
    const withAmount = await answerCriterion(store.context, { leadId, key: 'budget', state: 'met', value: '50k', note: 'signed off by the CFO' });
    expect(withAmount.answers.find((answer) => answer.key === 'budget')).toMatchObject({ state: 'met', value: '50k', note: 'signed off by the CFO' });
    expect(await answeredEntries()).toHaveLength(2);

    const notifications = store.notifications.length;
    const again = await answerCriterion(store.context, { leadId, key: 'budget', state: 'met' });
    expect(again.answers.find((answer) => answer.key === 'budget')).toMatchObject({ value: '50k', note: 'signed off by the CFO' });
    expect(await answeredEntries()).toHaveLength(2);
    expect(store.notifications).toHaveLength(notifications);
  });
});

describe('answerCriteria', () => {
  it('stores several answers in one change and refuses the whole change when one is wrong', async () => {
    const result = await answerCriteria(store.context, {
      leadId,
      answers: [
        { key: 'need', state: 'met' },
        { key: 'authority', state: 'met' },
      ],
    });
    expect(result.summary.met).toBe(2);
    expect(result.lead.status).toBe('Qualified');
    // One change: the status moved once, straight to where the checklist leads.
    const statusSteps = (await getLeadDetail(store.context, leadId)).timeline.filter((entry) => entry.kind === 'status_changed');
    expect(statusSteps).toHaveLength(1);

    await expect(
      answerCriteria(store.context, { leadId, answers: [{ key: 'budget', state: 'met' }, { key: 'colour', state: 'met' }] }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    const detail = await getLeadDetail(store.context, leadId);
    expect(detail.qualification.answers.find((answer) => answer.key === 'budget')).toBeUndefined();
    await expect(
      answerCriteria(store.context, { leadId, answers: [{ key: 'budget', state: 'met' }, { key: 'budget', state: 'unmet' }] }),
    ).rejects.toThrow(/answered twice/);
  });
});
