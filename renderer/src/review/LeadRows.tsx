import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useRef, type KeyboardEvent, type RefObject } from 'react';
import type { Lead } from '../../../shared/domain/lead';
import { useAppStore } from '../store/app-store';
import { leadAt, PAGE_SIZE } from '../store/leads-slice';
import type { CellRoom } from './cell-text-fit';
import { LeadTableRow } from './LeadTableRow';
import { rowSlot, slotCountFor, slottedIndexes, type VisibleRange } from './model/row-slots';

/** Every row is this tall (CSS .review-row says the same): a fixed height keeps 100,000 rows cheap to lay out. */
const ROW_HEIGHT = 34;
const PAGE_STEP = 15;
const PREFETCH_ROWS = PAGE_SIZE / 2;

interface LeadRowsProps {
  listRef: RefObject<HTMLOListElement | null>;
  listLabel: string;
  /** Where the list starts on the page (the virtualiser places rows from there). */
  scrollMargin: number;
  cellRoom: CellRoom | null;
}

/**
 * The review table's rows: virtualised over the window's scroll, fetched a page at a time as
 * they come near, with the list's keyboard (arrows, Page Up/Down, Home/End, Space, Shift,
 * Ctrl+A, Escape). Its own component so that a scrolled frame renders the rows only, not the
 * bar, chips and headings above them.
 */
export function LeadRows({ listRef, listLabel, scrollMargin, cellRoom }: LeadRowsProps) {
  const navigate = useAppStore((state) => state.navigate);
  const total = useAppStore((state) => state.total);
  const pages = useAppStore((state) => state.pages);
  const duplicateIds = useAppStore((state) => state.duplicateIds);
  const exportedAt = useAppStore((state) => state.exportedAt);
  const columns = useAppStore((state) => state.columnLayout.visible);
  const selectedIds = useAppStore((state) => state.selectedIds);
  const allMatching = useAppStore((state) => state.allMatching);
  const loading = useAppStore((state) => state.loading);
  const ensureRows = useAppStore((state) => state.ensureRows);
  const toggleSelected = useAppStore((state) => state.toggleSelected);
  const selectRange = useAppStore((state) => state.selectRange);
  const selectAllMatching = useAppStore((state) => state.selectAllMatching);
  const clearSelection = useAppStore((state) => state.clearSelection);
  const rememberListPosition = useAppStore((state) => state.rememberListPosition);

  // Rows are keyed by slot (model/row-slots.ts): scrolling re-fills the rows that leave with the
  // leads that come into view instead of building new ones.
  const slotCount = useRef(0);
  const rangeExtractor = useCallback((range: VisibleRange) => {
    slotCount.current = slotCountFor(range, window.innerHeight, ROW_HEIGHT, slotCount.current);
    return slottedIndexes(range, slotCount.current);
  }, []);
  const virtualizer = useWindowVirtualizer({
    count: total,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    scrollMargin,
    rangeExtractor,
  });

  // A row whose slot now shows another lead must not keep the focus it had for its old lead
  // (Enter would open the wrong one): focus goes to the list itself, which keeps the keys — a
  // held Page Down whose row has not arrived yet still reaches the list and moves on.
  const focusedRow = useRef(-1);
  useLayoutEffect(() => {
    const active = document.activeElement;
    if (!(active instanceof HTMLElement) || !listRef.current?.contains(active)) return;
    const shown = active.closest<HTMLElement>('.review-row')?.dataset.index;
    if (shown !== undefined && Number(shown) !== focusedRow.current) listRef.current.focus({ preventScroll: true });
  });

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

  // A focused row whose lead gave way to "Loading…" (its slot now waits for a page not here yet)
  // is removed with the focus in it, and the page's body would get the keys: the list takes them.
  useEffect(() => {
    const list = listRef.current;
    if (!list) return;
    const keepFocusInList = (event: FocusEvent) => {
      const left = event.target;
      if (event.relatedTarget !== null || !(left instanceof HTMLElement)) return;
      // The browser says "focus out" while removing the element: look once the removal is done.
      queueMicrotask(() => {
        const active = document.activeElement;
        if (!left.isConnected && (active === null || active === document.body)) list.focus({ preventScroll: true });
      });
    };
    list.addEventListener('focusout', keepFocusInList);
    return () => list.removeEventListener('focusout', keepFocusInList);
  }, [listRef]);

  // The row a key moved to, until it has focus (a frame or two later; on a loaded machine, once
  // its page has arrived): keys pressed meanwhile (a held Page Down) move on from it, not from
  // the row focused before.
  const pendingRow = useRef(-1);
  // Its page arrived after the focus's few frames of waiting: the row takes the focus now, if
  // the focus is still in the list (a click elsewhere meanwhile keeps its own).
  useEffect(() => {
    if (pendingRow.current < 0) return;
    const list = listRef.current;
    if (!list?.contains(document.activeElement)) return;
    list.querySelector<HTMLElement>(`.lead-item[data-index="${pendingRow.current}"]`)?.focus({ preventScroll: true });
  });

  function focusRow(index: number): void {
    const target = Math.max(0, Math.min(total - 1, index));
    pendingRow.current = target;
    virtualizer.scrollToIndex(target, { align: 'auto' });
    focusWhenRendered(`.lead-item[data-index="${target}"]`);
  }

  function focusedIndex(): number {
    if (pendingRow.current >= 0) return pendingRow.current;
    const active = document.activeElement as HTMLElement | null;
    // The list itself holds the focus once the focused row scrolled away: keys go on from that row.
    if (active !== null && active === listRef.current) return focusedRow.current;
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

  return (
    <ol
      ref={listRef}
      className="lead-list review-list"
      aria-label={listLabel}
      aria-busy={loading}
      // The rows stay in slot order in the page; a screen reader reads them in the list's order.
      aria-owns={virtualRows.map((row) => rowSlotId(rowSlot(row.index, slotCount.current))).join(' ')}
      // Focusable from code only (Tab goes to the rows): it holds the keys while a moved-to row is on its way.
      tabIndex={-1}
      onKeyDown={onListKeyDown}
      onFocus={(event) => {
        if (event.target === event.currentTarget) return;
        const shown = (event.target as HTMLElement).closest<HTMLElement>('.review-row')?.dataset.index;
        focusedRow.current = shown === undefined ? -1 : Number(shown);
        pendingRow.current = -1;
      }}
      style={{ height: virtualizer.getTotalSize() }}
    >
      {[...virtualRows].sort((a, b) => rowSlot(a.index, slotCount.current) - rowSlot(b.index, slotCount.current)).map((row) => {
        const lead = leadAt(pages, row.index);
        return (
          <li
            key={rowSlot(row.index, slotCount.current)}
            id={rowSlotId(rowSlot(row.index, slotCount.current))}
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
                columns={columns}
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
  );
}

/** The element id of a row slot, for the list's aria-owns (one review list on a page). */
function rowSlotId(slot: number): string {
  return `review-row-slot-${slot}`;
}

/** Focuses an element once the virtualiser has rendered it (a frame or two after a scroll). */
export function focusWhenRendered(selector: string, attempts = 10): void {
  requestAnimationFrame(() => {
    const element = document.querySelector<HTMLElement>(selector);
    if (element) element.focus({ preventScroll: true });
    else if (attempts > 0) focusWhenRendered(selector, attempts - 1);
  });
}
