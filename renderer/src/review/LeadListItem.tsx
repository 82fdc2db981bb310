import type { MouseEvent } from 'react';
import { displayName, missingForExport, type Lead } from '../../../shared/domain/lead';
import { joinFieldLabels } from '../capture/entry/field-labels';
import { DateTime } from '../components/DateTime';

interface LeadListItemProps {
  lead: Lead;
  index: number;
  selected: boolean;
  possibleDuplicate: boolean;
  /** Plain click or Enter. */
  onOpen(lead: Lead, index: number): void;
  /** The checkbox, Ctrl/Cmd+click or Space. */
  onToggle(index: number): void;
  /** Shift+click. */
  onRange(index: number): void;
}

/**
 * One lead in the list: who, where from, how to reach them, when, and what an export still
 * needs. Click or Enter opens it; the box, Ctrl+click or Space selects it; Shift+click selects a range.
 */
export function LeadListItem({ lead, index, selected, possibleDuplicate, onOpen, onToggle, onRange }: LeadListItemProps) {
  const missing = missingForExport(lead);
  const role = [lead.title, lead.company].filter(Boolean).join(' · ');
  const reach = [lead.email, lead.phone || lead.mobile].filter(Boolean);
  const name = displayName(lead);

  function onClick(event: MouseEvent<HTMLButtonElement>): void {
    if (event.shiftKey) {
      event.preventDefault();
      onRange(index);
    } else if (event.ctrlKey || event.metaKey) {
      event.preventDefault();
      onToggle(index);
    } else {
      onOpen(lead, index);
    }
  }

  return (
    <>
      <input
        type="checkbox"
        className="lead-select"
        aria-label={`Select ${name}`}
        checked={selected}
        tabIndex={-1}
        onChange={() => undefined}
        onClick={(event) => (event.shiftKey ? void onRange(index) : onToggle(index))}
      />
      <button type="button" className="lead-item" data-lead-id={lead.id} data-index={index} onClick={onClick}>
        <span className="lead-item-main">
          <span className="lead-item-name">
            {name}
            {lead.rating && <span className={`rating-tag rating-tag-${lead.rating.toLowerCase()}`}>{lead.rating}</span>}
            {possibleDuplicate && <span className="duplicate-tag">possible duplicate</span>}
          </span>
          {role && <span className="lead-item-role">{role}</span>}
          {reach.length > 0 && <span className="lead-item-reach">{reach.join(' · ')}</span>}
        </span>
        <span className="lead-item-side">
          <DateTime iso={lead.capturedAt} />
          {lead.status !== 'New' && <span className={`status-badge status-${lead.status.toLowerCase()}`}>{lead.status}</span>}
          {missing.length > 0 && <span className="export-tag">needs {joinFieldLabels(missing)} for export</span>}
        </span>
      </button>
    </>
  );
}
