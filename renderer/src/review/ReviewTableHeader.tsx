import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import type { ReviewSortKey } from '../../../shared/domain/review';
import { useAppStore } from '../store/app-store';
import { directionLabel, firstDirection } from './filter-options';
import { REVIEW_COLUMN_SPECS, widthForShownWidth, type ReviewColumnKey } from './model/review-columns';

const KEY_STEP_PX = 16;

/**
 * The table's column headings: a sortable column's heading is a button (again reverses the
 * order), and each heading's right edge is a handle that resizes it (drag, or arrows when focused).
 */
export function ReviewTableHeader() {
  const layout = useAppStore((state) => state.columnLayout);
  const sort = useAppStore((state) => state.sort);
  const setSort = useAppStore((state) => state.setSort);
  const setColumnWidth = useAppStore((state) => state.setColumnWidth);
  const headRef = useRef<HTMLDivElement>(null);

  /** Sets the column to `shownPx` on screen: its share of the heading row's width. */
  function resize(key: ReviewColumnKey, shownPx: number): void {
    const head = headRef.current;
    if (!head) return;
    const cells = head.querySelectorAll<HTMLElement>('.review-head-cell');
    const tableWidth = Array.from(cells).reduce((sum, cell) => sum + cell.getBoundingClientRect().width, 0);
    // Not laid out (hidden, or no layout engine): the width is taken as it is.
    if (tableWidth <= 0) return setColumnWidth(key, shownPx);
    const others = layout.visible.filter((column) => column !== key).reduce((sum, column) => sum + layout.widths[column], 0);
    setColumnWidth(key, widthForShownWidth(shownPx, others, tableWidth));
  }

  function shownWidth(key: ReviewColumnKey): number {
    const shown = headRef.current?.querySelector<HTMLElement>(`[data-column="${key}"]`)?.getBoundingClientRect().width ?? 0;
    return shown > 0 ? shown : layout.widths[key];
  }

  function onHandlePointerDown(key: ReviewColumnKey, event: PointerEvent<HTMLSpanElement>): void {
    event.preventDefault();
    const handle = event.currentTarget;
    handle.setPointerCapture(event.pointerId);
    const startX = event.clientX;
    const startWidth = shownWidth(key);
    const move = (moveEvent: globalThis.PointerEvent) => resize(key, startWidth + moveEvent.clientX - startX);
    const end = () => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', end);
      handle.removeEventListener('pointercancel', end);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', end);
    handle.addEventListener('pointercancel', end);
  }

  function onHandleKeyDown(key: ReviewColumnKey, event: KeyboardEvent<HTMLSpanElement>): void {
    const step = event.key === 'ArrowRight' ? KEY_STEP_PX : event.key === 'ArrowLeft' ? -KEY_STEP_PX : 0;
    if (step === 0) return;
    event.preventDefault();
    resize(key, shownWidth(key) + step);
  }

  function sortBy(by: ReviewSortKey): void {
    const direction = sort.by === by ? (sort.direction === 'asc' ? 'desc' : 'asc') : firstDirection(by);
    setSort({ by, direction });
  }

  return (
    <div ref={headRef} className="review-head" role="group" aria-label="Columns: sort and width">
      <span className="review-head-select" aria-hidden="true" />
      {layout.visible.map((key) => {
        const { label, sortKey } = REVIEW_COLUMN_SPECS[key];
        const active = sortKey !== undefined && sort.by === sortKey;
        return (
          <div key={key} className={active ? 'review-head-cell is-sorted' : 'review-head-cell'} data-column={key}>
            {sortKey ? (
              <button
                type="button"
                className="review-sort"
                title={active ? `Sorted ${directionLabel(sortKey, sort.direction)}; click to reverse` : `Sort by ${label.toLowerCase()}`}
                aria-describedby={active ? 'review-sort-now' : undefined}
                onClick={() => sortBy(sortKey)}
              >
                {label}
                <span className="review-sort-arrow" aria-hidden="true">
                  {active ? (sort.direction === 'asc' ? '▲' : '▼') : ''}
                </span>
              </button>
            ) : (
              <span className="review-head-label">{label}</span>
            )}
            <span
              className="column-resizer"
              role="separator"
              aria-orientation="vertical"
              aria-label={`Resize the ${label} column`}
              aria-valuenow={layout.widths[key]}
              tabIndex={0}
              title="Drag to resize (or focus and use the arrow keys)"
              onPointerDown={(event) => onHandlePointerDown(key, event)}
              onKeyDown={(event) => onHandleKeyDown(key, event)}
            />
          </div>
        );
      })}
      <span id="review-sort-now" className="visually-hidden">
        {`sorted ${directionLabel(sort.by, sort.direction)}`}
      </span>
    </div>
  );
}
