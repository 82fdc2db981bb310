import { useState } from 'react';
import { laptopTimeZone, type ShowEvent } from '../../../shared/domain/event';
import { FieldMessage } from '../components/FieldMessage';
import { KnownValuesList } from '../components/KnownValuesList';
import { useAppStore } from '../store/app-store';

/**
 * The show's time zone: the day a lead was captured is written in it (e.g. the Salesforce
 * export's capture date), so a lead scanned at 00:30 in Berlin is not dated the day before.
 */
export function ShowTimeZoneField({ event }: { event: ShowEvent }) {
  const error = useAppStore((state) => state.timeZoneError);
  const save = useAppStore((state) => state.saveShowTimeZone);
  const initial = event.timeZone || laptopTimeZone();
  const [value, setValue] = useState(initial);
  const [savedNote, setSavedNote] = useState('');
  const fieldError = error ? (error.fieldErrors.timeZone ?? error.message) : undefined;

  return (
    <div className={`field${fieldError ? ' field-invalid' : ''}`}>
      <label htmlFor="show-time-zone">Time zone</label>
      <input
        id="show-time-zone"
        type="text"
        list="show-time-zones"
        value={value}
        aria-invalid={fieldError ? true : undefined}
        aria-describedby="show-time-zone-hint show-time-zone-message"
        onChange={(change) => {
          setValue(change.target.value);
          setSavedNote('');
        }}
      />
      <KnownValuesList id="show-time-zones" kind="timeZone" />
      <p className="field-hint" id="show-time-zone-hint">
        {event.timeZone ? 'Where the show takes place.' : 'Not set yet: this laptop’s zone is used.'} Exports date each lead in it.
      </p>
      <FieldMessage id="show-time-zone-message" error={fieldError} />
      <div className="form-actions">
        <button
          type="button"
          className="button-primary"
          disabled={value.trim() === '' || (value === event.timeZone && event.timeZone !== '')}
          onClick={() => void save(event.id, value.trim()).then((ok) => setSavedNote(ok ? `Saved: ${value.trim()}.` : ''))}
        >
          Save time zone
        </button>
        <p className="save-confirmation" role="status">
          {savedNote}
        </p>
      </div>
    </div>
  );
}
