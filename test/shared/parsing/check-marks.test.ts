import { describe, expect, it } from 'vitest';
import { emptyParsedCard, type CardField, type ParsedCard } from '../../../shared/parsing/card-fields';
import { parseCard } from '../../../shared/parsing/card-parser';
import { checkMarks, fieldEvidence, secondReadingAgrees, withCheckMarks } from '../../../shared/parsing/check-marks';
import type { OcrPage } from '../../../shared/parsing/ocr-types';
import { page, type L } from './helpers';

/** A card as the OCR read it (helpers.ts boxes) and as the parser reads it. */
function read(lines: L[]): { page: OcrPage; card: ParsedCard } {
  const p = page(lines);
  return { page: p, card: parseCard(p) };
}

const marked = (marks: Partial<Record<CardField, string>>): CardField[] => Object.keys(marks).sort() as CardField[];

const CLEAN: L[] = [
  ['Michael Berg', 60, 60, 40],
  ['Head of Sales', 60, 110, 24],
  ['Meridel Systems GmbH', 60, 170, 28],
  ['michael.berg@meridel.example.com', 60, 300, 20],
  ['www.meridel.example.com', 60, 330, 20],
  ['+49 30 901820', 60, 360, 20],
  ['Friedrichstraße 12', 60, 420, 20],
  ['10117 Berlin', 60, 450, 20],
];

describe('the Check rule', () => {
  it('leaves a clean, consistent reading unmarked', () => {
    const { page: p, card } = read(CLEAN);
    expect(card.email.value).toBe('michael.berg@meridel.example.com');
    expect(checkMarks(card, p)).toEqual({});
    const withMarks = withCheckMarks(card, p);
    expect(withMarks.email.check).toBeNull();
    expect(withMarks.region.check).toBeNull(); // empty and not expected: no mark either
  });

  it('marks an e-mail whose domain nearly matches the company and whose local part was cut', () => {
    // the card: "michael." lost, "meridel" read "mendel"
    const lines = CLEAN.filter((l) => !l[0].startsWith('www.')).map((l): L => (l[0].includes('@') ? ['berg@mendel.example.com', 60, 300, 20] : l));
    const { page: p, card } = read(lines);
    expect(card.email.value).toBe('berg@mendel.example.com');
    expect(fieldEvidence(card, p).email?.doubt).toMatch(/company/);
    expect(checkMarks(card, p).email).toBe('unsure');
  });

  it('marks an e-mail whose domain a rule spelled from the company, not as its line reads', () => {
    // one letter of the small e-mail line misread ("meridei"), the company in larger type: the parser spells it as the company
    const lines = CLEAN.filter((l) => !l[0].startsWith('www.')).map((l): L => (l[0].includes('@') ? ['michael.berg@merldel.example.com', 60, 300, 16] : l));
    const { page: p, card } = read(lines);
    expect(card.email.value).toBe('michael.berg@meridel.example.com');
    expect(fieldEvidence(card, p).email?.doubt).toMatch(/otherwise than its line reads/);
    expect(checkMarks(card, p).email).toBe('unsure');
  });

  it('marks an e-mail with letters glued before it on its line', () => {
    const lines = CLEAN.map((l): L => (l[0].includes('@') ? ['mlchael berg@meridel.example.com', 60, 300, 20] : l));
    const { page: p, card } = read(lines);
    expect(card.email.value).toBe('berg@meridel.example.com');
    expect(checkMarks(card, p).email).toBe('unsure');
  });

  it('marks an e-mail whose separator the parser put in where its line shows a space', () => {
    const lines = CLEAN.map((l): L => (l[0].includes('@') ? ['michael berg@meridel.example.com', 60, 300, 20] : l));
    const { page: p, card } = read(lines);
    expect(card.email.value).toBe('michael.berg@meridel.example.com');
    expect(fieldEvidence(card, p).email?.doubt).toMatch(/dot was put in/);
    expect(checkMarks(card, p).email).toBe('unsure');
  });

  it('marks an e-mail whose line shows no @ (a letter was taken for it)', () => {
    const lines = CLEAN.map((l): L => (l[0].includes('@') ? ['mberggmeridel.example.com', 60, 300, 20] : l));
    const { page: p, card } = read(lines);
    expect(card.email.value).toBe('mberg@meridel.example.com');
    expect(fieldEvidence(card, p).email?.doubt).toMatch(/no @/);
    expect(checkMarks(card, p).email).toBe('unsure');
  });

  it('marks both when the e-mail domain and the website were read differently', () => {
    const lines = CLEAN.map((l): L => (l[0].startsWith('www.') ? ['www.meridal.example.com', 60, 330, 20] : l));
    const { page: p, card } = read(lines);
    const marks = checkMarks(card, p);
    expect(marks.email).toBe('unsure');
    expect(marks.website).toBe('unsure');
  });

  it('marks a value read from a word the OCR was unsure of', () => {
    const lines = CLEAN.map((l): L => (l[0].startsWith('+49') ? ['+49 30 901820', 60, 360, 20, 0.6] : l));
    const { page: p, card } = read(lines);
    expect(marked(checkMarks(card, p))).toEqual(['phone']);
  });

  it('marks a name that nearly matches the e-mail, and an accent the card’s languages do not write', () => {
    const slip = read(CLEAN.map((l): L => (l[0] === 'Michael Berg' ? ['Michael Bery', 60, 60, 40] : l)));
    expect(checkMarks(slip.card, slip.page).lastName).toBe('unsure');
    // a German card (+49, printed "Germany") has no ë
    const accent = read([...CLEAN.map((l): L => (l[0] === 'Michael Berg' ? ['Michael Bërg', 60, 60, 40] : l)), ['Germany', 60, 480, 20]]);
    expect(fieldEvidence(accent.card, accent.page).lastName?.doubt).toMatch(/accent/);
  });

  it('confirms an e-mail domain and website read alike as two words of one line', () => {
    const oneLine = CLEAN.filter((l) => !l[0].startsWith('www.')).map((l): L => (l[0].includes('@') ? ['michael.berg@meridel.example.com https://www.meridel.example.com', 60, 300, 20, 0.8] : l));
    const { page: p, card } = read(oneLine);
    expect(card.website.value).toMatch(/meridel\.example\.com/);
    const evidence = fieldEvidence(card, p);
    expect(evidence.email?.confirmed).toBe(true);
    expect(evidence.website?.confirmed).toBe(true);
    // below the plain floor (0.85), above the confirmed one
    expect(checkMarks(card, p).email).toBeUndefined();
    // the second reading differs: both doubted
    const other = read(oneLine.map((l): L => (l[0].includes('@') ? ['michael.berg@meridel.example.com https://www.meridal.example.com', 60, 300, 20, 0.8] : l)));
    expect(checkMarks(other.card, other.page).email).toBe('unsure');
  });

  it('takes dots read as spaces on both lines as one reading repaired alike', () => {
    const lines = CLEAN.map((l): L => (l[0].includes('@') ? ['michael.berg@meridel example com', 60, 300, 20] : l[0].startsWith('www.') ? ['www meridel example com', 60, 330, 20] : l));
    const { page: p, card } = read(lines);
    expect(card.email.value).toBe('michael.berg@meridel.example.com');
    expect(card.website.value).toMatch(/meridel\.example\.com$/);
    expect(fieldEvidence(card, p).email?.doubt).toBeNull();
  });

  it('doubts the company, not the address, when the domain spells out an umlaut the company lacks', () => {
    const lines = CLEAN.map((l): L =>
      l[0].includes('@') ? ['michael.berg@hallstroem.example.com', 60, 300, 20] : l[0].startsWith('www.') ? ['www.hallstroem.example.com', 60, 330, 20] : l[0].startsWith('Meridel') ? ['Hallstrom Systems GmbH', 60, 170, 28] : l,
    );
    const { page: p, card } = read(lines);
    expect(card.company.value).toBe('Hallstrom Systems GmbH');
    const evidence = fieldEvidence(card, p);
    expect(evidence.company?.doubt).toMatch(/umlaut/);
    expect(evidence.email?.doubt).toBeNull();
    expect(evidence.website?.doubt).toBeNull();
    const withUmlaut = read(lines.map((l): L => (l[0].startsWith('Hallstrom') ? ['Hallström Systems GmbH', 60, 170, 28] : l)));
    expect(fieldEvidence(withUmlaut.card, withUmlaut.page).company?.doubt).toBeNull();
  });

  it('marks a name its card’s language writes with an accent the reading dropped', () => {
    const spanish: L[] = [
      ['Lucia Fernandez', 60, 60, 40],
      ['Directora comercial', 60, 110, 24],
      ['Vellacott Distribuciones S.L.', 60, 170, 28],
      ['lucia.fernandez@vellacott.example.es', 60, 300, 20],
      ['+34 915 21 21 55', 60, 360, 20],
    ];
    const { page: p, card } = read(spanish);
    expect(card.lastName.value).toBe('Fernandez');
    const marks = checkMarks(card, p);
    expect(marks.firstName).toBe('unsure');
    expect(marks.lastName).toBe('unsure');
    expect(marks.company).toBeUndefined();
    // the same name on a card from a country whose language writes it so is left alone
    const italian = read(spanish.map((l): L => (l[0].startsWith('Lucia') ? ['Lucia Ferrante', 60, 60, 40] : l[0].startsWith('+34') ? ['+39 02 2091 7443', 60, 360, 20] : l[0].includes('@') ? ['lucia.ferrante@vellacott.example.it', 60, 300, 20] : l)));
    expect(checkMarks(italian.card, italian.page).firstName).toBeUndefined();
  });

  it('takes a second reading as agreeing by letters and digits only', () => {
    expect(secondReadingAgrees('email', 'michael.berg@meridel.example.com', 'E: michael berg@meridel example com')).toBe(true);
    expect(secondReadingAgrees('email', 'michael.berg@meridel.example.com', 'michael.berg@meridal.example.com')).toBe(false);
    expect(secondReadingAgrees('website', 'www.meridel.example.com', 'https://meridel.example.com')).toBe(true);
    expect(secondReadingAgrees('phone', '+49 30 901820', 'Tel. +49 (30) 90 18 20')).toBe(true);
    expect(secondReadingAgrees('phone', '+49 30 901820', 'Tel. +49 30 901829')).toBe(false);
    expect(secondReadingAgrees('phone', '+49 30 901820', 'T +49 30 901820 F +49 30 901821')).toBe(true);
    // the second reading goes on where the value stopped (or started): the value lost a piece
    expect(secondReadingAgrees('email', 'katrin@vellacott.example', 'katrin@vellacott.example.de')).toBe(false);
    expect(secondReadingAgrees('email', 'tan@solvik.example', 'E: rtan@solvik.example')).toBe(false);
    expect(secondReadingAgrees('email', 'katrin@vellacott.example', 'katrin@vellacott.example | www.vellacott.example')).toBe(true);
    expect(secondReadingAgrees('phone', '085 089 769', 'Mobile 085 089 7696')).toBe(false);
    expect(secondReadingAgrees('email', 'katrin@vellacott.example', 'EMail: katrin@vellacott example. de Internet')).toBe(false);
  });

  it('marks an unlabelled number whose numbering plan does not tell a mobile from a landline', () => {
    const us = (numberLine: string): ReturnType<typeof checkMarks> => {
      const { page: p, card } = read(CLEAN.map((l): L => (l[0].startsWith('+49') ? [numberLine, 60, 360, 20] : l)));
      return checkMarks(card, p);
    };
    expect(us('+1 (773) 555-0106').phone).toBe('unsure');
    // a label says which it is
    expect(us('Tel. +1 (773) 555-0106').phone).toBeUndefined();
    // a German landline is one by its digits
    const { page: p, card } = read(CLEAN);
    expect(checkMarks(card, p).phone).toBeUndefined();
  });

  it('marks a number with digits beside it on its line that it left out', () => {
    const { page: p, card } = read(CLEAN.map((l): L => (l[0].startsWith('+49') ? ['Tel. 123 +49 30 901820', 60, 360, 20] : l)));
    expect(card.phone.value).toBe('+49 30 901820');
    expect(fieldEvidence(card, p).phone?.doubt).toMatch(/digits beside/);
    expect(checkMarks(card, p).phone).toBe('unsure');
  });

  it('marks an e-mail that runs the name together (a dot lost) and a number with a bracket cut off', () => {
    const { page: p, card } = read(
      CLEAN.map((l): L => (l[0].includes('@') ? ['michaelberg@meridel.example.com', 60, 300, 20] : l[0].startsWith('+49') ? ['Tel. 0)30 901820', 60, 360, 20] : l)),
    );
    const evidence = fieldEvidence(card, p);
    expect(evidence.email?.doubt).toMatch(/dot may be lost/);
    expect(card.phone.value).toBe('0)30 901820');
    expect(evidence.phone?.doubt).toMatch(/bracket/);
  });

  it('marks a website that is only a domain ending', () => {
    const p = page(CLEAN);
    const card = parseCard(p);
    const cut: ParsedCard = { ...card, website: { ...card.website, value: 'co.uk' } };
    expect(fieldEvidence(cut, p).website?.doubt).toMatch(/no name before the domain ending/);
  });

  it('marks a missing name "not read" on a card with a name-like line no field took', () => {
    const p = page(CLEAN);
    const card = parseCard(p);
    // the parser missed the name: the line "Michael Berg" is left over
    const missed: ParsedCard = { ...card, firstName: emptyParsedCard().firstName, lastName: emptyParsedCard().lastName, fullName: emptyParsedCard().fullName };
    const marks = checkMarks(missed, p);
    expect(marks.firstName).toBe('not-read');
    expect(marks.lastName).toBe('not-read');
  });

  it('marks a missing name "not read" when a left-over word is in the e-mail, or the name line holds a misread digit', () => {
    const unread = (lines: L[]): Partial<Record<CardField, string>> => {
      const p = page(lines);
      const card = parseCard(p);
      const empty = emptyParsedCard();
      return checkMarks({ ...card, firstName: empty.firstName, lastName: empty.lastName, fullName: empty.fullName, title: empty.title }, p);
    };
    const base = CLEAN.filter((l) => l[0] !== 'Head of Sales');
    // no dot in the local part, no title: only the surname line and the e-mail tell of a person
    const surname = base.map((l): L => (l[0] === 'Michael Berg' ? ["O'SULLIVAN", 60, 60, 40] : l[0].includes('@') ? ['mosullivan@meridel.example.com', 60, 300, 20] : l));
    expect(unread(surname).lastName).toBe('not-read');
    const digit = base.map((l): L => (l[0] === 'Michael Berg' ? ['Friederike Weil8', 60, 60, 40] : l[0].includes('@') ? ['fweiss@meridel.example.com', 60, 300, 20] : l));
    expect(unread(digit).lastName).toBe('not-read');
    // the same card with neither: nothing tells of a person
    const none = base.filter((l) => l[0] !== 'Michael Berg').map((l): L => (l[0].includes('@') ? ['fweiss@meridel.example.com', 60, 300, 20] : l));
    expect(unread(none).lastName).toBeUndefined();
  });

  it('does not ask for a name on a card that prints none', () => {
    const { page: p, card } = read([
      ['Meridel Systems GmbH', 60, 60, 40],
      ['info@meridel.example.com', 60, 300, 20],
      ['www.meridel.example.com', 60, 330, 20],
      ['+49 30 901820', 60, 360, 20],
    ]);
    expect(card.lastName.value).toBe('');
    const marks = checkMarks(card, p);
    expect(marks.firstName).toBeUndefined();
    expect(marks.lastName).toBeUndefined();
  });

  it('marks a missing company "not read" beside the company’s own domain', () => {
    const p = page(CLEAN);
    const card = { ...parseCard(p), company: emptyParsedCard().company };
    expect(checkMarks(card, p).company).toBe('not-read');
  });

  it('marks nothing on a card whose text was not read at all', () => {
    expect(checkMarks(emptyParsedCard(), page([]))).toEqual({});
  });
});
