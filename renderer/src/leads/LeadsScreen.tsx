import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { Lead } from '../../../shared/domain/lead';
import { ErrorBanner } from '../components/ErrorBanner';
import { useAppStore, useAppStoreApi } from '../store/app-store';
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
  const rememberListPosition = useAppStore((state) => state.rememberListPosition);
  const store = useAppStoreApi();
  const searchRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const returning = store.getState().listPosition;
    if (returning) {
      // Back from a lead: the list, its search and its scroll are as they were, and focus is on that lead.
      store.getState().rememberListPosition(null);
      window.scrollTo(0, returning.scrollY);
      document.querySelector<HTMLElement>(`[data-lead-id="${returning.leadId}"]`)?.focus({ preventScroll: true });
      return;
    }
    searchRef.current?.focus();
    // Fresh on every visit, even if a change notification was missed (e.g. the host restarted).
    void loadFirstPage();
  }, [loadFirstPage, store]);

  function openLead(lead: Lead): void {
    rememberListPosition({ leadId: lead.id, scrollY: window.scrollY });
    navigate({ screen: 'lead', leadId: lead.id });
  }

  /** Up and down move between leads, as in any list; Enter opens the one with the focus. */
  function onListKeyDown(event: KeyboardEvent<HTMLOListElement>): void {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('.lead-item')];
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next = buttons[index + (event.key === 'ArrowDown' ? 1 : -1)];
    if (!next) return;
    event.preventDefault();
    next.focus();
  }

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
        <ol className="lead-list" aria-label="Leads, newest first" aria-busy={loading} onKeyDown={onListKeyDown}>
          {items.map((lead) => (
            <LeadListItem key={lead.id} lead={lead} onOpen={openLead} />
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
