/**
 * Line refinement: a second look at the text lines the first OCR pass read badly.
 *
 * On blurred, noisy or downscaled photos the small contact lines (e-mail, website, phone;
 * often only 15–25 px tall in the OCR image) come out as low-confidence garbage, or two
 * printed lines end up in one box. Here those lines are cut out of the SAME pre-processed
 * image, upscaled (Lanczos + a light unsharp mask, so tesseract's LSTM sees text at the
 * size it reads best) and re-read with the same English engine — single-line mode for a
 * line, block mode for a box that holds two lines. A re-reading replaces the line only
 * when tesseract is clearly surer of it and it did not lose text, so a line read well
 * stays as it was. Runs inside the scanner's pool job: no extra worker, no extra memory.
 */
import type { OcrLine, OcrPage } from '../../../shared/parsing/ocr-types';
import { letterAndDigitCount } from '../../../shared/parsing/text';
import type { PgmImage } from '../preprocess/raster';
import type { OcrEngine } from '../engine/worker-pool';
import { selectLines, type LineSelection } from './lines-to-reread';
import { cropUpscaled, linesFromCrop } from './upscaled-line-crop';

/** Which lines are read again (lines-to-reread.ts); the defaults suit a whole card. */
export interface LineRefinementOptions {
  /** Lines whose mean confidence is below this are re-read. */
  maxConfidence?: number;
  /** Small lines are re-read up to this confidence. */
  smallMaxConfidence?: number;
  /** At most this many re-reads per card (the time budget). */
  maxLines?: number;
  /** Only these lines (indices into the page) are considered; default every line. */
  onlyLines?: readonly number[];
  signal?: AbortSignal;
}

/** A crop read again: the lines it covered and what the re-reading found there (page coordinates). */
interface Reread {
  before: OcrLine[];
  after: OcrLine[];
}

export interface LineRefinementResult {
  page: OcrPage;
  /** Every crop read again, adopted or not (second-reading.ts compares them with the fields). */
  rereads: Reread[];
  replaced: number;
  ms: number;
}

const SELECTION_DEFAULTS: LineSelection = { maxConfidence: 0.75, smallMaxConfidence: 0.85, smallPx: 24, maxLines: 6 };

/** Crops are scaled so the line box is about this tall (px), by 1×–3× (upscaled-line-crop.ts). */
const CROP_SCALING = { targetLinePx: 48, maxScale: 3 } as const;

/** A re-reading must beat the old line's mean confidence by this much. */
const MIN_GAIN = 0.08;

/** A re-read row that recovers more text must still be read at least this surely. */
const MIN_EXTENDED_CONFIDENCE = 0.6;

// ---------------------------------------------------------------- adoption

/** Mean confidence over letters and digits (a long word counts more than a stray mark). */
function charConfidence(lines: readonly OcrLine[]): number {
  let n = 0;
  let sum = 0;
  for (const l of lines) {
    for (const w of l.words) {
      const k = letterAndDigitCount(w.text);
      n += k;
      sum += k * w.confidence;
    }
  }
  return n ? sum / n : 0;
}

/**
 * Is the re-reading better? Clearly surer (by MIN_GAIN, over letters and digits), and not
 * shorter garbage: it must keep most of the old line's letters and digits — a crop read
 * as two confident letters is not an improvement on a long unsure line.
 */
function isBetter(old: readonly OcrLine[], next: readonly OcrLine[]): boolean {
  if (!next.length) return false;
  const chars = (ls: readonly OcrLine[]): number => ls.reduce((t, l) => t + letterAndDigitCount(l.text), 0);
  const [oldChars, nextChars] = [chars(old), chars(next)];
  if (nextChars < 0.75 * oldChars || nextChars < 3) return false;
  const [was, now] = [charConfidence(old), charConfidence(next)];
  if (now >= was + MIN_GAIN) return true;
  // the rest of a row the first pass cut short, read as surely as the part it had
  return nextChars >= oldChars + 4 && now >= Math.max(MIN_EXTENDED_CONFIDENCE, was - 0.02);
}

// ---------------------------------------------------------------- the step

/**
 * Re-read the lines of `page` that need it from `pre` (the image the page was read from)
 * and return a new page with the better readings in place (the input is not changed).
 */
export async function refineLines(
  engine: Pick<OcrEngine, 'recognize'>,
  pre: PgmImage,
  page: OcrPage,
  opts: LineRefinementOptions = {},
): Promise<LineRefinementResult> {
  const t0 = performance.now();
  const rereads: Reread[] = [];
  if (page.width !== pre.width || page.height !== pre.height) return { page, rereads, replaced: 0, ms: performance.now() - t0 };
  const selection: LineSelection = {
    maxConfidence: opts.maxConfidence ?? SELECTION_DEFAULTS.maxConfidence,
    smallMaxConfidence: opts.smallMaxConfidence ?? SELECTION_DEFAULTS.smallMaxConfidence,
    smallPx: SELECTION_DEFAULTS.smallPx,
    maxLines: opts.maxLines ?? SELECTION_DEFAULTS.maxLines,
  };
  const replacements = new Map<number, OcrLine[]>();
  for (const c of selectLines(page, selection, opts.onlyLines)) {
    if (opts.signal?.aborted) break;
    const before = c.indices.map((j) => page.lines[j]!);
    const crop = await cropUpscaled(pre, c.box, CROP_SCALING);
    // a box holding two printed lines is read as a block (6), any other as one line (7)
    const after = linesFromCrop(await engine.recognize(crop.image, c.merged ? '6' : '7'), crop);
    rereads.push({ before, after });
    if (!isBetter(before, after)) continue;
    // the row's first line takes the re-reading, its other fragments go
    c.indices.forEach((j, k) => replacements.set(j, k === 0 ? after : []));
  }
  const replaced = [...replacements.values()].filter((v) => v.length).length;
  return { page: replacements.size ? withReplacements(page, replacements) : page, rereads, replaced, ms: performance.now() - t0 };
}

/** The page with some lines replaced by their re-readings (in reading order, text rebuilt). */
function withReplacements(page: OcrPage, replacements: ReadonlyMap<number, readonly OcrLine[]>): OcrPage {
  const lines = page.lines.flatMap((l, i) => [...(replacements.get(i) ?? [l])]);
  return { ...page, lines, text: lines.map((l) => l.text).join('\n') };
}
