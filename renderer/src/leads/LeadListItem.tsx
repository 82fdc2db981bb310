import { displayName, missingForExport, type Lead } from '../../../shared/domain/lead';
import { joinFieldLabels } from '../entry/field-labels';
import { formatCapturedAt } from './format-captured-at';

/** One lead in the list: who, where from, how to reach them, when, and what an export still needs. */
export function LeadListItem({ lead }: { lead: Lead }) {
  const missing = missingForExport(lead);
  const role = [lead.title, lead.company].filter(Boolean).join(' · ');
  const reach = [lead.email, lead.phone || lead.mobile].filter(Boolean);
  return (
    <li className="lead-item">
      <div className="lead-item-main">
        <p className="lead-item-name">
          {displayName(lead)}
          {lead.rating && <span className={`rating-tag rating-tag-${lead.rating.toLowerCase()}`}>{lead.rating}</span>}
        </p>
        {role && <p className="lead-item-role">{role}</p>}
        {reach.length > 0 && <p className="lead-item-reach">{reach.join(' · ')}</p>}
      </div>
      <div className="lead-item-side">
        <time dateTime={lead.capturedAt} title={new Date(lead.capturedAt).toLocaleString()}>
          {formatCapturedAt(lead.capturedAt)}
        </time>
        {missing.length > 0 && <span className="export-tag">needs {joinFieldLabels(missing)} for export</span>}
      </div>
    </li>
  );
}
