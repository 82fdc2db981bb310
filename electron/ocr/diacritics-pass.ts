/**
 * Second OCR pass for diacritics: the main pass reads with the English model only, which
 * drops or confuses accents ("Dvořák" → "Dvorak", "Krüger" → "Kriiger", "Straße" →
 * "Strae"). Here the text fields where accents matter are re-read from the SAME
 * pre-processed image, one crop per printed line, with a multi-language worker in
 * single-line mode, and a re-reading is adopted only when it is the same text up to
 * diacritics and tiny OCR slips. So this pass can add or fix accents and letters, but
 * never changes which text a field holds.
 */
import type { CardField, ParsedCard, ParsedField } from '../../shared/parsing/card-fields';
import type { OcrBox, OcrPage } from '../../shared/parsing/ocr-types';
import { fold } from '../../shared/parsing/vocabulary';
import type { LinePsm, LineReading, LineWord } from './multilingual-line-reader';
import { cropRaster, pgmPixels, resize } from './line-crop';
import type { PreprocessResult } from './preprocess';

/**
 * Fields re-read by default. On the dev cards every accent the English pass lost was in a
 * name, the company or the street; title and city re-reads changed nothing and cost
 * ~1.5 lines per card (median extra 105 ms instead of ~200 ms), so they are opt-in.
 */
export const DIACRITIC_FIELDS: readonly CardField[] = ['fullName', 'firstName', 'lastName', 'company', 'street'];

/** Every field whose text can carry accents (pass as `fields` for the thorough variant). */
export const ALL_DIACRITIC_FIELDS: readonly CardField[] = [...DIACRITIC_FIELDS, 'title', 'city', 'region', 'country'];

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
  /**
   * 'line' (default): one call per printed line (PSM `psm`, default 7).
   * 'stack': all lines scaled to one text height, stacked into ONE image, one call (PSM 6).
   * Measured (dev cards, name/company/street): line 105 ms median extra, F1 0.924;
   * stack 121 ms, F1 0.928 — the per-call cost saved is eaten by the block layout analysis.
   */
  mode?: 'stack' | 'line';
  fields?: readonly CardField[];
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

const DEFAULTS = { psm: '7' as LinePsm, minWordConfidence: 0.6, upscaleBelowPx: 0, mode: 'line' as 'line' | 'stack' };

/** Text height (px) every line is scaled to in a stack: tesseract's LSTM likes ~30–40 px lines. */
const STACK_TEXT_PX = 40;

// ---------------------------------------------------------------- words and adoption

/** Letters and digits only, accent- and case-folded: the identity of a word. */
export function foldKey(s: string): string {
  return fold(s.normalize('NFC')).replace(/[^\p{L}\p{N}]/gu, '');
}

/** Letters outside ASCII (accented, ß, ø …): what this pass exists to recover. */
export function nonAsciiLetters(s: string): number {
  return (s.normalize('NFC').match(/[^\x00-\x7f]/gu) ?? []).filter((c) => /\p{L}/u.test(c)).length;
}

export function editDistance(a: string, b: string): number {
  const A = [...a];
  const B = [...b];
  let prev = Array.from({ length: B.length + 1 }, (_, j) => j);
  for (let i = 1; i <= A.length; i++) {
    const cur = [i];
    for (let j = 1; j <= B.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (A[i - 1] === B[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[B.length]!;
}

export interface Verdict {
  adopt: boolean;
  /** 0 = same letters up to accents/case; 1–2 = OCR slips repaired */
  distance: number;
}

/**
 * May the re-read word `next` replace `old`? Only when it is the same word up to
 * diacritics (folded forms equal), or when the old one looks like an accent misread
 * ("Kriiger" for "Krüger", "Strae" for "Straße"): a small edit distance that the new
 * word's non-ASCII letters explain, in a word long enough that this cannot turn one real
 * word into another. The new word must be read confidently and must not drop accents
 * the old one had (the English model never invents them; the multi-language one may lose them).
 */
export function adoptWord(old: string, next: string, nextConfidence: number, minConfidence = DEFAULTS.minWordConfidence): Verdict {
  const a = foldKey(old);
  const b = foldKey(next);
  const no = { adopt: false, distance: Infinity };
  if (!a || !b || nextConfidence < minConfidence) return no;
  if (core(old).normalize('NFC') === core(next).normalize('NFC')) return { adopt: false, distance: 0 };
  const accents = nonAsciiLetters(next);
  if (accents < nonAsciiLetters(old)) return no;
  if (a === b) return { adopt: true, distance: 0 };
  if (accents === 0 || /\d/.test(a + b)) return no;
  const d = editDistance(a, b);
  const allowed = Math.min(2, 2 * accents, a.length >= 5 ? 2 : a.length >= 4 ? 1 : 0);
  return d <= allowed && slipsExplained(core(old), core(next)) ? { adopt: true, distance: d } : no;
}

/**
 * Glyph shapes the English model turns an accented letter it does not know into: "ü" →
 * "ii", "ú"/"ñ" → "i"/"n", "ß" → "R"/"B" or nothing. Any other letter replaced (say "u"
 * by "ÿ") is a misreading by the second pass, not a repair.
 */
const CONFUSABLE = new Set([...'iIl1|!jrRBnhc']);

/**
 * Align old and new letter by letter (an accent change costs nothing) and check that every
 * other edit sits on an accented letter of the new word: a confusable letter replaced by
 * it or dropped beside it, or the accented letter missing from the old word.
 */
export function slipsExplained(old: string, next: string): boolean {
  const A = [...old.normalize('NFC')];
  const B = [...next.normalize('NFC')];
  const same = (x: string, y: string): boolean => x.toLowerCase() === y.toLowerCase() || (fold(x) === fold(y) && fold(x) !== '');
  const D: number[][] = Array.from({ length: A.length + 1 }, (_, i) => Array.from({ length: B.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= A.length; i++) {
    for (let j = 1; j <= B.length; j++) {
      D[i]![j] = Math.min(D[i - 1]![j]! + 1, D[i]![j - 1]! + 1, D[i - 1]![j - 1]! + (same(A[i - 1]!, B[j - 1]!) ? 0 : 1));
    }
  }
  const accented = (j: number): boolean => j >= 0 && j < B.length && /[^\x00-\x7f]/.test(B[j]!);
  let i = A.length;
  let j = B.length;
  while (i > 0 || j > 0) {
    const here = D[i]![j]!;
    if (i > 0 && j > 0 && here === D[i - 1]![j - 1]! + (same(A[i - 1]!, B[j - 1]!) ? 0 : 1)) {
      if (!same(A[i - 1]!, B[j - 1]!) && !(accented(j - 1) && CONFUSABLE.has(A[i - 1]!))) return false;
      i--;
      j--;
    } else if (j > 0 && here === D[i]![j - 1]! + 1) {
      // a letter of the new word missing from the old: only an accented one (a dropped "ß")
      if (!accented(j - 1)) return false;
      j--;
    } else {
      // a letter of the old word with no counterpart: a confusable one beside an accented letter
      if (!(CONFUSABLE.has(A[i - 1]!) && (accented(j - 1) || accented(j)))) return false;
      i--;
    }
  }
  return true;
}

const EDGE = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/su;

function core(w: string): string {
  return EDGE.exec(w)?.[2] ?? w;
}

const isUpper = (c: string): boolean => c !== c.toLowerCase() && c === c.toUpperCase();

/** Upper-case one character without changing the length ("ß" stays "ß", not "SS"). */
function upper1(c: string): string {
  const u = c.toUpperCase();
  return [...u].length === 1 ? u : c;
}

/**
 * The new letters in the old word's case pattern: the parser restores natural case
 * ("JOSÉ" → "José"), and that must survive the re-reading.
 */
export function transferCase(oldCore: string, nextCore: string): string {
  const o = [...oldCore.normalize('NFC')];
  const n = [...nextCore.normalize('NFC').toLowerCase()];
  const letters = o.filter((c) => /\p{L}/u.test(c));
  if (letters.length && letters.every(isUpper)) return n.map(upper1).join('');
  if (o.length === n.length) return n.map((c, i) => (isUpper(o[i]!) ? upper1(c) : c)).join('');
  // lengths differ (ß ↔ ss, a slip repaired): keep an initial capital / inner capitals by position
  return n.map((c, i) => (i < o.length && isUpper(o[i]!) ? upper1(c) : c)).join('');
}

/** Replace the letters of `old` by those of `next`, keeping old's punctuation and case. */
export function replaceWord(old: string, next: string): string {
  const m = EDGE.exec(old);
  if (!m) return old;
  return `${m[1]}${transferCase(m[2]!, core(next))}${m[3]}`;
}

// ---------------------------------------------------------------- line → field value

export interface Mapping {
  value: string;
  /** words of the value that were re-read and agreed (adopted or already equal) */
  agreed: number;
  changed: number;
}

/**
 * Map a re-read line onto a field value that is the whole line or a part of it
 * (lastName is the end of the name line): find the run of re-read words that lines up
 * with the value's words (folded forms) and take the accents from there. Words that do
 * not line up keep their old text. Returns null when no run lines up with at least half
 * of the value's words.
 */
export function mapReading(value: string, words: readonly LineWord[], minConfidence = DEFAULTS.minWordConfidence): Mapping | null {
  const vw = value.split(/\s+/).filter(Boolean);
  const rw = words.filter((w) => foldKey(w.text));
  const n = vw.length;
  if (!n || rw.length < n) return tryJoined(value, rw, minConfidence);
  let best: { start: number; agreed: number; dist: number; verdicts: Verdict[] } | null = null;
  for (let s = 0; s + n <= rw.length; s++) {
    const verdicts = vw.map((v, i) => adoptWord(v, rw[s + i]!.text, rw[s + i]!.confidence, minConfidence));
    const agreed = verdicts.filter((x) => x.adopt || x.distance === 0).length;
    const dist = verdicts.reduce((t, x) => t + (Number.isFinite(x.distance) ? x.distance : 3), 0);
    if (!best || agreed > best.agreed || (agreed === best.agreed && dist < best.dist)) best = { start: s, agreed, dist, verdicts };
  }
  if (!best || best.agreed < Math.max(1, Math.ceil(n / 2))) return tryJoined(value, rw, minConfidence);
  let changed = 0;
  const out = vw.map((v, i) => {
    if (!best.verdicts[i]!.adopt) return v;
    const next = replaceWord(v, rw[best.start + i]!.text);
    if (next !== v) changed++;
    return next;
  });
  return { value: out.join(' '), agreed: best.agreed, changed };
}

/**
 * A one-word value read as two words or the other way round ("Hauptstraße" / "Haupt straße"):
 * compare the value with runs of re-read words glued together. Only one-word values.
 */
function tryJoined(value: string, rw: readonly LineWord[], minConfidence: number): Mapping | null {
  if (/\s/.test(value.trim())) return null;
  for (let s = 0; s < rw.length; s++) {
    for (let e = s + 2; e <= Math.min(rw.length, s + 3); e++) {
      const run = rw.slice(s, e);
      const glued = run.map((w) => core(w.text)).join('');
      const conf = Math.min(...run.map((w) => w.confidence));
      const v = adoptWord(value, glued, conf, minConfidence);
      if (v.adopt) {
        const next = replaceWord(value, glued);
        return { value: next, agreed: 1, changed: next !== value ? 1 : 0 };
      }
    }
  }
  return null;
}

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
  const cw = (x1 - x0) * scale;
  const ch = (y1 - y0) * scale;
  const pad = Math.round(Math.max(6, 0.4 * h * scale));
  const W = cw + 2 * pad;
  const H = ch + 2 * pad;
  const out = Buffer.alloc(W * H, 255);
  for (let y = 0; y < ch; y++) {
    const sy = y0 + Math.min(y1 - y0 - 1, Math.floor(y / scale));
    const row = (y + pad) * W + pad;
    for (let x = 0; x < cw; x++) out[row + x] = src[sy * pre.width + x0 + Math.min(x1 - x0 - 1, Math.floor(x / scale))]!;
  }
  return Buffer.concat([Buffer.from(`P5\n${W} ${H}\n255\n`, 'ascii'), out]);
}


export interface Stack {
  image: Buffer;
  /** vertical band [y0, y1) of each box's line in the stacked image */
  bands: Array<[number, number]>;
}

/**
 * All boxes' crops, each scaled so its text is STACK_TEXT_PX high, one under the other on
 * white paper with a blank line between them (so tesseract never joins two of them).
 */
export function stackCrops(pre: Pick<PreprocessResult, 'image' | 'width' | 'height'>, boxes: readonly OcrBox[]): Stack {
  const parts = boxes.map((b) => {
    const r = cropRaster(pre, b);
    const s = STACK_TEXT_PX / Math.max(1, b.y1 - b.y0);
    return resize(r, Math.max(1, Math.round(r.width * s)), Math.max(1, Math.round(r.height * s)));
  });
  const pad = Math.round(STACK_TEXT_PX * 0.6);
  const gap = STACK_TEXT_PX;
  const W = Math.max(1, ...parts.map((p) => p.width)) + 2 * pad;
  const H = parts.reduce((t, p) => t + p.height, 0) + gap * Math.max(0, parts.length - 1) + 2 * pad;
  const out = Buffer.alloc(W * H, 255);
  const bands: Array<[number, number]> = [];
  let y = pad;
  for (const p of parts) {
    for (let r = 0; r < p.height; r++) out.set(p.data.subarray(r * p.width, (r + 1) * p.width), (y + r) * W + pad);
    bands.push([y, y + p.height]);
    y += p.height + gap;
  }
  return { image: Buffer.concat([Buffer.from(`P5\n${W} ${H}\n255\n`, 'ascii'), out]), bands };
}

/** Split a stacked reading back into one reading per band (by each word's vertical centre). */
export function splitStacked(reading: LineReading, bands: ReadonlyArray<[number, number]>): LineReading[] {
  const out: LineWord[][] = bands.map(() => []);
  for (const w of reading.words) {
    if (w.cy === undefined) continue;
    const i = bands.findIndex(([a, b]) => w.cy! >= a && w.cy! < b);
    if (i >= 0) out[i]!.push(w);
  }
  return out.map((words) => ({
    text: words.map((w) => w.text).join(' '),
    confidence: words.length ? words.reduce((t, w) => t + w.confidence, 0) / words.length : 0,
    words,
  }));
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
  page: Pick<OcrPage, 'width' | 'height'>,
  card: ParsedCard,
  reader: LineReader,
  opts: DiacriticsOptions = {},
): Promise<DiacriticsResult> {
  const t0 = performance.now();
  const out = cloneCard(card);
  const changes: DiacriticsChange[] = [];
  if (page.width !== pre.width || page.height !== pre.height) return { card: out, changes, crops: 0, ms: performance.now() - t0 };
  const groups = lineGroups(card, opts.fields ?? DIACRITIC_FIELDS);
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
  const crops = (opts.mode ?? DEFAULTS.mode) === 'line' ? readings.length : groups.length;
  return { card: out, changes, crops, ms: performance.now() - t0 };
}

/** One reading per group: a single stacked call, or one call per line. */
async function readGroups(
  pre: Pick<PreprocessResult, 'image' | 'width' | 'height'>,
  groups: ReadonlyArray<{ box: OcrBox }>,
  reader: LineReader,
  opts: DiacriticsOptions,
): Promise<LineReading[]> {
  if (!groups.length || opts.signal?.aborted) return [];
  if ((opts.mode ?? DEFAULTS.mode) === 'stack') {
    const stack = stackCrops(pre, groups.map((g) => g.box));
    return splitStacked(await reader.readLine(stack.image, '6'), stack.bands);
  }
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
