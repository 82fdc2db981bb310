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
/**
 * Advance widths by font, then by character code up to LATIN_END, in ADVANCE_UNITS_PER_PX (-1: not
 * measured yet): a row's texts are new each time, their characters are not. Whole numbers in a
 * typed array indexed by code, so summing a text allocates nothing (a Map keyed by one-character
 * strings made a string a character, and a sum of fractions a boxed number a character wherever
 * the function runs unoptimised).
 */
const advances = new Map<string, Int32Array>();
/** 1/1024 px: a text of 500 characters is off by at most a quarter of a pixel, well inside SLACK_PX. */
const ADVANCE_UNITS_PER_PX = 1024;
/** Whole texts measured, by font and text (scripts whose shaping changes widths). Bounded. */
const measured = new Map<string, number>();
const MEASURED_KEPT = 4000;
/** Up to the end of Latin Extended-B, a text is as wide as its characters' advances (kerning mostly narrows it; the cell's right padding takes a few pixels more). */
const LATIN_END = 0x024f;

/** What a kind of cell needs for the measure in one room: its font, that font's advances, and what padding, margin and border take. */
interface KindMeasure {
  font: string;
  advances: Int32Array;
  sidePx: number;
}

/** The measures of the room the rows were last built for (one table on a page; a new room on resize or font change). */
let measuresRoom: CellRoom | null = null;
let measuresByKind: Partial<Record<CellTextKind, KindMeasure>> = {};

function kindMeasure(room: CellRoom, kind: CellTextKind): KindMeasure {
  if (room !== measuresRoom) {
    measuresRoom = room;
    measuresByKind = {};
  }
  let found = measuresByKind[kind];
  if (!found) {
    const style = CELL_TEXT_STYLES[kind];
    const fontPx = style.sizeRem * room.rootFontPx;
    const font = `${style.weight} ${fontPx}px ${room.fontFamily}`;
    let table = advances.get(font);
    if (!table) advances.set(font, (table = new Int32Array(LATIN_END + 1).fill(-1)));
    found = { font, advances: table, sidePx: style.sideRem * room.rootFontPx + style.sideEm * fontPx + style.borderPx };
    measuresByKind[kind] = found;
  }
  return found;
}

function measure(text: string, font: string): number | null {
  if (context === undefined) context = document.createElement('canvas').getContext('2d');
  if (!context) return null;
  context.font = font;
  return context.measureText(text).width;
}

/**
 * The text's width in the kind's font. Latin text is summed from a table of each character's advance
 * (one canvas measure per new character, not per new text: measuring every name and email that
 * scrolled in was a twelfth of a scrolled frame, measured 2026-12-07); other scripts are measured whole.
 */
function textWidth(text: string, kind: KindMeasure): number | null {
  let units = 0;
  for (let position = 0; position < text.length; position++) {
    const code = text.charCodeAt(position);
    // A character past Latin Extended-B (a surrogate half included) sends the whole text to the canvas.
    if (code > LATIN_END) return wholeTextWidth(text, kind.font);
    let advance = kind.advances[code] ?? -1;
    if (advance < 0) {
      const measuredAdvance = measure(String.fromCharCode(code), kind.font);
      if (measuredAdvance === null) return null;
      kind.advances[code] = advance = Math.round(measuredAdvance * ADVANCE_UNITS_PER_PX);
    }
    units += advance;
  }
  return units / ADVANCE_UNITS_PER_PX;
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
  const measures = kindMeasure(room, kind);
  const width = textWidth(text, measures);
  if (width === null) return false;
  return width + SLACK_PX <= columnWidth - measures.sidePx;
}
