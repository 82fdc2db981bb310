import { useEffect, useRef } from 'react';
import { displayName, type Lead } from '../../../shared/domain/lead';
import { defaultMergeChoices, MERGE_FIELDS, mergeNotes, mergeRefusal, type MergeField } from '../../../shared/domain/merge';
import { ErrorBanner } from '../components/ErrorBanner';
import { leadFieldLabel } from '../../../shared/domain/lead-fields';
import { FIELD_LABELS } from '../capture/entry/field-labels';
import { useAppStore } from '../store/app-store';
import { formatCapturedAt, formatLocalDay } from '../components/date-and-number-format';

/** A registry field by its registry label; the consent (no registry field: a record of its own) as the form calls it. */
function labelOf(field: MergeField): string {
  return field === 'consent' ? FIELD_LABELS.consentGiven : (leadFieldLabel(field) ?? field);
}

function shown(lead: Lead, field: MergeField): string {
  const value = lead[field];
  if (value === null || value === '') return '';
  if (typeof value === 'object') return value.given ? `Given (${formatLocalDay(value.at)})` : 'Refused';
  return String(value);
}

/** Two leads side by side: per field, a radio for each side (the newer non-empty value is picked); one Merge. */
export function MergePanel() {
  const draft = useAppStore((state) => state.mergeDraft);
  const groups = useAppStore((state) => state.duplicateGroups);
  const merging = useAppStore((state) => state.merging);
  const mergeError = useAppStore((state) => state.mergeError);
  const swapMerge = useAppStore((state) => state.swapMerge);
  const choose = useAppStore((state) => state.chooseMergeField);
  const cancel = useAppStore((state) => state.cancelMerge);
  const confirm = useAppStore((state) => state.confirmMerge);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => headingRef.current?.focus(), []);

  const leads = groups?.groups.flatMap((group) => group.leads) ?? [];
  const keep = leads.find((lead) => lead.id === draft?.keepId);
  const other = leads.find((lead) => lead.id === draft?.otherId);
  if (!draft || !keep || !other) return null;

  const defaults = defaultMergeChoices(keep, other);
  const picked = { ...defaults, ...draft.choices };
  const refusal = mergeRefusal(keep, other);
  const differing = MERGE_FIELDS.filter((field) => shown(keep, field) !== shown(other, field));
  const same = MERGE_FIELDS.filter((field) => shown(keep, field) === shown(other, field) && shown(keep, field) !== '');
  const older = keep.capturedAt <= other.capturedAt ? keep : other;

  return (
    <section
      className="merge-panel"
      aria-labelledby="merge-title"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          cancel();
        }
      }}
    >
      <h2 id="merge-title" ref={headingRef} tabIndex={-1}>
        Merge {displayName(other)} into {displayName(keep)}
      </h2>
      <p className="field-hint">
        Pick the value to keep for each field that differs (the newer non-empty one is picked). Both notes, both card photos, the
        activities, the checklist answers and both timelines are kept; the capture time is the older one ({formatCapturedAt(older.capturedAt)},
        by {older.capturedBy}). Merging cannot be undone.
      </p>
      <ErrorBanner message={refusal ?? mergeError} />
      <table className="merge-table">
        <caption className="visually-hidden">Fields of the two leads</caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">
              Kept lead <span className="merge-when">captured {formatCapturedAt(keep.capturedAt)}, changed {formatCapturedAt(keep.updatedAt)}</span>
            </th>
            <th scope="col">
              Merged into it <span className="merge-when">captured {formatCapturedAt(other.capturedAt)}, changed {formatCapturedAt(other.updatedAt)}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {differing.map((field) => (
            <tr key={field}>
              <th scope="row">{labelOf(field)}</th>
              {(['keep', 'other'] as const).map((side) => {
                const lead = side === 'keep' ? keep : other;
                const locked = field === 'status' && keep.status === 'Converted';
                return (
                  <td key={side} className={picked[field] === side ? 'merge-picked' : undefined}>
                    <label className="merge-choice">
                      <input
                        type="radio"
                        name={`merge-${field}`}
                        checked={picked[field] === side}
                        disabled={locked && side === 'other'}
                        onChange={() => choose(field, side)}
                        aria-label={`${labelOf(field)}: ${shown(lead, field) || 'empty'} (${side === 'keep' ? 'kept lead' : 'merged lead'})`}
                      />
                      <span>{shown(lead, field) || <em className="merge-empty">empty</em>}</span>
                    </label>
                  </td>
                );
              })}
            </tr>
          ))}
          <tr>
            <th scope="row">Notes</th>
            <td colSpan={2}>
              <span className="merge-notes">{mergeNotes(keep, other) || <em className="merge-empty">none</em>}</span>
            </td>
          </tr>
        </tbody>
      </table>
      {same.length > 0 && <p className="field-hint">The same on both: {same.map(labelOf).join(', ')}.</p>}
      <div className="merge-actions">
        <button type="button" className="button-primary" disabled={merging || refusal !== null} onClick={() => void confirm()}>
          {merging ? 'Merging…' : `Merge into ${displayName(keep)}`}
        </button>
        <button type="button" className="button-quiet" onClick={swapMerge} disabled={merging}>
          Keep the other lead instead
        </button>
        <button type="button" className="button-quiet" onClick={cancel} disabled={merging}>
          Back to the duplicates
        </button>
      </div>
    </section>
  );
}
