import { describe, expect, it } from 'vitest';
import { parseCard } from '../../../shared/parsing/card-parser';
import { judgeScript, markUnreadScript } from '../../../shared/parsing/unread-script';
import { page, type L } from './helpers';

// what the English model read from a Russian card (Дмитрий Соколов, ООО «Северный Ветер»): words it
// was unsure of and Latin look-alikes of Cyrillic letters ("CeBepHbi"), contact lines read clearly
const cyrillicAsLatin: L[] = [
  ['000 «CeBepHbi BeTep»', 40, 40, 30, 0.7],
  ['AMmutpun Cokonos', 40, 90, 44, 0.45],
  ['[MpeKTop no npogakam', 40, 150, 24, 0.28],
  ['Mockea, 125009', 40, 200, 20, 0.4],
  ['T +7 495 555-01-23', 40, 400, 20, 0.92],
  ['d.sokolov@severveter.example', 40, 430, 20, 0.89],
];
const latinCard: L[] = [
  ['Quayside Systems B.V.', 40, 40, 30],
  ['Willemijn van Leeuwen', 40, 90, 44],
  ['Senior Accountmanager', 40, 150, 24],
  ['Keizersgracht 123', 40, 360, 20],
  ['1017 DD Amsterdam', 40, 390, 20],
  ['T +31 20 555 1234', 40, 420, 20],
  ['w.vanleeuwen@quayside.example', 40, 450, 20],
];

describe('cards in a script the OCR cannot read', () => {
  it('recognises Latin-letter garbage beside clearly read contact lines', () => {
    const verdict = judgeScript(page(cyrillicAsLatin));
    expect(verdict.unreadable).toBe(true);
    expect(verdict.garbledShare).toBeGreaterThan(0.5);
  });

  it('recognises letters of another script in what was read', () => {
    expect(judgeScript(page([['王晓明', 40, 40, 40, 0.9], ['wang@xinghe.example', 40, 400, 20, 0.9]])).unreadable).toBe(true);
  });

  it('leaves a Latin-script card alone, and McKay, DeLuca or a house number 12a too', () => {
    expect(judgeScript(page(latinCard)).unreadable).toBe(false);
    expect(judgeScript(page([['Fiona McKay', 40, 40, 40], ['DeLuca Freight Ltd', 40, 100, 26], ['12a Quay Street', 40, 360, 20], ['fiona@deluca.example', 40, 420, 20]])).unreadable).toBe(false);
  });

  it('leaves a card alone whose only garbage is a logo read as scraps', () => {
    const logo: L[] = [['3S Mel); |', 40, 30, 30, 0.3], ['TENTS]', 40, 70, 30, 0.07], ['JACK COTE', 40, 200, 40, 0.95], ['t. 0711 13003-0', 40, 400, 20, 0.92], ['e. sales@bluefin.example.com', 40, 430, 20, 0.91]];
    expect(judgeScript(page(logo)).unreadable).toBe(false);
  });

  it('leaves a blurred photo to the Check marks: nothing on it read clearly', () => {
    const blurred = latinCard.map(([t, x, y, h]): L => [t, x, y, h, 0.35]);
    expect(judgeScript(page(blurred)).unreadable).toBe(false);
  });

  it('empties the fields read from garbage, marks them, and marks the contact fields it keeps', () => {
    const card = markUnreadScript(parseCard(page(cyrillicAsLatin)));
    expect(card.fullName).toMatchObject({ value: '', check: 'not-read' });
    expect(card.company).toMatchObject({ value: '', check: 'not-read' });
    expect(card.city.value).toBe('');
    expect(card.email).toMatchObject({ value: 'd.sokolov@severveter.example', check: 'unsure' });
    expect(card.phone).toMatchObject({ value: '+7 495 555-01-23', check: 'unsure' });
  });
});
