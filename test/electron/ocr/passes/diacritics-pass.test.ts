/**
 * The diacritics pass through its entry, applyDiacriticsPass: with a fake reader (which lines it
 * reads; the word matching is tested in test/shared/parsing/accent-matching.test.ts), and one real
 * multi-language OCR run on a line rendered here with sharp (an invented name; no card file from
 * the dev set).
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyParsedCard, type ParsedCard } from '../../../../shared/parsing/card-fields';
import type { OcrBox } from '../../../../shared/parsing/ocr-types';
import { applyDiacriticsPass, type LineReader } from '../../../../electron/ocr/passes/diacritics-pass';
import { createDiacriticsReader, type DiacriticsReader } from '../../../../electron/ocr/passes/multilingual-line-reader';
import { resolveTesseractPaths } from '../../../../electron/ocr/engine/tesseract-paths';
import { blankPgm } from '../../../support/ocr-lines';

describe('applyDiacriticsPass with a fake reader', () => {
  it('reads the name line once for fullName, firstName and lastName, and only the fields where accents go', async () => {
    const card = emptyParsedCard();
    card.fullName = { value: 'Noemie Grunwald', confidence: 0.8, box: { x0: 100, y0: 50, x1: 400, y1: 90 } };
    card.firstName = { value: 'Noemie', confidence: 0.8, box: { x0: 100, y0: 52, x1: 230, y1: 90 } };
    card.lastName = { value: 'Grunwald', confidence: 0.8, box: { x0: 250, y0: 50, x1: 400, y1: 88 } };
    card.company = { value: 'Atelier Lumiere', confidence: 0.8, box: { x0: 100, y0: 160, x1: 350, y1: 190 } };
    card.title = { value: 'Directrice', confidence: 0.8, box: { x0: 100, y0: 110, x1: 300, y1: 135 } };
    card.email = { value: 'n@example.com', confidence: 0.9, box: { x0: 100, y0: 300, x1: 300, y1: 320 } };
    const crops: Array<{ width: number; height: number }> = [];
    const reader: LineReader = {
      readLine: (image) => {
        const [width, height] = /^P5\n(\d+) (\d+)\n/.exec(image.subarray(0, 20).toString('ascii'))!.slice(1).map(Number);
        crops.push({ width: width!, height: height! });
        return Promise.resolve({ text: '', confidence: 0, words: [] });
      },
    };
    const pre = blankPgm(500, 400);
    // a page without lines: no English reading to judge by, so every line that may hold accents is read
    const r = await applyDiacriticsPass(pre, { width: 500, height: 400 }, card, reader);
    // the name line (its three fields) and the company line; never the title or the e-mail
    expect(r.crops).toBe(2);
    expect(crops.map((c) => c.width).sort((a, b) => b - a)[0]).toBeGreaterThan(300); // the whole name line, one crop
    expect(r.card.fullName.value).toBe('Noemie Grunwald');
  });

  it('does nothing when the page was read rotated (boxes do not fit the image)', async () => {
    const card = emptyParsedCard();
    card.lastName = { value: 'Grunwald', confidence: 0.8, box: { x0: 1, y0: 1, x1: 5, y1: 5 } };
    const reader: LineReader = { readLine: () => Promise.reject(new Error('must not be called')) };
    const pre = { image: Buffer.concat([Buffer.from('P5\n10 8\n255\n'), Buffer.alloc(80, 255)]), width: 10, height: 8 };
    const r = await applyDiacriticsPass(pre, { width: 8, height: 10 }, card, reader);
    expect(r.crops).toBe(0);
    expect(r.card.lastName.value).toBe('Grunwald');
  });
});

// ------------------------------------------------------------------ real OCR

/** A line of text rendered by sharp (librsvg), as the scanner's 8-bit grayscale PGM. */
async function renderLine(text: string): Promise<{ image: Buffer; width: number; height: number; box: OcrBox }> {
  const width = 900;
  const height = 220;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <rect width="100%" height="100%" fill="white"/>
    <text x="60" y="130" font-family="DejaVu Sans" font-size="44" fill="#111">${text}</text>
    <text x="60" y="190" font-family="DejaVu Sans" font-size="22" fill="#333">Directrice commerciale</text></svg>`;
  const { data, info } = await sharp(Buffer.from(svg)).grayscale().raw().toBuffer({ resolveWithObject: true });
  const image = Buffer.concat([Buffer.from(`P5\n${info.width} ${info.height}\n255\n`, 'ascii'), data]);
  // the box the main pass would report: the ink of the big line (rows 80..145 hold it)
  return { image, width: info.width, height: info.height, box: inkBox(data, info.width, 75, 150) };
}

function inkBox(px: Buffer, w: number, ya: number, yb: number): OcrBox {
  let x0 = w;
  let x1 = 0;
  let y0 = yb;
  let y1 = ya;
  for (let y = ya; y < yb; y++) {
    for (let x = 0; x < w; x++) {
      if (px[y * w + x]! < 128) {
        x0 = Math.min(x0, x);
        x1 = Math.max(x1, x);
        y0 = Math.min(y0, y);
        y1 = Math.max(y1, y);
      }
    }
  }
  return { x0, y0, x1: x1 + 1, y1: y1 + 1 };
}

describe('real multi-language OCR on a rendered line', () => {
  let tmp: string;
  let reader: DiacriticsReader;
  beforeAll(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'leadbooth-diacritics-'));
    reader = createDiacriticsReader(resolveTesseractPaths(path.join(tmp, 'data')));
    await reader.warmUp();
  });
  afterAll(async () => {
    await reader?.close();
    if (tmp) await fs.rm(tmp, { recursive: true, force: true });
  });

  it('gathers its four languages into the data folder at start', async () => {
    expect((await fs.readdir(path.join(tmp, 'data', 'tesseract-langs'))).sort()).toEqual([
      'deu.traineddata.gz', 'fra.traineddata.gz', 'por.traineddata.gz', 'spa.traineddata.gz',
    ]);
  });

  it('adds the accents the English reading dropped, and only those', async () => {
    const line = await renderLine('Noémie Grünwald');
    const card: ParsedCard = emptyParsedCard();
    const split = line.box.x0 + (line.box.x1 - line.box.x0) * 0.45;
    card.fullName = { value: 'Noemie Grunwald', confidence: 0.8, box: line.box };
    card.firstName = { value: 'Noemie', confidence: 0.8, box: { ...line.box, x1: split } };
    card.lastName = { value: 'Grunwald', confidence: 0.8, box: { ...line.box, x0: split } };
    const r = await applyDiacriticsPass(line, { width: line.width, height: line.height }, card, reader);
    expect(r.crops).toBe(1);
    expect(r.card.fullName.value).toBe('Noémie Grünwald');
    expect(r.card.firstName.value).toBe('Noémie');
    expect(r.card.lastName.value).toBe('Grünwald');
    expect(r.card.lastName.box).toEqual(card.lastName.box);
    expect(card.fullName.value).toBe('Noemie Grunwald'); // the input card is not changed
  });

  it('never replaces a field by other text found on the crop', async () => {
    const line = await renderLine('Noémie Grünwald');
    const card = emptyParsedCard();
    card.fullName = { value: 'Camille Bertrand', confidence: 0.8, box: line.box };
    const r = await applyDiacriticsPass(line, { width: line.width, height: line.height }, card, reader);
    expect(r.card.fullName.value).toBe('Camille Bertrand');
    expect(r.changes).toEqual([]);
  });
});
