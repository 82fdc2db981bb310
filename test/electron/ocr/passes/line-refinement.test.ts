/**
 * Line refinement through its entry, refineLines: with a fake engine (which lines are read
 * again, in which mode, and when a re-reading is adopted), and one real English OCR run on a
 * small blurred line rendered here with sharp (invented text; no card file from the dev set).
 * Which lines are chosen is tested in lines-to-reread.test.ts, the crop in upscaled-line-crop.test.ts.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import type { Page } from 'tesseract.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OcrLine } from '../../../../shared/parsing/ocr-types';
import { refineLines } from '../../../../electron/ocr/passes/line-refinement';
import { tesseractEngineFactory, type OcrEngine } from '../../../../electron/ocr/engine/worker-pool';
import { resolveTesseractPaths } from '../../../../electron/ocr/engine/tesseract-paths';
import { blankPgm as blank, ocrLine as line, ocrPage as page } from '../../../support/ocr-lines';

/** What tesseract would return for a crop: one line of words, all read at `confidence` (0..1). */
function reading(text: string, confidence: number): Page {
  if (!text) return { blocks: [] } as unknown as Page;
  const bbox = { x0: 20, y0: 20, x1: 200, y1: 60 };
  const words = text.split(' ').map((t) => ({ text: t, confidence: confidence * 100, bbox })); // tesseract: 0..100
  return { blocks: [{ paragraphs: [{ lines: [{ bbox, words }] }] }] } as unknown as Page;
}

/** An engine that answers every crop with the same reading, and counts its calls. */
function engineReading(text: string, confidence: number): { recognize: (image: Buffer, psm: string) => Promise<Page>; psms: string[] } {
  const psms: string[] = [];
  return {
    psms,
    recognize: (_image, psm) => {
      psms.push(psm);
      return Promise.resolve(reading(text, confidence));
    },
  };
}

/** Whether refineLines adopted `next` (text, confidence) for a page holding only `old`. */
async function adopts(old: OcrLine, next: [string, number]): Promise<boolean> {
  const r = await refineLines(engineReading(...next), blank(600, 400), page([old], 600, 400));
  expect(r.rereads).toHaveLength(1);
  return r.replaced === 1;
}

describe('refineLines with a fake engine', () => {
  it('does not call the engine when every line is confident', async () => {
    const engine = { recognize: () => Promise.reject(new Error('must not be called')) };
    const r = await refineLines(engine, blank(600, 400), page([line('Quentin Aldous', 0.95, 50, 50, 30)], 600, 400));
    expect(r).toMatchObject({ rereads: [], replaced: 0 });
  });
  it('replaces a line only by a better reading, in single-line mode', async () => {
    const psms: string[] = [];
    const engine = {
      recognize: (_: Buffer, psm: string): Promise<Page> => {
        psms.push(psm);
        return Promise.resolve(psms.length === 1 ? reading('q.aldous@brimvale.example', 0.92) : reading('~~', 0.1));
      },
    };
    const p = page([line('q.aldous@brimv', 0.4, 50, 100, 20), line('+1 555 0100', 0.5, 50, 200, 20)], 600, 400);
    const r = await refineLines(engine, blank(600, 400), p);
    expect(psms).toEqual(['7', '7']);
    expect(r.rereads).toHaveLength(2);
    expect(r.rereads[0]?.before).toEqual([p.lines[0]]);
    expect(r.replaced).toBe(1);
    expect(r.page.text).toBe('q.aldous@brimvale.example\n+1 555 0100');
    expect(p.text).toBe('q.aldous@brimv\n+1 555 0100'); // the input page is not changed
  });
  it('reads a box holding two printed lines in block mode', async () => {
    const merged = line('Pauline Okafor', 0.6, 80, 100, 22);
    merged.words[1]!.box = { ...merged.words[1]!.box, y0: 130, y1: 152 };
    merged.box.y1 = 152;
    const engine = engineReading('Pauline Okafor', 0.9);
    await refineLines(engine, blank(600, 400), page([merged], 600, 400));
    expect(engine.psms).toEqual(['6']);
  });
  it('adopts a clearly surer reading', async () => {
    const old = line('e ryan.m@nor', 0.55, 0, 0, 20);
    expect(await adopts(old, ['e ryan.m@nor', 0.8])).toBe(true);
    expect(await adopts(old, ['e ryan.m@nor', 0.6])).toBe(false);
  });
  it('adopts a row whose lost rest came back, read as surely', async () => {
    const old = line('e ryan.m@nor', 0.7, 0, 0, 20);
    expect(await adopts(old, ['e ryan.m@northwise.example', 0.7])).toBe(true);
    expect(await adopts(old, ['e ryan.m@northwise.example', 0.5])).toBe(false);
  });
  it('refuses shorter text, even confident', async () => {
    const old = line('e ryan.m@nor', 0.55, 0, 0, 20);
    expect(await adopts(old, ['Ps', 0.99])).toBe(false);
    expect(await adopts(old, ['', 0.99])).toBe(false);
  });
  it('puts the re-read row in place of its first fragment and drops the others, text rebuilt', async () => {
    const p = page([line('Head of Sales', 0.95, 80, 100, 30), line('e jo.nakamura@ful', 0.5, 80, 300, 22), line('rcade.example', 0.6, 700, 301, 21)]);
    const r = await refineLines(engineReading('e jo.nakamura@fullarcade.example', 0.9), blank(1150, 660), p);
    expect(r.rereads).toHaveLength(1);
    expect(r.page.text).toBe('Head of Sales\ne jo.nakamura@fullarcade.example');
    expect(r.page.lines).toHaveLength(2);
    expect(p.lines).toHaveLength(3); // the input page is not changed
  });
  it('does nothing when the page was read from another image (rotated)', async () => {
    const engine = { recognize: () => Promise.reject(new Error('must not be called')) };
    const r = await refineLines(engine, blank(400, 600), page([line('garbled text', 0.2, 50, 100, 20)], 600, 400));
    expect(r.rereads).toEqual([]);
  });
});

// ------------------------------------------------------------------ real OCR

describe('real English OCR on a small blurred line', () => {
  let tmp: string;
  let engine: OcrEngine;
  beforeAll(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'leadbooth-refine-'));
    engine = await tesseractEngineFactory(resolveTesseractPaths(path.join(tmp, 'data')))();
  });
  afterAll(async () => {
    await engine?.terminate();
    if (tmp) await fs.rm(tmp, { recursive: true, force: true });
  });

  it('re-reads the line from an upscaled crop and puts the reading in its place', async () => {
    const width = 700;
    const height = 120;
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
      <rect width="100%" height="100%" fill="white"/>
      <text x="40" y="68" font-family="DejaVu Sans" font-size="15" fill="#222">mira.lindqvist@havtorn-labs.example</text></svg>`;
    const { data, info } = await sharp(Buffer.from(svg)).grayscale().blur(0.7).raw().toBuffer({ resolveWithObject: true });
    const pre = { image: Buffer.concat([Buffer.from(`P5\n${info.width} ${info.height}\n255\n`, 'ascii'), data]), width: info.width, height: info.height };
    // what a bad first pass leaves: the start of the line, unsure
    const first = page([line('mira.lindqv', 0.3, 40, 55, 18)], width, height);
    const r = await refineLines(engine, pre, first);
    expect(r.rereads).toHaveLength(1);
    expect(r.replaced).toBe(1);
    expect(r.page.text.replace(/\s+/g, '')).toContain('mira.lindqvist@havtorn-labs.example');
    const box = r.page.lines[0]!.box;
    expect(box.y0).toBeGreaterThan(40);
    expect(box.y1).toBeLessThan(85);
  });
});
