import { useEffect, useRef, useState } from 'react';
import { useAppStore } from '../store/app-store';
import { REVIEW_COLUMN_SPECS, REVIEW_COLUMNS } from './model/review-columns';

const MENU_ID = 'review-columns-menu';

/** "Columns": tick the columns the table shows (Name always is); the choice is remembered. */
export function ColumnsMenu() {
  const layout = useAppStore((state) => state.columnLayout);
  const setColumnShown = useAppStore((state) => state.setColumnShown);
  const resetColumns = useAppStore((state) => state.resetColumns);
  const [open, setOpen] = useState(false);
  const wrapperRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    // A click anywhere else closes the menu, as menus do.
    const closeOutside = (event: PointerEvent) => {
      if (event.target instanceof Node && !wrapperRef.current?.contains(event.target)) setOpen(false);
    };
    document.addEventListener('pointerdown', closeOutside);
    return () => document.removeEventListener('pointerdown', closeOutside);
  }, [open]);

  return (
    <div
      ref={wrapperRef}
      className="columns-menu"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.preventDefault();
          event.stopPropagation();
          setOpen(false);
          buttonRef.current?.focus();
        }
      }}
    >
      <button ref={buttonRef} type="button" className="columns-toggle" aria-expanded={open} aria-controls={MENU_ID} onClick={() => setOpen(!open)}>
        Columns
      </button>
      {open && (
        <fieldset id={MENU_ID} className="columns-panel">
          <legend>Columns shown</legend>
          {REVIEW_COLUMNS.map((key) => (
            <label key={key} className="columns-choice">
              <input
                type="checkbox"
                checked={layout.visible.includes(key)}
                disabled={key === 'name'}
                onChange={(event) => setColumnShown(key, event.target.checked)}
              />
              {REVIEW_COLUMN_SPECS[key].label}
              {key === 'name' && <span className="columns-choice-note"> (always)</span>}
            </label>
          ))}
          <button type="button" className="button-quiet" onClick={resetColumns}>
            Reset columns and widths
          </button>
        </fieldset>
      )}
    </div>
  );
}
