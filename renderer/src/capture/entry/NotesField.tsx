import { FIELD_LABELS } from './field-labels';
import { FieldMessage } from '../../components/FieldMessage';
import { useAppStore } from '../../store/app-store';
import { leadFieldId, leadFieldMessageId } from '../model/field-ids';

/** Free text; Enter makes a new line here, Ctrl+Enter (Cmd+Enter on a Mac) saves. */
export function NotesField() {
  const value = useAppStore((state) => state.form.notes);
  const error = useAppStore((state) => state.fieldErrors.notes);
  const setField = useAppStore((state) => state.setField);
  const hintId = 'lead-notes-hint';
  return (
    <div className={error ? 'field field-invalid field-wide' : 'field field-wide'}>
      <label htmlFor={leadFieldId('notes')}>{FIELD_LABELS.notes}</label>
      <textarea
        id={leadFieldId('notes')}
        value={value}
        rows={3}
        onChange={(event) => setField('notes', event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? leadFieldMessageId('notes') : hintId}
      />
      {error ? (
        <FieldMessage id={leadFieldMessageId('notes')} error={error} />
      ) : (
        <p id={hintId} className="field-hint">
          What they need, what you promised. <kbd>Ctrl</kbd>+<kbd>Enter</kbd> saves.
        </p>
      )}
    </div>
  );
}
