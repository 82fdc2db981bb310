import { useEffect } from 'react';
import type { ExportFilter } from '../../../shared/domain/exchange';
import { LEAD_STATUSES, type LeadStatus } from '../../../shared/domain/lead';
import { formatCount } from '../components/date-and-number-format';
import { useAppStore } from '../store/app-store';
import type { ExportDraft } from '../store/exchange-slice';
import { currentEvent } from '../store/session-slice';

/**
 * Step 1: which leads go out (this show, every show, the review list's selection or what its
 * filter matched), narrowed, with how many that is. The review list's filter is taken whole:
 * its own status and "exported" choices narrow it, so the export's are not offered with it.
 */
export function ExportLeadsStep({ draft, filter }: { draft: ExportDraft; filter: ExportFilter }) {
  const show = useAppStore(currentEvent);
  const selectedCount = useAppStore((state) => state.selectedIds.size);
  const count = useAppStore((state) => state.exportCount);
  const countLeads = useAppStore((state) => state.countExportLeads);
  const update = useAppStore((state) => state.updateExportDraft);
  const filterKey = JSON.stringify(filter);
  useEffect(() => {
    void countLeads(JSON.parse(filterKey) as ExportFilter);
  }, [countLeads, filterKey]);

  return (
    <div className="flow-step-body">
      <fieldset className="flow-choices">
        <legend>Which leads</legend>
        <label className="flow-choice">
          <input type="radio" name="export-scope" checked={draft.scope === 'show'} onChange={() => update({ scope: 'show' })} disabled={!show} />
          <span>{show ? `This show (${show.name})` : 'This show'}</span>
        </label>
        <label className="flow-choice">
          <input type="radio" name="export-scope" checked={draft.scope === 'all'} onChange={() => update({ scope: 'all' })} />
          <span>All shows</span>
        </label>
        {draft.listed && (
          <label className="flow-choice">
            <input type="radio" name="export-scope" checked={draft.scope === 'listed'} onChange={() => update({ scope: 'listed' })} />
            <span>The review list’s leads {draft.listed.words}</span>
          </label>
        )}
        {selectedCount > 0 && (
          <label className="flow-choice">
            <input type="radio" name="export-scope" checked={draft.scope === 'selection'} onChange={() => update({ scope: 'selection' })} />
            <span>
              The {formatCount(selectedCount)} lead{selectedCount === 1 ? '' : 's'} selected in the review list
            </span>
          </label>
        )}
      </fieldset>
      {draft.scope !== 'listed' && (
        <div className="flow-narrowing">
          <label className="flow-check">
            <input type="checkbox" checked={draft.onlyNew} onChange={(event) => update({ onlyNew: event.target.checked })} /> Only leads not exported yet
          </label>
          <label className="flow-select">
            Status
            <select value={draft.status} onChange={(event) => update({ status: event.target.value as LeadStatus | '' })}>
              <option value="">Any</option>
              {LEAD_STATUSES.map((value) => (
                <option key={value} value={value}>
                  {value}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}
      <div className="flow-actions">
        <p className="flow-count" role="status">
          {count === null ? 'Counting…' : count > 0 ? chosen(count, draft) : nothingChosen(draft)}
        </p>
        <button type="button" className="button-primary" disabled={!count} onClick={() => update({ step: 'format' })}>
          Next: format
        </button>
      </div>
    </div>
  );
}

/** "5 leads chosen.", or for the review list's filter the filter in words: "23 leads at Web Summit 2026: Hot, not exported". */
function chosen(count: number, draft: ExportDraft): string {
  const leads = `${formatCount(count)} lead${count === 1 ? '' : 's'}`;
  return draft.scope === 'listed' && draft.listed ? `${leads} ${draft.listed.words}.` : `${leads} chosen.`;
}

function nothingChosen(draft: ExportDraft): string {
  if (draft.scope === 'listed') return 'The review list’s filter matches no lead any more: nothing to export. Change the filter in the review list.';
  return draft.onlyNew
    ? 'Every lead chosen has been exported already: nothing new to export. Untick “Only leads not exported yet” to export them again.'
    : 'No lead matches this choice: nothing to export.';
}
