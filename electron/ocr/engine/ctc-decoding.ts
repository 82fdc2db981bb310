/**
 * Decoding the recognizer's output (engine/line-recognizer.ts): per time step the probabilities
 * of "blank" (class 0), the characters of the model's list and a space; CTC's greedy rule takes
 * the most likely allowed class per step, collapses repeats and drops blanks. Pure: numbers in,
 * text and its confidence out.
 */

/** One line as the recognizer read it. */
export interface LineReading {
  text: string;
  /** The mean probability of the characters kept (PaddleOCR's score), 0..1; 0 for an empty reading. */
  confidence: number;
  /** The least sure character's probability (1 for an empty reading). */
  weakest: number;
}

/**
 * The classes decoding may choose, by their index: which characters a line can hold. Contact lines
 * are Latin letters, digits and ASCII punctuation; the model also knows 6500 CJK characters and
 * full-width forms, which on a blurred "@" or "1" only add wrong guesses.
 */
type Alphabet = (character: string) => boolean;

/** Printable ASCII (the space included). */
export const ASCII: Alphabet = (c) => /^[\x20-\x7e]$/.test(c);

/** The class list: index 0 is CTC's blank, then the dictionary's lines, then a space. */
export function readCharacters(dictionaryText: string): string[] {
  const lines = dictionaryText.split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  return ['', ...lines, ' '];
}

/**
 * Greedy CTC decoding of one line's probabilities (`steps` × `classes`, row-major from `offset`):
 * per step the most likely allowed class; a class repeated on consecutive steps is one character,
 * blank separates repeats. `allowed[k]` says whether class k may be chosen (blank always may).
 */
export function decodeCtc(probs: Float32Array, offset: number, steps: number, characters: readonly string[], allowed: Uint8Array): LineReading {
  const classes = characters.length;
  let text = '';
  let sum = 0;
  let count = 0;
  let weakest = 1;
  let previous = -1;
  for (let t = 0; t < steps; t++) {
    const row = offset + t * classes;
    let best = 0;
    let bestP = probs[row]!;
    for (let k = 1; k < classes; k++) {
      const p = probs[row + k]!;
      if (p > bestP && allowed[k]) {
        best = k;
        bestP = p;
      }
    }
    if (best !== 0 && best !== previous) {
      text += characters[best];
      sum += bestP;
      count++;
      weakest = Math.min(weakest, bestP);
    }
    previous = best;
  }
  return { text, confidence: count ? sum / count : 0, weakest };
}
