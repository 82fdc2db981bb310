import { describe, expect, it } from 'vitest';
import { parseCard } from '../../../shared/parsing/card-parser';
import { nearestTitleWord } from '../../../shared/parsing/title-repair';
import { page } from './helpers';

describe('title repair', () => {
  it('finds the one vocabulary word an OCR slip stands for', () => {
    expect(nearestTitleWord('Managcr')).toBe('manager');
    expect(nearestTitleWord('Geschaftsfiihrer')).toBe('geschäftsführer');
    expect(nearestTitleWord('Manager')).toBeNull(); // already a word
    expect(nearestTitleWord('Data')).toBeNull(); // too short to guess
    expect(nearestTitleWord('Zebrafish')).toBeNull();
  });
  it('repairs unsure words of a title line, in the case of the line', () => {
    const card = parseCard(page([
      ['Oskar Lindqvist', 40, 40, 50],
      ['Procurenent Managcr', 40, 100, 24, 0.4],
      ['oskar@vallmora.example.com', 40, 400, 22],
    ]));
    expect(card.title.value).toBe('Procurement Manager');
    const de = parseCard(page([['Henrike Salm', 40, 40, 50], ['beiter Einkauf', 40, 100, 24, 0.3]]));
    expect(de.title.value).toBe('Leiter Einkauf');
  });
  it('leaves words the OCR was sure of as printed', () => {
    const card = parseCard(page([['Henrike Salm', 40, 40, 50], ['Senior Planer', 40, 100, 24, 0.95]]));
    expect(card.title.value).toBe('Senior Planer');
  });
});
