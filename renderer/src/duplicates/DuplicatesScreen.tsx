import { useEffect } from 'react';
import type { DuplicateReason } from '../../../shared/domain/duplicates';
import { displayName, type Lead } from '../../../shared/domain/lead';
import type { DuplicateGroupView } from '../../../shared/ipc/contract';
import { ErrorBanner } from '../components/ErrorBanner';
import { useAppStore } from '../store/app-store';
import type { LeadsScope } from '../store/leads-slice';
import { currentEvent } from '../store/session-slice';
import { MergePanel } from './MergePanel';
import { formatCapturedAt, formatCount } from '../components/date-and-number-format';

const REASON_WORDS: Record<DuplicateReason, string> = {
  email: 'same email',
  'name+company': 'same name and company',
  'name+phone': 'same name and phone number',
  'name+domain': 'same name and email domain',
  badge: 'same badge',
};

/** Why the leads of a group are likely one person, each reason once. */
function groupReasons(group: DuplicateGroupView): string {
  const reasons = new Set(group.links.flatMap((link) => link.reasons));
  return [...reasons].map((reason) => REASON_WORDS[reason]).join(' · ');
}

/** Likely duplicates, grouped, with the reasons; "Compare and merge" opens the side-by-side merge. */
export function DuplicatesScreen() {
  const groups = useAppStore((state) => state.duplicateGroups);
  const scope = useAppStore((state) => state.duplicatesScope);
  const loading = useAppStore((state) => state.duplicatesLoading);
  const error = useAppStore((state) => state.duplicatesError);
  const mergeDraft = useAppStore((state) => state.mergeDraft);
  const mergeMessage = useAppStore((state) => state.mergeMessage);
  const showName = useAppStore((state) => currentEvent(state)?.name ?? 'this show');
  const loadDuplicates = useAppStore((state) => state.loadDuplicates);
  const setScope = useAppStore((state) => state.setDuplicatesScope);
  const startMerge = useAppStore((state) => state.startMerge);

  useEffect(() => {
    void loadDuplicates();
  }, [loadDuplicates]);

  if (mergeDraft) return <MergePanel />;

  return (
    <section className="duplicates-screen" aria-labelledby="duplicates-title">
      <div className="screen-heading">
        <h2 id="duplicates-title">Possible duplicates</h2>
        <div className="field scope-field">
          <label htmlFor="duplicates-scope">Look in</label>
          <select id="duplicates-scope" value={scope} onChange={(event) => setScope(event.target.value as LeadsScope)}>
            <option value="show">{showName}</option>
            <option value="all">All shows</option>
          </select>
        </div>
      </div>
      <ErrorBanner message={error} />
      {mergeMessage && (
        <p className="banner banner-ok" role="status">
          {mergeMessage}
        </p>
      )}
      <p className="list-status" aria-live="polite">
        {loading && !groups
          ? 'Looking for duplicates…'
          : groups
            ? groups.totalGroups === 0
              ? 'No likely duplicates: every lead looks like a different person.'
              : `${formatCount(groups.totalGroups)} ${groups.totalGroups === 1 ? 'group' : 'groups'} · ${formatCount(groups.totalLeads)} leads` +
                (groups.groups.length < groups.totalGroups ? ` · the ${groups.groups.length} largest shown; merge some and more appear` : '')
            : ''}
      </p>
      <ol className="duplicate-groups" aria-label="Groups of likely duplicates">
        {groups?.groups.map((group) => (
          <li key={group.leads.map((lead) => lead.id).join()} className="duplicate-group">
            <p className="duplicate-reasons">
              <strong>{group.leads.length} leads</strong> · {groupReasons(group)}
            </p>
            <ul className="duplicate-members">
              {group.leads.map((lead) => (
                <DuplicateMember key={lead.id} lead={lead} />
              ))}
            </ul>
            <div className="duplicate-actions">
              {pairsOf(group).map(([keep, other]) => (
                <button
                  key={`${keep.id}-${other.id}`}
                  type="button"
                  className="button-primary"
                  aria-label={`Compare and merge ${displayName(keep)} (${formatCapturedAt(keep.capturedAt)}) with ${displayName(other)} (${formatCapturedAt(other.capturedAt)})`}
                  onClick={() => startMerge(keep.id, other.id)}
                >
                  Compare and merge {group.leads.length > 2 ? `${displayName(keep)} (${formatCapturedAt(keep.capturedAt)}) with ${formatCapturedAt(other.capturedAt)}` : ''}
                </button>
              ))}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The pairs to offer: each linked pair once (a group of two is one pair). The newer lead is the default keeper. */
function pairsOf(group: DuplicateGroupView): Array<[Lead, Lead]> {
  const byId = new Map(group.leads.map((lead) => [lead.id, lead]));
  const pairs: Array<[Lead, Lead]> = [];
  for (const link of group.links.slice(0, 4)) {
    const first = byId.get(link.firstId);
    const second = byId.get(link.secondId);
    if (!first || !second) continue;
    pairs.push(first.updatedAt >= second.updatedAt ? [first, second] : [second, first]);
  }
  return pairs;
}

function DuplicateMember({ lead }: { lead: Lead }) {
  const role = [lead.title, lead.company].filter(Boolean).join(' · ');
  const reach = [lead.email, lead.phone || lead.mobile].filter(Boolean).join(' · ');
  return (
    <li className="duplicate-member">
      <span className="lead-item-name">
        {displayName(lead)}
        {lead.rating && <span className={`rating-tag rating-tag-${lead.rating.toLowerCase()}`}>{lead.rating}</span>}
        {lead.status !== 'New' && <span className={`status-badge status-${lead.status.toLowerCase()}`}>{lead.status}</span>}
      </span>
      {role && <span className="lead-item-role">{role}</span>}
      {reach && <span className="lead-item-reach">{reach}</span>}
      <span className="lead-item-reach">
        Captured {formatCapturedAt(lead.capturedAt)} by {lead.capturedBy}
      </span>
    </li>
  );
}
