/**
 * The reconciliation of tesseract's and the recognizer's readings of the contact lines: pure rules,
 * table-driven. Both readings are parsed cards; each value sits in a box (same box: same place).
 */
import { describe, expect, it } from 'vitest';
import { emptyParsedCard, type CardField, type ParsedCard } from '../../../shared/parsing/card-fields';
import { emailSyntax, inLayoutOf, lostDoubledLetter, lostEndLabels, reconcileContacts, websiteSyntax, withContactsOf, withoutGluedLabel } from '../../../shared/parsing/contact-reconciliation';
import { parsePrinted } from '../../../shared/parsing/phone';

const ROWS: Partial<Record<CardField, number>> = { company: 0, email: 1, website: 2, phone: 3, mobile: 4, fax: 5 };

/** A card with the given values, each on its own row (the same row in both readings), numbers parsed for `country`. */
function card(values: Partial<Record<CardField, string>>, confidence = 0.8, country = 'DE'): ParsedCard {
  const c = emptyParsedCard();
  for (const [field, value] of Object.entries(values) as [CardField, string][]) {
    if (!value) continue;
    const row = ROWS[field] ?? 6;
    c[field] = { value, confidence, box: { x0: 10, x1: 300, y0: row * 30, y1: row * 30 + 20 } };
    const parsed = field === 'phone' || field === 'mobile' || field === 'fax' ? parsePrinted(value, [country]) : null;
    if (parsed) c[field].e164 = parsed.p.number;
  }
  return c;
}

describe('reconcileContacts', () => {
  it.each([
    {
      name: 'readings alike: agreed, and surer than either',
      t: { email: 'anna@meridel.example', website: 'www.meridel.example' },
      r: { email: 'Anna@meridel.example', website: 'meridel.example' },
      want: { email: 'anna@meridel.example', website: 'www.meridel.example' },
      agreed: ['email', 'website'],
      disputed: [],
    },
    {
      name: "a slip in tesseract's domain: the reading that matches the website wins, marked",
      t: { email: 'anna@rneridel.example', website: 'www.meridel.example', company: 'Meridel Labs' },
      r: { email: 'anna@meridel.example', website: 'www.meridel.example' },
      want: { email: 'anna@meridel.example' },
      agreed: ['website'],
      disputed: ['email'],
    },
    {
      name: "a slip in the recognizer's: tesseract's stands (it agrees with the website and the company), marked",
      t: { email: 'anna@meridel.example', website: 'www.meridel.example', company: 'Meridel Labs' },
      r: { email: 'anna@merldel.example', website: 'www.meridel.example' },
      want: { email: 'anna@meridel.example' },
      agreed: ['website'],
      disputed: ['email'],
    },
    {
      name: "the recognizer's doubled-letter slip loses, even where it agrees with itself on the website",
      t: { email: 'office@granitefall.example', website: 'www.granitefall.example', company: 'Granitefall Partners' },
      r: { email: 'ofice@granitefall.example', website: 'www.granitefall.example' },
      want: { email: 'office@granitefall.example' },
      agreed: ['website'],
      disputed: ['email'],
    },
    {
      name: "the recognizer's reading that lost the last labels of both addresses loses to tesseract's, marked",
      t: { email: 'fernanda@elstree.example.com.br', website: 'www.elstree.example.com.br', company: 'Elstree Alimentos' },
      r: { email: 'fernanda@elstree.example', website: 'www.elstree.example' },
      want: { email: 'fernanda@elstree.example.com.br', website: 'www.elstree.example.com.br' },
      agreed: [],
      disputed: ['email', 'website'],
    },
    {
      name: "a slip in the recognizer's website: tesseract's stands when it spells the company's first word",
      t: { website: 'www.quayside.in', company: 'Quayside Private Limited' },
      r: { website: 'www.quuyside.in' },
      want: { website: 'www.quayside.in' },
      agreed: [],
      disputed: ['website'],
    },
    {
      name: "a letter misread in the recognizer's local part: tesseract's, which holds the person's name, stands",
      t: { email: 'efontana@quayside.it', lastName: 'Fontana', firstName: 'Elisa' },
      r: { email: 'etontana@quayside.it' },
      want: { email: 'efontana@quayside.it' },
      agreed: [],
      disputed: ['email'],
    },
    {
      name: 'a reading that lost the extension loses, even where without its + it parses as another country',
      t: { phone: '+334 770046 15 ext. 21' },
      r: { phone: '334 770046 15' },
      want: { phone: '+334 770046 15 ext. 21' },
      agreed: [],
      disputed: ['phone'],
    },
    {
      name: 'a broken address loses to a well-formed one',
      t: { email: 'anna@meridel..example' },
      r: { email: 'anna@meridel.example' },
      want: { email: 'anna@meridel.example' },
      agreed: [],
      disputed: ['email'],
    },
    {
      name: 'a number the numbering plan does not know loses to a valid one',
      t: { phone: '+49 89 1234 567' },
      r: { phone: '+49 89 1234 5678' },
      want: { phone: '+49 89 1234 5678' },
      agreed: [],
      disputed: ['phone'],
    },
    {
      name: "a number of another country than the card's other numbers loses",
      t: { phone: '+49 30 901820', mobile: '+49 151 2345 6789' },
      r: { phone: '+43 30 901820', mobile: '+49 151 2345 6789' },
      want: { phone: '+49 30 901820' },
      agreed: ['mobile'],
      disputed: ['phone'],
    },
    {
      name: 'numbers agree by their digits, spaces and (0) aside',
      t: { phone: '+49 (0)89 1234 5678' },
      r: { phone: '+498912345678' },
      want: { phone: '+49 (0)89 1234 5678' },
      agreed: ['phone'],
      disputed: [],
    },
    {
      name: 'a field only the recognizer found is filled and marked',
      t: { email: 'anna@meridel.example' },
      r: { email: 'anna@meridel.example', website: 'www.meridel.example' },
      want: { website: 'www.meridel.example' },
      agreed: ['email'],
      disputed: ['website'],
    },
    {
      name: 'a bare website only the recognizer found, agreeing with nothing on the card, is an e-mail that lost its @: left empty',
      t: { email: 'farban@zafire.sg' },
      r: { website: 'farhanezaffre.sg' },
      want: { website: '', email: 'farban@zafire.sg' },
      agreed: [],
      disputed: [],
    },
    {
      name: 'a website only the recognizer found that names the e-mail domain is filled and marked',
      t: { email: 'anna@corvina.example' },
      r: { email: 'anna@corvina.example', website: 'corvina.example' },
      want: { website: 'corvina.example' },
      agreed: ['email'],
      disputed: ['website'],
    },
    {
      name: 'a number only the recognizer found that its numbering plan does not know is left empty',
      t: { phone: '+49 89 1234 5678' },
      r: { phone: '+49 89 1234 5678', mobile: '83 892' },
      want: { mobile: '' },
      agreed: ['phone'],
      disputed: [],
    },
    {
      name: 'the same number without the extension tesseract read: the extension was lost, tesseract stands',
      t: { phone: '+31 20 703 9685 ext. 555' },
      r: { phone: '+31 20 703 9685' },
      want: { phone: '+31 20 703 9685 ext. 555' },
      agreed: [],
      disputed: ['phone'],
    },
    {
      name: 'a field only tesseract found stays, neither agreed nor disputed',
      t: { email: 'anna@meridel.example', fax: '+49 89 1234 5679' },
      r: { email: 'anna@meridel.example' },
      want: { fax: '+49 89 1234 5679' },
      agreed: ['email'],
      disputed: [],
    },
  ])('$name', ({ t, r, want, agreed, disputed }) => {
    const out = reconcileContacts(card(t), card(r, 0.9));
    for (const [field, value] of Object.entries(want)) expect(out.card[field as CardField].value).toBe(value);
    expect([...out.agreed].sort()).toEqual([...agreed].sort());
    expect([...out.disputed].sort()).toEqual([...disputed].sort());
    for (const field of agreed) expect(out.card[field as CardField].confidence).toBeGreaterThan(0.9);
    for (const field of disputed) expect(out.card[field as CardField].confidence).toBeLessThanOrEqual(0.5);
  });

  it('compares only readings of the same place: a number filed under another field elsewhere is no disagreement', () => {
    const t = card({ phone: '+49 89 1234 5678' });
    const r = card({ phone: '+49 30 901820' });
    r.phone.box = { x0: 10, x1: 300, y0: 400, y1: 420 };
    const out = reconcileContacts(t, r);
    expect(out.card.phone.value).toBe('+49 89 1234 5678');
    expect(out.disputed.size + out.agreed.size).toBe(0);
  });

  it('leaves the other fields as tesseract read them', () => {
    const t = card({ company: 'Meridel Labs', email: 'anna@rneridel.example' });
    t.fullName = { value: 'Anna Kowalski', confidence: 0.9, box: null };
    const out = reconcileContacts(t, card({ company: 'Merldel Lab', email: 'anna@meridel.example' }));
    expect(out.card.fullName).toEqual(t.fullName);
    expect(out.card.company).toEqual(t.company);
  });

  it('copies the reconciled contacts onto another version of the card', () => {
    const reconciled = card({ email: 'anna@meridel.example', company: 'Meridel' });
    const accented = card({ email: 'anna@rneridel.example', company: 'Méridel' });
    const out = withContactsOf(accented, reconciled);
    expect(out.email.value).toBe('anna@meridel.example');
    expect(out.company.value).toBe('Méridel');
  });
});

describe('field rules', () => {
  it.each([
    ['anna@meridel.example.com', 1],
    ['anna@meridel.zz', 0.5],
    ['anna@meridel..com', 0],
    ['.anna@meridel.com', 0.3],
    ['anna meridel.com', 0],
  ])('e-mail syntax of %s: %s', (value, score) => expect(emailSyntax(value)).toBe(score));

  it.each([
    ['https://www.meridel.example.de/kontakt', 1],
    ['meridel.zz', 0.5],
    ['www.meridel', 0],
    ['meridel', 0],
  ])('website syntax of %s: %s', (value, score) => expect(websiteSyntax(value)).toBe(score));

  it.each([
    ['Emailinfo@meridel.example', 'info@meridel.example', 'info@meridel.example'],
    ['e:anna@meridel.example', 'anna@meridel.example', 'anna@meridel.example'],
    ['mail@meridel.example', 'mail@meridel.example', 'mail@meridel.example'],
    ['emma@meridel.example', 'ma@meridel.example', 'emma@meridel.example'],
  ])('a label glued on %s beside %s', (email, other, want) => expect(withoutGluedLabel(email, other)).toBe(want));

  it.each([
    ['office', 'ofice', true],
    ['granitefall', 'granitefal', true],
    ['whitfield', 'whifield', false],
    ['ofice', 'office', false],
  ])('%s read as %s is the doubled-letter slip: %s', (t, r, slip) => expect(lostDoubledLetter(t, r)).toBe(slip));

  it.each([
    ['elstree.example', 'www.elstree.example.com.br', true],
    ['anna@elstree.example', 'anna@elstree.example.com', true],
    ['elstree.example.com', 'elstree.example', false],
    ['elstree.example', 'elstree.examples', false],
    ['', 'elstree.example', false],
  ])('%s beside %s lost its last labels: %s', (value, other, lost) => expect(lostEndLabels(value, other)).toBe(lost));

  it.each([
    ['+49 89 1234 5678', '+498912345679', '+49 89 1234 5679'],
    ['+49 89 1234 567', '+498912345678', '+498912345678'],
    ['', '0891234', '0891234'],
    ['+49 89 1234 5678', '+49 89 12345679', '+49 89 12345679'],
  ])('digits of %s laid out as %s', (layout, value, want) => expect(inLayoutOf(layout, value)).toBe(want));
});
