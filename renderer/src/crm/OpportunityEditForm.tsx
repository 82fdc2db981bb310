import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { Opportunity } from '../../../shared/domain/crm';
import { isCalendarDate, STAGE_NAMES, type OpportunityStage } from '../../../shared/domain/opportunity';
import { parseAmountInput } from '../components/amount-input';
import { ErrorBanner } from '../components/ErrorBanner';
import { FieldMessage } from '../components/FieldMessage';
import { TextField } from '../components/TextField';
import { useAppStore } from '../store/app-store';
import type { OpportunityEdits } from '../store/opportunity-slice';

interface OpportunityEditFormProps {
  opportunity: Opportunity;
  currency: string;
  onDone(): void;
}

type FieldErrors = Partial<Record<'name' | 'amount' | 'closeDate' | 'stage' | 'lostReason', string>>;

/**
 * An opportunity's name, amount, close date and stage, edited in place. The app checks each
 * field itself (no browser popups) and the API's messages show under the field they are about.
 * Only what changed is sent, so moving to Closed Won with the close date untouched closes it
 * on the day it was won.
 */
export function OpportunityEditForm({ opportunity, currency, onDone }: OpportunityEditFormProps) {
  const saving = useAppStore((state) => state.opportunityEditSaving);
  const apiError = useAppStore((state) => state.opportunityEditError);
  const save = useAppStore((state) => state.saveOpportunityEdits);
  const clearError = useAppStore((state) => state.clearOpportunityEditError);
  const [name, setName] = useState(opportunity.name);
  const [amount, setAmount] = useState(opportunity.amount === null ? '' : String(opportunity.amount));
  const [closeDate, setCloseDate] = useState(opportunity.closeDate);
  const [stage, setStage] = useState<OpportunityStage>(opportunity.stage);
  const [lostReason, setLostReason] = useState(opportunity.lostReason);
  const [ownErrors, setOwnErrors] = useState<FieldErrors>({});
  const nameRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    nameRef.current?.focus();
    return clearError;
  }, [clearError]);

  function check(): { errors: FieldErrors; changes: Partial<OpportunityEdits> } {
    const errors: FieldErrors = {};
    const changes: Partial<OpportunityEdits> = {};
    if (name.trim() === '') errors.name = 'Give the opportunity a name.';
    else if (name.trim() !== opportunity.name) changes.name = name.trim();
    const parsedAmount = parseAmountInput(amount);
    if (parsedAmount === undefined) errors.amount = 'Enter the amount as a number, e.g. 50000.';
    else if (parsedAmount !== null && parsedAmount < 0) errors.amount = 'The amount cannot be negative.';
    else if (parsedAmount !== opportunity.amount) changes.amount = parsedAmount;
    if (!isCalendarDate(closeDate.trim())) errors.closeDate = 'Pick the day it is expected to close.';
    else if (closeDate.trim() !== opportunity.closeDate) changes.closeDate = closeDate.trim();
    if (stage !== opportunity.stage) changes.stage = stage;
    if (stage === 'Closed Lost') {
      if (lostReason.trim() === '') errors.lostReason = 'Say why it was lost: the team learns from it.';
      else if (lostReason.trim() !== opportunity.lostReason) changes.lostReason = lostReason.trim();
    }
    return { errors, changes };
  }

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    const { errors, changes } = check();
    setOwnErrors(errors);
    if (Object.keys(errors).length > 0) return;
    if (Object.keys(changes).length === 0 || (await save(changes))) onDone();
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>): void {
    if (event.key !== 'Escape') return;
    // Escape leaves the form, not the page.
    event.preventDefault();
    event.stopPropagation();
    onDone();
  }

  const errorOf = (field: keyof FieldErrors): string | undefined => ownErrors[field] ?? apiError?.fieldErrors[field];
  const fieldNames = ['name', 'amount', 'closeDate', 'stage', 'lostReason'];
  const generalError = apiError && !fieldNames.some((field) => apiError.fieldErrors[field]) ? apiError.message : null;
  const wonWithoutDate = stage === 'Closed Won' && opportunity.stage !== 'Closed Won' && closeDate === opportunity.closeDate;

  return (
    <form className="opportunity-edit-form" noValidate onSubmit={(event) => void submit(event)} onKeyDown={onKeyDown} aria-label="Edit opportunity">
      <ErrorBanner message={generalError} />
      <div className="opportunity-edit-grid">
        <TextField
          id="opportunity-edit-name"
          className="opportunity-edit-name"
          inputRef={nameRef}
          label="Name"
          type="text"
          maxLength={120}
          value={name}
          onChange={setName}
          error={errorOf('name')}
        />
        <TextField
          id="opportunity-edit-amount"
          label={`Amount (${currency})`}
          type="text"
          inputMode="decimal"
          value={amount}
          onChange={setAmount}
          error={errorOf('amount')}
          hint="Empty: no amount yet."
        />
        <TextField
          id="opportunity-edit-close-date"
          label="Close date"
          type="date"
          value={closeDate}
          onChange={setCloseDate}
          error={errorOf('closeDate')}
          hint={wonWithoutDate ? 'Left as it is, Closed Won sets it to today.' : undefined}
        />
        <div className={`field${errorOf('stage') ? ' field-invalid' : ''}`}>
          <label htmlFor="opportunity-edit-stage">Stage</label>
          <select
            id="opportunity-edit-stage"
            value={stage}
            aria-describedby="opportunity-edit-stage-message"
            onChange={(change) => setStage(change.target.value as OpportunityStage)}
          >
            {STAGE_NAMES.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
          <FieldMessage id="opportunity-edit-stage-message" error={errorOf('stage')} />
        </div>
        {stage === 'Closed Lost' && (
          <TextField
            id="opportunity-edit-lost-reason"
            className="opportunity-edit-name"
            label="Why was it lost?"
            type="text"
            maxLength={255}
            value={lostReason}
            onChange={setLostReason}
            error={errorOf('lostReason')}
          />
        )}
      </div>
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={saving}>
          {saving ? 'Saving…' : 'Save changes'}
        </button>
        <button type="button" className="button-quiet" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
