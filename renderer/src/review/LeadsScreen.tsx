import { useCallback, useEffect, useLayoutEffect, useRef, useState, type CSSProperties } from 'react';
import { ErrorBanner } from '../components/ErrorBanner';
import { useAppStore, useAppStoreApi } from '../store/app-store';
import { BulkActionsBar } from './BulkActionsBar';
import { focusWhenRendered, LeadRows } from './LeadRows';
import { LeadsEmptyState } from './LeadsEmptyState';
import { ReviewFilterBar } from './ReviewFilterBar';
import { ReviewTableHeader } from './ReviewTableHeader';
import { listInWords, sortDescription } from './filter-options';
import { currentEvent } from '../store/session-slice';
import { gridColumns } from './model/review-columns';
import { formatCount } from '../components/date-and-number-format';
import { measureCellRoom, sameCellRoom, type CellRoom } from './cell-text-fit';

/**
 * The manager's review list: search as you type, filters and sort (kept in the store, so a
 * lead opened and closed finds the list as it was), a virtualised list of any length,
 * multi-select and bulk actions, all from the keyboard.
 */
export function LeadsScreen() {
  const navigate = useAppStore((state) => state.navigate);
  const total = useAppStore((state) => state.total);
  const columnLayout = useAppStore((state) => state.columnLayout);
  const selectedIds = useAppStore((state) => state.selectedIds);
  const allMatching = useAppStore((state) => state.allMatching);
  const loading = useAppStore((state) => state.loading);
  const listError = useAppStore((state) => state.listError);
  const sort = useAppStore((state) => state.sort);
  const bulkMessage = useAppStore((state) => state.bulkMessage);
  const forgetNotice = useAppStore((state) => state.forgetNotice);
  const dismissForgetNotice = useAppStore((state) => state.dismissForgetNotice);
  const loadFirstPage = useAppStore((state) => state.loadFirstPage);
  const selectAllMatching = useAppStore((state) => state.selectAllMatching);
  const exportListedLeads = useAppStore((state) => state.exportListedLeads);
  const filters = useAppStore((state) => state.filters);
  const query = useAppStore((state) => state.query);
  const scope = useAppStore((state) => state.scope);
  const show = useAppStore(currentEvent);
  const store = useAppStoreApi();
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const sectionRef = useRef<HTMLElement>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  const [cellRoom, setCellRoom] = useState<CellRoom | null>(null);

  /** The columns' widths as laid out, for the rows to clip only the cells that can overflow. */
  const measureColumns = useCallback(() => {
    const room = measureCellRoom(sectionRef.current?.querySelector<HTMLElement>('.review-head') ?? null);
    setCellRoom((current) => (sameCellRoom(current, room) ? current : room));
  }, []);

  // The list starts below the search, filters and bulk bar, whose height changes with them.
  // Measured when the screen's size changes (anything above the list growing or shrinking
  // changes it; scrolling does not), not after every render: a measure after each scrolled
  // frame's render made the browser lay the page out twice a frame (measured 2026-12-07).
  useLayoutEffect(() => {
    const section = sectionRef.current;
    if (!section) return;
    const measure = () => {
      const top = listRef.current ? listRef.current.getBoundingClientRect().top + window.scrollY : 0;
      setScrollMargin((current) => (Math.abs(top - current) > 0.5 ? top : current));
      measureColumns();
    };
    const observer = new ResizeObserver(measure);
    observer.observe(section);
    return () => observer.disconnect();
  }, [measureColumns]);
  // Columns shown or resized change the cells' room without changing the screen's size.
  useLayoutEffect(measureColumns, [measureColumns, columnLayout]);

  useEffect(() => {
    const returning = store.getState().listPosition;
    if (returning) {
      // Back from a lead: the list, its filter and its scroll are as they were, and focus is on that lead.
      store.getState().rememberListPosition(null);
      window.scrollTo(0, returning.scrollY);
      focusWhenRendered(`[data-lead-id="${returning.leadId}"]`);
      return;
    }
    searchRef.current?.focus();
    // Fresh on every visit, even if a change notification was missed (e.g. the host restarted).
    void loadFirstPage();
  }, [loadFirstPage, store]);

  const selectedCount = allMatching ? total : selectedIds.size;
  const sortText = sortDescription(sort.by, sort.direction);
  const listLabel = sort.by === 'captured' && sort.direction === 'desc' ? 'Leads, newest first' : `Leads, by ${sortText}`;

  // How many and in which order, and "Select all N": at the end of the filter bar's line.
  const summary = (
    <div className="list-status-row">
      <p className="list-status" aria-live="polite">
        {loading ? 'Searching…' : total > 0 ? `${formatCount(total)} ${total === 1 ? 'lead' : 'leads'} · ${sortText}` : ''}
      </p>
      {total > 0 && !allMatching && (
        <button type="button" className="button-quiet" onClick={selectAllMatching} aria-keyshortcuts="Control+A">
          Select all {formatCount(total)}
        </button>
      )}
      {total > 0 && (
        <button
          type="button"
          className="button-quiet"
          title="Export the leads this search and these filters match, as they stand"
          onClick={() => exportListedLeads(listInWords(filters, query, scope === 'show' && show ? show.name : null))}
        >
          Export these {formatCount(total)} {total === 1 ? 'lead' : 'leads'}
        </button>
      )}
    </div>
  );

  return (
    <section ref={sectionRef} className="leads-screen" aria-labelledby="leads-title" style={{ '--review-columns': gridColumns(columnLayout) } as CSSProperties}>
      <h2 id="leads-title" className="visually-hidden">
        Leads
      </h2>
      <ReviewFilterBar searchRef={searchRef} summary={summary} />
      <ErrorBanner message={listError} />
      {bulkMessage && (
        <p className="banner banner-ok" role="status">
          {bulkMessage}
        </p>
      )}
      {forgetNotice && (
        <p className="banner banner-ok" role="status">
          {forgetNotice}{' '}
          <button type="button" className="button-link" onClick={dismissForgetNotice}>
            Dismiss
          </button>
        </p>
      )}
      {selectedCount > 0 && <BulkActionsBar count={selectedCount} />}
      {total > 0 && <ReviewTableHeader />}
      {total > 0 ? (
        <LeadRows listRef={listRef} listLabel={listLabel} scrollMargin={scrollMargin} cellRoom={cellRoom} />
      ) : (
        !loading && !listError && <LeadsEmptyState onNewLead={() => navigate({ screen: 'entry' })} />
      )}
    </section>
  );
}
