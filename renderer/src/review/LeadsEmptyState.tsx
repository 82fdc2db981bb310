import { currentEvent } from '../store/session-slice';
import { useAppStore } from '../store/app-store';

interface LeadsEmptyStateProps {
  onNewLead(): void;
}

/** What to do when the list is empty: type the first lead, or search differently. */
export function LeadsEmptyState({ onNewLead }: LeadsEmptyStateProps) {
  const shownQuery = useAppStore((state) => state.shownQuery);
  const scope = useAppStore((state) => state.scope);
  const showName = useAppStore((state) => currentEvent(state)?.name ?? 'this show');
  const setQuery = useAppStore((state) => state.setQuery);
  const setScope = useAppStore((state) => state.setScope);
  const filtered = useAppStore((state) => Object.values(state.filters).some((value) => value !== ''));
  const clearFilters = useAppStore((state) => state.clearFilters);

  if (filtered && shownQuery.trim() === '') {
    return (
      <div className="empty-state">
        <p className="empty-state-title">No lead matches these filters{scope === 'show' ? ` at ${showName}` : ''}.</p>
        <div className="empty-state-actions">
          <button type="button" className="button-quiet" onClick={clearFilters}>
            Clear the filters
          </button>
          {scope === 'show' && (
            <button type="button" className="button-quiet" onClick={() => setScope('all')}>
              Look in all shows
            </button>
          )}
        </div>
      </div>
    );
  }
  if (shownQuery.trim() !== '') {
    return (
      <div className="empty-state">
        <p className="empty-state-title">No lead matches “{shownQuery}”{scope === 'show' ? ` at ${showName}` : ''}.</p>
        <p>Search finds words that start with what you type, in names, company, email and notes. Try fewer letters or check the spelling.</p>
        <div className="empty-state-actions">
          <button type="button" className="button-quiet" onClick={() => setQuery('')}>
            Clear the search
          </button>
          {scope === 'show' && (
            <button type="button" className="button-quiet" onClick={() => setScope('all')}>
              Search all shows
            </button>
          )}
        </div>
      </div>
    );
  }
  return (
    <div className="empty-state">
      <p className="empty-state-title">{scope === 'show' ? `No leads yet at ${showName}.` : 'No leads yet.'}</p>
      <p>Leads you save appear here, newest first.</p>
      <button type="button" className="button-primary" onClick={onNewLead}>
        Type the first lead
      </button>
    </div>
  );
}
