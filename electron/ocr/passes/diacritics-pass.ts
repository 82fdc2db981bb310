/**
 * Second OCR pass for diacritics: the main pass reads with the English model only, which
 * drops or confuses accents ("Dvořák" → "Dvorak", "Krüger" → "Kriiger", "Straße" →
 * "Strae"). Here the text fields where accents matter are re-read from the SAME
 * pre-processed image, one crop per printed line, with a multi-language worker in
 * single-line mode, and a re-reading is adopted only when it is the same text up to
 * diacritics and tiny OCR slips. So this pass can add or fix accents and letters, but
 * never changes which text a field holds.
 */
import type { CardField, ParsedCard, ParsedField } from '../../../shared/parsing/card-fields';
import type { OcrBox, OcrPage } from '../../../shared/parsing/ocr-types';
import { MIN_WORD_CONFIDENCE, accentsLikely, mapReading, surestSpellings, type Mapping, type ReadWord } from '../../../shared/parsing/accent-matching';
import { cardCountries } from '../../../shared/parsing/card-country';
import type { LinePsm, LineReading } from './multilingual-line-reader';
import { pgmPixels } from '../preprocess/raster';
import type { PreprocessResult } from '../preprocess';

/**
 * Fields re-read by default: the name (always), company, street and city (only when accents are
 * likely, see accentsLikely). Cities lose accents as often as streets on cards from German,
 * French, Spanish and Portuguese speaking countries ("Köln" → "Koln", "São Paulo" → "Sao Paulo").
 */
export const DIACRITIC_FIELDS: readonly CardField[] = ['fullName', 'firstName', 'lastName', 'company', 'street', 'city'];

/** What the pass needs from a reader (the real one: createDiacriticsReader). */
export interface LineReader {
  readLine(image: Buffer, psm?: LinePsm): Promise<LineReading>;
}

export interface DiacriticsOptions {
  psm?: LinePsm;
  /** A re-read word below this confidence is ignored. */
  minWordConfidence?: number;
  /** Crops whose text is shorter than this (px) are upscaled ×2 before reading (line mode only). */
  upscaleBelowPx?: number;
  fields?: readonly CardField[];
  /**
   * Re-read every line (true), or only the lines where accents are likely (default): the card
   * points to a country whose languages use them, or the English reading was unsure of a word.
   * Measured on the dev cards: see docs/scanner.md.
   */
  everyLine?: boolean;
  signal?: AbortSignal;
  /** For benchmarks and debugging: every crop's reading. */
  onReading?: (fields: readonly CardField[], reading: LineReading) => void;
}

export interface DiacriticsChange {
  field: CardField;
  from: string;
  to: string;
}

export interface DiacriticsResult {
  card: ParsedCard;
  changes: DiacriticsChange[];
  /** Printed lines re-read (one per group of fields sharing a line). */
  crops: number;
  ms: number;
}

const DEFAULTS = { psm: '7' as LinePsm, minWordConfidence: MIN_WORD_CONFIDENCE, upscaleBelowPx: 0 };

// ---------------------------------------------------------------- crops

/** Fields that share one printed line are read once: boxes grouped by containment / same row. */
export function lineGroups(card: ParsedCard, fields: readonly CardField[]): Array<{ box: OcrBox; fields: CardField[] }> {
  const items = fields
    .filter((f) => card[f].value.trim() && card[f].box && /\p{L}/u.test(card[f].value))
    .map((f) => ({ f, box: card[f].box! }))
    .sort((a, b) => area(b.box) - area(a.box));
  const groups: Array<{ box: OcrBox; fields: CardField[] }> = [];
  for (const it of items) {
    const g = groups.find((x) => sameLine(x.box, it.box));
    if (g) {
      g.fields.push(it.f);
      g.box = union(g.box, it.box);
    } else groups.push({ box: { ...it.box }, fields: [it.f] });
  }
  return groups;
}

const area = (b: OcrBox): number => Math.max(0, b.x1 - b.x0) * Math.max(0, b.y1 - b.y0);

function union(a: OcrBox, b: OcrBox): OcrBox {
  return { x0: Math.min(a.x0, b.x0), y0: Math.min(a.y0, b.y0), x1: Math.max(a.x1, b.x1), y1: Math.max(a.y1, b.y1) };
}

/** Same printed row (vertical overlap ≥ 60 % of the smaller) and touching or close horizontally. */
function sameLine(a: OcrBox, b: OcrBox): boolean {
  const ha = a.y1 - a.y0;
  const hb = b.y1 - b.y0;
  const overlap = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
  if (overlap < 0.6 * Math.min(ha, hb) || Math.max(ha, hb) > 2 * Math.min(ha, hb)) return false;
  const gap = Math.max(a.x0, b.x0) - Math.min(a.x1, b.x1);
  return gap <= 1.2 * Math.max(ha, hb);
}

/**
 * Cut a box (plus a margin) out of the pre-processed image and put it on a white border:
 * tesseract's line mode reads best with some paper around the text. Small text is
 * upscaled ×2 (nearest would be blocky; a cheap 2×2 bilinear is enough here).
 */
export function cropLine(pre: Pick<PreprocessResult, 'image' | 'width' | 'height'>, box: OcrBox, upscaleBelowPx = 0): Buffer {
  const h = Math.max(1, box.y1 - box.y0);
  // accents sit above the x-height box of lower-case words: keep more room above than below
  const x0 = Math.max(0, Math.floor(box.x0 - 0.35 * h));
  const x1 = Math.min(pre.width, Math.ceil(box.x1 + 0.35 * h));
  const y0 = Math.max(0, Math.floor(box.y0 - 0.3 * h));
  const y1 = Math.min(pre.height, Math.ceil(box.y1 + 0.15 * h));
  const src = pgmPixels(pre);
  const scale = h < upscaleBelowPx ? 2 : 1;
  const cropWidth = (x1 - x0) * scale;
  const cropHeight = (y1 - y0) * scale;
  const pad = Math.round(Math.max(6, 0.4 * h * scale));
  const width = cropWidth + 2 * pad;
  const height = cropHeight + 2 * pad;
  const out = Buffer.alloc(width * height, 255);
  for (let y = 0; y < cropHeight; y++) {
    const sy = y0 + Math.min(y1 - y0 - 1, Math.floor(y / scale));
    const row = (y + pad) * width + pad;
    for (let x = 0; x < cropWidth; x++) out[row + x] = src[sy * pre.width + x0 + Math.min(x1 - x0 - 1, Math.floor(x / scale))]!;
  }
  return Buffer.concat([Buffer.from(`P5\n${width} ${height}\n255\n`, 'ascii'), out]);
}


// ---------------------------------------------------------------- the pass

/**
 * Re-read the accent-bearing fields of `card` from the image the OCR read and return a
 * new card (the input is not changed). `page` is the OcrPage the boxes came from: when
 * its size differs from `pre` (the scanner read a rotated copy), the boxes do not fit
 * the image and the card is returned as it is.
 */
export async function applyDiacriticsPass(
  pre: Pick<PreprocessResult, 'image' | 'width' | 'height'>,
  page: Pick<OcrPage, 'width' | 'height'> & Partial<Pick<OcrPage, 'lines'>>,
  card: ParsedCard,
  reader: LineReader,
  opts: DiacriticsOptions = {},
): Promise<DiacriticsResult> {
  const t0 = performance.now();
  const out = cloneCard(card);
  const changes: DiacriticsChange[] = [];
  if (page.width !== pre.width || page.height !== pre.height) return { card: out, changes, crops: 0, ms: performance.now() - t0 };
  const countries = cardCountries(card);
  const groups = lineGroups(card, opts.fields ?? DIACRITIC_FIELDS).filter(
    // a person's name carries accents wherever the card comes from: always re-read
    (g) => opts.everyLine || !page.lines || g.fields.some((f) => NAME_FIELDS.has(f)) || accentsLikely(wordsIn(page, g.box), countries),
  );
  const readings = await readGroups(pre, groups, reader, opts);
  for (const [i, g] of groups.entries()) {
    const reading = readings[i];
    if (!reading) continue;
    opts.onReading?.(g.fields, reading);
    for (const f of g.fields) {
      const m = mapReading(card[f].value, reading.words, opts.minWordConfidence ?? DEFAULTS.minWordConfidence);
      if (!m) continue;
      out[f] = agreedField(card[f], m);
      if (m.changed) changes.push({ field: f, from: card[f].value, to: m.value });
    }
  }
  // the name's parts, read from different crops, take the surest spelling of each word
  const nameWords = groups.flatMap((g, i) => (g.fields.some((f) => NAME_FIELDS.has(f)) ? (readings[i]?.words ?? []) : []));
  for (const f of NAME_FIELDS) {
    if (!out[f].value) continue;
    const value = surestSpellings(out[f].value, nameWords, opts.minWordConfidence ?? DEFAULTS.minWordConfidence);
    if (value === out[f].value) continue;
    changes.push({ field: f, from: out[f].value, to: value });
    out[f] = { ...out[f], value };
  }
  return { card: out, changes, crops: readings.length, ms: performance.now() - t0 };
}

const NAME_FIELDS: ReadonlySet<CardField> = new Set(['fullName', 'firstName', 'lastName']);

/** The English reading's words whose centre lies in a box (what the first pass read there). */
function wordsIn(page: Partial<Pick<OcrPage, 'lines'>>, box: OcrBox): ReadWord[] {
  const out: ReadWord[] = [];
  for (const line of page.lines ?? []) {
    for (const w of line.words) {
      const cx = (w.box.x0 + w.box.x1) / 2;
      const cy = (w.box.y0 + w.box.y1) / 2;
      if (cx >= box.x0 && cx <= box.x1 && cy >= box.y0 && cy <= box.y1) out.push(w);
    }
  }
  return out;
}

/** One reading per group: one call per printed line. */
async function readGroups(
  pre: Pick<PreprocessResult, 'image' | 'width' | 'height'>,
  groups: ReadonlyArray<{ box: OcrBox }>,
  reader: LineReader,
  opts: DiacriticsOptions,
): Promise<LineReading[]> {
  if (!groups.length || opts.signal?.aborted) return [];
  const out: LineReading[] = [];
  for (const g of groups) {
    if (opts.signal?.aborted) break;
    out.push(await reader.readLine(cropLine(pre, g.box, opts.upscaleBelowPx ?? DEFAULTS.upscaleBelowPx), opts.psm ?? DEFAULTS.psm));
  }
  return out;
}

/** Two independent readings that agree: a little more confidence (never above 0.99). */
function agreedField(f: ParsedField, m: Mapping): ParsedField {
  const words = f.value.split(/\s+/).filter(Boolean).length;
  const allAgree = m.agreed >= words;
  const confidence = allAgree ? Math.min(0.99, Math.round((f.confidence + 0.05) * 100) / 100) : f.confidence;
  return { ...f, value: m.value, confidence };
}

function cloneCard(card: ParsedCard): ParsedCard {
  const out = {} as ParsedCard;
  for (const k of Object.keys(card) as CardField[]) out[k] = { ...card[k], box: card[k].box ? { ...card[k].box } : null };
  return out;
}
