/**
 * Text helpers of the card parser: cutting OCR lines into segments (columns, `|` and `•`
 * separators), boxes of sub-spans, OCR clean-up and restoring natural case.
 */
import type { OcrBox, OcrLine, OcrPage, OcrWord } from './ocr-types';
import { LEGAL_FORMS, SURNAME_PARTICLES, fold } from './vocabulary';

/** A piece of a line that reads as one unit (a column cell, or one side of a `|`). */
export interface Segment {
  /** text, NFC, single spaces */
  text: string;
  words: OcrWord[];
  /** char offset of each word in `text` */
  offsets: number[];
  box: OcrBox;
  /** mean OCR confidence 0..1 */
  confidence: number;
  /** glyph height estimate (px): the median word height */
  height: number;
  /** index of the OCR line it came from */
  line: number;
  /** order in reading order */
  index: number;
}

export function unionBox(boxes: OcrBox[]): OcrBox | null {
  if (boxes.length === 0) return null;
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const b of boxes) {
    x0 = Math.min(x0, b.x0);
    y0 = Math.min(y0, b.y0);
    x1 = Math.max(x1, b.x1);
    y1 = Math.max(y1, b.y1);
  }
  return { x0, y0, x1, y1 };
}

function median(xs: number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
}

/** Words of a line; when the OCR gave none, split the text on spaces with proportional boxes. */
function lineWords(line: OcrLine): OcrWord[] {
  const given = line.words.filter((w) => w.text.trim() !== '');
  if (given.length > 0) return given.map((w) => ({ ...w, text: w.text.normalize('NFC').trim() }));
  const text = line.text.normalize('NFC');
  const out: OcrWord[] = [];
  const width = line.box.x1 - line.box.x0;
  const re = /\S+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const a = m.index / Math.max(1, text.length);
    const b = (m.index + m[0].length) / Math.max(1, text.length);
    out.push({
      text: m[0],
      confidence: line.confidence,
      box: { x0: line.box.x0 + a * width, x1: line.box.x0 + b * width, y0: line.box.y0, y1: line.box.y1 },
    });
  }
  return out;
}

/** Tokens that only separate (the `|` between a label and a value, bullets, OCR'd icons). */
const SEPARATOR_TOKEN = /^[|¦•·∙⋅●▪■◆♦◦‧•–—~=*»«›‹;\u2022\u00b7]+$/u;

function makeSegment(words: OcrWord[], line: number, index: number): Segment | null {
  if (words.length === 0) return null;
  const offsets: number[] = [];
  let text = '';
  for (const w of words) {
    if (text) text += ' ';
    offsets.push(text.length);
    text += w.text;
  }
  const box = unionBox(words.map((w) => w.box));
  if (!box) return null;
  const conf = words.reduce((s, w) => s + w.confidence * w.text.length, 0) / Math.max(1, text.replace(/ /g, '').length);
  // glyph height: words with ascenders/descenders are about as tall as the type size
  const height = median(words.map((w) => w.box.y1 - w.box.y0));
  return { text, words, offsets, box, confidence: Math.max(0, Math.min(1, conf)), height, line, index };
}

/**
 * Re-join line fragments: sparse-text OCR on a slightly rotated card cuts one printed line
 * into pieces ("novak@ve" + "ldtrek.example.org"). Pieces that touch horizontally and
 * overlap vertically are merged; a gap much narrower than a space glues the words.
 */
export function rebuildLines(lines: OcrLine[]): OcrLine[] {
  const work = lines
    .filter((l) => l.text.trim() !== '')
    .map((l) => ({ ...l, words: lineWords(l) }))
    .filter((l) => l.words.length > 0);
  const height = (l: OcrLine): number => median(l.words.map((w) => w.box.y1 - w.box.y0)) || l.box.y1 - l.box.y0;
  let changed = true;
  while (changed) {
    changed = false;
    work.sort((a, b) => a.box.x0 - b.box.x0);
    outer: for (let i = 0; i < work.length; i++) {
      const a = work[i];
      if (!a) continue;
      const ha = height(a);
      let best = -1;
      let bestGap = Infinity;
      for (let j = 0; j < work.length; j++) {
        const b = work[j];
        if (!b || j === i) continue;
        const hb = height(b);
        const h = Math.max(ha, hb);
        const gap = b.box.x0 - a.box.x1;
        // up to 1.5 type heights: a word space after a comma ("C/ Serrano," + "56") or in letter-spaced type
        // is wider than 0.8; columns stand further apart, and segmentPage cuts at 2.2 anyway
        if (gap < -0.25 * h || gap > 1.5 * h || b.box.x0 < a.box.x0) continue;
        if (Math.max(ha, hb) / Math.max(1, Math.min(ha, hb)) > 1.8) continue;
        const ov = Math.min(a.box.y1, b.box.y1) - Math.max(a.box.y0, b.box.y0);
        if (ov < 0.45 * Math.min(a.box.y1 - a.box.y0, b.box.y1 - b.box.y0)) continue;
        if (gap < bestGap) {
          bestGap = gap;
          best = j;
        }
      }
      const b = best >= 0 ? work[best] : undefined;
      if (!b) continue;
      const h = Math.max(ha, height(b));
      const glue = bestGap <= 0.12 * h && /[\p{L}\p{N}@.\-]$/u.test(a.text) && /^[\p{L}\p{N}@.\-]/u.test(b.text);
      const words = [...a.words];
      const bw = [...b.words];
      const lastA = words[words.length - 1];
      const firstB = bw[0];
      if (glue && lastA && firstB) {
        // "n@quorlanegroup" + "example.com": the dot fell between the pieces
        const dot = /(@|^www\.)[^.]*[A-Za-z0-9]$/i.test(lastA.text) && /^(example|com|org|net|co|de|fr|uk|au|ca|nl|es|it|ch|ie|in|sg|br|io)(\.|$)/i.test(firstB.text) ? '.' : '';
        words[words.length - 1] = {
          text: lastA.text + dot + firstB.text,
          confidence: Math.min(lastA.confidence, firstB.confidence),
          box: unionBox([lastA.box, firstB.box]) ?? lastA.box,
        };
        bw.shift();
      }
      words.push(...bw);
      const n = a.text.length + b.text.length;
      const merged: OcrLine = {
        text: words.map((w) => w.text).join(' '),
        confidence: (a.confidence * a.text.length + b.confidence * b.text.length) / Math.max(1, n),
        box: unionBox([a.box, b.box]) ?? a.box,
        words,
      };
      work.splice(Math.max(i, best), 1);
      work.splice(Math.min(i, best), 1, merged);
      changed = true;
      break outer;
    }
  }
  // reading order: top to bottom, then left to right
  return work.sort((a, b) => {
    const ha = a.box.y1 - a.box.y0;
    const hb = b.box.y1 - b.box.y0;
    const ca = (a.box.y0 + a.box.y1) / 2;
    const cb = (b.box.y0 + b.box.y1) / 2;
    if (Math.abs(ca - cb) < 0.4 * Math.min(ha, hb)) return a.box.x0 - b.box.x0;
    return ca - cb;
  });
}

/**
 * Cut every OCR line into segments: on big horizontal gaps (two columns read as one line)
 * and on separator tokens (`|`, `•`, `·`). Words glued to a separator ("a|b") are split too.
 */
export function segmentPage(page: OcrPage): Segment[] {
  const segs: Segment[] = [];
  rebuildLines(page.lines).forEach((line, li) => {
    const words: OcrWord[] = [];
    for (const w of lineWords(line)) {
      // split "foo|bar", "foo•bar" into separate tokens; "555 0123; anna@…": a ";" ending a word
      // separates two fields as a bar does
      const parts = w.text.split(/([|•·\u2022\u00b7]|;$)/u).filter((p) => p !== '');
      if (parts.length <= 1) {
        words.push(w);
        continue;
      }
      const total = w.text.length;
      let pos = 0;
      for (const p of parts) {
        const a = pos / total;
        const b = (pos + p.length) / total;
        const wd = w.box.x1 - w.box.x0;
        words.push({ text: p, confidence: w.confidence, box: { ...w.box, x0: w.box.x0 + a * wd, x1: w.box.x0 + b * wd } });
        pos += p.length;
      }
    }
    const h = median(words.map((w) => w.box.y1 - w.box.y0)) || line.box.y1 - line.box.y0;
    // a speck read as a character: far smaller than the line's type ("Suite 1 1110" with a tiny "1")
    const kept = words.length >= 3 ? words.filter((w) => !(/^[\p{L}\p{N}]$/u.test(w.text) && w.box.y1 - w.box.y0 < 0.35 * h)) : words;
    let cur: OcrWord[] = [];
    const flush = (): void => {
      // an OCR'd icon in front of a contact line ("@", "©", "(0)", "[J", "\\.")
      while (cur.length > 1 && isIconToken(cur[0]?.text ?? '') && !isBracketedLabel(cur[0]?.text ?? '')) cur.shift();
      const s = makeSegment(cur, li, segs.length);
      if (s) segs.push(s);
      cur = [];
    };
    let prev: OcrWord | null = null;
    for (const w of kept) {
      if (SEPARATOR_TOKEN.test(w.text)) {
        flush();
        prev = null;
        continue;
      }
      if (prev && w.box.x0 - prev.box.x1 > Math.max(2.2 * h, 12)) flush();
      // "E: anna@… W: www…": a contact label after a value starts the next field
      else if (prev && cur.length > 0 && isInlineLabel(w.text) && /[\d@.]/.test(prev.text) && !/[:.]$/.test(prev.text)) flush();
      cur.push(w);
      prev = w;
    }
    flush();
  });
  return segs;
}

/** "(C)", "(F)", "(P)": a one-letter contact label in brackets, not an icon. */
function isBracketedLabel(t: string): boolean {
  // "(C)", and "F]" / "M|" (a label letter with the bar after it read as a bracket)
  const m = /^\(([A-Za-z])\)$|^([A-Za-z])[)\]|]$/.exec(t);
  const letter = m?.[1] ?? m?.[2];
  return letter !== undefined && fold(letter) in INLINE_LABEL_LETTERS;
}
const INLINE_LABEL_LETTERS: Record<string, true> = { t: true, p: true, m: true, c: true, f: true, o: true, d: true, e: true, w: true };
/** A label with its colon or dot that opens a field inside a line ("W:", "Web:", "E.", "Mail:", "Tel."). */
function isInlineLabel(t: string): boolean {
  const m = /^([\p{L}-]{1,8})[:.]$/u.exec(t);
  if (!m?.[1]) return false;
  const k = fold(m[1]);
  return k.length === 1 ? k in INLINE_LABEL_LETTERS : INLINE_LABEL_WORDS.has(k);
}
const INLINE_LABEL_WORDS = new Set(['tel', 'tél', 'tel', 'phone', 'mob', 'mobile', 'cell', 'fax', 'mail', 'email', 'e-mail', 'web', 'www', 'site', 'url', 'mobil', 'handy', 'port', 'telefon', 'telefono', 'cel', 'direct', 'dir', 'office']);

/** A token that is an icon or a logo read as text, not a word. */
function isIconToken(t: string): boolean {
  if (/^[^\p{L}\p{N}+(]+$/u.test(t)) return true; // "@", "&", "\\.", "©", "»"
  if (/^[([{<][\p{L}\p{N}]?[)\]}>]?$/u.test(t)) return true; // "(0)", "[J", "(a", "[]"
  if (/^[\p{L}\p{N}][)\]}>|]$/u.test(t)) return true; // "J]", "a)"
  return false;
}

/** Box of the characters [a, b) of a segment's text (the words they touch). */
export function spanBox(seg: Segment, a: number, b: number): OcrBox {
  const boxes: OcrBox[] = [];
  seg.words.forEach((w, i) => {
    const s = seg.offsets[i] ?? 0;
    const e = s + w.text.length;
    if (s < b && e > a) boxes.push(w.box);
  });
  return unionBox(boxes) ?? seg.box;
}

/** Mean confidence of the words touching [a, b). */
export function spanConfidence(seg: Segment, a: number, b: number): number {
  let sum = 0;
  let n = 0;
  seg.words.forEach((w, i) => {
    const s = seg.offsets[i] ?? 0;
    const e = s + w.text.length;
    if (s < b && e > a) {
      sum += w.confidence;
      n++;
    }
  });
  return n ? sum / n : seg.confidence;
}

/** Letters and digits in a text (a long word weighs more than a stray mark or an icon). */
export function letterAndDigitCount(s: string): number {
  return (s.match(/[\p{L}\p{N}]/gu) ?? []).length;
}

function hasLower(s: string): boolean {
  return /\p{Ll}/u.test(s);
}
export function isAllCaps(s: string): boolean {
  const letters = s.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && !hasLower(letters);
}

function capWord(w: string): string {
  // O'MALLEY → O'Malley, D'AMICO → D'Amico, PRICE-JONES → Price-Jones
  return w
    .toLowerCase()
    .replace(/(^|[-'’])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}

const KEEP_UPPER = new Set([
  'ceo', 'cto', 'cfo', 'coo', 'cmo', 'cio', 'ciso', 'cpo', 'cro', 'vp', 'svp', 'evp', 'avp', 'hr', 'it', 'emea',
  'apac', 'latam', 'r&d', 'pr', 'qa', 'ux', 'ui', 'ai', 'usa', 'uk', 'us', 'eu', 'b2b', 'b2c', 'gm', 'md', 'cpa',
  'cfa', 'phd', 'mba', 'ii', 'iii', 'iv', 'pdg', 'dg', 'nyc', 'sap', 'crm', 'erp', 'kam', 'bd', 'dach', 'ict', 'esg',
]);
const SMALL_WORDS = new Set([
  'of', 'and', 'for', 'the', 'in', 'on', 'at', 'to', 'a', 'an', 'de', 'des', 'du', 'la', 'le', 'les', 'et', 'und',
  'für', 'am', 'im', 'an', 'der', 'die', 'das', 'von', 'van', 'del', 'della', 'di', 'da', 'do', 'dos', 'y', 'e',
  'en', 'sur', 'sous', 'aux', 'au', 'bei', 'ob', 'op', 'het', 'een', 'voor',
]);

/**
 * Natural case of a line printed in capitals ("BJÖRKLUND & FAYE SARL" → "Björklund & Faye SARL",
 * "DIRECTOR OF SALES" → "Director of Sales"). Mixed-case text is returned as printed.
 */
export function naturalCase(s: string, kind: 'company' | 'title' | 'name' | 'place' = 'company'): string {
  if (!isAllCaps(s)) return s;
  const tokens = s.split(/(\s+)/);
  let wordIndex = 0;
  return tokens
    .map((t) => {
      if (/^\s+$/.test(t) || t === '') return t;
      const i = wordIndex++;
      const core = fold(t).replace(/[.,]/g, '');
      const trail = /[,;:]$/.test(t) ? t.slice(-1) : '';
      if (kind === 'company' || kind === 'name') {
        const legal = LEGAL_FORMS[core];
        if (legal && i > 0 && kind === 'company') return legalFormAsPrinted(t.replace(/[,;:]$/, ''), legal) + trail;
      }
      if (KEEP_UPPER.has(core) && kind !== 'name' && kind !== 'place') return t;
      if (i > 0 && SMALL_WORDS.has(core) && kind !== 'name') return t.toLowerCase();
      if (kind === 'name' && i > 0 && SURNAME_PARTICLES.has(core)) return t.toLowerCase();
      if (kind === 'name' && KEEP_UPPER.has(core) && i > 0) return t; // PhD, MBA, CPA
      if (kind === 'name' && /^(phd|mba|cpa|cfa|md)$/.test(core)) return t;
      return capWord(t);
    })
    .join('')
    .replace(/\bPhd\b/g, 'PhD');
}

/**
 * The canonical case of a legal form printed in capitals, with the dots as printed: "BV" stays
 * "BV", "B.V." stays "B.V.", "LTD." → "Ltd.", "SPA" → "SpA", "S.P.A." → "S.p.A.".
 */
function legalFormAsPrinted(printed: string, canonical: string): string {
  const innerDots = /\.[^.]/.test(printed);
  const trailingDot = printed.endsWith('.');
  let v = canonical;
  if (innerDots && !/\.[^.]/.test(canonical)) return printed;
  // "B.V." printed "BV": no dots at all
  if (!innerDots && /\.[^.]/.test(v)) v = v.replace(/\./g, '');
  // an OCR often drops a final dot: keep the canonical one ("Inc.", "Corp.")
  return trailingDot && !v.endsWith('.') ? `${v}.` : v;
}

/** Fix common OCR confusions inside number tokens ("3O" → "30", "l23" → "123", "S55" → "555"). */
export function fixDigits(s: string): string {
  return s.replace(/\S+/g, (tok) => {
    const digits = (tok.match(/\d/g) ?? []).length;
    if (digits === 0) return tok;
    const conf = (tok.match(/[OoIl|SB]/g) ?? []).length;
    if (conf === 0 || conf > digits) return tok;
    if (/[^\dOoIl|SB()+\-./]/.test(tok)) return tok;
    return tok.replace(/[Oo]/g, '0').replace(/[Il|]/g, '1').replace(/S/g, '5').replace(/B/g, '8');
  });
}

