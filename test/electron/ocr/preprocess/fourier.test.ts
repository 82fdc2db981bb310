import { describe, expect, it } from 'vitest';
import { fourier2d, powerOfTwoAtLeast } from '../../../../electron/ocr/preprocess/fourier';

/** The transform by its definition, O(n²): what the FFT must agree with. */
function naiveDft(re: number[], im: number[], width: number, height: number): { re: number[]; im: number[] } {
  const outRe: number[] = [];
  const outIm: number[] = [];
  for (let v = 0; v < height; v++) {
    for (let u = 0; u < width; u++) {
      let sr = 0;
      let si = 0;
      for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++) {
          const angle = -2 * Math.PI * ((u * x) / width + (v * y) / height);
          const r = re[y * width + x]!;
          const i = im[y * width + x]!;
          sr += r * Math.cos(angle) - i * Math.sin(angle);
          si += r * Math.sin(angle) + i * Math.cos(angle);
        }
      }
      outRe.push(sr);
      outIm.push(si);
    }
  }
  return { re: outRe, im: outIm };
}

describe('fourier2d', () => {
  const width = 8;
  const height = 4;
  const values = Array.from({ length: width * height }, (_, i) => Math.sin(i * 1.7) * 40 + (i % 5));

  it('agrees with the transform by its definition', () => {
    const re = Float64Array.from(values);
    const im = new Float64Array(width * height);
    fourier2d(re, im, width, height);
    const expected = naiveDft(values, new Array<number>(width * height).fill(0), width, height);
    for (let i = 0; i < re.length; i++) {
      expect(re[i]).toBeCloseTo(expected.re[i]!, 6);
      expect(im[i]).toBeCloseTo(expected.im[i]!, 6);
    }
  });

  it('gives the image back from its inverse', () => {
    const re = Float64Array.from(values);
    const im = new Float64Array(width * height);
    fourier2d(re, im, width, height);
    fourier2d(re, im, width, height, true);
    for (let i = 0; i < re.length; i++) {
      expect(re[i]).toBeCloseTo(values[i]!, 9);
      expect(im[i]).toBeCloseTo(0, 9);
    }
  });

  it('pads to the next power of two', () => {
    expect(powerOfTwoAtLeast(1)).toBe(1);
    expect(powerOfTwoAtLeast(1150)).toBe(2048);
    expect(powerOfTwoAtLeast(1024)).toBe(1024);
  });
});
