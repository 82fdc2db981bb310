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
import sharp from 'sharp';
import type { Page } from 'tesseract.js';
import type { OcrBox, OcrLine, OcrPage, OcrWord } from '../../../shared/parsing/ocr-types';
import { pageLines } from '../engine/page-lines';
import { cropOrigin, cropRaster, padWhite, toPgm, type CropMargins } from '../preprocess/line-crop';
import type { GrayRaster, PgmImage } from '../preprocess/raster';
import type { OcrEngine } from '../engine/worker-pool';

export interface LineRefinementOptions {
  /** Lines whose mean confidence is below this are re-read. */
  maxConfidence?: number;
  /** Small lines (box height below `smallPx`) are re-read up to this confidence. */
  smallMaxConfidence?: number;
  smallPx?: number;
  /** At most this many re-reads per card (the time budget). */
  maxLines?: number;
  /** Only these lines (indices into the page) are considered; default every line. */
  onlyLines?: readonly number[];
  /** Crops are scaled so the line box is about this tall (px), by 1×–`maxScale`×. */
  targetLinePx?: number;
  maxScale?: number;
  /** A re-reading must beat the old line's mean confidence by this much. */
  minGain?: number;
  signal?: AbortSignal;
  /** For benchmarks and debugging: every re-read line, adopted or not. */
  onReread?: (r: Reread) => void;
}

export interface Reread {
  before: OcrLine[];
  after: OcrLine[];
  psm: '6' | '7';
  adopted: boolean;
}

export interface LineRefinementResult {
  page: OcrPage;
  reread: number;
  replaced: number;
  ms: number;
}

export const LINE_REFINEMENT_DEFAULTS = {
  maxConfidence: 0.75,
  smallMaxConfidence: 0.85,
  smallPx: 24,
  maxLines: 6,
  targetLinePx: 48,
  maxScale: 3,
  minGain: 0.08,
} as const;

type Settings = Required<Omit<LineRefinementOptions, 'signal' | 'onReread' | 'onlyLines'>>;

/** Room around a line: enough paper for tesseract, little of the neighbouring lines. */
const LINE_MARGINS: CropMargins = { left: 0.6, right: 0.6, top: 0.25, bottom: 0.25 };

/** White border around an upscaled crop (px): tesseract's line finder wants some paper. */
const CROP_PAD = 16;

/** A re-read row that recovers more text must still be read at least this surely. */
const MIN_EXTENDED_CONFIDENCE = 0.6;

/** Shorter than this (px) is a speck, a rule or an icon's edge, not a text line. */
const MIN_LINE_PX = 9;

// ---------------------------------------------------------------- which lines

const alnumCount = (s: string): number => (s.match(/[\p{L}\p{N}]/gu) ?? []).length;

const height = (b: OcrBox): number => Math.max(0, b.y1 - b.y0);

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[s.length >> 1]! : 0;
}

/** The line box grown to its words' boxes (tesseract's line box can be tighter than its words). */
function lineExtent(line: OcrLine): OcrBox {
  return line.words.reduce(
    (b, w) => ({ x0: Math.min(b.x0, w.box.x0), y0: Math.min(b.y0, w.box.y0), x1: Math.max(b.x1, w.box.x1), y1: Math.max(b.y1, w.box.y1) }),
    { ...line.box },
  );
}

/**
 * Two printed lines in one box: the words sit on different rows (their centres lie more
 * than half a word height apart), or the box is far taller than its typical word.
 */
export function looksMerged(line: OcrLine): boolean {
  const hs = line.words.map((w) => height(w.box)).filter((h) => h > 0);
  if (hs.length < 2) return false;
  const wh = median(hs);
  const centres = line.words.map((w) => (w.box.y0 + w.box.y1) / 2);
  return Math.max(...centres) - Math.min(...centres) > 0.6 * wh || height(lineExtent(line)) > 1.8 * wh;
}

export interface Candidate {
  /** the lines the crop covers (the low-confidence one and its row neighbours), replaced together */
  indices: number[];
  box: OcrBox;
  merged: boolean;
}

/** Same printed row: vertical overlap of at least half the smaller box, similar heights. */
function sameRow(a: OcrBox, b: OcrBox): boolean {
  const ha = height(a);
  const hb = height(b);
  const overlap = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
  return overlap >= 0.5 * Math.min(ha, hb) && Math.max(ha, hb) <= 1.6 * Math.min(ha, hb);
}


/**
 * The whole printed row around a line: on bad photos the first pass often reads only part
 * of a row ("name@exa" and a speck where the rest was), so the crop reaches from the
 * card's left to its right text edge and takes every fragment on that row with it.
 */
function rowOf(page: OcrPage, index: number, span: { x0: number; x1: number }): { indices: number[]; box: OcrBox } {
  const band = lineExtent(page.lines[index]!);
  const indices = page.lines.flatMap((l, j) => (j === index || sameRow(band, lineExtent(l)) ? [j] : []));
  const boxes = indices.map((j) => lineExtent(page.lines[j]!));
  return {
    indices,
    box: {
      x0: Math.min(span.x0, ...boxes.map((b) => b.x0)),
      y0: band.y0,
      x1: Math.max(span.x1, ...boxes.map((b) => b.x1)),
      y1: band.y1,
    },
  };
}

/**
 * Lines worth a second look, worst first, at most `maxLines`: low confidence, or small and
 * not quite sure, or merged. Specks and single characters (icons, rules) are left alone.
 */
export function selectLines(
  page: OcrPage,
  s: Pick<Settings, 'maxConfidence' | 'smallMaxConfidence' | 'smallPx' | 'maxLines'>,
  onlyLines?: readonly number[],
): Candidate[] {
  const needy: Array<{ index: number; merged: boolean; confidence: number }> = [];
  const considered = onlyLines ? new Set(onlyLines) : null;
  page.lines.forEach((line, index) => {
    if (considered && !considered.has(index)) return;
    const box = lineExtent(line);
    const h = height(box);
    if (h < MIN_LINE_PX || alnumCount(line.text) < 3) return;
    const merged = looksMerged(line);
    const limit = h < s.smallPx ? s.smallMaxConfidence : s.maxConfidence;
    if (line.confidence < limit || (merged && line.confidence < s.smallMaxConfidence)) needy.push({ index, merged, confidence: line.confidence });
  });
  needy.sort((a, b) => a.confidence - b.confidence);
  const span = { x0: 0, x1: page.width };
  const taken = new Set<number>();
  const out: Candidate[] = [];
  for (const n of needy) {
    if (out.length >= s.maxLines) break;
    if (taken.has(n.index)) continue; // already in the crop of a worse line on its row
    const row = n.merged ? { indices: [n.index], box: lineExtent(page.lines[n.index]!) } : rowOf(page, n.index, span);
    if (row.indices.some((j) => taken.has(j))) continue;
    for (const j of row.indices) taken.add(j);
    out.push({ indices: row.indices, box: row.box, merged: n.merged });
  }
  return out;
}

// ---------------------------------------------------------------- the crop

export interface UpscaledCrop {
  image: Buffer;
  /** page x = origin.x + (crop x − pad) / scale (same for y) */
  origin: { x: number; y: number };
  scale: number;
  pad: number;
}

/** Scale for a line box of height `h`: towards `targetPx`, never down, at most `maxScale`. */
export function scaleFor(h: number, targetPx: number, maxScale: number): number {
  return Math.max(1, Math.min(maxScale, targetPx / Math.max(1, h)));
}

/** Lanczos upscale and a light unsharp mask (blurred photos gain most), on white paper. */
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

export async function cropUpscaled(pre: PgmImage, box: OcrBox, s: Pick<Settings, 'targetLinePx' | 'maxScale'>): Promise<UpscaledCrop> {
  const scale = scaleFor(height(box), s.targetLinePx, s.maxScale);
  const raster = await upscale(cropRaster(pre, box, LINE_MARGINS), scale);
  const real = scale <= 1.05 ? 1 : scale;
  return { image: toPgm(padWhite(raster, CROP_PAD)), origin: cropOrigin(pre, box, LINE_MARGINS), scale: real, pad: CROP_PAD };
}

// ---------------------------------------------------------------- reading back

function toPageBox(b: OcrBox, c: Pick<UpscaledCrop, 'origin' | 'scale' | 'pad'>): OcrBox {
  const m = (v: number, o: number): number => Math.round(o + (v - c.pad) / c.scale);
  return { x0: m(b.x0, c.origin.x), y0: m(b.y0, c.origin.y), x1: m(b.x1, c.origin.x), y1: m(b.y1, c.origin.y) };
}

/** tesseract's reading of a crop → lines in page coordinates (empty words dropped). */
export function linesFromCrop(data: Page, crop: Pick<UpscaledCrop, 'origin' | 'scale' | 'pad'>): OcrLine[] {
  return pageLines(data, (b) => toPageBox(b, crop));
}

// ---------------------------------------------------------------- adoption

/** Mean confidence over letters and digits (a long word counts more than a stray mark). */
function charConfidence(lines: readonly OcrLine[]): number {
  let n = 0;
  let sum = 0;
  for (const l of lines) {
    for (const w of l.words) {
      const k = alnumCount(w.text);
      n += k;
      sum += k * w.confidence;
    }
  }
  return n ? sum / n : 0;
}

/**
 * Is the re-reading better? Clearly surer (by `minGain`, over letters and digits), and not
 * shorter garbage: it must keep most of the old line's letters and digits — a crop read
 * as two confident letters is not an improvement on a long unsure line.
 */
export function isBetter(old: readonly OcrLine[], next: readonly OcrLine[], minGain: number): boolean {
  if (!next.length) return false;
  const chars = (ls: readonly OcrLine[]): number => ls.reduce((t, l) => t + alnumCount(l.text), 0);
  const [oldChars, nextChars] = [chars(old), chars(next)];
  if (nextChars < 0.75 * oldChars || nextChars < 3) return false;
  const [was, now] = [charConfidence(old), charConfidence(next)];
  if (now >= was + minGain) return true;
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
  const s: Settings = { ...LINE_REFINEMENT_DEFAULTS, ...definedOnly(opts) };
  if (page.width !== pre.width || page.height !== pre.height) return { page, reread: 0, replaced: 0, ms: performance.now() - t0 };
  const replacements = new Map<number, OcrLine[]>();
  let reread = 0;
  for (const c of selectLines(page, s, opts.onlyLines)) {
    if (opts.signal?.aborted) break;
    const before = c.indices.map((j) => page.lines[j]!);
    const psm = c.merged ? '6' : '7';
    const crop = await cropUpscaled(pre, c.box, s);
    const after = linesFromCrop(await engine.recognize(crop.image, psm), crop);
    reread++;
    const adopted = isBetter(before, after, s.minGain);
    opts.onReread?.({ before, after, psm, adopted });
    if (!adopted) continue;
    // the row's first line takes the re-reading, its other fragments go
    c.indices.forEach((j, k) => replacements.set(j, k === 0 ? after : []));
  }
  const replaced = [...replacements.values()].filter((v) => v.length).length;
  return { page: replacements.size ? withReplacements(page, replacements) : page, reread, replaced, ms: performance.now() - t0 };
}

/** The page with some lines replaced by their re-readings (in reading order, text rebuilt). */
export function withReplacements(page: OcrPage, replacements: ReadonlyMap<number, readonly OcrLine[]>): OcrPage {
  const lines = page.lines.flatMap((l, i) => [...(replacements.get(i) ?? [l])]);
  return { ...page, lines, text: lines.map((l) => l.text).join('\n') };
}

function definedOnly(o: LineRefinementOptions): Partial<Settings> {
  const out: Partial<Settings> = {};
  for (const k of Object.keys(LINE_REFINEMENT_DEFAULTS) as Array<keyof Settings>) {
    const v = o[k];
    if (typeof v === 'number') out[k] = v;
  }
  return out;
}
