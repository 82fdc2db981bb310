/**
 * tesseract.js output → the parser's OcrLine (the one conversion: the main pass, the line
 * refinement's crops and the accents reader all use it). Confidences become 0..1, empty words and
 * lines are dropped; `toBox` maps a box of the image read back onto the page (a crop's offset and
 * scale), identity by default.
 */
import type { Bbox, Page } from 'tesseract.js';
import type { OcrBox, OcrLine, OcrPage, OcrWord } from '../../../shared/parsing/ocr-types';
import { rebuildLines } from '../../../shared/parsing/text';

const clamp01 = (v: number): number => (v < 0 ? 0 : v > 1 ? 1 : v);

const sameBox = (b: Bbox): OcrBox => ({ x0: b.x0, y0: b.y0, x1: b.x1, y1: b.y1 });

export function pageLines(data: Page, toBox: (b: Bbox) => OcrBox = sameBox): OcrLine[] {
  const lines: OcrLine[] = [];
  for (const block of data.blocks ?? []) {
    for (const paragraph of block.paragraphs) {
      for (const line of paragraph.lines) {
        const words: OcrWord[] = line.words
          .filter((w) => w.text.trim() !== '')
          .map((w) => ({ text: w.text.trim(), confidence: clamp01(w.confidence / 100), box: toBox(w.bbox) }));
        if (!words.length) continue;
        lines.push({
          text: words.map((w) => w.text).join(' '),
          confidence: words.reduce((s, w) => s + w.confidence, 0) / words.length,
          box: toBox(line.bbox),
          words,
        });
      }
    }
  }
  return lines;
}

/** tesseract.js output → OcrPage, fragments of one printed line joined. */
export function toOcrPage(data: Page, width: number, height: number): OcrPage {
  // sparse-text mode (PSM 11) may cut one printed line into pieces ("T +44" | "(0)117 496 0379"):
  // the parser's own line rebuilding joins them, so the page kept as evidence reads like the card
  const merged = rebuildLines(pageLines(data));
  return { width, height, lines: merged, text: merged.map((l) => l.text).join('\n') };
}
