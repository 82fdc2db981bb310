import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode, type Ref } from 'react';
import { useAppStore } from '../store/app-store';
import { NO_FILTERS } from '../store/leads-slice';
import { ColumnsMenu } from './ColumnsMenu';
import { FilterChips } from './FilterChips';
import { activeFilterChips, FILTER_FIELDS } from './filter-options';
import { LeadsSearchBar } from './LeadsSearchBar';
import { ReviewFilters } from './ReviewFilters';

const PANEL_ID = 'review-filter-panel';

/**
 * One row above the table that never wraps: the search, a "Filters" button that opens the
 * filters, a chip for each active filter that fits (click it to change it, × to remove it; the
 * others counted in "+N more"), Clear and the Columns menu. Under it the panel when open, then
 * the list's count and sort (`summary`), one line of its own. Ctrl+A here (not while typing in
 * a box) selects every lead the filters match.
 */
export function ReviewFilterBar({ searchRef, summary }: { searchRef: Ref<HTMLInputElement>; summary: ReactNode }) {
  const filters = useAppStore((state) => state.filters);
  const setFilters = useAppStore((state) => state.setFilters);
  const clearFilters = useAppStore((state) => state.clearFilters);
  const selectAllMatching = useAppStore((state) => state.selectAllMatching);
  const chips = activeFilterChips(filters);
  const [open, setOpen] = useState(false);
  // A chip opens the panel on its filter's control, which exists only once the panel is drawn.
  const [focusControl, setFocusControl] = useState<string | null>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (open && focusControl) {
      document.getElementById(focusControl)?.focus();
      setFocusControl(null);
    }
  }, [open, focusControl]);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    const typing = event.target instanceof HTMLInputElement && event.target.type !== 'checkbox';
    if (!typing && (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'a') {
      event.preventDefault();
      selectAllMatching();
    } else if (event.key === 'Escape' && open) {
      // Escape folds the panel away first; the next Escape goes back as before.
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
      toggleRef.current?.focus();
    }
  }

  return (
    <div className="review-controls" onKeyDown={onKeyDown}>
      <div className="review-toolbar">
        <LeadsSearchBar inputRef={searchRef} />
        <button
          ref={toggleRef}
          type="button"
          className={open ? 'filter-toggle is-open' : 'filter-toggle'}
          aria-expanded={open}
          aria-controls={PANEL_ID}
          onClick={() => setOpen(!open)}
        >
          Filters{chips.length > 0 ? ` (${chips.length})` : ''}
        </button>
        {chips.length > 0 && (
          <FilterChips
            chips={chips}
            onChange={(chip) => {
              setOpen(true);
              setFocusControl(FILTER_FIELDS[chip.filter].controlId);
            }}
            onRemove={(chip) => setFilters({ [chip.filter]: NO_FILTERS[chip.filter] })}
          />
        )}
        {chips.length > 0 && (
          <button type="button" className="button-quiet clear-filters" onClick={clearFilters}>
            Clear {chips.length} {chips.length === 1 ? 'filter' : 'filters'}
          </button>
        )}
        <ColumnsMenu />
      </div>
      {open && <ReviewFilters id={PANEL_ID} />}
      {summary}
    </div>
  );
}
