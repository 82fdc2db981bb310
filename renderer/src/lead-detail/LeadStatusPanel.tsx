import { useEffect, useState } from 'react';
import { LEAD_RATINGS, type LeadRating, type LeadStatus } from '../../../shared/domain/lead';
import { UNQUALIFIED_REASONS } from '../../../shared/domain/qualification';
import { FieldMessage } from '../components/FieldMessage';
import { useAppStore } from '../store/app-store';
import { NO_FIELD_ERRORS } from './empty';

const PICKABLE: Array<Exclude<LeadStatus, 'Converted'>> = ['New', 'Working', 'Qualified', 'Unqualified'];

const STATUS_MEANING: Record<LeadStatus, string> = {
  New: 'contact details received',
  Working: 'someone reached out; interest confirmed',
  Qualified: 'authority to buy confirmed',
  Unqualified: 'not a prospect',
  Converted: 'account, contact and opportunity created',
};

/** Where the lead stands (status, rating, expected close date) and what the checklist suggests. */
export function LeadStatusPanel() {
  const lead = useAppStore((state) => state.leadDetail?.lead ?? null);
  const suggestedStatus = useAppStore((state) => state.leadDetail?.qualification.suggestedStatus ?? null);
  const suggestedRating = useAppStore((state) => state.leadDetail?.qualification.suggestedRating ?? null);
  const fieldErrors = useAppStore((state) => state.leadActionError?.fieldErrors ?? NO_FIELD_ERRORS);
  const saving = useAppStore((state) => state.leadSaving);
  const saveLeadChanges = useAppStore((state) => state.saveLeadChanges);
  const [reasonPick, setReasonPick] = useState<string>(UNQUALIFIED_REASONS[0]);
  const [reasonText, setReasonText] = useState('');
  const [askingReason, setAskingReason] = useState(false);
  const [closeDate, setCloseDate] = useState(lead?.expectedCloseDate ?? '');

  useEffect(() => setCloseDate(lead?.expectedCloseDate ?? ''), [lead?.expectedCloseDate]);
  if (!lead) return null;
  const converted = lead.status === 'Converted';

  function pickStatus(status: Exclude<LeadStatus, 'Converted'>): void {
    if (status === 'Unqualified') {
      setAskingReason(true);
      return;
    }
    setAskingReason(false);
    void saveLeadChanges({ status });
  }

  async function saveUnqualified(): Promise<void> {
    const reason = [reasonPick, reasonText.trim()].filter(Boolean).join(': ');
    if (await saveLeadChanges({ status: 'Unqualified', unqualifiedReason: reason })) setAskingReason(false);
  }

  const suggestion = [
    suggestedStatus && suggestedStatus !== lead.status ? `status ${suggestedStatus}` : null,
    suggestedRating && suggestedRating !== lead.rating ? `rating ${suggestedRating}` : null,
  ].filter(Boolean);

  return (
    <section className="form-section status-panel" aria-labelledby="status-title">
      <div className="section-heading">
        <h2 id="status-title">Status and rating</h2>
        <span className="section-hint">
          {lead.status}: {STATUS_MEANING[lead.status]}
          {lead.status === 'Unqualified' && lead.unqualifiedReason ? ` (${lead.unqualifiedReason})` : ''}
        </span>
      </div>
      <div className="status-row">
        <fieldset className="field">
          <legend>Status</legend>
          <div className="segmented" role="group" aria-label="Status">
            {PICKABLE.map((status) => (
              <button
                key={status}
                type="button"
                className="segment"
                aria-pressed={lead.status === status || (status === 'Unqualified' && askingReason)}
                disabled={converted || saving}
                onClick={() => pickStatus(status)}
              >
                {status}
              </button>
            ))}
            <span className={`segment segment-static${converted ? ' segment-on' : ''}`} title="Only conversion makes a lead Converted">
              Converted
            </span>
          </div>
        </fieldset>
        <fieldset className="field">
          <legend>Rating</legend>
          <div className="segmented" role="group" aria-label="Rating">
            {[...LEAD_RATINGS, null].map((rating: LeadRating | null) => (
              <button
                key={rating ?? 'none'}
                type="button"
                className="segment"
                aria-pressed={lead.rating === rating}
                disabled={converted || saving}
                onClick={() => void saveLeadChanges({ rating })}
              >
                {rating ?? 'Not rated'}
              </button>
            ))}
          </div>
        </fieldset>
        <div className={['field', fieldErrors.expectedCloseDate && 'field-invalid'].filter(Boolean).join(' ')}>
          <label htmlFor="lead-close-date">Expected close date</label>
          <input
            id="lead-close-date"
            type="date"
            value={closeDate}
            disabled={converted}
            onChange={(event) => setCloseDate(event.target.value)}
            onBlur={() => {
              if (closeDate !== lead.expectedCloseDate) void saveLeadChanges({ expectedCloseDate: closeDate });
            }}
          />
          <FieldMessage id="lead-close-date-message" error={fieldErrors.expectedCloseDate} />
        </div>
      </div>
      {askingReason && (
        <div className="unqualified-reason">
          <div className="field">
            <label htmlFor="unqualified-reason">Why is the lead unqualified?</label>
            <select id="unqualified-reason" value={reasonPick} onChange={(event) => setReasonPick(event.target.value)} autoFocus>
              {UNQUALIFIED_REASONS.map((reason) => (
                <option key={reason}>{reason}</option>
              ))}
            </select>
          </div>
          <div className={['field', fieldErrors.unqualifiedReason && 'field-invalid'].filter(Boolean).join(' ')}>
            <label htmlFor="unqualified-detail">In a few words (optional)</label>
            <input id="unqualified-detail" type="text" value={reasonText} onChange={(event) => setReasonText(event.target.value)} />
            <FieldMessage id="unqualified-detail-message" error={fieldErrors.unqualifiedReason} />
          </div>
          <button type="button" className="button-primary" disabled={saving} onClick={() => void saveUnqualified()}>
            Mark Unqualified
          </button>
          <button type="button" className="button-quiet" onClick={() => setAskingReason(false)}>
            Cancel
          </button>
        </div>
      )}
      {!converted && suggestion.length > 0 && (
        <div className="banner banner-info suggestion">
          <span>The checklist suggests {suggestion.join(' and ')}.</span>
          <button
            type="button"
            className="button-quiet"
            disabled={saving}
            onClick={() =>
              void saveLeadChanges({
                ...(suggestedStatus && suggestedStatus !== lead.status && suggestedStatus !== 'Converted' && { status: suggestedStatus }),
                ...(suggestedRating && suggestedRating !== lead.rating && { rating: suggestedRating }),
              })
            }
          >
            Apply
          </button>
        </div>
      )}
    </section>
  );
}
