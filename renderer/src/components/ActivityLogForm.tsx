import { useState, type FormEvent } from 'react';
import { ACTIVITY_TYPES, type ActivityType } from '../../../shared/domain/activity';
import type { UiError } from '../store/ui-error';
import { ACTIVITY_LABELS } from './ActivityList';
import { ErrorBanner } from './ErrorBanner';
import { FieldMessage } from './FieldMessage';

/** "2026-11-28T14:30" in local time: what <input type="datetime-local"> holds. */
function localNow(): string {
  const now = new Date();
  const shifted = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return shifted.toISOString().slice(0, 16);
}

const FIELDS = ['type', 'occurredAt', 'outcome', 'text'];

interface ActivityInput {
  type: ActivityType;
  occurredAt: string;
  outcome: string;
  text: string;
}

interface ActivityLogFormProps {
  saving: boolean;
  /** The last failure to log, with its per-field messages. */
  error: UiError | null;
  /** Logs it; true when saved (the form then clears). */
  onLog(input: ActivityInput): Promise<boolean>;
}

/** Log a call, email, meeting or note — on a lead or on an opportunity. */
export function ActivityLogForm({ saving, error, onLog }: ActivityLogFormProps) {
  const logActivity = onLog;
  const [type, setType] = useState<ActivityType>('call');
  const [when, setWhen] = useState(localNow);
  const [outcome, setOutcome] = useState('');
  const [text, setText] = useState('');
  const [badDate, setBadDate] = useState(false);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    const occurred = when ? new Date(when) : new Date();
    if (Number.isNaN(occurred.getTime())) {
      setBadDate(true);
      return;
    }
    setBadDate(false);
    const saved = await logActivity({ type, occurredAt: occurred.toISOString(), outcome, text });
    if (saved) {
      setOutcome('');
      setText('');
      setWhen(localNow());
    }
  }

  const fieldErrors = error?.fieldErrors ?? {};
  const otherErrors = Object.entries(fieldErrors)
    .filter(([key]) => !FIELDS.includes(key))
    .map(([, message]) => message);
  const whenError = badDate ? 'Use a date and time, like 28/11/2026 14:30.' : fieldErrors.occurredAt;
  return (
    <form className="activity-form" noValidate onSubmit={(event) => void submit(event)} aria-label="Log an activity">
      <fieldset className={`field${fieldErrors.type ? ' field-invalid' : ''}`}>
        <legend>What happened</legend>
        <div className="rating-choices">
          {ACTIVITY_TYPES.map((choice) => (
            <label key={choice} className="rating-choice">
              <input type="radio" name="activity-type" value={choice} checked={type === choice} onChange={() => setType(choice)} />
              {ACTIVITY_LABELS[choice]}
            </label>
          ))}
        </div>
        <FieldMessage id="activity-type-message" error={fieldErrors.type} />
      </fieldset>
      <div className="field-grid">
        <div className={`field${whenError ? ' field-invalid' : ''}`}>
          <label htmlFor="activity-when">When</label>
          <input
            id="activity-when"
            type="datetime-local"
            value={when}
            aria-invalid={whenError ? true : undefined}
            aria-describedby="activity-when-message"
            onChange={(event) => setWhen(event.target.value)}
          />
          <FieldMessage id="activity-when-message" error={whenError} />
        </div>
        <div className={`field${fieldErrors.outcome ? ' field-invalid' : ''}`}>
          <label htmlFor="activity-outcome">Outcome</label>
          <input
            id="activity-outcome"
            type="text"
            value={outcome}
            maxLength={255}
            placeholder="e.g. Sent the quote"
            aria-invalid={fieldErrors.outcome ? true : undefined}
            aria-describedby="activity-outcome-message"
            onChange={(event) => setOutcome(event.target.value)}
          />
          <FieldMessage id="activity-outcome-message" error={fieldErrors.outcome} />
        </div>
        <div className={`field field-wide${fieldErrors.text ? ' field-invalid' : ''}`}>
          <label htmlFor="activity-text">Notes</label>
          <textarea
            id="activity-text"
            value={text}
            aria-invalid={fieldErrors.text ? true : undefined}
            aria-describedby="activity-text-message"
            onChange={(event) => setText(event.target.value)}
          />
          <FieldMessage id="activity-text-message" error={fieldErrors.text} />
        </div>
      </div>
      <ErrorBanner message={error && (otherErrors.length > 0 || Object.keys(fieldErrors).length === 0) ? error.message : null} />
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={saving}>
          {saving ? 'Saving…' : 'Log activity'}
        </button>
      </div>
    </form>
  );
}
