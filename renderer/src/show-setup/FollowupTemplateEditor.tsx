import { useRef, useState } from 'react';
import { DEFAULT_FOLLOWUP_BODY, DEFAULT_FOLLOWUP_SUBJECT, TEMPLATE_PLACEHOLDERS } from '../../../shared/domain/activity';
import type { ShowEvent } from '../../../shared/domain/event';
import { ErrorBanner } from '../components/ErrorBanner';
import { FieldMessage } from '../components/FieldMessage';
import { useAppStore } from '../store/app-store';

const PLACEHOLDER_MEANINGS: Record<(typeof TEMPLATE_PLACEHOLDERS)[number], string> = {
  firstName: 'their first name',
  lastName: 'their last name',
  company: 'their company',
  show: 'the show’s name',
  staffName: 'your name',
};

type TemplateField = 'subject' | 'body';

/** The show's follow-up email: subject and text with placeholders filled in per lead. */
export function FollowupTemplateEditor({ event }: { event: ShowEvent }) {
  const saving = useAppStore((state) => state.templateSaving);
  const error = useAppStore((state) => state.templateError);
  const saveTemplate = useAppStore((state) => state.saveFollowupTemplate);
  // An empty template means the default: show the default so there is something to change.
  const initialSubject = event.followupSubject || DEFAULT_FOLLOWUP_SUBJECT;
  const initialBody = event.followupBody || DEFAULT_FOLLOWUP_BODY;
  const [subject, setSubject] = useState(initialSubject);
  const [body, setBody] = useState(initialBody);
  const [savedNote, setSavedNote] = useState('');
  const subjectRef = useRef<HTMLInputElement>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const lastField = useRef<TemplateField>('body');

  const changed = subject !== initialSubject || body !== initialBody;

  function insert(placeholder: string): void {
    const field = lastField.current === 'subject' ? subjectRef.current : bodyRef.current;
    const setValue = lastField.current === 'subject' ? setSubject : setBody;
    if (!field) return;
    const text = `{${placeholder}}`;
    const start = field.selectionStart ?? field.value.length;
    const end = field.selectionEnd ?? start;
    setValue(field.value.slice(0, start) + text + field.value.slice(end));
    setSavedNote('');
    // Back into the field, the cursor after what was inserted, once React has rendered it.
    requestAnimationFrame(() => {
      field.focus();
      field.setSelectionRange(start + text.length, start + text.length);
    });
  }

  async function save(): Promise<void> {
    setSavedNote('');
    if (await saveTemplate(event.id, { subject, body })) setSavedNote('Saved. Follow-up emails from this show use it now.');
  }

  const fieldErrors = error?.fieldErrors ?? {};
  const placed = ['followupSubject', 'followupBody'];
  const banner = error && !Object.keys(fieldErrors).some((key) => placed.includes(key)) ? error.message : null;
  return (
    <div className="template-editor">
      <div className="placeholder-list">
        <p className="field-hint" id="placeholder-help">
          Placeholders, filled in for each lead (click one to insert it where the cursor is):
        </p>
        <ul aria-describedby="placeholder-help">
          {TEMPLATE_PLACEHOLDERS.map((placeholder) => (
            <li key={placeholder}>
              <button
                type="button"
                className="placeholder-chip"
                aria-label={`Insert {${placeholder}}, ${PLACEHOLDER_MEANINGS[placeholder]}`}
                // Keeps the cursor in the field it was in.
                onMouseDown={(mouse) => mouse.preventDefault()}
                onClick={() => insert(placeholder)}
              >
                <code>{`{${placeholder}}`}</code> {PLACEHOLDER_MEANINGS[placeholder]}
              </button>
            </li>
          ))}
        </ul>
      </div>
      <div className={`field${fieldErrors.followupSubject ? ' field-invalid' : ''}`}>
        <label htmlFor="followup-subject">Subject</label>
        <input
          id="followup-subject"
          ref={subjectRef}
          type="text"
          value={subject}
          aria-invalid={fieldErrors.followupSubject ? true : undefined}
          aria-describedby="followup-subject-message"
          onFocus={() => (lastField.current = 'subject')}
          onChange={(change) => {
            setSubject(change.target.value);
            setSavedNote('');
          }}
        />
        <FieldMessage id="followup-subject-message" error={fieldErrors.followupSubject} />
      </div>
      <div className={`field${fieldErrors.followupBody ? ' field-invalid' : ''}`}>
        <label htmlFor="followup-body">Email</label>
        <textarea
          id="followup-body"
          ref={bodyRef}
          rows={9}
          value={body}
          aria-invalid={fieldErrors.followupBody ? true : undefined}
          aria-describedby="followup-body-message"
          onFocus={() => (lastField.current = 'body')}
          onChange={(change) => {
            setBody(change.target.value);
            setSavedNote('');
          }}
        />
        <FieldMessage id="followup-body-message" error={fieldErrors.followupBody} />
      </div>
      <ErrorBanner message={banner} />
      <div className="form-actions">
        <button type="button" className="button-primary" disabled={saving || !changed} onClick={() => void save()}>
          {saving ? 'Saving…' : 'Save email template'}
        </button>
        {changed && (
          <button
            type="button"
            className="button-quiet"
            onClick={() => {
              setSubject(initialSubject);
              setBody(initialBody);
            }}
          >
            Discard changes
          </button>
        )}
        <p className="save-confirmation" role="status">
          {savedNote}
        </p>
      </div>
    </div>
  );
}
