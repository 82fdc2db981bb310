/** The word matching of the accents pass: the adoption rule and the line → field mapping. */
import { describe, expect, it } from 'vitest';
import { adoptWord, mapReading, surestSpellings, transferCase } from '../../../shared/parsing/accent-matching';

const words = (...xs: Array<[string, number]>): Array<{ text: string; confidence: number }> => xs.map(([text, confidence]) => ({ text, confidence }));

describe('adoptWord', () => {
  it('adopts the same word with accents (folded forms equal)', () => {
    expect(adoptWord('Noemie', 'Noémie', 0.9)).toEqual({ adopt: true, distance: 0 });
    expect(adoptWord('Strasse', 'Straße', 0.9).adopt).toBe(true);
  });
  it('adopts an accent misread repaired by the accented reading', () => {
    expect(adoptWord('Kriiger', 'Krüger', 0.9).adopt).toBe(true);
    expect(adoptWord('Grunwaldstrae', 'Grunwaldstraße', 0.9).adopt).toBe(true);
  });
  it('rejects different text, unsure readings and lost accents', () => {
    expect(adoptWord('Bertrand', 'Bernard', 0.95).adopt).toBe(false);
    // a one-letter change without any accent is not this pass's business
    expect(adoptWord('Mayer', 'Meyer', 0.95).adopt).toBe(false);
    expect(adoptWord('Noemie', 'Noémie', 0.3).adopt).toBe(false);
    expect(adoptWord('Noémie', 'Noemie', 0.95).adopt).toBe(false);
    // "u" is not a shape an accented letter turns into: "ÿ" for "u" is a misreading
    expect(adoptWord('Lemoreau', 'Lemoreaÿ', 0.95).adopt).toBe(false);
    expect(adoptWord('Grunwaldstrare', 'Grunwaldstraße', 0.9).adopt).toBe(true);
    // short words: no edits allowed beyond accents
    expect(adoptWord('Ivo', 'Ivé', 0.95).adopt).toBe(false);
  });
  it('leaves an identical word alone but counts it as agreement', () => {
    expect(adoptWord('Paris,', 'Paris', 0.9)).toEqual({ adopt: false, distance: 0 });
  });
});

describe('transferCase / mapReading', () => {
  it('keeps the parser\'s natural case and punctuation', () => {
    expect(transferCase('Noemie', 'NOÉMIE')).toBe('Noémie');
    expect(transferCase('GRUNWALD', 'Grünwald')).toBe('GRÜNWALD');
    expect(mapReading('Lyon,', words(['Lyón', 0.9]))?.value).toBe('Lyón,');
  });
  it('maps a name line onto the last name at its end', () => {
    const line = words(['Dr.', 0.9], ['Noémie', 0.92], ['Grünwald', 0.91]);
    expect(mapReading('Grunwald', line)).toMatchObject({ value: 'Grünwald', changed: 1 });
    expect(mapReading('Noemie', line)?.value).toBe('Noémie');
    expect(mapReading('Noemie Grunwald', line)?.value).toBe('Noémie Grünwald');
  });
  it('keeps words that do not line up, and refuses a line that is other text', () => {
    expect(mapReading('Noemie Grunwald', words(['Noémie', 0.9], ['Gr#nw4ld', 0.4]))?.value).toBe('Noémie Grunwald');
    expect(mapReading('Noemie Grunwald', words(['Sales', 0.9], ['Director', 0.9]))).toBeNull();
  });
  it('glues a word the re-reading split in two', () => {
    expect(mapReading('Grunwaldstrasse', words(['Grünwald', 0.9], ['straße', 0.9]))?.value).toBe('Grünwaldstraße');
  });
});

describe('surestSpellings', () => {
  it('gives every part of a name the surest accented reading of it', () => {
    const readings = [
      { text: 'Nünez', confidence: 0.9 },
      { text: 'Núñez', confidence: 0.92 },
      { text: 'Iñigo', confidence: 0.95 },
    ];
    expect(surestSpellings('Ainhoa Nuiiez', readings)).toBe('Ainhoa Núñez');
    expect(surestSpellings('Inigo Nunez', readings)).toBe('Iñigo Núñez');
  });
  it('never swaps a word for another one', () => {
    expect(surestSpellings('Maria Lopez', [{ text: 'Márquez', confidence: 0.99 }])).toBe('Maria Lopez');
  });
});
