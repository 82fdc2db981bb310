import type { Ref } from 'react';
import { FieldMessage } from '../../components/FieldMessage';
import { ScanFieldHint } from '../scan/ScanFieldHint';
import { scanHintId } from '../scan/scan-hint-id';
import { useAppStore } from '../../store/app-store';
import { FIELD_LABELS } from './field-labels';
import { leadFieldId, leadFieldMessageId } from '../model/field-ids';
import { inputTypeOf, type FieldInputType } from './field-input-type';
import type { LeadFormField } from '../model/lead-form-model';

interface LeadTextFieldProps {
  field: LeadFormField;
  /** By default the field's registry kind's (inputTypeOf). */
  type?: FieldInputType;
  /** Salesforce needs it: shown as a quiet tag, never blocks saving. */
  neededForExport?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  /** The id of the message element that shows this field's error elsewhere (First and Last name: at Name). */
  errorShownAt?: string;
}

/** One single-line field of the lead form, bound to the store by name. */
export function LeadTextField({ field, type = inputTypeOf(field), neededForExport = false, inputRef, errorShownAt }: LeadTextFieldProps) {
  const value = useAppStore((state) => state.form[field]);
  const error = useAppStore((state) => state.fieldErrors[field]);
  const setField = useAppStore((state) => state.setField);
  const scanMark = useAppStore((state) => state.scanMarks[field]?.kind);
  const id = leadFieldId(field);
  const messageId = errorShownAt ?? leadFieldMessageId(field);
  const describedBy = [error && messageId, scanMark && scanHintId(field)].filter(Boolean).join(' ');
  const className = ['field', error && 'field-invalid', scanMark === 'check' && 'field-check'].filter(Boolean).join(' ');

  return (
    <div className={className}>
      <label htmlFor={id}>
        {FIELD_LABELS[field]}
        {neededForExport && <span className="export-tag">needed for export</span>}
      </label>
      <input
        id={id}
        ref={inputRef}
        name={field}
        type={type}
        value={value}
        onChange={(event) => setField(field, event.target.value)}
        // The booth laptop's own address book must not be offered for a visitor's details.
        autoComplete="off"
        spellCheck={type === 'text'}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
      />
      {!errorShownAt && <FieldMessage id={messageId} error={error} />}
      <ScanFieldHint field={field} />
    </div>
  );
}
