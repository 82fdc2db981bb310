/**
 * Which lines of a first OCR reading deserve a second look (line-refinement.ts reads them
 * again): low confidence, or small and not quite sure, or two printed lines in one box. A
 * crop takes the whole printed row, so the fragments a bad photo leaves beside a line are
 * read again with it. Pure: an OcrPage in, crop boxes out.
 */
import type { OcrBox, OcrLine, OcrPage } from '../../../shared/parsing/ocr-types';
import { letterAndDigitCount } from '../../../shared/parsing/text';

/** What makes a line worth a second look. */
export interface LineSelection {
  /** Lines whose mean confidence is below this are re-read. */
  maxConfidence: number;
  /** Small lines (box height below `smallPx`) are re-read up to this confidence. */
  smallMaxConfidence: number;
  smallPx: number;
  /** At most this many crops. */
  maxLines: number;
}

export interface Candidate {
  /** the lines the crop covers (the low-confidence one and its row neighbours), replaced together */
  indices: number[];
  box: OcrBox;
  /** the box holds two printed lines: read as a block, not as one line */
  merged: boolean;
}

/** Shorter than this (px) is a speck, a rule or an icon's edge, not a text line. */
const MIN_LINE_PX = 9;

const height = (b: OcrBox): number => Math.max(0, b.y1 - b.y0);

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[s.length >> 1]! : 0;
}

/** The line box grown to its words' boxes (tesseract's line box can be tighter than its words). */
function lineExtent(line: OcrLine): OcrBox {
  return line.words.reduce(
    (b, w) => ({ x0: Math.min(b.x0, w.box.x0), y0: Math.min(b.y0, w.box.y0), x1: Math.max(b.x1, w.box.x1), y1: Math.max(b.y1, w.box.y1) }),
    { ...line.box },
  );
}

/**
 * Two printed lines in one box: the words sit on different rows (their centres lie more
 * than half a word height apart), or the box is far taller than its typical word.
 */
function looksMerged(line: OcrLine): boolean {
  const hs = line.words.map((w) => height(w.box)).filter((h) => h > 0);
  if (hs.length < 2) return false;
  const wh = median(hs);
  const centres = line.words.map((w) => (w.box.y0 + w.box.y1) / 2);
  return Math.max(...centres) - Math.min(...centres) > 0.6 * wh || height(lineExtent(line)) > 1.8 * wh;
}

/** Same printed row: vertical overlap of at least half the smaller box, similar heights. */
function sameRow(a: OcrBox, b: OcrBox): boolean {
  const ha = height(a);
  const hb = height(b);
  const overlap = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
  return overlap >= 0.5 * Math.min(ha, hb) && Math.max(ha, hb) <= 1.6 * Math.min(ha, hb);
}

/**
 * The whole printed row around a line: on bad photos the first pass often reads only part
 * of a row ("name@exa" and a speck where the rest was), so the crop reaches from the
 * card's left to its right text edge and takes every fragment on that row with it.
 */
function rowOf(page: OcrPage, index: number, span: { x0: number; x1: number }): { indices: number[]; box: OcrBox } {
  const band = lineExtent(page.lines[index]!);
  const indices = page.lines.flatMap((l, j) => (j === index || sameRow(band, lineExtent(l)) ? [j] : []));
  const boxes = indices.map((j) => lineExtent(page.lines[j]!));
  return {
    indices,
    box: {
      x0: Math.min(span.x0, ...boxes.map((b) => b.x0)),
      y0: band.y0,
      x1: Math.max(span.x1, ...boxes.map((b) => b.x1)),
      y1: band.y1,
    },
  };
}

/**
 * Lines worth a second look, worst first, at most `maxLines`: low confidence, or small and
 * not quite sure, or merged. Specks and single characters (icons, rules) are left alone.
 * `onlyLines` (indices into the page) limits the choice; default every line.
 */
export function selectLines(page: OcrPage, s: LineSelection, onlyLines?: readonly number[]): Candidate[] {
  const needy: Array<{ index: number; merged: boolean; confidence: number }> = [];
  const considered = onlyLines ? new Set(onlyLines) : null;
  page.lines.forEach((line, index) => {
    if (considered && !considered.has(index)) return;
    const box = lineExtent(line);
    const h = height(box);
    if (h < MIN_LINE_PX || letterAndDigitCount(line.text) < 3) return;
    const merged = looksMerged(line);
    const limit = h < s.smallPx ? s.smallMaxConfidence : s.maxConfidence;
    if (line.confidence < limit || (merged && line.confidence < s.smallMaxConfidence)) needy.push({ index, merged, confidence: line.confidence });
  });
  needy.sort((a, b) => a.confidence - b.confidence);
  const span = { x0: 0, x1: page.width };
  const taken = new Set<number>();
  const out: Candidate[] = [];
  for (const n of needy) {
    if (out.length >= s.maxLines) break;
    if (taken.has(n.index)) continue; // already in the crop of a worse line on its row
    const row = n.merged ? { indices: [n.index], box: lineExtent(page.lines[n.index]!) } : rowOf(page, n.index, span);
    if (row.indices.some((j) => taken.has(j))) continue;
    for (const j of row.indices) taken.add(j);
    out.push({ indices: row.indices, box: row.box, merged: n.merged });
  }
  return out;
}
