import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { LEAD_CONTACT_FIELDS, type LeadContactField, type LeadPatch } from '../../../shared/domain/lead';
import { FieldMessage } from '../components/FieldMessage';
import { FIELD_LABELS } from '../capture/entry/field-labels';
import { inputTypeOf } from '../capture/entry/field-input-type';
import { useAppStore } from '../store/app-store';
import { NO_FIELD_ERRORS, NO_MISSING_FIELDS } from './empty';

type Values = Record<LeadContactField | 'notes', string>;

/**
 * The lead's contact details and notes, editable with the same checks and messages as at
 * the booth (the contract's). Read-only once the lead is converted.
 */
export function LeadFieldsForm({ onDirtyChange }: { onDirtyChange(dirty: boolean): void }) {
  const lead = useAppStore((state) => state.leadDetail?.lead ?? null);
  const missing = useAppStore((state) => state.leadDetail?.missingForExport ?? NO_MISSING_FIELDS);
  const fieldErrors = useAppStore((state) => state.leadActionError?.fieldErrors ?? NO_FIELD_ERRORS);
  const saving = useAppStore((state) => state.leadSaving);
  const saveLeadChanges = useAppStore((state) => state.saveLeadChanges);
  const stored = useMemo<Values | null>(() => {
    if (!lead) return null;
    const values = { notes: lead.notes } as Values;
    for (const field of LEAD_CONTACT_FIELDS) values[field] = lead[field];
    return values;
  }, [lead]);
  const [values, setValues] = useState<Values | null>(stored);
  const [savedMessage, setSavedMessage] = useState('');

  // A newer version of the lead (saved here or elsewhere) replaces what the form shows, unless the person is editing.
  const dirtyFields = stored && values ? (Object.keys(stored) as Array<keyof Values>).filter((field) => stored[field] !== values[field]) : [];
  const dirty = dirtyFields.length > 0;
  useEffect(() => {
    if (!dirty) setValues(stored);
    // Only a new stored version matters here; `dirty` is read as it was then.
  }, [stored]);
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);

  if (!lead || !values || !stored) return null;
  const readOnly = lead.status === 'Converted';

  async function save(event?: FormEvent): Promise<void> {
    event?.preventDefault();
    if (!values || !stored) return;
    const patch: LeadPatch = {};
    for (const field of dirtyFields) patch[field] = values[field];
    if (Object.keys(patch).length === 0) return;
    if (await saveLeadChanges(patch)) {
      setSavedMessage(`Saved ${dirtyFields.length} change${dirtyFields.length === 1 ? '' : 's'}.`);
      setValues(null); // Take the stored version on the next render.
    }
  }

  return (
    <form className="form-section detail-fields" noValidate aria-labelledby="lead-fields-title" onSubmit={(event) => void save(event)}
      onKeyDown={(event) => {
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void save(event);
      }}
    >
      <div className="section-heading">
        <h2 id="lead-fields-title">Contact details</h2>
        {readOnly ? (
          <span className="section-hint">Converted leads are read-only: change the contact or account instead.</span>
        ) : (
          <span className="section-hint">Change what you need, then Save (or Ctrl+Enter).</span>
        )}
      </div>
      <div className="field-grid">
        {LEAD_CONTACT_FIELDS.map((field) => {
          const error = fieldErrors[field];
          const messageId = `lead-detail-${field}-message`;
          return (
            <div key={field} className={['field', error && 'field-invalid', dirtyFields.includes(field) && 'field-changed'].filter(Boolean).join(' ')}>
              <label htmlFor={`lead-detail-${field}`}>
                {FIELD_LABELS[field]}
                {missing.includes(field) && <span className="export-tag">needed for export</span>}
              </label>
              <input
                id={`lead-detail-${field}`}
                type={inputTypeOf(field)}
                value={values[field]}
                readOnly={readOnly}
                autoComplete="off"
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? messageId : undefined}
                onChange={(event) => {
                  setSavedMessage('');
                  setValues({ ...values, [field]: event.target.value });
                }}
              />
              <FieldMessage id={messageId} error={error} />
            </div>
          );
        })}
        <div className={['field', 'field-wide', fieldErrors.notes && 'field-invalid'].filter(Boolean).join(' ')}>
          <label htmlFor="lead-detail-notes">Notes</label>
          <textarea id="lead-detail-notes" value={values.notes} readOnly={readOnly} onChange={(event) => setValues({ ...values, notes: event.target.value })} />
          <FieldMessage id="lead-detail-notes-message" error={fieldErrors.notes} />
        </div>
      </div>
      {!readOnly && (
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={!dirty || saving}>
            {saving ? 'Saving…' : 'Save changes'}
          </button>
          <button type="button" className="button-quiet" disabled={!dirty || saving} onClick={() => setValues(stored)}>
            Discard changes
          </button>
          <span className="save-note" role="status">
            {dirty ? `${dirtyFields.length} unsaved change${dirtyFields.length === 1 ? '' : 's'}` : savedMessage}
          </span>
        </div>
      )}
    </form>
  );
}
