/** The enlarged line crop of the line refinement: its scale, and boxes read on it mapped back to the page. */
import type { Page } from 'tesseract.js';
import { describe, expect, it } from 'vitest';
import type { OcrBox } from '../../../../shared/parsing/ocr-types';
import { cropUpscaled, linesFromCrop } from '../../../../electron/ocr/passes/upscaled-line-crop';
import { blankPgm as blank } from '../../../support/ocr-lines';

const scaling = { targetLinePx: 48, maxScale: 3 };
const boxOfHeight = (h: number): OcrBox => ({ x0: 100, y0: 200, x1: 300, y1: 200 + h });

describe('cropUpscaled', () => {
  it('upscales small lines towards the target height, never down', async () => {
    const scales: number[] = [];
    for (const h of [16, 24, 60]) scales.push((await cropUpscaled(blank(400, 300), boxOfHeight(h), scaling)).scale);
    expect(scales).toEqual([3, 2, 1]);
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
});
