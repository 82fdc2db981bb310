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
import { cropRaster, padWhite, toPgm } from '../preprocess/line-crop';
import type { PreprocessResult } from '../preprocess';

/**
 * Fields re-read: the name (always), company, street and city (only when accents are
 * likely, see accentsLikely). Cities lose accents as often as streets on cards from German,
 * French, Spanish and Portuguese speaking countries ("Köln" → "Koln", "São Paulo" → "Sao Paulo").
 */
const DIACRITIC_FIELDS: readonly CardField[] = ['fullName', 'firstName', 'lastName', 'company', 'street', 'city'];

/** What the pass needs from a reader (the real one: createDiacriticsReader). */
export interface LineReader {
  readLine(image: Buffer, psm?: LinePsm): Promise<LineReading>;
}

export interface DiacriticsOptions {
  signal?: AbortSignal;
}

interface DiacriticsChange {
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

/** Each crop holds one printed line: tesseract's single-line mode. */
const LINE_PSM: LinePsm = '7';

// ---------------------------------------------------------------- crops

/** Fields that share one printed line are read once: boxes grouped by containment / same row. */
function lineGroups(card: ParsedCard, fields: readonly CardField[]): Array<{ box: OcrBox; fields: CardField[] }> {
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
 * A box (with room for the accents above it, line-crop.ts) out of the pre-processed image, on
 * a white border: tesseract's line mode reads best with some paper around the text.
 */
function cropLine(pre: Pick<PreprocessResult, 'image' | 'width' | 'height'>, box: OcrBox): Buffer {
  const h = Math.max(1, box.y1 - box.y0);
  return toPgm(padWhite(cropRaster(pre, box), Math.round(Math.max(6, 0.4 * h))));
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
  // Only the lines where accents are likely: the card points to a country whose languages use them,
  // or the English reading was unsure of a word (measured on the dev cards: see docs/scanner.md).
  const groups = lineGroups(card, DIACRITIC_FIELDS).filter(
    // a person's name carries accents wherever the card comes from: always re-read
    (g) => !page.lines || g.fields.some((f) => NAME_FIELDS.has(f)) || accentsLikely(wordsIn(page, g.box), countries),
  );
  const readings = await readGroups(pre, groups, reader, opts);
  for (const [i, g] of groups.entries()) {
    const reading = readings[i];
    if (!reading) continue;
    for (const f of g.fields) {
      const m = mapReading(card[f].value, reading.words, MIN_WORD_CONFIDENCE);
      if (!m) continue;
      out[f] = agreedField(card[f], m);
      if (m.changed) changes.push({ field: f, from: card[f].value, to: m.value });
    }
  }
  // the name's parts, read from different crops, take the surest spelling of each word
  const nameWords = groups.flatMap((g, i) => (g.fields.some((f) => NAME_FIELDS.has(f)) ? (readings[i]?.words ?? []) : []));
  for (const f of NAME_FIELDS) {
    if (!out[f].value) continue;
    const value = surestSpellings(out[f].value, nameWords, MIN_WORD_CONFIDENCE);
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
    out.push(await reader.readLine(cropLine(pre, g.box), LINE_PSM));
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
