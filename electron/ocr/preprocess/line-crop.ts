/**
 * Crops of text lines out of the pre-processed image (the 8-bit binary PGM the main OCR
 * pass read), shared by the second passes that re-read single lines: the accents pass
 * (diacritics-pass.ts) and the line refinement (line-refinement.ts).
 */
import type { OcrBox } from '../../../shared/parsing/ocr-types';

import { pgmPixels, type GrayRaster, type PgmImage } from './raster';


/** Room kept around a box, as fractions of the box height. */
export interface CropMargins {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** Accents sit above the x-height box of lower-case words: more room above than below. */
const ACCENT_MARGINS: CropMargins = { left: 0.35, right: 0.35, top: 0.3, bottom: 0.15 };


/** Wrap a gray raster as a binary PGM (what tesseract.js reads without a decoder round trip). */
export function toPgm(r: GrayRaster): Buffer {
  return Buffer.concat([Buffer.from(`P5\n${r.width} ${r.height}\n255\n`, 'ascii'), r.data]);
}

/** The box plus margins, clipped to the image (never empty). */
export function cropRaster(pre: PgmImage, box: OcrBox, margins: CropMargins = ACCENT_MARGINS): GrayRaster {
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

/** The raster centred on white paper with `pad` px on every side. */
export function padWhite(r: GrayRaster, pad: number): GrayRaster {
  const width = r.width + 2 * pad;
  const height = r.height + 2 * pad;
  const data = new Uint8Array(width * height).fill(255);
  for (let y = 0; y < r.height; y++) data.set(r.data.subarray(y * r.width, (y + 1) * r.width), (y + pad) * width + pad);
  return { data, width, height };
}
