import { useEffect, useState } from 'react';
import { DEFAULT_SALESFORCE_PROFILE, type SalesforceProfile } from '../../../shared/domain/exchange';
import { LEAD_STATUSES } from '../../../shared/domain/lead';
import { ErrorBanner } from '../components/ErrorBanner';
import { FieldMessage } from '../components/FieldMessage';
import { useAppStore } from '../store/app-store';

/**
 * The Salesforce org's profile for the Leads CSV: its Lead Status value for each of our
 * statuses and its rule for people never asked for consent. Remembered on this laptop.
 */
export function SalesforceProfileEditor() {
  const saved = useAppStore((state) => state.salesforceProfile);
  const error = useAppStore((state) => state.salesforceProfileError);
  const load = useAppStore((state) => state.loadSalesforceProfile);
  const save = useAppStore((state) => state.saveSalesforceProfile);
  const [draft, setDraft] = useState<SalesforceProfile | null>(null);
  const [savedNote, setSavedNote] = useState('');

  useEffect(() => {
    void load();
  }, [load]);

  const profile = draft ?? saved;
  if (!profile) return error ? <ErrorBanner message={error.message} /> : <p className="list-status">Loading the Salesforce profile…</p>;
  const changed = draft !== null && JSON.stringify(draft) !== JSON.stringify(saved);
  const change = (next: SalesforceProfile) => {
    setDraft(next);
    setSavedNote('');
  };
  const fieldErrors = error?.fieldErrors ?? {};
  async function saveDraft(next: SalesforceProfile): Promise<void> {
    if (!(await save(next))) return;
    setDraft(null);
    setSavedNote('Saved: Salesforce exports from this laptop use it.');
  }

  return (
    <details className="salesforce-profile">
      <summary>Salesforce profile: Lead Status values and consent</summary>
      <p className="field-hint">
        Your org’s Lead Status values (Setup → Object Manager → Lead → Fields → Lead Status). LeadBooth’s own status also goes out in
        LeadBooth_Status__c. Converted leads go out as converted records, not in the Leads CSV.
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">LeadBooth</th>
            <th scope="col">Salesforce Lead Status</th>
          </tr>
        </thead>
        <tbody>
          {LEAD_STATUSES.map((status) => {
            const key = `statusValues.${status}`;
            return (
              <tr key={status}>
                <th scope="row">
                  <label htmlFor={`sf-status-${status}`}>{status}</label>
                </th>
                <td className={fieldErrors[key] ? 'field-invalid' : undefined}>
                  <input
                    id={`sf-status-${status}`}
                    type="text"
                    value={profile.statusValues[status]}
                    placeholder={DEFAULT_SALESFORCE_PROFILE.statusValues[status]}
                    aria-invalid={fieldErrors[key] ? true : undefined}
                    aria-describedby={`sf-status-${status}-message`}
                    onChange={(event) => change({ ...profile, statusValues: { ...profile.statusValues, [status]: event.target.value } })}
                  />
                  <FieldMessage id={`sf-status-${status}-message`} error={fieldErrors[key]} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <label>
        <input
          type="checkbox"
          checked={profile.neverAskedOptedOut}
          onChange={(event) => change({ ...profile, neverAskedOptedOut: event.target.checked })}
        />{' '}
        People never asked for consent are opted out of email (HasOptedOutOfEmail = true)
      </label>
      <div className="form-actions">
        <button
          type="button"
          className="button-primary"
          disabled={!changed}
          onClick={() => void saveDraft(profile)}
        >
          Save profile
        </button>
        <button type="button" className="button-quiet" onClick={() => change(DEFAULT_SALESFORCE_PROFILE)}>
          Salesforce’s defaults
        </button>
        <p className="save-confirmation" role="status">
          {savedNote}
        </p>
      </div>
    </details>
  );
}
