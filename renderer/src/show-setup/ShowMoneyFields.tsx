import { useState, type FormEvent } from 'react';
import { showCurrency } from '../../../shared/domain/currency';
import type { ShowEvent } from '../../../shared/domain/event';
import { parseAmountInput } from '../components/amount-input';
import { formatAmount } from '../components/date-and-number-format';
import { FieldMessage } from '../components/FieldMessage';
import { KnownValuesList } from '../components/KnownValuesList';
import { useAppStore } from '../store/app-store';

/**
 * The show's currency (its opportunities' amounts, the Salesforce export's CurrencyIsoCode)
 * and its total cost, which the dashboard divides into cost per lead and per won deal.
 */
export function ShowMoneyFields({ event }: { event: ShowEvent }) {
  const apiError = useAppStore((state) => state.moneyError);
  const save = useAppStore((state) => state.saveShowMoney);
  const [currency, setCurrency] = useState(showCurrency(event));
  const [cost, setCost] = useState(event.cost === null ? '' : String(event.cost));
  const [ownErrors, setOwnErrors] = useState<{ currency?: string; cost?: string }>({});
  const [savedNote, setSavedNote] = useState('');

  async function submit(submitEvent: FormEvent): Promise<void> {
    submitEvent.preventDefault();
    setSavedNote('');
    const code = currency.trim().toUpperCase();
    const parsedCost = parseAmountInput(cost);
    const errors: { currency?: string; cost?: string } = {};
    if (!/^[A-Z]{3}$/.test(code)) errors.currency = 'Use the three-letter currency code, e.g. EUR, USD or GBP.';
    if (parsedCost === undefined) errors.cost = 'Enter the cost as a number, e.g. 12500.';
    else if (parsedCost !== null && parsedCost < 0) errors.cost = 'The cost cannot be negative.';
    setOwnErrors(errors);
    if (Object.keys(errors).length > 0 || parsedCost === undefined) return;
    if (await save(event.id, { currency: code, cost: parsedCost })) {
      setCurrency(code);
      setSavedNote(parsedCost === null ? `Saved: amounts in ${code}, no cost entered.` : `Saved: ${formatAmount(parsedCost, code)}.`);
    }
  }

  const currencyError = ownErrors.currency ?? apiError?.fieldErrors.currency;
  const costError = ownErrors.cost ?? apiError?.fieldErrors.cost;
  const generalError = apiError && !apiError.fieldErrors.currency && !apiError.fieldErrors.cost ? apiError.message : undefined;
  return (
    <form noValidate onSubmit={(submitEvent) => void submit(submitEvent)} aria-label="Show money">
      <div className="show-money-fields">
        <div className={`field${currencyError ? ' field-invalid' : ''}`}>
          <label htmlFor="show-currency">Currency</label>
          <input
            id="show-currency"
            type="text"
            list="show-currencies"
            maxLength={3}
            autoComplete="off"
            value={currency}
            aria-invalid={currencyError ? true : undefined}
            aria-describedby="show-currency-message"
            onChange={(change) => setCurrency(change.target.value)}
          />
          <KnownValuesList id="show-currencies" kind="currency" />
          <FieldMessage
            id="show-currency-message"
            error={currencyError}
            hint={event.currency ? 'ISO code, e.g. EUR.' : 'Not set yet: this laptop’s currency is used.'}
          />
        </div>
        <div className={`field${costError ? ' field-invalid' : ''}`}>
          <label htmlFor="show-cost">Total cost of the show</label>
          <input
            id="show-cost"
            type="text"
            inputMode="decimal"
            value={cost}
            aria-invalid={costError ? true : undefined}
            aria-describedby="show-cost-message"
            onChange={(change) => setCost(change.target.value)}
          />
          <FieldMessage id="show-cost-message" error={costError} hint="Stand, travel, staff. Empty: not known yet." />
        </div>
      </div>
      <FieldMessage id="show-money-message" error={generalError} />
      <div className="form-actions">
        <button type="submit" className="button-primary">
          Save currency and cost
        </button>
        <p className="save-confirmation" role="status">
          {savedNote}
        </p>
      </div>
    </form>
  );
}
