import { displayName, missingForExport, type Lead } from '../../../shared/domain/lead';
import { joinFieldLabels } from '../entry/field-labels';
import { formatCapturedAt } from './format-captured-at';

interface LeadListItemProps {
  lead: Lead;
  onOpen(lead: Lead): void;
}

/** One lead in the list: who, where from, how to reach them, when, and what an export still needs. Click or Enter opens it. */
export function LeadListItem({ lead, onOpen }: LeadListItemProps) {
  const missing = missingForExport(lead);
  const role = [lead.title, lead.company].filter(Boolean).join(' · ');
  const reach = [lead.email, lead.phone || lead.mobile].filter(Boolean);
  return (
    <li className="lead-item-row">
      <button type="button" className="lead-item" data-lead-id={lead.id} onClick={() => onOpen(lead)}>
      <span className="lead-item-main">
        <span className="lead-item-name">
          {displayName(lead)}
          {lead.rating && <span className={`rating-tag rating-tag-${lead.rating.toLowerCase()}`}>{lead.rating}</span>}
        </span>
        {role && <span className="lead-item-role">{role}</span>}
        {reach.length > 0 && <span className="lead-item-reach">{reach.join(' · ')}</span>}
      </span>
      <span className="lead-item-side">
        <time dateTime={lead.capturedAt} title={new Date(lead.capturedAt).toLocaleString()}>
          {formatCapturedAt(lead.capturedAt)}
        </time>
        {lead.status !== 'New' && <span className={`status-badge status-${lead.status.toLowerCase()}`}>{lead.status}</span>}
        {missing.length > 0 && <span className="export-tag">needs {joinFieldLabels(missing)} for export</span>}
      </span>
      </button>
    </li>
  );
}
