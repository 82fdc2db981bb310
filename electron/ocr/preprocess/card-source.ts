/**
 * Where the card's pixels come from, at the OCR size, one row at a time: either warped
 * out of the photo through the card's homography (the usual case) or read from an image
 * that already is the card (no card found, or the photo is just the card). The lighting
 * step pulls rows from a CardSource, so the warped card is never stored as a whole: each
 * row is produced into a small buffer, normalised while it is in cache, and written
 * straight into the image tesseract gets.
 */
import type { Raster } from './raster';

export interface CardSource {
  readonly width: number;
  readonly height: number;
  /** Row y of the card (width bytes). The array may be reused by the next call. */
  row(y: number): Uint8Array;
  /** Every `step`-th pixel of row y, starting at x = `offset`, into dst. */
  sample(y: number, offset: number, step: number, dst: Uint8Array): void;
}

/** An image that already is the card. */
export function imageSource(img: Raster): CardSource {
  const { width, height, data } = img;
  return {
    width,
    height,
    row: (y) => data.subarray(y * width, (y + 1) * width),
    sample(y, offset, step, dst) {
      const start = y * width;
      for (let x = offset, j = 0; x < width; x += step, j++) dst[j] = data[start + x]!;
    },
  };
}
