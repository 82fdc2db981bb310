/**
 * Crops of text lines out of the pre-processed image (the 8-bit binary PGM the main OCR
 * pass read), shared by the second passes that re-read single lines: the accents pass
 * (diacritics-pass.ts) and the line refinement (line-refinement.ts).
 */
import type { OcrBox } from '../../shared/parsing/ocr-types';

/** The pre-processed image as the scanner holds it: "P5\nW H\n255\n" + W·H bytes. */
export type PgmImage = { image: Buffer; width: number; height: number };

export interface Raster {
  data: Uint8Array;
  width: number;
  height: number;
}

/** Room kept around a box, as fractions of the box height. */
export interface CropMargins {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** Accents sit above the x-height box of lower-case words: more room above than below. */
export const ACCENT_MARGINS: CropMargins = { left: 0.35, right: 0.35, top: 0.3, bottom: 0.15 };

/** Start of the raster in a binary PGM. */
export function pgmPixels(pre: PgmImage): Buffer {
  return pre.image.subarray(pre.image.length - pre.width * pre.height);
}

/** Wrap a gray raster as a binary PGM (what tesseract.js reads without a decoder round trip). */
export function toPgm(r: Raster): Buffer {
  return Buffer.concat([Buffer.from(`P5\n${r.width} ${r.height}\n255\n`, 'ascii'), r.data]);
}

/** The box plus margins, clipped to the image (never empty). */
export function cropRaster(pre: PgmImage, box: OcrBox, margins: CropMargins = ACCENT_MARGINS): Raster {
  const h = Math.max(1, box.y1 - box.y0);
  const x0 = Math.max(0, Math.min(pre.width - 1, Math.floor(box.x0 - margins.left * h)));
  const x1 = Math.max(x0 + 1, Math.min(pre.width, Math.ceil(box.x1 + margins.right * h)));
  const y0 = Math.max(0, Math.min(pre.height - 1, Math.floor(box.y0 - margins.top * h)));
  const y1 = Math.max(y0 + 1, Math.min(pre.height, Math.ceil(box.y1 + margins.bottom * h)));
  const src = pgmPixels(pre);
  const w = x1 - x0;
  const data = new Uint8Array(w * (y1 - y0));
  for (let y = y0; y < y1; y++) data.set(src.subarray(y * pre.width + x0, y * pre.width + x1), (y - y0) * w);
  return { data, width: w, height: y1 - y0 };
}

/** Where cropRaster's raster starts in the image (to map boxes read on a crop back). */
export function cropOrigin(pre: Pick<PgmImage, 'width' | 'height'>, box: OcrBox, margins: CropMargins = ACCENT_MARGINS): { x: number; y: number } {
  const h = Math.max(1, box.y1 - box.y0);
  return {
    x: Math.max(0, Math.min(pre.width - 1, Math.floor(box.x0 - margins.left * h))),
    y: Math.max(0, Math.min(pre.height - 1, Math.floor(box.y0 - margins.top * h))),
  };
}

/** Bilinear resize of a gray raster (small crops only; no library round trip). */
export function resize(r: Raster, width: number, height: number): Raster {
  const out = new Uint8Array(width * height);
  const sx = r.width / width;
  const sy = r.height / height;
  for (let y = 0; y < height; y++) {
    const fy = Math.min(r.height - 1, Math.max(0, (y + 0.5) * sy - 0.5));
    const y0 = fy | 0;
    const y1 = Math.min(r.height - 1, y0 + 1);
    const ay = fy - y0;
    for (let x = 0; x < width; x++) {
      const fx = Math.min(r.width - 1, Math.max(0, (x + 0.5) * sx - 0.5));
      const x0 = fx | 0;
      const x1 = Math.min(r.width - 1, x0 + 1);
      const ax = fx - x0;
      const top = r.data[y0 * r.width + x0]! * (1 - ax) + r.data[y0 * r.width + x1]! * ax;
      const bot = r.data[y1 * r.width + x0]! * (1 - ax) + r.data[y1 * r.width + x1]! * ax;
      out[y * width + x] = (top * (1 - ay) + bot * ay + 0.5) | 0;
    }
  }
  return { data: out, width, height };
}

/** The raster centred on white paper with `pad` px on every side. */
export function padWhite(r: Raster, pad: number): Raster {
  const W = r.width + 2 * pad;
  const H = r.height + 2 * pad;
  const data = new Uint8Array(W * H).fill(255);
  for (let y = 0; y < r.height; y++) data.set(r.data.subarray(y * r.width, (y + 1) * r.width), (y + pad) * W + pad);
  return { data, width: W, height: H };
}
