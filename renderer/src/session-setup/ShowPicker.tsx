import { FieldMessage } from '../components/FieldMessage';
import { useAppStore } from '../store/app-store';
import { describeShowDates } from '../components/date-and-number-format';

/** The picker's value for "a show that does not exist yet". */
export const NEW_SHOW = 'new';

interface ShowPickerProps {
  picked: string;
  onPick(value: string): void;
  error: string | undefined;
}

/** The shows already known, newest first as the API lists them, and "a new show". Radio buttons: arrow keys work. */
export function ShowPicker({ picked, onPick, error }: ShowPickerProps) {
  const events = useAppStore((state) => state.events);
  return (
    <fieldset className={error ? 'field show-picker field-invalid' : 'field show-picker'} aria-describedby="setup-show-message">
      <legend>
        <span className="step-number">2</span> Which show are you at?
      </legend>
      {events.map((event) => (
        <label key={event.id} className="show-choice">
          <input type="radio" name="show" value={event.id} checked={picked === event.id} onChange={() => onPick(event.id)} />
          <span className="show-choice-name">{event.name}</span>
          <span className="show-choice-details">{[event.location, describeShowDates(event)].filter(Boolean).join(' · ')}</span>
        </label>
      ))}
      <label className="show-choice">
        <input type="radio" name="show" value={NEW_SHOW} checked={picked === NEW_SHOW} onChange={() => onPick(NEW_SHOW)} />
        <span className="show-choice-name">{events.length > 0 ? 'A new show…' : 'A new show (type its name below)'}</span>
      </label>
      <FieldMessage id="setup-show-message" error={error} />
    </fieldset>
  );
}
