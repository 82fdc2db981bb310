import { useState } from 'react';
import type { ConversionSummary } from '../../../shared/domain/crm';
import { DateTime } from '../components/DateTime';
import { useAppStore } from '../store/app-store';

/** One automatic conversion to check: who, into what, and "Looks right" or "Undo". */
export function ReviewItem({ conversion }: { conversion: ConversionSummary }) {
  const busy = useAppStore((state) => state.reviewBusyId === conversion.id);
  const navigate = useAppStore((state) => state.navigate);
  const markReviewed = useAppStore((state) => state.markReviewed);
  const undo = useAppStore((state) => state.undoReviewedConversion);
  const [confirmingUndo, setConfirmingUndo] = useState(false);

  const made = [
    `${conversion.accountCreated ? 'new account' : 'existing account'} ${conversion.accountName}`,
    `${conversion.contactCreated ? 'new contact' : 'existing contact'}`,
    conversion.opportunityName ? `opportunity “${conversion.opportunityName}”` : 'no opportunity',
  ].join(' · ');
  return (
    <li className="review-item" aria-busy={busy}>
      <div className="review-item-main">
        <button type="button" className="button-link review-lead" onClick={() => navigate({ screen: 'lead', leadId: conversion.leadId })}>
          {conversion.contactName}
        </button>
        <p className="review-made">{made}</p>
        <p className="history-meta">
          Converted <DateTime iso={conversion.convertedAt} />
        </p>
      </div>
      <div className="review-actions">
        {confirmingUndo ? (
          <div className="undo-confirm" role="group" aria-label={`Undo the conversion of ${conversion.contactName}?`}>
            <p>
              Undo? The lead goes back to how it was; what the conversion created is removed
              {conversion.accountCreated ? ', including the new account' : ''}.
            </p>
            <button type="button" className="button-danger" disabled={busy} onClick={() => void undo(conversion)}>
              {busy ? 'Undoing…' : 'Yes, undo it'}
            </button>
            <button type="button" className="button-quiet" disabled={busy} onClick={() => setConfirmingUndo(false)}>
              Keep it
            </button>
          </div>
        ) : (
          <>
            <button type="button" className="button-quiet" disabled={busy} onClick={() => void markReviewed(conversion.id)}>
              ✓ Mark as checked
            </button>
            <button
              type="button"
              className="button-quiet"
              disabled={busy || !conversion.undoable}
              title={conversion.undoable ? undefined : 'Already exported: it can no longer be undone here.'}
              onClick={() => setConfirmingUndo(true)}
            >
              Undo conversion
            </button>
          </>
        )}
      </div>
    </li>
  );
}
