import { describe, expect, it } from 'vitest';
import { cardLanguages, droppedAccentWord, unaccentedPatronymic } from '../../../shared/parsing/dropped-accents';

describe('words a language writes with an accent the reading lacks', () => {
  it('knows the languages of a card by its countries', () => {
    expect(cardLanguages(['ES'])).toEqual(['es']);
    expect(cardLanguages(['IE', 'BR'])).toEqual(['ga', 'pt']);
    expect(cardLanguages(['US', 'GB'])).toEqual([]);
  });

  it('doubts a common name read without its accent, or with another one', () => {
    expect(droppedAccentWord('Oisin Gallagher', ['ga'])).toBe('Oisin');
    expect(droppedAccentWord('Oisín Gallagher', ['ga'])).toBeNull();
    expect(droppedAccentWord('Rubén Garcia Martin', ['es'])).toBe('Garcia');
    expect(droppedAccentWord('Maélle Benhamou', ['fr'])).toBe('Maélle');
    expect(droppedAccentWord('Maëlle Benhamou', ['fr'])).toBeNull();
    // both spellings are usual
    expect(droppedAccentWord('Iñigo Núñez', ['es'])).toBeNull();
  });

  it('judges a word only in the languages the card shows', () => {
    // "Garcia" is how Portuguese writes it, "Lucia" how Italian does
    expect(droppedAccentWord('Ana Garcia', ['pt'])).toBeNull();
    expect(droppedAccentWord('Lucia Rossi', ['it'])).toBeNull();
    expect(droppedAccentWord('Lucia Rossi', [])).toBeNull();
    // France writes SARL, Switzerland Sàrl
    expect(droppedAccentWord('Tarrant SARL', ['fr'])).toBeNull();
    expect(droppedAccentWord('Tarrant SARL', cardLanguages(['CH']))).toBe('SARL');
  });

  it('doubts word shapes the spelling rules always accent, and not their look-alikes', () => {
    expect(droppedAccentWord('Nerea Fernandez', ['es'])).toBe('Fernandez');
    expect(droppedAccentWord('Director de Produccion', ['es'])).toBe('Produccion');
    expect(droppedAccentWord('Umbria Distribuciones S.L.', ['es'])).toBeNull();
    expect(droppedAccentWord('Orsini Logistica S.A.', ['es'])).toBe('Logistica');
    expect(droppedAccentWord('Federico Ruiz', ['es'])).toBeNull();
    expect(droppedAccentWord('Valeria Ortiz', ['es'])).toBeNull();
    expect(droppedAccentWord('Thiago Guimaraes', ['pt'])).toBe('Guimaraes');
    expect(droppedAccentWord('Rua Sao Bento', ['pt'])).toBe('Sao');
    // Italian writes "Logistica" without one
    expect(droppedAccentWord('Orsini Logistica S.r.l.', ['it'])).toBeNull();
  });

  it('reads each part of a hyphenated word', () => {
    expect(droppedAccentWord('55 rue Emile-Zola', ['fr'])).toBe('Emile');
  });

  it('doubts a Spanish patronymic without its accent in a name from any card, and not other words in -ez', () => {
    expect(unaccentedPatronymic('Paul S. Hernandez')).toBe('Hernandez');
    expect(unaccentedPatronymic('Paul S. Hernández')).toBeNull();
    expect(unaccentedPatronymic('Lena Diez')).toBeNull();
    expect(unaccentedPatronymic('Ana Ortiz')).toBeNull();
  });
});
