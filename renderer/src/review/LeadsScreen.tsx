import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import type { Lead } from '../../../shared/domain/lead';
import { ErrorBanner } from '../components/ErrorBanner';
import { useAppStore, useAppStoreApi } from '../store/app-store';
import { leadAt, PAGE_SIZE } from '../store/leads-slice';
import { BulkActionsBar } from './BulkActionsBar';
import { LeadTableRow } from './LeadTableRow';
import { LeadsEmptyState } from './LeadsEmptyState';
import { ReviewFilterBar } from './ReviewFilterBar';
import { ReviewTableHeader } from './ReviewTableHeader';
import { listInWords, sortDescription } from './filter-options';
import { currentEvent } from '../store/session-slice';
import { gridColumns } from './model/review-columns';
import { formatCount } from '../components/date-and-number-format';
import { measureCellRoom, sameCellRoom, type CellRoom } from './cell-text-fit';

/** Every row is this tall (CSS .review-row says the same): a fixed height keeps 100,000 rows cheap to lay out. */
const ROW_HEIGHT = 34;
const PAGE_STEP = 15;
const PREFETCH_ROWS = PAGE_SIZE / 2;

/**
 * The manager's review list: search as you type, filters and sort (kept in the store, so a
 * lead opened and closed finds the list as it was), a virtualised list of any length,
 * multi-select and bulk actions, all from the keyboard.
 */
export function LeadsScreen() {
  const navigate = useAppStore((state) => state.navigate);
  const total = useAppStore((state) => state.total);
  const pages = useAppStore((state) => state.pages);
  const duplicateIds = useAppStore((state) => state.duplicateIds);
  const exportedAt = useAppStore((state) => state.exportedAt);
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
  const ensureRows = useAppStore((state) => state.ensureRows);
  const toggleSelected = useAppStore((state) => state.toggleSelected);
  const selectRange = useAppStore((state) => state.selectRange);
  const selectAllMatching = useAppStore((state) => state.selectAllMatching);
  const clearSelection = useAppStore((state) => state.clearSelection);
  const rememberListPosition = useAppStore((state) => state.rememberListPosition);
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

  const virtualizer = useWindowVirtualizer({
    count: total,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    scrollMargin,
  });

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

  const virtualRows = virtualizer.getVirtualItems();
  const firstRow = virtualRows[0]?.index ?? 0;
  const lastRow = virtualRows[virtualRows.length - 1]?.index ?? 0;
  // Half a page either side is asked for ahead: rows scrolled into view are then already there,
  // not drawn as "Loading…" first and then built a second time with their lead.
  useEffect(() => {
    if (total > 0) void ensureRows(firstRow - PREFETCH_ROWS, lastRow + PREFETCH_ROWS);
  }, [firstRow, lastRow, total, pages, ensureRows]);

  // Stable, so the memoised rows are not drawn again on every scroll frame.
  const openLead = useCallback(
    (lead: Lead) => {
      rememberListPosition({ leadId: lead.id, scrollY: window.scrollY });
      navigate({ screen: 'lead', leadId: lead.id });
    },
    [rememberListPosition, navigate],
  );
  const rangeTo = useCallback((index: number) => void selectRange(index), [selectRange]);

  function focusRow(index: number): void {
    const target = Math.max(0, Math.min(total - 1, index));
    virtualizer.scrollToIndex(target, { align: 'auto' });
    focusWhenRendered(`.lead-item[data-index="${target}"]`);
  }

  function focusedIndex(): number {
    const active = document.activeElement as HTMLElement | null;
    const value = active?.closest<HTMLElement>('.review-row')?.dataset.index;
    return value === undefined ? -1 : Number(value);
  }

  /** Arrows, Page Up/Down, Home/End move; Space selects; Shift extends; Ctrl+A selects the whole filter; Escape clears. */
  function onListKeyDown(event: KeyboardEvent<HTMLOListElement>): void {
    const index = focusedIndex();
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: PAGE_STEP, PageUp: -PAGE_STEP };
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'a') {
      event.preventDefault();
      selectAllMatching();
    } else if (event.key in moves || event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      const next = event.key === 'Home' ? 0 : event.key === 'End' ? total - 1 : index + (moves[event.key] ?? 0);
      focusRow(next);
      if (event.shiftKey) void selectRange(Math.max(0, Math.min(total - 1, next)));
    } else if (event.key === ' ' && index >= 0) {
      event.preventDefault();
      toggleSelected(index);
    } else if (event.key === 'Escape' && (selectedIds.size > 0 || allMatching)) {
      event.preventDefault();
      event.stopPropagation();
      clearSelection();
    }
  }

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
        <ol
          ref={listRef}
          className="lead-list review-list"
          aria-label={listLabel}
          aria-busy={loading}
          onKeyDown={onListKeyDown}
          style={{ height: virtualizer.getTotalSize() }}
        >
          {virtualRows.map((row) => {
            const lead = leadAt(pages, row.index);
            return (
              <li
                key={lead?.id ?? `row-${row.index}`}
                className={`lead-item-row review-row${lead && (allMatching || selectedIds.has(lead.id)) ? ' review-row-selected' : ''}`}
                data-index={row.index}
                aria-posinset={row.index + 1}
                aria-setsize={total}
                style={{ top: row.start - virtualizer.options.scrollMargin }}
              >
                {lead ? (
                  <LeadTableRow
                    lead={lead}
                    index={row.index}
                    columns={columnLayout.visible}
                    cellRoom={cellRoom}
                    exportedAt={exportedAt[lead.id]}
                    selected={allMatching || selectedIds.has(lead.id)}
                    possibleDuplicate={duplicateIds.has(lead.id)}
                    onOpen={openLead}
                    onToggle={toggleSelected}
                    onRange={rangeTo}
                  />
                ) : (
                  <span className="lead-item lead-item-loading">Loading…</span>
                )}
              </li>
            );
          })}
        </ol>
      ) : (
        !loading && !listError && <LeadsEmptyState onNewLead={() => navigate({ screen: 'entry' })} />
      )}
    </section>
  );
}

/** Focuses an element once the virtualiser has rendered it (a frame or two after a scroll). */
function focusWhenRendered(selector: string, attempts = 10): void {
  requestAnimationFrame(() => {
    const element = document.querySelector<HTMLElement>(selector);
    if (element) element.focus({ preventScroll: true });
    else if (attempts > 0) focusWhenRendered(selector, attempts - 1);
  });
}
