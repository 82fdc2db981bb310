import type { OcrLine, OcrPage } from '../../../shared/parsing/ocr-types';

/** [text, x, y, height, confidence?] — words get proportional boxes, like an OCR line. */
export type L = [string, number, number, number, number?];

export function page(lines: L[], width = 1050, height = 600): OcrPage {
  const out: OcrLine[] = lines.map(([text, x, y, h, conf = 0.95]) => {
    const w = text.length * h * 0.5;
    const words = [...text.matchAll(/\S+/g)].map((m) => {
      const a = (m.index ?? 0) / text.length;
      const b = ((m.index ?? 0) + m[0].length) / text.length;
      return { text: m[0], confidence: conf, box: { x0: x + a * w, x1: x + b * w, y0: y, y1: y + h } };
    });
    return { text, confidence: conf, box: { x0: x, y0: y, x1: x + w, y1: y + h }, words };
  });
  return { width, height, lines: out, text: lines.map((l) => l[0]).join('\n') };
}
