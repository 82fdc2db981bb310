import type { ReviewColumnKey } from './model/review-columns';

/**
 * Whether a review cell's text fits its column, decided when the row is built, so that only the
 * cells that can overflow are clipped. A clipped cell (`overflow: clip` + ellipsis) is a clip node
 * in the browser's paint property trees: with eight of them a row, the clips were about a third of
 * a scrolled frame's main-thread time (docs/review.md, "What the scroll figures measure").
 *
 * The text's width is summed from its characters' advances in the cell's font (each measured once
 * with a canvas); the room is the column's width as laid out (its heading's width) less the
 * cell's padding, margin and border. test/e2e/review.spec.ts checks at two window sizes that no
 * unclipped cell's text passes its edge: it fails if these sizes drift from the stylesheet's. When anything is unknown
 * (not laid out yet, no canvas) the answer is "does not fit": a cell is clipped rather than risk
 * painting over the next one.
 */

/** How a kind of cell sets its text: review-table.css and app.css (`.review-cell`, `.status-badge`, `.rating-tag`, `.export-tag`). */
interface CellTextStyle {
  weight: number;
  /** Font size in rem. */
  sizeRem: number;
  /** Horizontal padding + margin of both sides in rem, and in em of the cell's own font size. */
  sideRem: number;
  sideEm: number;
  /** Both borders, px. */
  borderPx: number;
}

const PLAIN: CellTextStyle = { weight: 400, sizeRem: 0.93, sideRem: 1.1, sideEm: 0, borderPx: 0 };
const CELL_TEXT_STYLES = {
  plain: PLAIN,
  name: { ...PLAIN, weight: 600 },
  status: { weight: 700, sizeRem: 0.78, sideRem: 1.1, sideEm: 1.1, borderPx: 3 },
  rating: { weight: 400, sizeRem: 0.78, sideRem: 1.1, sideEm: 1.1, borderPx: 3 },
  exportTag: { weight: 500, sizeRem: 0.78, sideRem: 1.1, sideEm: 1.1, borderPx: 0 },
} satisfies Record<string, CellTextStyle>;

export type CellTextKind = keyof typeof CELL_TEXT_STYLES;

/** Room the measure leaves for what a canvas and the layout may round differently (sub-pixel positions, hinting). */
const SLACK_PX = 2;

/** The table as laid out: each shown column's width in px, the root font size and the text's font family. */
export interface CellRoom {
  columnWidths: Readonly<Partial<Record<ReviewColumnKey, number>>>;
  rootFontPx: number;
  fontFamily: string;
}

/**
 * Reads the table's layout from its heading row (`.review-head-cell[data-column]`). Called when
 * the table's size or columns change, never per frame: it makes the browser lay the page out.
 */
export function measureCellRoom(head: HTMLElement | null): CellRoom | null {
  if (!head) return null;
  const columnWidths: Partial<Record<ReviewColumnKey, number>> = {};
  for (const cell of head.querySelectorAll<HTMLElement>('.review-head-cell[data-column]')) {
    const width = cell.getBoundingClientRect().width;
    if (!(width > 0)) return null;
    columnWidths[cell.dataset.column as ReviewColumnKey] = width;
  }
  const rootFontPx = Number.parseFloat(getComputedStyle(document.documentElement).fontSize);
  const fontFamily = getComputedStyle(head).fontFamily;
  if (!(rootFontPx > 0) || !fontFamily) return null;
  return { columnWidths, rootFontPx, fontFamily };
}

/** Two rooms are the same when a row would decide the same with either (whole pixels). */
export function sameCellRoom(a: CellRoom | null, b: CellRoom | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.rootFontPx !== b.rootFontPx || a.fontFamily !== b.fontFamily) return false;
  const keys = new Set([...Object.keys(a.columnWidths), ...Object.keys(b.columnWidths)]) as Set<ReviewColumnKey>;
  for (const key of keys) if (Math.round(a.columnWidths[key] ?? -1) !== Math.round(b.columnWidths[key] ?? -1)) return false;
  return true;
}

let context: CanvasRenderingContext2D | null | undefined;
/** Advance widths by font, then by character: a row's texts are new each time, their characters are not. */
const advances = new Map<string, Map<string, number>>();
/** Whole texts measured, by font and text (scripts whose shaping changes widths). Bounded. */
const measured = new Map<string, number>();
const MEASURED_KEPT = 4000;
/** Up to the end of Latin Extended-B, a text is as wide as its characters' advances (kerning mostly narrows it; the cell's right padding takes a few pixels more). */
const LATIN_END = 0x024f;

function measure(text: string, font: string): number | null {
  if (context === undefined) context = document.createElement('canvas').getContext('2d');
  if (!context) return null;
  context.font = font;
  return context.measureText(text).width;
}

/**
 * The text's width in `font`. Latin text is summed from a table of each character's advance
 * (one canvas measure per new character, not per new text: measuring every name and email that
 * scrolled in was a twelfth of a scrolled frame, measured 2026-12-07); other scripts are measured whole.
 */
function textWidth(text: string, font: string): number | null {
  let table = advances.get(font);
  if (!table) advances.set(font, (table = new Map()));
  let width = 0;
  for (const character of text) {
    if ((character.codePointAt(0) ?? 0) > LATIN_END) return wholeTextWidth(text, font);
    let advance = table.get(character);
    if (advance === undefined) {
      const measuredAdvance = measure(character, font);
      if (measuredAdvance === null) return null;
      table.set(character, (advance = measuredAdvance));
    }
    width += advance;
  }
  return width;
}

function wholeTextWidth(text: string, font: string): number | null {
  const key = `${font}|${text}`;
  let width = measured.get(key);
  if (width === undefined) {
    const measuredWidth = measure(text, font);
    if (measuredWidth === null) return null;
    if (measured.size >= MEASURED_KEPT) measured.clear();
    measured.set(key, (width = measuredWidth));
  }
  return width;
}

/** True when `text`, set as a `kind` cell, fits the column's width as laid out now. */
export function cellTextFits(room: CellRoom | null, column: ReviewColumnKey, kind: CellTextKind, text: string): boolean {
  const columnWidth = room?.columnWidths[column];
  if (!room || columnWidth === undefined) return false;
  const style = CELL_TEXT_STYLES[kind];
  const fontPx = style.sizeRem * room.rootFontPx;
  const width = textWidth(text, `${style.weight} ${fontPx}px ${room.fontFamily}`);
  if (width === null) return false;
  const available = columnWidth - style.sideRem * room.rootFontPx - style.sideEm * fontPx - style.borderPx;
  return width + SLACK_PX <= available;
}
