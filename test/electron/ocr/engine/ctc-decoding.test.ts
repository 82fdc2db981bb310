/** Decoding the line recognizer's output, on hand-made probabilities (the real model: line-recognizer.test.ts). */
import { describe, expect, it } from 'vitest';
import { ASCII, decodeCtc, readCharacters } from '../../../../electron/ocr/engine/ctc-decoding';

describe('CTC decoding', () => {
  it('lists the classes: blank first, the dictionary lines, a space last', () => {
    expect(readCharacters('a\nb\n@\n')).toEqual(['', 'a', 'b', '@', ' ']);
    expect(readCharacters('a\r\nb')).toEqual(['', 'a', 'b', ' ']);
  });

  const characters = ['', 'a', 'b', '@', '中', ' '];
  const allowAll = new Uint8Array(characters.length).fill(1);
  /** Probabilities with `best` at probability p per step (the rest shared out evenly). */
  function steps(best: number[], p = 0.9): Float32Array {
    const out = new Float32Array(best.length * characters.length);
    best.forEach((k, t) => {
      for (let c = 0; c < characters.length; c++) out[t * characters.length + c] = c === k ? p : (1 - p) / (characters.length - 1);
    });
    return out;
  }

  it.each([
    { name: 'repeats collapse', best: [1, 1, 2, 2, 2], text: 'ab' },
    { name: 'a blank separates a doubled letter', best: [1, 0, 1, 2], text: 'aab' },
    { name: 'blanks only read as nothing', best: [0, 0, 0], text: '' },
    { name: 'a space is a character', best: [1, 5, 2], text: 'a b' },
  ])('$name', ({ best, text }) => {
    expect(decodeCtc(steps(best), 0, best.length, characters, allowAll).text).toBe(text);
  });

  it('chooses only allowed classes: the likeliest allowed one where a disallowed one wins', () => {
    const probs = new Float32Array([0.05, 0.05, 0.05, 0.3, 0.5, 0.05]);
    const allowed = Uint8Array.from(characters, (c, k) => (k === 0 || ASCII(c) ? 1 : 0));
    expect(decodeCtc(probs, 0, 1, characters, allowed).text).toBe('@');
    expect(decodeCtc(probs, 0, 1, characters, allowAll).text).toBe('中');
  });

  it('scores a reading by its characters: mean and weakest', () => {
    const r = decodeCtc(steps([1, 0, 2], 0.8), 0, 3, characters, allowAll);
    expect(r.confidence).toBeCloseTo(0.8, 5);
    expect(r.weakest).toBeCloseTo(0.8, 5);
  });
});
