import { describe, expect, it } from 'vitest';
import { escapeVcardText, foldLine, formattedName, leadToVcard, leadsToVcards } from '../../../electron/exchange/vcard-writer';
import { CONTACT_PAYLOAD_FIELDS, parseVcards } from '../../../shared/parsing/contact-payload';
import type { Lead } from '../../../shared/domain/lead';
import { makeLead } from '../../support/lead-fixture';

const octets = (text: string) => new TextEncoder().encode(text).length;

function contactFieldsOf(lead: Lead): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const field of CONTACT_PAYLOAD_FIELDS) fields[field] = field === 'notes' ? lead.notes : lead[field];
  return fields;
}

describe('leadToVcard', () => {
  it('writes the expected card, byte for byte', () => {
    const lead = makeLead({
      id: '6f1c2a44-8b0e-4d8a-9a51-2f7d1e0c9b3a',
      salutation: 'Dr.',
      firstName: 'Ana',
      lastName: 'Núñez',
      company: 'Acme, Inc.',
      title: 'CTO; R&D',
      email: 'ana@acme.com',
      phone: '+1 555 0100',
      mobile: '+1 555 0199',
      street: '1 Main St\nSuite 4',
      city: 'Springfield',
      region: 'IL',
      postalCode: '62701',
      country: 'USA',
      website: 'https://acme.com/a,b',
      notes: 'C:\\temp',
      updatedAt: '2026-03-10T09:30:05.123Z',
    });
    expect(leadToVcard(lead)).toBe(
      [
        'BEGIN:VCARD',
        'VERSION:4.0',
        'PRODID:-//LeadBooth//LeadBooth//EN',
        'UID:urn:uuid:6f1c2a44-8b0e-4d8a-9a51-2f7d1e0c9b3a',
        'FN:Ana Núñez',
        'N:Núñez;Ana;;Dr.;',
        'ORG:Acme\\, Inc.',
        'TITLE:CTO\\; R&D',
        'EMAIL;TYPE=work:ana@acme.com',
        'TEL;VALUE=text;TYPE=work:+1 555 0100',
        'TEL;VALUE=text;TYPE=cell:+1 555 0199',
        'ADR;TYPE=work:;;1 Main St\\nSuite 4;Springfield;IL;62701;USA',
        'URL:https://acme.com/a,b',
        'NOTE:C:\\\\temp',
        'REV:20260310T093005Z',
        'END:VCARD',
        '',
      ].join('\r\n'),
    );
  });

  it('puts VERSION:4.0 right after BEGIN and uses CRLF only', () => {
    const text = leadToVcard(makeLead({ lastName: 'X' }));
    expect(text.startsWith('BEGIN:VCARD\r\nVERSION:4.0\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('falls back to company, then email, then "Unknown" for FN, and leaves empty fields out', () => {
    expect(formattedName(makeLead({ company: 'Acme' }))).toBe('Acme');
    expect(formattedName(makeLead({ email: 'x@y.com' }))).toBe('x@y.com');
    expect(formattedName(makeLead())).toBe('Unknown');
    const text = leadToVcard(makeLead({ company: 'Acme' }));
    expect(text).toContain('\r\nFN:Acme\r\n');
    expect(text).not.toMatch(/\r\n(TITLE|EMAIL|TEL|ADR|URL|NOTE)[;:]/);
  });

  it('folds at 75 octets without splitting a UTF-8 sequence', () => {
    const lead = makeLead({
      lastName: 'Ærøskøbing-Ñandú',
      notes: 'Très intéressé par la démo — rappeler après le salon 😀🎉 '.repeat(12) + 'ünd ëmoji 👩‍💻 am Ende',
    });
    const text = leadToVcard(lead);
    const lines = text.split('\r\n').slice(0, -1);
    expect(lines.length).toBeGreaterThan(15);
    for (const line of lines) {
      expect(octets(line)).toBeLessThanOrEqual(75);
      expect(line).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/); // no half emoji
    }
    // Unfolding (remove CRLF + one space) gives back the unfolded NOTE line.
    expect(text.replace(/\r\n /g, '')).toContain(`NOTE:${escapeVcardText(lead.notes)}\r\n`);
  });

  it('round-trips through the parser: every field exactly, long accented lines and emoji included', () => {
    const leads = [
      makeLead({
        salutation: 'Mme',
        firstName: 'Émilie-Anne',
        lastName: 'de la Fontaine–Þórsdóttir',
        company: 'Société Générale d’Équipements, S.A.; Division “Nord”',
        title: 'Directrice générale adjointe, responsable des achats internationaux 🌍',
        email: 'emilie.delafontaine@sge-equipements.example.fr',
        phone: '+33 1 23 45 67 89',
        mobile: '06 12 34 56 78',
        website: 'https://www.sge-équipements.fr/contact?lang=fr;x=1',
        street: '12, rue du Faubourg Saint-Honoré\nBâtiment B; 3ᵉ étage',
        city: 'Paris',
        region: 'Île-de-France',
        postalCode: '75008',
        country: 'France',
        notes: 'Intéressée 😀 par la démo.\nBudget: 20 000 €; décision en Q3, back\\slash\n\n' + 'Très longue note. '.repeat(40),
      }),
      makeLead({ company: 'Only Company GmbH' }),
      makeLead({ email: 'only@email.example' }),
      makeLead({ mobile: '+49 172 1234567', notes: 'only a number' }),
      makeLead({ firstName: 'Zoë', lastName: 'Ørsted', mobile: '+45 20 12 34 56' }),
    ];
    const cards = parseVcards(leadsToVcards(leads));
    expect(cards).toHaveLength(leads.length);
    cards.forEach((card, index) => {
      expect(card.version).toBe('4.0');
      expect(card.fields).toEqual(contactFieldsOf(leads[index]!));
    });
  });
});

describe('round trip of awkward values', () => {
  /** A small deterministic generator, so a failure can be reproduced. */
  function random(seed: number) {
    let state = seed;
    return () => {
      state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
      return state / 2_147_483_648;
    };
  }
  const pieces = ['a', 'Z', 'é', 'ß', 'Ø', '中', '😀', '👩‍💻', ' ', ',', ';', ':', '\\', '\n', '"', "'", '=', '+', '-', '@', '#', 'x'.repeat(40), 'ü'.repeat(30)];
  function text(next: () => number, multiline: boolean): string {
    let value = '';
    const length = Math.floor(next() * 12);
    for (let index = 0; index < length; index++) {
      const piece = pieces[Math.floor(next() * pieces.length)]!;
      if (piece === '\n' && !multiline) continue;
      value += piece;
    }
    // Leads are stored trimmed; names and one-line fields never hold line breaks.
    return value.trim();
  }

  it('reads back exactly what was written for 300 generated leads', () => {
    const next = random(42);
    const leads = Array.from({ length: 300 }, () =>
      makeLead({
        salutation: text(next, false),
        firstName: text(next, false),
        lastName: text(next, false) || 'L',
        company: text(next, false),
        title: text(next, false),
        email: text(next, false),
        phone: text(next, false),
        mobile: text(next, false),
        // A URL has no spaces and no backslashes (RFC 3986); readers unescape "\:" in URLs (Google writes it).
        website: text(next, false).replace(/[\s\\]/g, ''),
        street: text(next, true),
        city: text(next, false),
        region: text(next, false),
        postalCode: text(next, false),
        country: text(next, false),
        notes: text(next, true),
      }),
    );
    const written = leadsToVcards(leads);
    for (const line of written.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
    const cards = parseVcards(written);
    cards.forEach((card, index) => expect(card.fields, `lead ${index}`).toEqual(contactFieldsOf(leads[index]!)));
  });
});

describe('foldLine', () => {
  it('leaves a line of 75 octets alone and folds the 76th', () => {
    expect(foldLine('a'.repeat(75))).toBe('a'.repeat(75));
    expect(foldLine('a'.repeat(76))).toBe(`${'a'.repeat(75)}\r\n a`);
  });
  it('moves a whole 4-octet character to the next line rather than splitting it', () => {
    const folded = foldLine('a'.repeat(73) + '😀');
    expect(folded).toBe(`${'a'.repeat(73)}\r\n 😀`);
  });
});
