/**
 * Card-photo pre-processing for OCR: the public entry point. The steps live in
 * ./preprocess/, one job per file:
 *
 *   input-validation  sniff the file type from its bytes (never trust the extension) and
 *                     refuse what we cannot read with a ScanInputError that says what to do;
 *   decode            decode with sharp, EXIF orientation applied, shrunk on load to a
 *                     working size (gray) and a small colour copy (for detection);
 *   motion-blur       a photo smeared by a moving hand: the smear measured and undone in the
 *                     gray working image (fourier: the transforms it needs);
 *   card-detection    find the card on the table (edge-based Hough lines → quadrilateral);
 *   perspective-warp  warp it flat (homography, bilinear), which also removes small
 *                     rotation and perspective and scales it to the OCR size in one resampling;
 *   locate-card       the card at the OCR size: found and warped, or the whole photo;
 *   card-source       the card's rows at the OCR size, warped on demand or read from an image;
 *   lighting          flat-field the lighting, pick the text polarity, stretch the contrast,
 *                     in one pass that pulls the rows and writes the OCR image;
 *   dark-panel        a light-on-dark band of the card cut out inverted, before lighting evens it away;
 *   orientation       quarter turns of the result, for the scanner's retries.
 *
 * The card lands at TARGET_LONG_SIDE px (locate-card.ts) (body text near tesseract's favourite
 * size) and tesseract gets an 8-bit grayscale PGM (no encoding cost; leptonica reads PNM
 * natively).
 *
 * Huge images: anything up to MAX_INPUT_PIXELS (150 MP, e.g. 12000×12000) is decoded with
 * shrink-on-load / sequential access straight to the working size, so memory stays
 * small; larger ones are refused with `image_too_large` before decoding.
 */
import { decodePhoto, type QuarterTurn } from './preprocess/decode';
import { MIME, type ImageFormat } from './preprocess/input-validation';
import { cardIn, type CardLocating } from './preprocess/locate-card';
import { normaliseCard } from './preprocess/lighting';
import { extractDarkPanel, type DarkPanel } from './preprocess/dark-panel';
import { removeMotionBlur } from './preprocess/motion-blur';
import { allocPgm } from './preprocess/raster';

export { ScanInputError } from './preprocess/input-validation';
export { rotatePgm } from './preprocess/orientation';

export interface PreprocessOptions extends CardLocating {
  /** Extra rotation (clockwise degrees, multiple of 90) applied after EXIF; used for retries. */
  rotate?: QuarterTurn;
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
  steps: { cropped: boolean; inverted: boolean; deblurred: boolean; corners: Array<[number, number]> | null };
  /** A light-on-dark band or footer of the card, as its own dark-on-light image (preprocess/dark-panel.ts). */
  panel?: DarkPanel;
}

export async function preprocessImage(bytes: Uint8Array, name = 'the file', opts: PreprocessOptions = {}): Promise<PreprocessResult> {
  const photo = await decodePhoto(bytes, name, opts.rotate ?? 0);
  const { source, corners } = await cardIn(photo, opts);
  // The smear is measured on the card and undone in the photo, where it is one straight line whatever
  // the card's angle; the card's rows are warped from the photo only when the lighting step pulls them.
  const deblurred = corners !== null && photo.gray.channels === 1 && removeMotionBlur(photo.gray.data, photo.gray.width, photo.gray.height, corners) !== null;
  const pgm = allocPgm(source.width, source.height);
  const { inverted } = normaliseCard(source, pgm.pixels);
  const panel = extractDarkPanel(source, inverted);
  return {
    image: pgm.image,
    width: source.width,
    height: source.height,
    format: photo.format,
    mime: MIME[photo.format],
    originalWidth: photo.width,
    originalHeight: photo.height,
    steps: { cropped: corners !== null, inverted, deblurred, corners },
    ...(panel ? { panel } : {}),
  };
}
