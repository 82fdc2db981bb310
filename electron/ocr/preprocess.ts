/**
 * Card-photo pre-processing for OCR: the public entry point. The steps live in
 * ./preprocess/, one job per file:
 *
 *   input-validation  sniff the file type from its bytes (never trust the extension) and
 *                     refuse what we cannot read with a ScanInputError that says what to do;
 *   decode            decode with sharp, EXIF orientation applied, shrunk on load to a
 *                     working size (gray) and a small colour copy (for detection);
 *   card-detection    find the card on the table (edge-based Hough lines → quadrilateral);
 *   perspective-warp  warp it flat (homography, bilinear), which also removes small
 *                     rotation and perspective and scales it to the OCR size in one resampling;
 *   card-source       the card's rows at the OCR size, warped on demand or read from an image;
 *   lighting          flat-field the lighting, pick the text polarity, stretch the contrast,
 *                     in one pass that pulls the rows and writes the OCR image;
 *   dark-panel        a light-on-dark band of the card cut out inverted, before lighting evens it away;
 *   orientation       quarter turns of the result, for the scanner's retries.
 *
 * The card lands at DEFAULT_TARGET_LONG_SIDE px (body text near tesseract's favourite
 * size) and tesseract gets an 8-bit grayscale PGM (no encoding cost; leptonica reads PNM
 * natively).
 *
 * Huge images: anything up to MAX_INPUT_PIXELS (150 MP, e.g. 12000×12000) is decoded with
 * shrink-on-load / sequential access straight to the working size, so memory stays
 * small; larger ones are refused with `image_too_large` before decoding.
 */
import { findCardQuad, insetQuad, scaleQuad, type Quad } from './preprocess/card-detection';
import { decodePhoto, resizeGray, type QuarterTurn } from './preprocess/decode';
import { MIME, type ImageFormat } from './preprocess/input-validation';
import { imageSource, materialise, type CardSource } from './preprocess/card-source';
import { normaliseCard } from './preprocess/lighting';
import { extractDarkPanel, type DarkPanel } from './preprocess/dark-panel';
import { rectifiedSize, warpSource } from './preprocess/perspective-warp';
import { allocPgm, type Raster } from './preprocess/raster';

export { findCardQuad } from './preprocess/card-detection';
export {
  ScanInputError,
  sniffFormat,
  type ScanInputErrorCode,
} from './preprocess/input-validation';
export { rotatePgm } from './preprocess/orientation';

export interface PreprocessOptions {
  /** Extra rotation (clockwise degrees, multiple of 90) applied after EXIF; used for retries. */
  rotate?: QuarterTurn;
  /** Target long side of the card in the OCR image (px). */
  targetLongSide?: number;
  /** Do not look for the card (use the whole photo); the scanner's fallback when the crop reads badly. */
  noCrop?: boolean;
  /**
   * Shown each intermediate image (benchmarks and debugging: test/bench/ocr-cer.ts --debug writes
   * them as PNG files); the shipped scanner passes nothing.
   */
  inspect?: (stage: string, image: Raster) => void | Promise<void>;
}

export interface PreprocessResult {
  /** 8-bit grayscale image for tesseract (binary PGM, "P5"). */
  image: Buffer;
  width: number;
  height: number;
  /** Source format and size as stored (before EXIF rotation). */
  format: ImageFormat;
  mime: string;
  originalWidth: number;
  originalHeight: number;
  /** What was done, for logs and tests. */
  steps: { cropped: boolean; inverted: boolean; corners: Array<[number, number]> | null };
  /** A light-on-dark band or footer of the card, as its own dark-on-light image (preprocess/dark-panel.ts). */
  panel?: DarkPanel;
}

/** Default long side of the card in the OCR image. */
const DEFAULT_TARGET_LONG_SIDE = 1150;
/** Corners are pulled in by this fraction of the card size: drops the card's own edge and its shadow. */
const CORNER_INSET = 0.012;

export async function preprocessImage(bytes: Uint8Array, name = 'the file', opts: PreprocessOptions = {}): Promise<PreprocessResult> {
  const photo = await decodePhoto(bytes, name, opts.rotate ?? 0);
  const { gray, small } = photo;
  await opts.inspect?.('0-gray', gray);
  await opts.inspect?.('small', small);
  const targetLong = opts.targetLongSide ?? DEFAULT_TARGET_LONG_SIDE;
  const quadSmall = opts.noCrop ? null : findCardQuad(small);
  const corners = quadSmall ? insetQuad(scaleQuad(quadSmall, gray.width / small.width, gray.height / small.height), CORNER_INSET) : null;
  const source = corners ? cardSource(gray, corners, targetLong) : await wholePhoto(gray, targetLong);
  if (opts.inspect) await opts.inspect('1-card', materialise(source));
  const pgm = allocPgm(source.width, source.height);
  const { inverted } = normaliseCard(source, pgm.pixels);
  const panel = extractDarkPanel(source, inverted);
  await opts.inspect?.('2-norm', { data: pgm.pixels, width: source.width, height: source.height, channels: 1 });
  return {
    image: pgm.image,
    width: source.width,
    height: source.height,
    format: photo.format,
    mime: MIME[photo.format],
    originalWidth: photo.width,
    originalHeight: photo.height,
    steps: { cropped: corners !== null, inverted, corners },
    ...(panel ? { panel } : {}),
  };
}

/** The card warped flat at the OCR size (rows produced on demand by the lighting pass). */
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
