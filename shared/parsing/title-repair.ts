/**
 * OCR slips in a job-title line ("Geschaftsfihrer", "feiter Einkauf", "Operatons Manager"):
 * a word the OCR was unsure of that is one or two edits away from exactly one word of the
 * title vocabulary is read as that word. Only unsure words are touched, so a rare but clearly
 * read word stays as printed.
 */
import type { Segment } from './text';
import { DEPARTMENT_WORDS, TITLE_AREA_WORDS, TITLE_WORDS, fold } from './vocabulary';
import { editDistance } from './string-distance';

/** Below this OCR confidence a word may be repaired. */
const UNSURE = 0.8;

/** Folded spelling → the vocabulary spelling to print (accented forms preferred: they are the printed ones). */
const SPELLING = new Map<string, string>();
for (const w of [...TITLE_WORDS, ...DEPARTMENT_WORDS, ...TITLE_AREA_WORDS]) {
  const k = fold(w);
  if (k.length < 5 || !/^[a-z-]+$/.test(k)) continue;
  const had = SPELLING.get(k);
  if (!had || (had === k && w !== k)) SPELLING.set(k, w);
}
const KEYS = [...SPELLING.keys()];

/** Edits allowed for a word of this length: none below 5 letters, one up to 7, two from 8. */
const allowedEdits = (n: number): number => (n >= 8 ? 2 : n >= 5 ? 1 : 0);

/** The vocabulary word an unsure OCR word stands for, or null when none or several are as close. */
export function nearestTitleWord(word: string): string | null {
  const k = fold(word).replace(/[.,;:]+$/, '');
  const allowed = allowedEdits(k.length);
  if (allowed === 0 || SPELLING.has(k)) return null;
  let best: string | null = null;
  let bestD = Infinity;
  let tie = false;
  for (const v of KEYS) {
    if (Math.abs(v.length - k.length) > allowed) continue;
    const d = editDistance(k, v);
    if (d < bestD) {
      bestD = d;
      best = v;
      tie = false;
    } else if (d === bestD) tie = true;
  }
  if (!best || tie || bestD > allowed) return null;
  return SPELLING.get(best) ?? null;
}

/** Print a vocabulary word in the case of the line: CAPS, or capitalised unless the line is all lower case. */
function inCaseOf(printed: string, word: string, lowerLine: boolean): string {
  const letters = printed.replace(/[^\p{L}]/gu, '');
  if (letters.length > 1 && letters === letters.toUpperCase()) return word.toUpperCase();
  if (lowerLine) return word;
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** The segment's text with its unsure words read as title words where that is unambiguous. */
export function repairTitleText(seg: Segment): string {
  const lowerLine = !/(^|\s)\p{Lu}/u.test(seg.text);
  let changed = false;
  const out = seg.words.map((w) => {
    if (w.confidence >= UNSURE) return w.text;
    const v = nearestTitleWord(w.text);
    if (!v) return w.text;
    changed = true;
    const trail = /[,;:]$/.test(w.text) ? w.text.slice(-1) : '';
    return inCaseOf(w.text, v, lowerLine) + trail;
  });
  return changed ? out.join(' ') : seg.text;
}
