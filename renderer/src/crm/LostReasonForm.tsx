import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { TextField } from '../components/TextField';

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
      <TextField
        id="lost-reason"
        inputRef={inputRef}
        label="Why was it lost?"
        type="text"
        list="lost-reason-choices"
        value={reason}
        onChange={setReason}
        maxLength={255}
        error={message}
        hint="Pick a common reason or type your own."
      >
        <datalist id="lost-reason-choices">
          {COMMON_LOST_REASONS.map((choice) => (
            <option key={choice} value={choice} />
          ))}
        </datalist>
      </TextField>
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
