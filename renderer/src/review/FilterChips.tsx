import { useLayoutEffect, useRef, useState } from 'react';
import { FILTER_FIELDS, type FilterChip } from './filter-options';

/** Room kept for "+N more" before the button has been drawn once, in rem. */
const MORE_BUTTON_REM = 6;

/**
 * The active filters as chips on the bar's one row: the chips that fit are shown, the rest are
 * counted in a "+N more" button right after them, which opens the filter panel on the first of
 * them (issue 17: the bar never wraps). The list wraps inside a box one chip high, so a chip that
 * does not fit falls onto a line nobody sees; after layout those chips, and the one "+N more"
 * covers, are made invisible (out of the tab order and the accessibility tree as well).
 */
export function FilterChips({
  chips,
  onChange,
  onRemove,
}: {
  chips: readonly FilterChip[];
  /** Opens the panel on this chip's filter. */
  onChange: (chip: FilterChip) => void;
  onRemove: (chip: FilterChip) => void;
}) {
  const listRef = useRef<HTMLUListElement>(null);
  const moreRef = useRef<HTMLButtonElement>(null);
  // Chips from `firstHidden` on are not shown; "+N more" is drawn `moreLeft` px into the box.
  const [fit, setFit] = useState({ firstHidden: chips.length, moreLeft: 0 });
  const chipsKey = chips.map((chip) => chip.text).join('\n');

  useLayoutEffect(() => {
    const list = listRef.current;
    if (!list) return;
    const measure = () => {
      const items = Array.from(list.children) as HTMLElement[];
      // The list is the chips' offset parent (position: relative).
      const firstLine = items[0]?.offsetTop ?? 0;
      const right = (item: HTMLElement) => item.offsetLeft + item.offsetWidth;
      const room = list.clientWidth + 0.5;
      if (items.every((item) => item.offsetTop <= firstLine && right(item) <= room)) {
        setFit({ firstHidden: items.length, moreLeft: 0 });
        return;
      }
      const gap = parseFloat(getComputedStyle(list).columnGap) || 0;
      const moreWidth = moreRef.current?.offsetWidth || MORE_BUTTON_REM * parseFloat(getComputedStyle(document.documentElement).fontSize);
      let shown = 0;
      while (shown < items.length && items[shown]!.offsetTop <= firstLine && right(items[shown]!) + gap + moreWidth <= room) shown++;
      const moreLeft = shown > 0 ? right(items[shown - 1]!) + gap : 0;
      setFit((current) => (current.firstHidden === shown && current.moreLeft === moreLeft ? current : { firstHidden: shown, moreLeft }));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(list);
    return () => observer.disconnect();
  }, [chipsKey]);

  const hidden = chips.slice(fit.firstHidden);
  return (
    <div className="filter-chips-box">
      <ul ref={listRef} className="filter-chips" aria-label="Active filters">
        {chips.map((chip, index) => (
          <li key={chip.filter} className={index >= fit.firstHidden ? 'filter-chip is-overflowing' : 'filter-chip'}>
            <button
              type="button"
              className="filter-chip-text"
              title={`Change ${FILTER_FIELDS[chip.filter].label.toLowerCase()}`}
              onClick={() => onChange(chip)}
            >
              {chip.text}
            </button>
            <button
              type="button"
              className="filter-chip-remove"
              aria-label={`Remove filter ${chip.text}`}
              title="Remove this filter"
              onClick={() => onRemove(chip)}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      {hidden[0] && (
        <button
          ref={moreRef}
          type="button"
          className="filter-chips-more"
          style={{ left: fit.moreLeft }}
          title={`Also: ${hidden.map((chip) => chip.text).join('; ')}`}
          onClick={() => hidden[0] && onChange(hidden[0])}
        >
          +{hidden.length} more
        </button>
      )}
    </div>
  );
}
