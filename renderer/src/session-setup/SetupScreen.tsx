import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ErrorBanner } from '../components/ErrorBanner';
import { FieldMessage } from '../components/FieldMessage';
import { currentEvent } from '../store/session-slice';
import { useAppStore } from '../store/app-store';
import { NewShowFields, EMPTY_NEW_SHOW, type NewShowDraft } from './NewShowFields';
import { ShowPicker, NEW_SHOW } from './ShowPicker';

/** The keys of the fields this screen shows errors next to (the API's names for them). */
const SETUP_FIELD_KEYS = ['staffName', 'eventId', 'name', 'location', 'startsOn', 'endsOn'];

/**
 * First start (no name or no show yet), and later "Change show or name": who is at the
 * booth and which show it is. Every lead records both.
 */
export function SetupScreen() {
  const savedName = useAppStore((state) => state.settings.staffName);
  const currentEventId = useAppStore((state) => currentEvent(state)?.id);
  const hasEvents = useAppStore((state) => state.events.length > 0);
  const setupOpen = useAppStore((state) => state.setupOpen);
  const saving = useAppStore((state) => state.setupSaving);
  const setupError = useAppStore((state) => state.setupError);
  const completeSetup = useAppStore((state) => state.completeSetup);
  const closeSetup = useAppStore((state) => state.closeSetup);

  const [staffName, setStaffName] = useState(savedName);
  const [pickedShow, setPickedShow] = useState<string>(currentEventId ?? (hasEvents ? '' : NEW_SHOW));
  const [newShow, setNewShow] = useState<NewShowDraft>(EMPTY_NEW_SHOW);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const nameRef = useRef<HTMLInputElement>(null);

  useEffect(() => nameRef.current?.focus(), []);

  const fieldErrors = { ...setupError?.fieldErrors, ...localErrors };
  // A message from the API with no field on this screen to sit next to goes in the banner.
  const bannerMessage =
    setupError && Object.keys(setupError.fieldErrors).every((key) => !SETUP_FIELD_KEYS.includes(key)) ? setupError.message : null;

  function forget(key: string): void {
    if (localErrors[key]) setLocalErrors(({ [key]: _fixed, ...rest }) => rest);
  }
  const isChange = setupOpen && savedName !== '' && currentEventId !== undefined;

  async function handleSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    // Checked here too, so the person hears about both missing answers at once.
    const missing: Record<string, string> = {};
    if (staffName.trim() === '') missing.staffName = 'Type your name: every lead records who captured it.';
    if (pickedShow === '') missing.eventId = 'Pick the show you are at, or create a new one.';
    if (pickedShow === NEW_SHOW && newShow.name.trim() === '') missing.name = 'Give the show a name.';
    setLocalErrors(missing);
    if (Object.keys(missing).length > 0) return;
    await completeSetup({
      staffName,
      show: pickedShow === NEW_SHOW ? { kind: 'new', ...newShow } : { kind: 'existing', eventId: pickedShow },
    });
  }

  return (
    <main className="setup-screen">
      <form className="setup-card" aria-labelledby="setup-title" noValidate onSubmit={(event) => void handleSubmit(event)}>
        <h1 id="setup-title">{isChange ? 'Change show or name' : 'Welcome to LeadBooth'}</h1>
        {!isChange && <p className="setup-intro">Two quick questions, then you can start typing leads. Every lead you save remembers both answers.</p>}
        <ErrorBanner message={bannerMessage} />

        <div className={fieldErrors.staffName ? 'field field-invalid' : 'field'}>
          <label htmlFor="setup-staff-name">
            <span className="step-number">1</span> Your name
          </label>
          <input
            id="setup-staff-name"
            ref={nameRef}
            value={staffName}
            autoComplete="name"
            onChange={(event) => {
              setStaffName(event.target.value);
              forget('staffName');
            }}
            aria-invalid={fieldErrors.staffName ? true : undefined}
            aria-describedby="setup-staff-name-message"
          />
          <FieldMessage id="setup-staff-name-message" error={fieldErrors.staffName} hint="Shown on each lead as “captured by”." />
        </div>

        <ShowPicker
          picked={pickedShow}
          onPick={(value) => {
            setPickedShow(value);
            forget('eventId');
          }}
          error={fieldErrors.eventId}
        />
        {pickedShow === NEW_SHOW && (
          <NewShowFields
            value={newShow}
            onChange={(value) => {
              setNewShow(value);
              forget('name');
            }}
            fieldErrors={fieldErrors}
          />
        )}

        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={saving}>
            {saving ? 'Saving…' : isChange ? 'Save and go back' : 'Start capturing leads'}
          </button>
          {isChange && (
            <button type="button" className="button-quiet" onClick={closeSetup}>
              Cancel
            </button>
          )}
        </div>
      </form>
    </main>
  );
}
