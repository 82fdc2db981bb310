/**
 * The card's light-on-dark panel (a coloured band with the company's name, a dark footer), which
 * the main pass cannot read (preprocess/dark-panel.ts cut it out inverted): read by the same engine
 * within the card's job; the lines it reads surely replace what the main pass made of that area
 * (scraps such as "Mc LEI ERA"). One more OCR pass, only on cards that have such a panel.
 */
import type { OcrBox, OcrLine, OcrPage } from '../../../shared/parsing/ocr-types';
import { rebuildLines } from '../../../shared/parsing/text';
import { pageLines } from '../engine/page-lines';
import type { OcrEngine } from '../engine/worker-pool';
import type { DarkPanel } from '../preprocess/dark-panel';

/** Lines read in the panel are kept from this confidence on (a photo or pattern in it reads as scraps). */
const MIN_LINE_CONFIDENCE = 0.6;
/** What the main pass read inside the panel below this confidence was its garbage. */
const GARBAGE_CONFIDENCE = 0.5;

export async function readDarkPanel(engine: OcrEngine, panel: DarkPanel, page: OcrPage, psm: string): Promise<OcrPage> {
  const read = await engine.recognize(panel.image.image, psm);
  const shift = (b: OcrBox): OcrBox => ({ x0: b.x0 - panel.pad + panel.x, x1: b.x1 - panel.pad + panel.x, y0: b.y0 - panel.pad + panel.y, y1: b.y1 - panel.pad + panel.y });
  const found = pageLines(read, shift).filter((l) => l.confidence >= MIN_LINE_CONFIDENCE && /[\p{L}\p{N}]{2}/u.test(l.text));
  if (!found.length) return page;
  const area: OcrBox = { x0: panel.x, y0: panel.y, x1: panel.x + panel.image.width - 2 * panel.pad, y1: panel.y + panel.image.height - 2 * panel.pad };
  const inside = (l: OcrLine): boolean => {
    const cx = (l.box.x0 + l.box.x1) / 2;
    const cy = (l.box.y0 + l.box.y1) / 2;
    return cx >= area.x0 && cx <= area.x1 && cy >= area.y0 && cy <= area.y1;
  };
  const kept = page.lines.filter((l) => !(inside(l) && l.confidence < GARBAGE_CONFIDENCE));
  const lines = rebuildLines([...kept, ...found]);
  return { ...page, lines, text: lines.map((l) => l.text).join('\n') };
}
