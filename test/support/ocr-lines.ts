/** Invented OCR readings for the scanner passes' tests: evenly spaced words on a page. */
import type { OcrLine, OcrPage } from '../../shared/parsing/ocr-types';

/** A line of evenly spaced words (box height h, every word at `confidence`) starting at (x, y). */
export function ocrLine(text: string, confidence: number, x: number, y: number, h: number): OcrLine {
  let cx = x;
  const words = text.split(' ').map((t) => {
    const box = { x0: cx, y0: y, x1: cx + t.length * h * 0.5, y1: y + h };
    cx = box.x1 + h * 0.4;
    return { text: t, confidence, box };
  });
  return { text, confidence, box: { x0: x, y0: y, x1: cx, y1: y + h }, words };
}

/** A page holding these lines, its text rebuilt from them. */
export function ocrPage(lines: OcrLine[], width = 1150, height = 660): OcrPage {
  return { width, height, lines, text: lines.map((l) => l.text).join('\n') };
}

/** A white 8-bit PGM image (what the passes read crops from). */
export function blankPgm(width: number, height: number): { image: Buffer; width: number; height: number } {
  return {
    image: Buffer.concat([Buffer.from(`P5\n${width} ${height}\n255\n`, 'ascii'), Buffer.alloc(width * height, 255)]),
    width,
    height,
  };
}
