/** A line crop as the recognizer's network takes it: its scaled width and the normalised tensor. */
import { describe, expect, it } from 'vitest';
import { LINE_HEIGHT, scaledWidth, writeLine } from '../../../../electron/ocr/engine/recognizer-input';

describe('recognizer input', () => {
  it('scales a crop to the model height, its aspect stretched 1.5× (steps for doubled letters), within the widest line', () => {
    expect(scaledWidth({ width: 200, height: 24 })).toBe(600);
    expect(scaledWidth({ width: 100000, height: 10 })).toBe(1280);
  });

  it('writes a gray line into all three channels, white as 1 and black as -1, the padding 0', () => {
    const line = { data: Uint8Array.from({ length: 4 * 8 }, (_v, i) => (i % 8 < 4 ? 0 : 255)), width: 8, height: 4 };
    const batchWidth = 20;
    const tensor = new Float32Array(3 * LINE_HEIGHT * batchWidth);
    writeLine(tensor, 0, batchWidth, line, 16);
    const plane = LINE_HEIGHT * batchWidth;
    const row = 10 * batchWidth;
    for (const channel of [0, 1, 2]) {
      expect(tensor[channel * plane + row + 1]).toBe(-1);
      expect(tensor[channel * plane + row + 14]).toBe(1);
      expect(tensor[channel * plane + row + 18]).toBe(0);
    }
  });
});
