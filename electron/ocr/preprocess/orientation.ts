/**
 * Quarter turns of the gray OCR image, for the scanner's retries on sideways or
 * upside-down photos. Plain index arithmetic on the PGM's pixels: no decoder round-trip.
 */
import { allocPgm, pgmPixels, type PgmImage } from './raster';

/** Turn the image clockwise by `angle` degrees. */
export function rotatePgm(pre: PgmImage, angle: 90 | 180 | 270): PgmImage {
  const { width: w, height: h } = pre;
  const src = pgmPixels(pre);
  const turned = angle === 180 ? allocPgm(w, h) : allocPgm(h, w);
  const dst = turned.pixels;
  if (angle === 180) {
    const n = w * h;
    for (let i = 0; i < n; i++) dst[i] = src[n - 1 - i]!;
  } else if (angle === 90) {
    // clockwise: source row y becomes destination column h − 1 − y
    for (let y = 0; y < h; y++) {
      const row = y * w;
      const col = h - 1 - y;
      for (let x = 0; x < w; x++) dst[x * h + col] = src[row + x]!;
    }
  } else {
    // counter-clockwise: source row y becomes destination column y, read bottom-up
    for (let y = 0; y < h; y++) {
      const row = y * w;
      for (let x = 0; x < w; x++) dst[(w - 1 - x) * h + y] = src[row + x]!;
    }
  }
  return { image: turned.image, width: turned.width, height: turned.height };
}
