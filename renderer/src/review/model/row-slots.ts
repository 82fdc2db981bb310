/**
 * Row slots of the virtualised review table. Each rendered row is keyed by its slot,
 * `index % slotCount`, not by its lead: a row that scrolls out hands its elements to the row
 * that scrolls in, and React changes their texts and classes instead of building new
 * elements (and the browser styles and lays out fewer new objects). For the slot to be unique
 * among the rows rendered, the rows rendered are always `slotCount` consecutive indexes.
 */

/** What the virtualiser knows of the window: the rows on screen (inclusive) and the list's length. */
export interface VisibleRange {
  startIndex: number;
  endIndex: number;
  overscan: number;
  count: number;
}

/**
 * Enough slots for the most rows a window `viewportPx` tall can show (one more than fit, as the
 * first and last may be cut) and `overscan` either side. It only grows: another count re-keys
 * every row, so every row is built again and the focused one loses focus. Sized by the window,
 * not by the rows on screen now, whose number changes by one as the list scrolls.
 */
export function slotCountFor(range: VisibleRange, viewportPx: number, rowPx: number, current: number): number {
  const mostVisible = Math.max(Math.ceil(viewportPx / rowPx) + 1, range.endIndex - range.startIndex + 1);
  return Math.max(current, mostVisible + 2 * range.overscan);
}

/** The indexes to render: `slotCount` consecutive rows around the visible ones (fewer only when the list is shorter). */
export function slottedIndexes(range: VisibleRange, slotCount: number): number[] {
  if (range.count <= 0) return [];
  const first = Math.max(0, Math.min(range.startIndex - range.overscan, range.count - slotCount));
  const last = Math.min(range.count - 1, first + slotCount - 1);
  const indexes: number[] = [];
  for (let index = first; index <= last; index++) indexes.push(index);
  return indexes;
}

/** The React key of a row: its slot. */
export function rowSlot(index: number, slotCount: number): number {
  return index % slotCount;
}
