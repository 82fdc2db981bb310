import { describe, expect, it } from 'vitest';
import { emptyParsedCard } from '../../../shared/parsing/card-fields';
import { carryOverAccents } from '../../../shared/parsing/accent-carry-over';

describe('accents carried over a re-read of contact lines', () => {
  it('a field the re-read left alone keeps its accents; a field it changed keeps the new reading', () => {
    const first = emptyParsedCard();
    first.lastName = { value: 'Muller', confidence: 0.9, box: null };
    first.email = { value: 'mueller@bau.example', confidence: 0.5, box: null };
    const accented = { ...first, lastName: { value: 'Müller', confidence: 0.95, box: null } };
    const final = { ...first, email: { value: 'muller@bau.example', confidence: 0.9, box: null } };
    const card = carryOverAccents(accented, first, final);
    expect([card.lastName.value, card.email.value]).toEqual(['Müller', 'muller@bau.example']);
  });
});
