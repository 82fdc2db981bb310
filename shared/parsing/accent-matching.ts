/**
 * The word matching of the accents pass (pure): may a word the multi-language model read replace
 * the English reading of the same word? Only when it is the same text up to diacritics and the OCR
 * slips an accent explains, so the pass can add accents but never swap one value for another.
 * Also: when is a second reading worth its cost (accentsLikely).
 */
import type { OcrWord } from './ocr-types';
import { editDistance } from './string-distance';
import { fold } from './vocabulary';

/** A word of a re-read line. */
export interface ReadWord {
  text: string;
  /** 0..1 */
  confidence: number;
}

/** A re-read word below this confidence is ignored. */
export const MIN_WORD_CONFIDENCE = 0.6;


/** Letters and digits only, accent- and case-folded: the identity of a word. */
function foldKey(s: string): string {
  return fold(s.normalize('NFC')).replace(/[^\p{L}\p{N}]/gu, '');
}

/** Letters outside ASCII (accented, ß, ø …): what this pass exists to recover. */
function nonAsciiLetters(s: string): number {
  return (s.normalize('NFC').match(/[^\x00-\x7f]/gu) ?? []).filter((c) => /\p{L}/u.test(c)).length;
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
export function adoptWord(old: string, next: string, nextConfidence: number, minConfidence = MIN_WORD_CONFIDENCE): Verdict {
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
 * "ii", "ú"/"ñ" → "i"/"n", "ß" → "R"/"B"/"f" or nothing. Any other letter replaced (say "u"
 * by "ÿ") is a misreading by the second pass, not a repair.
 */
const CONFUSABLE = new Set([...'iIl1|!jrRBnhcf']);

/**
 * Align old and new letter by letter (an accent change costs nothing) and check that every
 * other edit sits on an accented letter of the new word: a confusable letter replaced by
 * it or dropped beside it, or the accented letter missing from the old word.
 */
function slipsExplained(old: string, next: string): boolean {
  const oldLetters = [...old.normalize('NFC')];
  const newLetters = [...next.normalize('NFC')];
  const same = (x: string, y: string): boolean => x.toLowerCase() === y.toLowerCase() || (fold(x) === fold(y) && fold(x) !== '');
  const distance: number[][] = Array.from({ length: oldLetters.length + 1 }, (_, i) => Array.from({ length: newLetters.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= oldLetters.length; i++) {
    for (let j = 1; j <= newLetters.length; j++) {
      distance[i]![j] = Math.min(distance[i - 1]![j]! + 1, distance[i]![j - 1]! + 1, distance[i - 1]![j - 1]! + (same(oldLetters[i - 1]!, newLetters[j - 1]!) ? 0 : 1));
    }
  }
  const accented = (j: number): boolean => j >= 0 && j < newLetters.length && /[^\x00-\x7f]/.test(newLetters[j]!);
  let i = oldLetters.length;
  let j = newLetters.length;
  while (i > 0 || j > 0) {
    const here = distance[i]![j]!;
    if (i > 0 && j > 0 && here === distance[i - 1]![j - 1]! + (same(oldLetters[i - 1]!, newLetters[j - 1]!) ? 0 : 1)) {
      // an accented letter for a confusable one, or for another accented one ("Constitucién" → "Constitución")
      const explained = accented(j - 1) && (CONFUSABLE.has(oldLetters[i - 1]!) || /[^\x00-\x7f]/.test(oldLetters[i - 1]!));
      if (!same(oldLetters[i - 1]!, newLetters[j - 1]!) && !explained) return false;
      i--;
      j--;
    } else if (j > 0 && here === distance[i]![j - 1]! + 1) {
      // a letter of the new word missing from the old: only an accented one (a dropped "ß")
      if (!accented(j - 1)) return false;
      j--;
    } else {
      // a letter of the old word with no counterpart: a confusable one beside an accented letter
      if (!(CONFUSABLE.has(oldLetters[i - 1]!) && (accented(j - 1) || accented(j)))) return false;
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
function replaceWord(old: string, next: string): string {
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
export function mapReading(value: string, words: readonly ReadWord[], minConfidence = MIN_WORD_CONFIDENCE): Mapping | null {
  const valueWords = value.split(/\s+/).filter(Boolean);
  const readWords = words.filter((w) => foldKey(w.text));
  const n = valueWords.length;
  if (!n || readWords.length < n) return tryJoined(value, readWords, minConfidence);
  let best: { start: number; agreed: number; dist: number; verdicts: Verdict[] } | null = null;
  for (let s = 0; s + n <= readWords.length; s++) {
    const verdicts = valueWords.map((v, i) => adoptWord(v, readWords[s + i]!.text, readWords[s + i]!.confidence, minConfidence));
    const agreed = verdicts.filter((x) => x.adopt || x.distance === 0).length;
    const dist = verdicts.reduce((t, x) => t + (Number.isFinite(x.distance) ? x.distance : 3), 0);
    if (!best || agreed > best.agreed || (agreed === best.agreed && dist < best.dist)) best = { start: s, agreed, dist, verdicts };
  }
  if (!best || best.agreed < Math.max(1, Math.ceil(n / 2))) return tryJoined(value, readWords, minConfidence);
  let changed = 0;
  const out = valueWords.map((v, i) => {
    if (!best.verdicts[i]!.adopt) return v;
    const next = replaceWord(v, readWords[best.start + i]!.text);
    if (next !== v) changed++;
    return next;
  });
  return { value: out.join(' '), agreed: best.agreed, changed };
}

/**
 * A one-word value read as two words or the other way round ("Birkenstraße" / "Birken straße"):
 * compare the value with runs of re-read words glued together. Only one-word values.
 */
function tryJoined(value: string, readWords: readonly ReadWord[], minConfidence: number): Mapping | null {
  if (/\s/.test(value.trim())) return null;
  for (let s = 0; s < readWords.length; s++) {
    for (let e = s + 2; e <= Math.min(readWords.length, s + 3); e++) {
      const run = readWords.slice(s, e);
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

/**
 * Countries whose languages write names, companies and streets with diacritics (ISO 3166-1):
 * German, French, Spanish, Portuguese, Italian, Nordic, Central European, Baltic, Turkish and
 * Latin American ones, and Canada (French). English-speaking countries, the Netherlands, India and
 * Singapore are not in it: there a second reading is asked for by the English reading's doubt alone.
 */
export const ACCENTED_LANGUAGE_COUNTRIES: ReadonlySet<string> = new Set([
  'DE', 'AT', 'CH', 'LI', 'LU', 'BE', 'FR', 'MC', 'ES', 'AD', 'PT', 'BR', 'IT', 'SM', 'SE', 'NO', 'DK', 'FI', 'IS',
  'PL', 'CZ', 'SK', 'HU', 'RO', 'HR', 'SI', 'EE', 'LV', 'LT', 'TR', 'MX', 'AR', 'CL', 'CO', 'PE', 'VE', 'EC', 'UY',
  'PY', 'BO', 'CR', 'DO', 'GT', 'CA',
]);

/**
 * Below this confidence the English model is unsure of a word: what it does with a letter it has
 * no glyph for ("ü" → "ii", "é" → "e" read with less certainty).
 */
const UNSURE_WORD_CONFIDENCE = 0.9;

/**
 * Is a second, multi-language reading of a line worth its cost? When the card comes from a
 * country whose languages use accents, when the English reading already holds a letter outside
 * ASCII (it saw an accent and may have got it wrong), or when it was unsure of a word of letters.
 */
export function accentsLikely(englishWords: readonly ReadWord[], countries: readonly string[]): boolean {
  if (countries.some((c) => ACCENTED_LANGUAGE_COUNTRIES.has(c))) return true;
  return englishWords.some((w) => {
    const letters = w.text.replace(/[^\p{L}]/gu, '');
    if (letters.length < 2) return false;
    return /[^\x00-\x7f]/.test(letters) || w.confidence < UNSURE_WORD_CONFIDENCE;
  });
}

/**
 * The parts of a person's name are often read from different crops (a name over two lines, first
 * and last name boxes): every word of `value` takes the surest accented spelling any of those
 * readings gave for it ("Nuiiez" ← "Núñez" read at 0.92 rather than "Nünez" at 0.90), so
 * fullName, firstName and lastName agree.
 */
export function surestSpellings(value: string, readWords: readonly ReadWord[], minConfidence = MIN_WORD_CONFIDENCE): string {
  return value
    .split(' ')
    .map((word) => {
      let best: ReadWord | null = null;
      for (const r of readWords) {
        if (nonAsciiLetters(r.text) === 0 || !adoptWord(word, r.text, r.confidence, minConfidence).adopt) continue;
        if (!best || r.confidence > best.confidence) best = r;
      }
      return best ? replaceWord(word, best.text) : word;
    })
    .join(' ');
}
