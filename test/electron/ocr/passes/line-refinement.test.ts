/**
 * Line refinement: which lines are re-read, the crop geometry, the adoption rule (pure
 * functions, a fake engine), and one real English OCR run on a small blurred line
 * rendered here with sharp (invented text; no card file from the dev set).
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import type { Page } from 'tesseract.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OcrBox, OcrLine, OcrPage } from '../../../../shared/parsing/ocr-types';
import {
  cropUpscaled, isBetter, linesFromCrop, looksMerged, refineLines, scaleFor, selectLines, withReplacements, LINE_REFINEMENT_DEFAULTS,
} from '../../../../electron/ocr/passes/line-refinement';
import { tesseractEngineFactory, type OcrEngine } from '../../../../electron/ocr/engine/worker-pool';
import { resolveTesseractPaths } from '../../../../electron/ocr/engine/tesseract-paths';

/** A line of evenly spaced words (box height h) starting at (x, y). */
function line(text: string, confidence: number, x: number, y: number, h: number): OcrLine {
  let cx = x;
  const words = text.split(' ').map((t) => {
    const box = { x0: cx, y0: y, x1: cx + t.length * h * 0.5, y1: y + h };
    cx = box.x1 + h * 0.4;
    return { text: t, confidence, box };
  });
  return { text, confidence, box: { x0: x, y0: y, x1: cx, y1: y + h }, words };
}

const page = (lines: OcrLine[], width = 1150, height = 660): OcrPage => ({ width, height, lines, text: lines.map((l) => l.text).join('\n') });

const blank = (width: number, height: number): { image: Buffer; width: number; height: number } => ({
  image: Buffer.concat([Buffer.from(`P5\n${width} ${height}\n255\n`, 'ascii'), Buffer.alloc(width * height, 255)]),
  width,
  height,
});

describe('selectLines', () => {
  const settings = { ...LINE_REFINEMENT_DEFAULTS };
  it('leaves confident lines alone and takes unsure or small ones, worst first', () => {
    const p = page([
      line('Ottilie Brandvold', 0.95, 80, 60, 44),
      line('Head of Logistics', 0.93, 80, 120, 22),
      line('o.brandvold@tindra-x.example', 0.42, 80, 300, 20),
      line('+47 555 01 234', 0.8, 80, 340, 20),
      line('Storgata 12', 0.9, 80, 400, 30),
    ]);
    const picked = selectLines(p, settings).map((c) => c.indices);
    expect(picked).toEqual([[2], [3]]);
  });
  it('skips specks and single marks, and caps the number of lines', () => {
    const p = page([
      line('A@|', 0.1, 80, 200, 7),
      line('@', 0.2, 80, 250, 60),
      ...Array.from({ length: 9 }, (_, i) => line(`line number ${i}`, 0.3 + i * 0.01, 80, 300 + 40 * i, 22)),
    ]);
    const picked = selectLines(p, { ...settings, maxLines: 4 });
    expect(picked).toHaveLength(4);
    expect(picked.map((c) => c.indices[0])).toEqual([2, 3, 4, 5]);
  });
  it('takes the whole row: the fragments beside a line and the card width', () => {
    const p = page([line('e jo.nakamura@ful', 0.5, 80, 300, 22), line('Pq', 0.3, 600, 303, 8), line('rcade.example', 0.6, 700, 301, 21)]);
    const [c] = selectLines(p, settings);
    expect(c?.indices.sort()).toEqual([0, 2]);
    expect(c?.box.x0).toBe(0);
    expect(c?.box.x1).toBe(1150);
  });
  it('reads a box holding two printed lines as a block', () => {
    const merged = line('Pauline Okafor', 0.6, 80, 100, 22);
    merged.words[1]!.box = { ...merged.words[1]!.box, y0: 130, y1: 152 };
    merged.box.y1 = 152;
    expect(looksMerged(merged)).toBe(true);
    expect(looksMerged(line('Pauline Okafor', 0.6, 80, 100, 22))).toBe(false);
    expect(selectLines(page([merged]), settings)[0]).toMatchObject({ indices: [0], merged: true });
  });
});

describe('isBetter', () => {
  const old = [line('e ryan.m@nor', 0.55, 0, 0, 20)];
  it('adopts a clearly surer reading', () => {
    expect(isBetter(old, [line('e ryan.m@nor', 0.8, 0, 0, 20)], 0.08)).toBe(true);
    expect(isBetter(old, [line('e ryan.m@nor', 0.6, 0, 0, 20)], 0.08)).toBe(false);
  });
  it('adopts a row whose lost rest came back, read as surely', () => {
    expect(isBetter([line('e ryan.m@nor', 0.7, 0, 0, 20)], [line('e ryan.m@northwise.example', 0.7, 0, 0, 20)], 0.08)).toBe(true);
    expect(isBetter([line('e ryan.m@nor', 0.7, 0, 0, 20)], [line('e ryan.m@northwise.example', 0.5, 0, 0, 20)], 0.08)).toBe(false);
  });
  it('refuses shorter text, even confident', () => {
    expect(isBetter(old, [line('Ps', 0.99, 0, 0, 20)], 0.08)).toBe(false);
    expect(isBetter(old, [], 0.08)).toBe(false);
  });
});

describe('crop geometry', () => {
  it('upscales small lines towards the target height, never down', () => {
    expect(scaleFor(16, 48, 3)).toBe(3);
    expect(scaleFor(24, 48, 3)).toBe(2);
    expect(scaleFor(60, 48, 3)).toBe(1);
  });
  it('maps boxes read on the crop back to the page', async () => {
    const box: OcrBox = { x0: 100, y0: 200, x1: 300, y1: 220 };
    const crop = await cropUpscaled(blank(400, 300), box, { targetLinePx: 40, maxScale: 3 });
    expect(crop.scale).toBe(2);
    expect(crop.image.subarray(0, 2).toString('ascii')).toBe('P5');
    // a word read at the crop's top-left text corner lands at the box's top-left corner
    const at = (x: number, y: number): number[] => [crop.pad + (x - crop.origin.x) * crop.scale, crop.pad + (y - crop.origin.y) * crop.scale];
    const [x0, y0] = at(100, 200);
    const [x1, y1] = at(300, 220);
    const bbox = { x0: x0!, y0: y0!, x1: x1!, y1: y1! };
    const data = { blocks: [{ paragraphs: [{ lines: [{ bbox, words: [{ text: 'hi', confidence: 90, bbox }] }] }] }] } as unknown as Page;
    const [l] = linesFromCrop(data, crop);
    expect(l?.box).toEqual(box);
    expect(l?.words[0]?.confidence).toBeCloseTo(0.9);
  });
  it('rebuilds the page text when lines are replaced or dropped', () => {
    const p = page([line('a b', 0.9, 0, 0, 20), line('c', 0.9, 0, 40, 20), line('d', 0.9, 0, 80, 20)]);
    const q = withReplacements(p, new Map([[0, [line('x y', 0.9, 0, 0, 20)]], [1, []]]));
    expect(q.text).toBe('x y\nd');
    expect(p.text).toBe('a b\nc\nd');
  });
});

describe('refineLines with a fake engine', () => {
  const reading = (text: string, confidence: number): Page => {
    const bbox = { x0: 20, y0: 20, x1: 200, y1: 60 };
    const words = text.split(' ').map((t) => ({ text: t, confidence: confidence * 100, bbox })); // tesseract: 0..100
    return { blocks: [{ paragraphs: [{ lines: [{ bbox, words }] }] }] } as unknown as Page;
  };
  it('does not call the engine when every line is confident', async () => {
    const engine = { recognize: () => Promise.reject(new Error('must not be called')) };
    const r = await refineLines(engine, blank(600, 400), page([line('Quentin Aldous', 0.95, 50, 50, 30)], 600, 400));
    expect(r).toMatchObject({ reread: 0, replaced: 0 });
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
    expect(r).toMatchObject({ reread: 2, replaced: 1 });
    expect(r.page.text).toBe('q.aldous@brimvale.example\n+1 555 0100');
    expect(p.text).toBe('q.aldous@brimv\n+1 555 0100'); // the input page is not changed
  });
  it('does nothing when the page was read from another image (rotated)', async () => {
    const engine = { recognize: () => Promise.reject(new Error('must not be called')) };
    const r = await refineLines(engine, blank(400, 600), page([line('garbled text', 0.2, 50, 100, 20)], 600, 400));
    expect(r.reread).toBe(0);
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
    expect(r.reread).toBe(1);
    expect(r.replaced).toBe(1);
    expect(r.page.text.replace(/\s+/g, '')).toContain('mira.lindqvist@havtorn-labs.example');
    const box = r.page.lines[0]!.box;
    expect(box.y0).toBeGreaterThan(40);
    expect(box.y1).toBeLessThan(85);
  });
});
