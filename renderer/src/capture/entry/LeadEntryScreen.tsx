import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { FIELDS_NEEDED_FOR_EXPORT } from '../../../../shared/domain/lead';
import { ErrorBanner } from '../../components/ErrorBanner';
import { BadgeArea } from '../badge/BadgeArea';
import { CaptureQueuePanel } from '../queue/CaptureQueuePanel';
import { CardDropZone } from '../scan/CardDropZone';
import { CardPhotoPanel } from '../scan/CardPhotoPanel';
import { CardScanArea } from '../scan/CardScanArea';
import { useAppStore, useAppStoreApi } from '../../store/app-store';
import { BoothQuestions } from './BoothQuestions';
import { ConsentField } from './ConsentField';
import { NAME_FIELD_ID, NAME_MESSAGE_ID } from '../model/field-ids';
import { isLeadFormField } from '../model/lead-form-model';
import { FIELD_ORDER_FOR_FOCUS, focusIdForField, orphanFieldErrors, PERSON_SECTION_FIELDS } from '../model/field-order';
import { LeadNameField } from './LeadNameField';
import { NAME_FIELD, type FieldOnScreen } from '../model/name-field';
import { LeadSourceField } from './LeadSourceField';
import { LeadTextField } from './LeadTextField';
import { MoreDetailsSection } from './MoreDetailsSection';
import { NotesField } from './NotesField';
import { RatingField } from './RatingField';
import { SaveConfirmation } from './SaveConfirmation';
import { DraftNotice } from './DraftNotice';
import { SaveWaitingNotice } from './SaveWaitingNotice';
import { DuplicateWarning } from './DuplicateWarning';

/** True for the keys that save: Enter in a single-line field, Ctrl/Cmd+Enter in the notes. */
function isSaveKey(event: KeyboardEvent<HTMLFormElement>): boolean {
  if (event.key !== 'Enter' || event.nativeEvent.isComposing) return false;
  const target = event.target;
  if (target instanceof HTMLTextAreaElement) return event.ctrlKey || event.metaKey;
  return target instanceof HTMLInputElement || target instanceof HTMLSelectElement;
}

/** The field an element edits (its id is leadFieldId(field), or the Name field's), or null. */
function fieldOnScreenOf(target: EventTarget): FieldOnScreen | null {
  if (!(target instanceof HTMLElement)) return null;
  if (target.id === NAME_FIELD_ID) return NAME_FIELD;
  if (!target.id.startsWith('lead-')) return null;
  const name = target.id.slice('lead-'.length);
  return isLeadFormField(name) ? name : null;
}

/** True while the person is typing in a field of the form: a scan landing then must not take the focus away. */
function isTypingIn(form: HTMLFormElement | null): boolean {
  const active = document.activeElement;
  if (!form || !active || !form.contains(active)) return false;
  if (active instanceof HTMLTextAreaElement || active instanceof HTMLSelectElement) return true;
  return active instanceof HTMLInputElement && !['file', 'button', 'submit', 'checkbox', 'radio'].includes(active.type);
}

/** The booth screen: type a person's details, press Enter, the form is ready for the next one. */
export function LeadEntryScreen() {
  const store = useAppStoreApi();
  const saveLead = useAppStore((state) => state.saveLead);
  const clearForm = useAppStore((state) => state.clearForm);
  const swapField = useAppStore((state) => state.swapField);
  const setReviewField = useAppStore((state) => state.setReviewField);
  const saving = useAppStore((state) => state.saving);
  const entryError = useAppStore((state) => state.entryError);
  const orphanErrors = useAppStore(useShallow((state) => orphanFieldErrors(state.fieldErrors)));
  const firstFieldRef = useRef<HTMLInputElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const scanFocus = useAppStore((state) => state.scanFocus);
  // Focus moves after React has drawn the result of a save (an error may open a folded section).
  // Where the webcam draws its live picture: the column beside the fields (a state, so the webcam redraws once it exists).
  const [sideSlot, setSideSlot] = useState<HTMLDivElement | null>(null);
  const [focusRequest, setFocusRequest] = useState<{ id: string; serial: number } | null>(null);

  useEffect(() => {
    firstFieldRef.current?.focus();
  }, []);

  useEffect(() => {
    if (focusRequest) document.getElementById(focusRequest.id)?.focus();
  }, [focusRequest]);

  // A card landed (picked, queued or from the webcam): the focus leaves the scan button for
  // the field to check first, so Enter saves the lead instead of opening the picker again.
  // Not while the person is typing in the form: their field keeps the focus.
  useEffect(() => {
    if (!scanFocus || isTypingIn(formRef.current)) return;
    document.getElementById(focusIdForField(scanFocus.field))?.focus();
  }, [scanFocus]);

  async function save(): Promise<void> {
    const saved = await saveLead();
    const { fieldErrors } = store.getState();
    const firstInvalid = FIELD_ORDER_FOR_FOCUS.find((field) => fieldErrors[field] !== undefined);
    if (!saved && !firstInvalid) return; // A general error: the banner says it, focus stays where the person is.
    const id = saved || !firstInvalid ? NAME_FIELD_ID : focusIdForField(firstInvalid);
    setFocusRequest((previous) => ({ id, serial: (previous?.serial ?? 0) + 1 }));
  }

  function handleKeyDown(event: KeyboardEvent<HTMLFormElement>): void {
    const field = fieldOnScreenOf(event.target);
    // Alt+X: swap the field with its usual mix-up partner (in Name: first and last name); the focus stays.
    if (event.altKey && !event.ctrlKey && !event.metaKey && event.key.toLowerCase() === 'x' && field) {
      if (swapField(field === NAME_FIELD ? 'firstName' : field)) event.preventDefault();
      return;
    }
    if (!isSaveKey(event)) return;
    event.preventDefault();
    void save();
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    void save();
  }

  return (
    <CardDropZone>
      <form
        ref={formRef}
        className="lead-form"
        aria-label="New lead"
        noValidate
        onKeyDown={handleKeyDown}
        onSubmit={handleSubmit}
        // The focused field's box is outlined on the card beside the form.
        onFocus={(event) => setReviewField(fieldOnScreenOf(event.target))}
        onBlur={() => setReviewField(null)}
      >
        {/* A toast over the page (fixed), so it never pushes the form down. */}
        <SaveConfirmation />
        <div className="form-messages">
          <DraftNotice />
          <SaveWaitingNotice />
          <ErrorBanner message={entryError} details={orphanErrors} />
          <DuplicateWarning />
        </div>

        <div className="capture-strip">
          <CardScanArea webcamSlot={sideSlot} />
          <BadgeArea />
        </div>
        <CaptureQueuePanel />

        {/* The fields and, beside them, what fills them: the card photo (with where each field was read) or the webcam. */}
        <div className="entry-columns">
          <div className="entry-fields">
            <section className="form-section" aria-labelledby="section-person">
              <div className="section-heading">
                <h2 id="section-person">Person</h2>
                <p className="section-hint">
                  Name, <kbd>Tab</kbd>, company, <kbd>Tab</kbd>, email, <kbd>Enter</kbd> saves.{' '}
                  <span title="first and last name, phone and mobile, or title and company">
                    <kbd>Alt</kbd>+<kbd>X</kbd> swaps a mixed-up pair.
                  </span>
                </p>
              </div>
              <div className="field-grid">
                <LeadNameField inputRef={firstFieldRef} />
                {PERSON_SECTION_FIELDS.map((field) => (
                  <LeadTextField key={field} field={field} neededForExport={(FIELDS_NEEDED_FOR_EXPORT as readonly string[]).includes(field)} />
                ))}
                {/* What Name splits into, to correct a split; their errors are shown at Name. */}
                <LeadTextField field="firstName" errorShownAt={NAME_MESSAGE_ID} />
                <LeadTextField field="lastName" neededForExport errorShownAt={NAME_MESSAGE_ID} />
              </div>
              <MoreDetailsSection />
            </section>

            <section className="form-section" aria-labelledby="section-follow-up">
              <h2 id="section-follow-up">Follow-up</h2>
              <div className="field-grid follow-up-grid">
                <LeadSourceField />
                <RatingField />
                <NotesField />
                <BoothQuestions />
                <ConsentField />
              </div>
            </section>

            <div className="form-actions">
              <button type="submit" className="button-primary" disabled={saving}>
                {saving ? 'Saving…' : 'Save lead'}
              </button>
              <span className="form-actions-hint">
                or press <kbd>Enter</kbd> in any field
              </span>
              <button
                type="button"
                className="button-quiet"
                onClick={() => {
                  clearForm();
                  firstFieldRef.current?.focus();
                }}
              >
                Clear form
              </button>
            </div>
          </div>
          <div className="entry-side" ref={setSideSlot}>
            <CardPhotoPanel />
          </div>
        </div>
      </form>
    </CardDropZone>
  );
}
