import { useEffect, useState, type FormEvent } from 'react';
import { displayName } from '../../../shared/domain/lead';
import { DEFAULT_STAGE, OPPORTUNITY_STAGES, type OpportunityStage } from '../../../shared/domain/opportunity';
import { FieldMessage } from '../components/FieldMessage';
import { useAppStore } from '../store/app-store';
import { NO_FIELD_ERRORS } from './empty';
import { DateTime } from '../components/DateTime';

const REASON_WORDS = { name: 'same company name', domain: 'same web/email domain', 'similar name': 'similar name' } as const;

/** Converted: what the lead became, with links and Undo. Not yet: the conversion form (Salesforce's LeadConvert). */
export function ConversionPanel() {
  const conversion = useAppStore((state) => state.leadDetail?.conversion ?? null);
  return conversion ? <ConvertedSummary /> : <ConvertForm />;
}

function ConvertedSummary() {
  const conversion = useAppStore((state) => state.leadDetail?.conversion ?? null);
  const navigate = useAppStore((state) => state.navigate);
  const undo = useAppStore((state) => state.undoLeadConversion);
  const saving = useAppStore((state) => state.leadSaving);
  const [confirming, setConfirming] = useState(false);
  if (!conversion) return null;
  return (
    <section className="form-section converted-panel" aria-labelledby="converted-title">
      <div className="section-heading">
        <h2 id="converted-title">Converted{conversion.automatic ? ' automatically' : ''}</h2>
        <span className="section-hint">
          <DateTime iso={conversion.convertedAt} /> by {conversion.convertedBy}. The lead is read-only now.
        </span>
      </div>
      <ul className="converted-links">
        <li>
          Account:{' '}
          <button type="button" className="button-link" onClick={() => navigate({ screen: 'account', accountId: conversion.accountId })}>
            {conversion.accountName}
          </button>
          {conversion.accountCreated ? ' (new)' : ' (existing)'}
        </li>
        <li>
          Contact:{' '}
          <button type="button" className="button-link" onClick={() => navigate({ screen: 'contact', contactId: conversion.contactId })}>
            {conversion.contactName}
          </button>
          {conversion.contactCreated ? ' (new)' : ' (existing)'}
        </li>
        <li>
          Opportunity:{' '}
          {conversion.opportunityId ? (
            <button type="button" className="button-link" onClick={() => navigate({ screen: 'opportunity', opportunityId: conversion.opportunityId as string })}>
              {conversion.opportunityName}
            </button>
          ) : (
            'none created'
          )}
        </li>
      </ul>
      {conversion.undoable ? (
        confirming ? (
          <div className="form-actions">
            <span>Remove what this conversion created and empty the fields it filled?</span>
            <button type="button" className="button-primary" disabled={saving} onClick={() => void undo().then(() => setConfirming(false))}>
              Yes, undo the conversion
            </button>
            <button type="button" className="button-quiet" onClick={() => setConfirming(false)}>
              Keep it
            </button>
          </div>
        ) : (
          <button type="button" className="button-quiet" onClick={() => setConfirming(true)}>
            Undo conversion…
          </button>
        )
      ) : (
        <p className="section-hint">Records of this conversion were exported, so it can no longer be undone.</p>
      )}
    </section>
  );
}

function ConvertForm() {
  const lead = useAppStore((state) => state.leadDetail?.lead ?? null);
  const suggestions = useAppStore((state) => state.conversionSuggestions);
  const loadSuggestions = useAppStore((state) => state.loadConversionSuggestions);
  const convert = useAppStore((state) => state.convertLeadNow);
  const saving = useAppStore((state) => state.leadSaving);
  const fieldErrors = useAppStore((state) => state.leadActionError?.fieldErrors ?? NO_FIELD_ERRORS);
  const [open, setOpen] = useState(false);
  const [accountChoice, setAccountChoice] = useState<string>('new');
  const [contactChoice, setContactChoice] = useState<string>('new');
  const [withOpportunity, setWithOpportunity] = useState(true);
  const [name, setName] = useState('');
  const [stage, setStage] = useState<OpportunityStage>(DEFAULT_STAGE);
  const [closeDate, setCloseDate] = useState('');
  const [amount, setAmount] = useState('');

  useEffect(() => {
    if (open) void loadSuggestions();
  }, [open, loadSuggestions]);

  // Defaults arrive with the suggestions: the best account match is picked, the person can change it.
  useEffect(() => {
    if (!suggestions) return;
    const best = suggestions.accounts.find((suggestion) => suggestion.reason !== 'similar name');
    setAccountChoice(best ? best.account.id : 'new');
    setName(suggestions.defaults.opportunityName);
    setStage(suggestions.defaults.stage);
    setCloseDate(suggestions.defaults.closeDate);
    setAmount(suggestions.defaults.amount === null ? '' : String(suggestions.defaults.amount));
  }, [suggestions]);

  useEffect(() => {
    if (!suggestions || accountChoice === 'new') {
      setContactChoice('new');
      return;
    }
    if (suggestions.contactsOfAccountId !== accountChoice) {
      void loadSuggestions(accountChoice);
      return;
    }
    setContactChoice(suggestions.contacts[0]?.id ?? 'new');
  }, [accountChoice, suggestions, loadSuggestions]);

  if (!lead) return null;
  if (!open) {
    return (
      <section className="form-section convert-teaser" aria-labelledby="convert-title">
        <div className="section-heading">
          <h2 id="convert-title">Convert</h2>
          <span className="section-hint">Qualified? Turn the lead into an account, a contact and an opportunity with a close date.</span>
        </div>
        <div>
          <button type="button" className="button-primary" onClick={() => setOpen(true)}>
            Convert this lead…
          </button>
        </div>
      </section>
    );
  }

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    const parsedAmount = amount.trim() === '' ? null : Number(amount.replace(/[\s,]/g, ''));
    await convert({
      account: accountChoice === 'new' ? { mode: 'new' } : { mode: 'existing', id: accountChoice },
      contact: contactChoice === 'new' ? { mode: 'new' } : { mode: 'existing', id: contactChoice },
      opportunity: withOpportunity ? { name, stage, closeDate, amount: parsedAmount } : null,
    });
  }

  const contacts = suggestions && suggestions.contactsOfAccountId === accountChoice ? suggestions.contacts : [];
  return (
    <form className="form-section convert-form" noValidate aria-labelledby="convert-title" onSubmit={(event) => void submit(event)}>
      <div className="section-heading">
        <h2 id="convert-title">Convert {displayName(lead)}</h2>
        <span className="section-hint">Existing records only get their empty fields filled. All of it is saved together, or nothing.</span>
      </div>
      <fieldset className="field convert-choice">
        <legend>Account</legend>
        {!suggestions && <p className="section-hint">Looking for matching accounts…</p>}
        {suggestions?.accounts.map((suggestion) => (
          <label key={suggestion.account.id} className="choice-row">
            <input type="radio" name="account" value={suggestion.account.id} checked={accountChoice === suggestion.account.id} onChange={() => setAccountChoice(suggestion.account.id)} />
            <span>
              <strong>{suggestion.account.name}</strong> <span className="section-hint">existing · {REASON_WORDS[suggestion.reason]}{suggestion.account.domain ? ` · ${suggestion.account.domain}` : ''}</span>
            </span>
          </label>
        ))}
        <label className="choice-row">
          <input type="radio" name="account" value="new" checked={accountChoice === 'new'} onChange={() => setAccountChoice('new')} />
          <span>
            New account: <strong>{lead.company || `${displayName(lead)} (individual)`}</strong>
          </span>
        </label>
        <FieldMessage id="convert-account-message" error={fieldErrors.account} />
      </fieldset>
      <fieldset className="field convert-choice">
        <legend>Contact</legend>
        {contacts.map((contact) => (
          <label key={contact.id} className="choice-row">
            <input type="radio" name="contact" value={contact.id} checked={contactChoice === contact.id} onChange={() => setContactChoice(contact.id)} />
            <span>
              <strong>{`${contact.firstName} ${contact.lastName}`.trim() || contact.email}</strong> <span className="section-hint">existing · {contact.email}</span>
            </span>
          </label>
        ))}
        <label className="choice-row">
          <input type="radio" name="contact" value="new" checked={contactChoice === 'new'} onChange={() => setContactChoice('new')} />
          <span>
            New contact: <strong>{displayName(lead)}</strong>
          </span>
        </label>
        <FieldMessage id="convert-contact-message" error={fieldErrors.contact} />
      </fieldset>
      <fieldset className="field convert-choice">
        <legend>Opportunity</legend>
        <label className="choice-row">
          <input type="checkbox" checked={!withOpportunity} onChange={(event) => setWithOpportunity(!event.target.checked)} />
          <span>Do not create an opportunity</span>
        </label>
        {withOpportunity && (
          <div className="field-grid">
            <div className={['field', 'field-wide', fieldErrors['opportunity.name'] && 'field-invalid'].filter(Boolean).join(' ')}>
              <label htmlFor="convert-opportunity-name">Opportunity name</label>
              <input id="convert-opportunity-name" type="text" value={name} onChange={(event) => setName(event.target.value)} />
              <FieldMessage id="convert-name-message" error={fieldErrors['opportunity.name']} />
            </div>
            <div className="field">
              <label htmlFor="convert-stage">Stage</label>
              <select id="convert-stage" value={stage} onChange={(event) => setStage(event.target.value as OpportunityStage)}>
                {OPPORTUNITY_STAGES.map((option) => (
                  <option key={option.name} value={option.name}>
                    {option.name} ({option.probability} %)
                  </option>
                ))}
              </select>
            </div>
            <div className={['field', fieldErrors['opportunity.closeDate'] && 'field-invalid'].filter(Boolean).join(' ')}>
              <label htmlFor="convert-close-date">Close date</label>
              <input id="convert-close-date" type="date" aria-required="true" value={closeDate} onChange={(event) => setCloseDate(event.target.value)} />
              <FieldMessage id="convert-close-date-message" error={fieldErrors['opportunity.closeDate']} />
            </div>
            <div className={['field', fieldErrors['opportunity.amount'] && 'field-invalid'].filter(Boolean).join(' ')}>
              <label htmlFor="convert-amount">Amount</label>
              <input id="convert-amount" type="text" inputMode="decimal" value={amount} onChange={(event) => setAmount(event.target.value)} />
              <FieldMessage id="convert-amount-message" error={fieldErrors['opportunity.amount']} />
            </div>
          </div>
        )}
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={saving || !suggestions}>
          {saving ? 'Converting…' : 'Convert'}
        </button>
        <button type="button" className="button-quiet" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
