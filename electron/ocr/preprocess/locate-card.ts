/**
 * The card in a decoded photo, at the OCR size: found on the table (card-detection.ts) and
 * warped flat (perspective-warp.ts), or the whole photo when no card is found or none is wanted.
 * Its rows are produced on demand (card-source.ts) by the lighting step.
 */
import { findCardQuad, insetQuad, scaleQuad, type Quad } from './card-detection';
import { imageSource, type CardSource } from './card-source';
import { resizeGray, type DecodedPhoto } from './decode';
import { rectifiedSize, warpSource } from './perspective-warp';
import type { Raster } from './raster';

/** Long side of the card in the OCR image (body text near tesseract's favourite size). */
const TARGET_LONG_SIDE = 1150;
/** Corners are pulled in by this fraction of the card size: drops the card's own edge and its shadow. */
const CORNER_INSET = 0.012;

export interface CardLocating {
  /** Do not look for the card (use the whole photo); the scanner's fallback when the crop reads badly. */
  noCrop?: boolean;
}

/**
 * The card in a decoded photo at the OCR size. `corners` are the card's in the working-size
 * photo (null: the whole photo was taken).
 */
export async function cardIn(photo: Pick<DecodedPhoto, 'gray' | 'small'>, opts: CardLocating = {}): Promise<{ source: CardSource; corners: Quad | null }> {
  const { gray, small } = photo;
  const targetLong = TARGET_LONG_SIDE;
  const quadSmall = opts.noCrop ? null : findCardQuad(small);
  const corners = quadSmall ? insetQuad(scaleQuad(quadSmall, gray.width / small.width, gray.height / small.height), CORNER_INSET) : null;
  return { source: corners ? cardSource(gray, corners, targetLong) : await wholePhoto(gray, targetLong), corners };
}

/** The card warped flat at the OCR size. */
function cardSource(gray: Raster, corners: Quad, targetLong: number): CardSource {
  const { width, height } = rectifiedSize(corners, targetLong);
  return warpSource(gray, corners, width, height);
}

/** No card found (or not wanted): the whole photo at the OCR size. */
async function wholePhoto(gray: Raster, targetLong: number): Promise<CardSource> {
  const s = targetLong / Math.max(gray.width, gray.height);
  // within 2 % of the size already: not worth a resampling blur
  const img = s < 0.98 || s > 1.02 ? await resizeGray(gray, Math.round(gray.width * s), Math.round(gray.height * s)) : gray;
  return imageSource(img);
}
