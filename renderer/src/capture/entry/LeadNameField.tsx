import { useState, type Ref } from 'react';
import { FieldMessage } from '../../components/FieldMessage';
import { scanHintId } from '../scan/scan-hint-id';
import { useAppStore } from '../../store/app-store';
import { FIELD_LABELS, NAME_FIELD_LABEL } from './field-labels';
import { NAME_FIELD_ID, NAME_MESSAGE_ID, NAME_SPLIT_ID } from '../model/field-ids';
import { NAME_PART_FIELDS, nameErrorText, nameFieldText } from '../model/name-field';

/** Shown for a part the name does not give ("Fischer" has no first name). */
const NO_PART = '—';

/**
 * The person's whole name in one field, as said or printed ("Lena Fischer", "Fischer, Lena"):
 * one field to type instead of two. The line under it shows how it splits into First name and
 * Last name, the fields the lead stores; those stay editable further down the form.
 */
export function LeadNameField({ inputRef }: { inputRef?: Ref<HTMLInputElement> }) {
  const firstName = useAppStore((state) => state.form.firstName);
  const lastName = useAppStore((state) => state.form.lastName);
  const firstNameError = useAppStore((state) => state.fieldErrors.firstName);
  const lastNameError = useAppStore((state) => state.fieldErrors.lastName);
  const firstNameMark = useAppStore((state) => state.scanMarks.firstName?.kind);
  const lastNameMark = useAppStore((state) => state.scanMarks.lastName?.kind);
  const setName = useAppStore((state) => state.setName);
  // What the person typed here, kept so "Fischer, Lena" is not rewritten to "Lena Fischer" as they type.
  const [typed, setTyped] = useState<string | null>(null);

  const shown = nameFieldText(typed, { firstName, lastName });
  const error = nameErrorText({ firstName: firstNameError, lastName: lastNameError }, FIELD_LABELS);
  // The scan's hints sit under First name and Last name; the Name field points at them too.
  const marks = { firstName: firstNameMark, lastName: lastNameMark };
  const scanHints = NAME_PART_FIELDS.filter((field) => marks[field] !== undefined).map(scanHintId);
  const describedBy = [error && NAME_MESSAGE_ID, NAME_SPLIT_ID, ...scanHints].filter(Boolean).join(' ');
  const toCheck = firstNameMark === 'check' || lastNameMark === 'check';
  const className = ['field', 'name-field', error && 'field-invalid', toCheck && 'field-check'].filter(Boolean).join(' ');

  return (
    <div className={className}>
      <label htmlFor={NAME_FIELD_ID}>
        {NAME_FIELD_LABEL}
        <span className="export-tag">needed for export</span>
      </label>
      <input
        id={NAME_FIELD_ID}
        ref={inputRef}
        name="name"
        type="text"
        value={shown}
        onChange={(event) => {
          setTyped(event.target.value);
          setName(event.target.value);
        }}
        // The booth laptop's own address book must not be offered for a visitor's details.
        autoComplete="off"
        // Names are not dictionary words: a red underline under most of them would only distract.
        spellCheck={false}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
      <FieldMessage id={NAME_MESSAGE_ID} error={error} />
      <p id={NAME_SPLIT_ID} className="field-hint name-split">
        {firstName === '' && lastName === '' ? (
          <>e.g. “Lena Fischer” or “Fischer, Lena”</>
        ) : (
          <>
            <span className="name-part">
              {FIELD_LABELS.firstName} <strong>{firstName || NO_PART}</strong>
            </span>{' '}
            ·{' '}
            <span className="name-part">
              {FIELD_LABELS.lastName} <strong>{lastName || NO_PART}</strong>
            </span>
          </>
        )}
      </p>
    </div>
  );
}
