import { useState } from 'react';
import { LEAD_RATINGS, type LeadRating } from '../../../shared/domain/lead';
import type { BulkChange } from '../../../shared/domain/review';
import { ErrorBanner } from '../components/ErrorBanner';
import { useAppStore } from '../store/app-store';
import { formatCount } from '../components/date-and-number-format';

const BULK_STATUSES = ['New', 'Working', 'Qualified', 'Unqualified'] as const;
type BulkStatus = (typeof BULK_STATUSES)[number];

/** What to do with the selected leads: set status (Unqualified needs a reason), rating or show; delete after a confirmation naming the count. */
export function BulkActionsBar({ count }: { count: number }) {
  const events = useAppStore((state) => state.events);
  const progress = useAppStore((state) => state.bulkProgress);
  const bulkError = useAppStore((state) => state.bulkError);
  const bulkUpdate = useAppStore((state) => state.bulkUpdate);
  const deleteSelected = useAppStore((state) => state.deleteSelected);
  const cancelBulk = useAppStore((state) => state.cancelBulk);
  const clearSelection = useAppStore((state) => state.clearSelection);
  const [status, setStatus] = useState<BulkStatus | ''>('');
  const [reason, setReason] = useState('');
  const [rating, setRating] = useState<LeadRating | 'none' | ''>('');
  const [eventId, setEventId] = useState('');
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const leads = `${formatCount(count)} ${count === 1 ? 'lead' : 'leads'}`;
  const running = progress !== null;

  async function apply(): Promise<void> {
    const change: BulkChange = {};
    if (status) change.status = status;
    if (status === 'Unqualified') change.unqualifiedReason = reason;
    if (rating) change.rating = rating === 'none' ? null : rating;
    if (eventId) change.eventId = eventId;
    if (await bulkUpdate(change)) {
      setStatus('');
      setReason('');
      setRating('');
      setEventId('');
    }
  }

  if (running) {
    const percent = progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;
    return (
      <div className="bulk-bar" role="region" aria-label="Bulk action">
        <label htmlFor="bulk-progress">{progress.operation === 'delete' ? 'Deleting' : 'Changing'} {leads}…</label>
        <progress id="bulk-progress" max={progress.total || 1} value={progress.done}>
          {percent}%
        </progress>
        <span>
          {formatCount(progress.done)} of {progress.total ? formatCount(progress.total) : '…'}
        </span>
        <button type="button" className="button-quiet" onClick={() => void cancelBulk()}>
          Cancel
        </button>
      </div>
    );
  }

  if (confirmingDelete) {
    return (
      <div className="bulk-bar bulk-confirm" role="alertdialog" aria-labelledby="delete-question">
        <p id="delete-question">
          Delete {leads} for good? Their card photos, notes and timelines go with them. Converted leads are kept.
        </p>
        <button
          type="button"
          className="button-danger"
          autoFocus
          onClick={async () => {
            setConfirmingDelete(false);
            await deleteSelected();
          }}
        >
          Delete {leads}
        </button>
        <button type="button" className="button-quiet" onClick={() => setConfirmingDelete(false)}>
          Keep them
        </button>
      </div>
    );
  }

  const nothingPicked = !status && !rating && !eventId;
  return (
    <>
      <div className="bulk-bar" role="region" aria-label={`Change ${leads}`}>
        <strong className="bulk-count">{leads} selected</strong>
        {/* The choices scroll sideways in a narrow window; the count and the buttons stay in view. */}
        <div className="bulk-choices">
          <div className="field">
            <label htmlFor="bulk-status" className="visually-hidden">Set status</label>
            <select id="bulk-status" value={status} onChange={(event) => setStatus(event.target.value as BulkStatus | '')}>
              <option value="">Status: keep</option>
              {BULK_STATUSES.map((value) => (
                <option key={value} value={value}>
                  {value}
                </option>
              ))}
            </select>
          </div>
          {status === 'Unqualified' && (
            <div className="field">
              <label htmlFor="bulk-reason" className="visually-hidden">Why unqualified</label>
              <input
                id="bulk-reason"
                type="text"
                value={reason}
                placeholder="Why? e.g. No budget"
                aria-invalid={bulkError?.fieldErrors.unqualifiedReason ? true : undefined}
                onChange={(event) => setReason(event.target.value)}
              />
            </div>
          )}
          <div className="field">
            <label htmlFor="bulk-rating" className="visually-hidden">Set rating</label>
            <select id="bulk-rating" value={rating} onChange={(event) => setRating(event.target.value as LeadRating | 'none' | '')}>
              <option value="">Rating: keep</option>
              {LEAD_RATINGS.map((value) => (
                <option key={value} value={value}>
                  {value}
                </option>
              ))}
              <option value="none">Not rated</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="bulk-show" className="visually-hidden">Move to show</label>
            <select id="bulk-show" value={eventId} onChange={(event) => setEventId(event.target.value)}>
              <option value="">Show: keep</option>
              {events.map((event) => (
                <option key={event.id} value={event.id}>
                  {event.name}
                </option>
              ))}
            </select>
          </div>
        </div>
        <button type="button" className="button-primary" disabled={nothingPicked} onClick={() => void apply()}>
          Apply to {leads}
        </button>
        <button type="button" className="button-danger-quiet" onClick={() => setConfirmingDelete(true)}>
          Delete…
        </button>
        <button type="button" className="button-quiet" onClick={clearSelection}>
          Clear selection
        </button>
      </div>
      {/* Below the bar, not in it: the bar stays one line whatever the message's length. */}
      <ErrorBanner message={bulkError?.message ?? null} />
    </>
  );
}
