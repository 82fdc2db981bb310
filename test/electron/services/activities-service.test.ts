import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordFollowup } from '../../../electron/services/activities-service';
import { createEvent } from '../../../electron/services/events-service';
import { getLeadDetail } from '../../../electron/services/lead-detail-service';
import { createLead } from '../../../electron/services/leads-service';
import { setStaffName } from '../../../electron/services/settings-service';
import { describeTimelineEntry } from '../../../shared/domain/timeline';
import { openTempStore, steppingClock, type TempStore } from '../../support/temp-database';

let store: TempStore;
beforeEach(async () => {
  store = await openTempStore({ clock: steppingClock() });
  await setStaffName(store.context, 'Jo Booth');
  await createEvent(store.context, { name: 'Web Summit 2026' });
});
afterEach(() => store.dispose());

describe('recordFollowup', () => {
  it('logs a saved .eml as drafted, never as sent, once per save', async () => {
    const { lead } = await createLead(store.context, { firstName: 'Lena', lastName: 'Fischer', email: 'lena@fischer.example' });
    await recordFollowup(store.context, lead.id, 'eml_file');
    await recordFollowup(store.context, lead.id, 'eml_file');

    const detail = await getLeadDetail(store.context, lead.id);
    // Two saves are two drafts: each is logged, and none says "sent".
    expect(detail.activities.map((activity) => [activity.type, activity.outcome])).toEqual([
      ['email', 'Follow-up drafted (.eml)'],
      ['email', 'Follow-up drafted (.eml)'],
    ]);
    const lines = detail.timeline.map(describeTimelineEntry);
    expect(lines.filter((line) => line.includes('drafted as an .eml file'))).toHaveLength(2);
    expect(lines.join('\n')).not.toMatch(/\bsent\b(?! by LeadBooth)/i);
    expect(lines.join('\n')).not.toMatch(/Follow-up sent/);
  });

  it('logs a draft opened in the mail app as drafted too', async () => {
    const { lead } = await createLead(store.context, { lastName: 'Fischer', email: 'lena@fischer.example' });
    const activity = await recordFollowup(store.context, lead.id, 'mail_client');
    expect(activity.outcome).toBe('Follow-up drafted (mail app)');
  });
});
