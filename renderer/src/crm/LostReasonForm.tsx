import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { FieldMessage } from '../components/FieldMessage';

/** Reasons sales teams give most; any other text is fine too. */
const COMMON_LOST_REASONS = ['Price', 'Lost to a competitor', 'No budget', 'No decision', 'Timing', 'Requirements not met'];

interface LostReasonFormProps {
  /** The API's message for the reason, shown under the field. */
  error: string | null;
  saving: boolean;
  onCancel(): void;
  onSubmit(reason: string): Promise<void>;
}

/** "Why was it lost?" before an opportunity moves to Closed Lost. */
export function LostReasonForm({ error, saving, onCancel, onSubmit }: LostReasonFormProps) {
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => inputRef.current?.focus(), []);

  function submit(event: FormEvent): void {
    event.preventDefault();
    if (reason.trim() === '') {
      setMissing(true);
      inputRef.current?.focus();
      return;
    }
    void onSubmit(reason);
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>): void {
    if (event.key !== 'Escape') return;
    // Escape leaves the question, not the page.
    event.preventDefault();
    event.stopPropagation();
    onCancel();
  }

  const message = missing && reason.trim() === '' ? 'Say why it was lost: the team learns from it.' : (error ?? undefined);
  return (
    <form className="lost-reason-form" noValidate onSubmit={submit} onKeyDown={onKeyDown} aria-label="Mark as Closed Lost">
      <div className={`field${message ? ' field-invalid' : ''}`}>
        <label htmlFor="lost-reason">Why was it lost?</label>
        <input
          id="lost-reason"
          ref={inputRef}
          type="text"
          list="lost-reason-choices"
          value={reason}
          maxLength={255}
          aria-invalid={message ? true : undefined}
          aria-describedby="lost-reason-message"
          onChange={(event) => setReason(event.target.value)}
        />
        <datalist id="lost-reason-choices">
          {COMMON_LOST_REASONS.map((choice) => (
            <option key={choice} value={choice} />
          ))}
        </datalist>
        <FieldMessage id="lost-reason-message" error={message} hint="Pick a common reason or type your own." />
      </div>
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={saving}>
          {saving ? 'Saving…' : 'Mark as Closed Lost'}
        </button>
        <button type="button" className="button-quiet" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
