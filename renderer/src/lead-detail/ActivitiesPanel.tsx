import { useState } from 'react';
import { ActivityList } from '../components/ActivityList';
import { ActivityLogForm } from '../components/ActivityLogForm';
import { useAppStore } from '../store/app-store';
import { openMailDraft, saveTextFile } from './save-text-file';
import { NO_ITEMS } from './empty';

/** Calls, emails, meetings and notes with the person (step 2: someone reached out), and the follow-up email. */
export function ActivitiesPanel() {
  const activities = useAppStore((state) => state.leadDetail?.activities ?? NO_ITEMS);
  const hasEmail = useAppStore((state) => (state.leadDetail?.lead.email ?? '') !== '');
  const mode = useAppStore((state) => state.appInfo?.mode ?? 'browser');
  const saving = useAppStore((state) => state.leadSaving);
  const logLeadActivity = useAppStore((state) => state.logLeadActivity);
  const composeFollowup = useAppStore((state) => state.composeFollowup);
  const recordFollowup = useAppStore((state) => state.recordFollowup);
  const openExternal = useAppStore((state) => state.openExternal);
  const activityError = useAppStore((state) => state.leadActivityError);
  const [followupNote, setFollowupNote] = useState('');

  async function sendFollowup(via: 'mail_client' | 'eml_file'): Promise<void> {
    const email = await composeFollowup();
    if (!email) return;
    if (via === 'eml_file') saveTextFile(email.emlFileName, email.emlText, 'message/rfc822');
    else if (mode === 'electron') await openExternal(email.mailtoUrl);
    else openMailDraft(email.mailtoUrl);
    await recordFollowup(via);
    setFollowupNote(via === 'eml_file' ? `Saved ${email.emlFileName}: open it to send.` : `Opened “${email.subject}” in your mail app.`);
  }

  return (
    <section className="form-section activities" aria-labelledby="activities-title">
      <div className="section-heading">
        <h2 id="activities-title">Activities</h2>
        <span className="section-hint">Log what happened with this person.</span>
      </div>
      <div className="followup-row">
        <span className="followup-label">Follow-up email from the show's template:</span>
        <button type="button" className="button-quiet" disabled={!hasEmail || saving} onClick={() => void sendFollowup('mail_client')}>
          Open in mail app
        </button>
        <button type="button" className="button-quiet" disabled={!hasEmail || saving} onClick={() => void sendFollowup('eml_file')}>
          Save as .eml
        </button>
        {!hasEmail && <span className="section-hint">Add an email address first.</span>}
        <span className="section-hint" role="status">
          {followupNote}
        </span>
      </div>
      <ActivityLogForm saving={saving} error={activityError} onLog={logLeadActivity} />
      <ActivityList activities={activities} />
    </section>
  );
}
