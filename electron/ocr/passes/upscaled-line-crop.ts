/**
 * A text line cut out of the pre-processed image and enlarged for a second reading
 * (line-refinement.ts): small contact lines are often only 15–25 px tall, and tesseract's
 * LSTM reads best at about twice that. Lanczos upscale and a light unsharp mask (blurred
 * photos gain most), on white paper; what tesseract reads on the crop is mapped back to
 * the page's coordinates.
 */
import sharp from 'sharp';
import type { Page } from 'tesseract.js';
import type { OcrBox, OcrLine } from '../../../shared/parsing/ocr-types';
import { pageLines } from '../engine/page-lines';
import { cropOrigin, cropRaster, padWhite, toPgm, type CropMargins } from '../preprocess/line-crop';
import type { GrayRaster, PgmImage } from '../preprocess/raster';

export interface UpscaledCrop {
  image: Buffer;
  /** page x = origin.x + (crop x − pad) / scale (same for y) */
  origin: { x: number; y: number };
  scale: number;
  pad: number;
}

/** How large the crop is made: the line box about `targetLinePx` tall, by 1×–`maxScale`×. */
export interface CropScaling {
  targetLinePx: number;
  maxScale: number;
}

/** Room around a line: enough paper for tesseract, little of the neighbouring lines. */
const LINE_MARGINS: CropMargins = { left: 0.6, right: 0.6, top: 0.25, bottom: 0.25 };

/** White border around an upscaled crop (px): tesseract's line finder wants some paper. */
const CROP_PAD = 16;

/** Scale for a line box of height `h`: towards `targetPx`, never down, at most `maxScale`. */
function scaleFor(h: number, targetPx: number, maxScale: number): number {
  return Math.max(1, Math.min(maxScale, targetPx / Math.max(1, h)));
}

async function upscale(r: GrayRaster, scale: number): Promise<GrayRaster> {
  if (scale <= 1.05) return r;
  const width = Math.max(1, Math.round(r.width * scale));
  const h = Math.max(1, Math.round(r.height * scale));
  const { data, info } = await sharp(Buffer.from(r.data.buffer, r.data.byteOffset, r.data.byteLength), { raw: { width: r.width, height: r.height, channels: 1 } })
    .resize(width, h, { kernel: 'lanczos3', fit: 'fill' })
    .sharpen({ sigma: 1 })
    .toColourspace('b-w')
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data.buffer, data.byteOffset, info.width * info.height), width: info.width, height: info.height };
}

/** The box (with room around it) out of `pre`, enlarged, as a PGM tesseract reads directly. */
export async function cropUpscaled(pre: PgmImage, box: OcrBox, s: CropScaling): Promise<UpscaledCrop> {
  const scale = scaleFor(Math.max(0, box.y1 - box.y0), s.targetLinePx, s.maxScale);
  const raster = await upscale(cropRaster(pre, box, LINE_MARGINS), scale);
  const real = scale <= 1.05 ? 1 : scale;
  return { image: toPgm(padWhite(raster, CROP_PAD)), origin: cropOrigin(pre, box, LINE_MARGINS), scale: real, pad: CROP_PAD };
}

function toPageBox(b: OcrBox, c: Pick<UpscaledCrop, 'origin' | 'scale' | 'pad'>): OcrBox {
  const m = (v: number, o: number): number => Math.round(o + (v - c.pad) / c.scale);
  return { x0: m(b.x0, c.origin.x), y0: m(b.y0, c.origin.y), x1: m(b.x1, c.origin.x), y1: m(b.y1, c.origin.y) };
}

/** tesseract's reading of a crop → lines in page coordinates (empty words dropped). */
export function linesFromCrop(data: Page, crop: Pick<UpscaledCrop, 'origin' | 'scale' | 'pad'>): OcrLine[] {
  return pageLines(data, (b) => toPageBox(b, crop));
}
