import { FieldMessage } from '../../components/FieldMessage';
import { useAppStore } from '../../store/app-store';
import { leadFieldId, leadFieldMessageId } from '../model/field-ids';
import { CONSENT_TICKED, CONSENT_WORDING } from '../model/lead-form-model';

/** The checkbox carries the exact wording as its label: that sentence is what gets stored. */
export function ConsentField() {
  const ticked = useAppStore((state) => state.form.consentGiven === CONSENT_TICKED);
  // The API reports consent problems under "consent" or "consent.wording" / "consent.at".
  const error = useAppStore((state) => state.fieldErrors.consent ?? state.fieldErrors['consent.wording'] ?? state.fieldErrors['consent.at']);
  const setField = useAppStore((state) => state.setField);
  return (
    <div className={error ? 'field field-wide consent-field field-invalid' : 'field field-wide consent-field'}>
      <input
        id={leadFieldId('consentGiven')}
        type="checkbox"
        checked={ticked}
        onChange={(event) => setField('consentGiven', event.target.checked ? CONSENT_TICKED : '')}
        aria-describedby={error ? leadFieldMessageId('consentGiven') : undefined}
      />
      <label htmlFor={leadFieldId('consentGiven')}>
        <span className="consent-title">Marketing consent — read this to the person, tick only if they agree:</span>
        <span className="consent-wording">“{CONSENT_WORDING}”</span>
      </label>
      <FieldMessage id={leadFieldMessageId('consentGiven')} error={error} />
    </div>
  );
}
