import { describe, expect, it } from 'vitest';
import { wordCropBox } from '../../../../electron/ocr/passes/contact-recognition';
import type { OcrBox, OcrLine } from '../../../../shared/parsing/ocr-types';

/** A line of words with the given boxes (x0, x1), all 20 px tall. */
function line(words: Array<[string, number, number]>): OcrLine {
  const box = (x0: number, x1: number): OcrBox => ({ x0, x1, y0: 100, y1: 120 });
  return {
    text: words.map(([t]) => t).join(' '),
    confidence: 0.9,
    box: box(Math.min(...words.map((w) => w[1])), Math.max(...words.map((w) => w[2]))),
    words: words.map(([text, x0, x1]) => ({ text, confidence: 0.9, box: box(x0, x1) })),
  };
}

describe('wordCropBox', () => {
  it('gives a word room on either side, but stops halfway to its neighbours', () => {
    const l = line([['Tel', 100, 140], ['+49', 150, 190], ['30', 230, 250]]);
    expect(wordCropBox(l, 1)).toMatchObject({ x0: 145, x1: 195 });
    expect(wordCropBox(l, 2)).toMatchObject({ x0: 225, x1: 255 });
  });

  it('cuts a box that reaches over the next word where that word starts', () => {
    // "Direct." given a box over the number after it
    const l = line([['Direct.', 100, 300], ['+49', 220, 260]]);
    expect(wordCropBox(l, 0).x1).toBe(219);
    expect(wordCropBox(l, 1).x0).toBe(215);
  });

  it('keeps a short word its own box when the longer word before it reaches over it', () => {
    // "dunsway." read with a box ending where "es" ends: cut at that end, "es" kept its last pixels only
    const l = line([['dunsway.', 465, 556], ['es', 540, 560]]);
    const es = wordCropBox(l, 1);
    expect(es.x0).toBe(540);
    expect(es.x1).toBe(565);
    expect(wordCropBox(l, 0).x1).toBe(539);
  });
});
