import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { parseVCards } from 'vcard4-ts';
import { escapeVcardText, foldLine, formattedName, leadToVcard, leadsToVcards, vcardUri } from '../../../electron/exchange/vcard-writer';
import { CONTACT_PAYLOAD_FIELDS, parseVcards } from '../../../shared/parsing/contact-payload';
import type { Lead } from '../../../shared/domain/lead';
import { makeLead } from '../../support/lead-fixture';

const octets = (text: string) => new TextEncoder().encode(text).length;

function contactFieldsOf(lead: Lead): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const field of CONTACT_PAYLOAD_FIELDS) fields[field] = field === 'notes' ? lead.notes : lead[field];
  // The website goes out as a URI, its commas percent-encoded (vcardUri): the same address.
  fields.website = vcardUri(lead.website);
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
        // TEXT: a semicolon stands as it is (\\; is no TEXT-CHAR in RFC 6350's grammar).
        'TITLE:CTO; R&D',
        'EMAIL;TYPE=work:ana@acme.com',
        'TEL;VALUE=text;TYPE=work:+1 555 0100',
        'TEL;VALUE=text;TYPE=cell:+1 555 0199',
        'ADR;TYPE=work:;;1 Main St\\nSuite 4;Springfield;IL;62701;USA',
        // A URI: the comma percent-encoded, so no reader cuts the address there.
        'URL:https://acme.com/a%2Cb',
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

/**
 * What a card says, as an independent reader hands it over: the RFC's structure (N, ADR
 * components; ORG's first component), values unescaped by the reader itself.
 */
interface ReadCard {
  kind: string;
  fn: string;
  n: string[] | null;
  org: string;
  title: string;
  email: string;
  tel: { work: string; cell: string };
  adr: string[] | null;
  url: string;
  note: string;
}

/** ical.js (Mozilla's iCalendar/vCard reader, RFC 6350 design) */
function readWithIcalJs(vcf: string): ReadCard[] {
  const parsed = ICAL.parse(vcf);
  // One card parses to one component's jCard, several to a list of them.
  const jcards = (Array.isArray(parsed[0]) ? parsed : [parsed]) as unknown[];
  return jcards.map((jcard) => {
    const card = new ICAL.Component(jcard as ConstructorParameters<typeof ICAL.Component>[0]);
    const first = (name: string): unknown => card.getFirstPropertyValue(name) ?? '';
    const tel = (type: string) => String(card.getAllProperties('tel').find((property) => property.getParameter('type') === type)?.getFirstValue() ?? '');
    const structured = (name: string) => (card.hasProperty(name) ? (first(name) as string[]).map(String) : null);
    return {
      kind: String(first('kind') || 'individual'),
      fn: String(first('fn')),
      n: structured('n'),
      // ORG of one component comes back as a string, of several as a list.
      org: ((org: unknown) => String(Array.isArray(org) ? org[0] : org))(first('org')),
      title: String(first('title')),
      email: String(first('email')),
      tel: { work: tel('work'), cell: tel('cell') },
      adr: structured('adr'),
      url: String(first('url')),
      note: String(first('note')),
    };
  });
}

/** vcard4-ts (an RFC 6350 reader written from the RFC's grammar) */
function readWithVcard4Ts(vcf: string): ReadCard[] {
  const { vCards, nags } = parseVCards(vcf);
  expect(nags ?? []).toEqual([]);
  return (vCards ?? []).map((card) => {
    expect(card.nags ?? [], 'the reader found nothing to complain about').toEqual([]);
    const tel = (type: string) => card.TEL?.find((property) => property.parameters?.TYPE?.includes(type))?.value ?? '';
    const n = card.N?.value;
    const adr = card.ADR?.[0]?.value;
    // Each structured component may itself be a comma list; ours are single values.
    const one = (list: string[] | undefined) => (list ?? []).join(',');
    return {
      kind: card.KIND?.value ?? 'individual',
      fn: card.FN[0].value,
      n: n ? [one(n.familyNames), one(n.givenNames), one(n.additionalNames), one(n.honorificPrefixes), one(n.honorificSuffixes)] : null,
      org: card.ORG?.[0]?.value[0] ?? '',
      title: card.TITLE?.[0]?.value ?? '',
      email: card.EMAIL?.[0]?.value ?? '',
      tel: { work: tel('work'), cell: tel('cell') },
      adr: adr ? [one(adr.postOfficeBox), one(adr.extendedAddress), one(adr.streetAddress), one(adr.locality), one(adr.region), one(adr.postalCode), one(adr.countryName)] : null,
      url: card.URL?.[0]?.value ?? '',
      note: card.NOTE?.[0]?.value ?? '',
    };
  });
}

/** What every reader must find on the card of this lead. */
function expectedCard(lead: Lead): ReadCard {
  const organisation = `${lead.firstName}${lead.lastName}` === '' && lead.company !== '';
  const address = ['', '', lead.street, lead.city, lead.region, lead.postalCode, lead.country];
  return {
    kind: organisation ? 'org' : 'individual',
    fn: formattedName(lead),
    n: organisation ? null : [lead.lastName, lead.firstName, '', lead.salutation, ''],
    org: lead.company,
    title: lead.title,
    email: lead.email,
    tel: { work: lead.phone, cell: lead.mobile },
    adr: address.some(Boolean) ? address : null,
    url: vcardUri(lead.website),
    note: lead.notes,
  };
}

describe('every exported card is read back identically by two independent vCard readers', () => {
  const leads = [
    makeLead({
      salutation: 'Dr.',
      firstName: 'Ana, María',
      lastName: 'Núñez; de la Peña',
      company: 'Acme, Inc.; R&D \\ Labs',
      title: 'CTO; R&D, EMEA',
      email: 'ana.nunez@acme.example',
      phone: '+1 (555) 010-2000',
      mobile: '+34 600 12 34 56',
      website: 'https://acme.example/a,b?x=1;y=2',
      street: '1 Main St, Suite 4\nBack\\slash; Floor 3',
      city: 'Springfield',
      region: 'IL',
      postalCode: '62701',
      country: 'USA',
      notes: 'Line one, with a comma; and a semicolon\nC:\\temp\\file\n\nÉmoji 😀👩‍💻 and accents: Þórsdóttir, Ærø. ' + 'Long line that must be folded. '.repeat(20),
    }),
    makeLead({ company: 'Only Company, GmbH; Berlin' }),
    makeLead({ company: 'Zeta 😀 Labs', website: 'https://zeta.example/' }),
    makeLead({ email: 'only@email.example' }),
    makeLead({ firstName: 'Zoë', lastName: 'Ørsted', title: 'Ingeniør', mobile: '+45 20 12 34 56', notes: 'ü'.repeat(120) }),
  ];
  const written = leadsToVcards(leads);

  it('writes KIND:org for a company-only card, and no \\; inside a single text value', () => {
    expect(written.split('BEGIN:VCARD').filter((card) => card.includes('\r\nKIND:org\r\n'))).toHaveLength(2);
    const unfolded = written.replace(/\r\n /g, '');
    for (const line of unfolded.split('\r\n').filter((each) => /^(FN|TITLE|NOTE|EMAIL|TEL|URL)[;:]/.test(each))) expect(line).not.toContain('\\;');
    expect(unfolded).toContain('\r\nORG:Acme\\, Inc.\\; R&D \\\\ Labs\r\n');
  });

  it('ical.js reads every field back as it was', () => {
    expect(readWithIcalJs(written)).toEqual(leads.map(expectedCard));
  });

  it('vcard4-ts reads every field back as it was, without a complaint', () => {
    expect(readWithVcard4Ts(written)).toEqual(leads.map(expectedCard));
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
