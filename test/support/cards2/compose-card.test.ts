import { describe, expect, it } from 'vitest';
import { composeCard, composeCards } from './compose-card';
import { drawCard2 } from './draw-card';

describe('the second card renderer', () => {
  it('makes the same cards from the same seed, and other cards from another', () => {
    expect(composeCards(20, 5)).toEqual(composeCards(20, 5));
    expect(composeCards(20, 6).map((c) => c.text)).not.toEqual(composeCards(20, 5).map((c) => c.text));
  });

  it('draws a card to the same bytes each time', async () => {
    const card = composeCards(12, 5).find((c) => c.photo)!;
    expect((await drawCard2(card)).equals(await drawCard2(card))).toBe(true);
  });

  it('covers its countries, layouts and photo damage over a few hundred cards', () => {
    const cards = composeCards(300, 1);
    expect(new Set(cards.map((c) => c.meta.country)).size).toBe(8);
    expect(new Set(cards.map((c) => c.meta.layout)).size).toBe(6);
    const features = new Set(cards.flatMap((c) => c.meta.features));
    for (const f of ['turned-90', 'turned-180', 'turned-270', 'name-two-lines', 'social', 'qr', 'direct-line', 'motion-blur', 'glare', 'hard-shadow']) expect(features).toContain(f);
  });

  it('prints every field of the ground truth on the card', () => {
    for (const card of composeCards(60, 2)) {
      const printed = card.text.replace(/\s+/g, ' ').toLowerCase();
      for (const [field, value] of Object.entries(card.fields)) {
        if (!value || field === 'fullName' || field === 'firstName' || field === 'lastName') continue;
        expect(printed, `${card.file} ${field}`).toContain(value.toLowerCase());
      }
      expect(composeCard(card.seed, Number(card.file.replace(/\D/g, '')))).toEqual(card);
    }
  });
});
