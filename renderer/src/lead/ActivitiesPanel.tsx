import { useState, type FormEvent } from 'react';
import { ACTIVITY_TYPES, type ActivityType } from '../../../shared/domain/activity';
import { formatCapturedAt } from '../leads/format-captured-at';
import { useAppStore } from '../store/app-store';
import { openMailDraft, saveTextFile } from './save-text-file';
import { NO_ITEMS } from './empty';

const TYPE_LABELS: Record<ActivityType, string> = { call: 'Call', email: 'Email', meeting: 'Meeting', note: 'Note' };

/** Now, as the value of a datetime-local input (local time, minutes). */
function localNow(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

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
  const [type, setType] = useState<ActivityType>('call');
  const [outcome, setOutcome] = useState('');
  const [text, setText] = useState('');
  const [when, setWhen] = useState(localNow);
  const [followupNote, setFollowupNote] = useState('');

  async function log(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (!outcome.trim() && !text.trim()) return;
    const occurredAt = when ? new Date(when).toISOString() : undefined;
    if (await logLeadActivity({ type, outcome, text, ...(occurredAt && { occurredAt }) })) {
      setOutcome('');
      setText('');
      setWhen(localNow());
    }
  }

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
      <form className="activity-form" onSubmit={(event) => void log(event)} aria-label="Log an activity">
        <div className="field">
          <label htmlFor="activity-type">Type</label>
          <select id="activity-type" value={type} onChange={(event) => setType(event.target.value as ActivityType)}>
            {ACTIVITY_TYPES.map((activityType) => (
              <option key={activityType} value={activityType}>
                {TYPE_LABELS[activityType]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="activity-when">When</label>
          <input id="activity-when" type="datetime-local" value={when} onChange={(event) => setWhen(event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="activity-outcome">Outcome</label>
          <input id="activity-outcome" type="text" placeholder="e.g. Interested, wants a demo" value={outcome} onChange={(event) => setOutcome(event.target.value)} />
        </div>
        <div className="field field-wide">
          <label htmlFor="activity-text">What was said</label>
          <textarea id="activity-text" value={text} onChange={(event) => setText(event.target.value)} />
        </div>
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={saving || (!outcome.trim() && !text.trim())}>
            Log {TYPE_LABELS[type].toLowerCase()}
          </button>
        </div>
      </form>
      {activities.length > 0 && (
        <ol className="activity-list" aria-label="Activities, newest first">
          {activities.map((activity) => (
            <li key={activity.id} className="activity-item">
              <span className="activity-type">{TYPE_LABELS[activity.type]}</span>
              <time dateTime={activity.occurredAt} title={new Date(activity.occurredAt).toLocaleString()}>
                {formatCapturedAt(activity.occurredAt)}
              </time>
              <span className="activity-by">{activity.createdBy}</span>
              {activity.outcome && <p className="activity-outcome">{activity.outcome}</p>}
              {activity.text && <p className="activity-text">{activity.text}</p>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
