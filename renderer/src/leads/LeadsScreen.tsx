import { useEffect, useRef } from 'react';
import { ErrorBanner } from '../components/ErrorBanner';
import { useAppStore } from '../store/app-store';
import { LeadListItem } from './LeadListItem';
import { LeadsEmptyState } from './LeadsEmptyState';
import { LeadsSearchBar } from './LeadsSearchBar';

/** Every lead captured, newest first, with search as you type. */
export function LeadsScreen() {
  const navigate = useAppStore((state) => state.navigate);
  const items = useAppStore((state) => state.items);
  const loading = useAppStore((state) => state.loading);
  const loadingMore = useAppStore((state) => state.loadingMore);
  const hasMore = useAppStore((state) => state.nextCursor !== null);
  const listError = useAppStore((state) => state.listError);
  const loadMore = useAppStore((state) => state.loadMore);
  const loadFirstPage = useAppStore((state) => state.loadFirstPage);
  const searchRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    searchRef.current?.focus();
    // Fresh on every visit, even if a change notification was missed (e.g. the host restarted).
    void loadFirstPage();
  }, [loadFirstPage]);

  return (
    <section className="leads-screen" aria-labelledby="leads-title">
      <h2 id="leads-title" className="visually-hidden">
        Leads
      </h2>
      <LeadsSearchBar inputRef={searchRef} />
      <ErrorBanner message={listError} />
      <p className="list-status" aria-live="polite">
        {loading ? 'Searching…' : items.length > 0 ? `Newest first · ${items.length}${hasMore ? '+' : ''} shown` : ''}
      </p>
      {items.length > 0 ? (
        <ol className="lead-list" aria-label="Leads, newest first" aria-busy={loading}>
          {items.map((lead) => (
            <LeadListItem key={lead.id} lead={lead} />
          ))}
        </ol>
      ) : (
        !loading && !listError && <LeadsEmptyState onNewLead={() => navigate({ screen: 'entry' })} />
      )}
      {hasMore && (
        <button type="button" className="button-quiet load-more" onClick={() => void loadMore()} disabled={loadingMore}>
          {loadingMore ? 'Loading…' : 'Load more'}
        </button>
      )}
    </section>
  );
}
