import { describe, expect, it } from 'vitest';
import {
  classifyPayload,
  ContactPayloadError,
  decodeQuotedPrintable,
  parseBizcard,
  parseMecard,
  parseVcards,
  readBadgePayload,
  readVcardFile,
  splitFullName,
  type ContactPayloadFields,
} from '../../../shared/parsing/contact-payload';

const crlf = (...lines: string[]) => lines.join('\r\n') + '\r\n';
const lf = (...lines: string[]) => lines.join('\n') + '\n';

function only(text: string): ContactPayloadFields {
  const cards = parseVcards(text);
  expect(cards).toHaveLength(1);
  return cards[0]!.fields;
}

function errorOf(run: () => unknown): ContactPayloadError {
  try {
    run();
  } catch (error) {
    if (error instanceof ContactPayloadError) return error;
    throw error;
  }
  throw new Error('expected a ContactPayloadError');
}

describe('parseVcards: vCard 3.0 and 4.0', () => {
  it('reads a full 3.0 card into lead fields', () => {
    const fields = only(
      crlf(
        'BEGIN:VCARD',
        'VERSION:3.0',
        'N:Núñez García;Ana;María;Dr.;PhD',
        'FN:Dr. Ana María Núñez García',
        'ORG:Acme Iberia S.L.;Sales',
        'TITLE:Head of Sales',
        'EMAIL;TYPE=INTERNET,HOME:ana@gmail.com',
        'EMAIL;TYPE=INTERNET,WORK:ana@acme.es',
        'TEL;TYPE=WORK,VOICE:+34 91 123 45 67',
        'TEL;TYPE=CELL:+34 612 345 678',
        'TEL;TYPE=FAX:+34 91 123 45 68',
        'ADR;TYPE=WORK:;Planta 3;Calle Mayor 5;Madrid;Madrid;28013;Spain',
        'URL:https://acme.es',
        'NOTE:Met at the booth',
        'END:VCARD',
      ),
    );
    expect(fields).toEqual({
      salutation: 'Dr.',
      firstName: 'Ana María',
      lastName: 'Núñez García',
      company: 'Acme Iberia S.L.',
      title: 'Head of Sales',
      email: 'ana@acme.es',
      phone: '+34 91 123 45 67',
      mobile: '+34 612 345 678',
      website: 'https://acme.es',
      street: 'Calle Mayor 5\nPlanta 3',
      city: 'Madrid',
      region: 'Madrid',
      postalCode: '28013',
      country: 'Spain',
      notes: 'Met at the booth',
    });
  });

  it('unfolds lines folded with CRLF or LF and a space or a tab', () => {
    const text = 'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ana\r\nNOTE:This is a lo\r\n ng note that was\n\t folded\r\nEND:VCARD\r\n';
    expect(only(text).notes).toBe('This is a long note that was folded');
  });

  it('unescapes \\; \\, \\n \\N and \\\\ and splits structured values only on unescaped ;', () => {
    const fields = only(
      crlf(
        'BEGIN:VCARD',
        'VERSION:3.0',
        'N:O\\;Brien;Seán;;;',
        'FN:Seán O;Brien',
        'ORG:Smith\\, Jones & Co\\; Ltd;Dept',
        'NOTE:Line one\\nLine two\\NLine three\\, with a comma and a backslash \\\\ here',
        'ADR:;;1 Main St\\, Suite 4;Dublin;;D01;Ireland',
        'END:VCARD',
      ),
    );
    expect(fields.lastName).toBe('O;Brien');
    expect(fields.company).toBe('Smith, Jones & Co; Ltd');
    expect(fields.notes).toBe('Line one\nLine two\nLine three, with a comma and a backslash \\ here');
    expect(fields.street).toBe('1 Main St, Suite 4');
    expect(fields.city).toBe('Dublin');
  });

  it('falls back to FN split into first and last name when N is missing or empty', () => {
    expect(only(crlf('BEGIN:VCARD', 'VERSION:4.0', 'FN:Dr. Jean-Luc Picard', 'END:VCARD'))).toMatchObject({
      salutation: 'Dr.',
      firstName: 'Jean-Luc',
      lastName: 'Picard',
    });
    expect(only(crlf('BEGIN:VCARD', 'VERSION:3.0', 'N:;;;;', 'FN:Mary Ann Smith', 'END:VCARD'))).toMatchObject({
      firstName: 'Mary Ann',
      lastName: 'Smith',
    });
    expect(only(crlf('BEGIN:VCARD', 'VERSION:3.0', 'FN:Cher', 'END:VCARD'))).toMatchObject({ firstName: '', lastName: 'Cher' });
  });

  it('sorts TEL by type: cell/mobile → mobile, work/voice → phone, fax and pager ignored, pref wins', () => {
    const fields = only(
      crlf(
        'BEGIN:VCARD',
        'VERSION:3.0',
        'FN:A B',
        'TEL;TYPE=FAX:111',
        'TEL;TYPE=HOME:222',
        'TEL;TYPE=WORK;TYPE=VOICE;TYPE=PREF:333',
        'TEL;TYPE=PAGER:444',
        'TEL;TYPE=MOBILE:555',
        'END:VCARD',
      ),
    );
    expect(fields.phone).toBe('333');
    expect(fields.mobile).toBe('555');
  });

  it('reads 4.0 tel: URIs, quoted TYPE lists and PREF numbers', () => {
    const fields = only(
      crlf(
        'BEGIN:VCARD',
        'VERSION:4.0',
        'FN:A B',
        'TEL;VALUE=uri;TYPE="voice,work";PREF=2:tel:+1-555-555-0100;ext=12',
        'TEL;VALUE=uri;TYPE=work;PREF=1:tel:+1-555-555-0199',
        'TEL;VALUE=uri;TYPE="cell,text":tel:+1-555-555-0111',
        'END:VCARD',
      ),
    );
    expect(fields.phone).toBe('+1-555-555-0199');
    expect(fields.mobile).toBe('+1-555-555-0111');
    expect(only(crlf('BEGIN:VCARD', 'VERSION:4.0', 'FN:A B', 'TEL;VALUE=uri:tel:+1-555-555-0100;ext=12', 'END:VCARD')).phone).toBe(
      '+1-555-555-0100 ext. 12',
    );
  });

  it('reads item1. groups and Apple’s X-ABLabel for the phone kind', () => {
    const fields = only(
      crlf(
        'BEGIN:VCARD',
        'VERSION:3.0',
        'N:Appleseed;John;;;',
        'item1.EMAIL;type=INTERNET;type=pref:john@example.com',
        'item1.X-ABLabel:_$!<Other>!$_',
        'item2.TEL:+1 408 555 0101',
        'item2.X-ABLabel:_$!<Mobile>!$_',
        'item3.TEL:+1 408 555 0102',
        'item3.X-ABLabel:_$!<Work>!$_',
        'item4.URL:https://apple.com',
        'END:VCARD',
      ),
    );
    expect(fields).toMatchObject({ email: 'john@example.com', mobile: '+1 408 555 0101', phone: '+1 408 555 0102', website: 'https://apple.com' });
  });

  it('returns every card of a .vcf with the line of its BEGIN', () => {
    const text = lf(
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:First One',
      'END:VCARD',
      '',
      'BEGIN:VCARD',
      'VERSION:4.0',
      'FN:Second',
      '  Two',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:2.1',
      'N:Three;Third',
      'END:VCARD',
    );
    const cards = parseVcards(text);
    expect(cards.map((card) => [card.line, card.version, card.fields.firstName, card.fields.lastName])).toEqual([
      [1, '3.0', 'First', 'One'],
      [6, '4.0', 'Second', 'Two'],
      [11, '2.1', 'Third', 'Three'],
    ]);
  });

  it('tolerates a BOM, blank lines and lower-case property names', () => {
    expect(only('\uFEFFbegin:vcard\r\n\r\nversion:3.0\r\nfn:Ana Lopes\r\nend:vcard').lastName).toBe('Lopes');
  });
});

describe('parseVcards: vCard 2.1, leniently', () => {
  it('decodes QUOTED-PRINTABLE with soft line breaks and a CHARSET', () => {
    const fields = only(
      crlf(
        'BEGIN:VCARD',
        'VERSION:2.1',
        'N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;J=C3=BCrgen',
        'ADR;WORK;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:;;Hauptstra=C3=9Fe 5;K=C3=B6ln;;50667;Deutschl=',
        'and',
        'NOTE;ENCODING=QUOTED-PRINTABLE:First line=0D=0ASecond line that is long enough to be brok=',
        'en by the writer',
        'END:VCARD',
      ),
    );
    expect(fields).toMatchObject({
      lastName: 'Müller',
      firstName: 'Jürgen',
      street: 'Hauptstraße 5',
      city: 'Köln',
      postalCode: '50667',
      country: 'Deutschland',
      notes: 'First line\r\nSecond line that is long enough to be broken by the writer',
    });
  });

  it('decodes QUOTED-PRINTABLE in ISO-8859-1 and reads bare 2.1 parameters (WORK;VOICE, CELL, QUOTED-PRINTABLE)', () => {
    const fields = only(
      crlf(
        'BEGIN:VCARD',
        'VERSION:2.1',
        'N;CHARSET=ISO-8859-1;QUOTED-PRINTABLE:Fran=E7ois;Ren=E9',
        'TEL;WORK;VOICE:+33 1 23 45 67 89',
        'TEL;CELL:+33 6 12 34 56 78',
        'TEL;FAX:+33 1 23 45 67 00',
        'EMAIL;INTERNET:rene@example.fr',
        'END:VCARD',
      ),
    );
    expect(fields).toMatchObject({ lastName: 'François', firstName: 'René', phone: '+33 1 23 45 67 89', mobile: '+33 6 12 34 56 78', email: 'rene@example.fr' });
  });

  it('skips a 2.1 BASE64 photo block that runs until a blank line', () => {
    const fields = only(
      crlf('BEGIN:VCARD', 'VERSION:2.1', 'N:Doe;Jane', 'PHOTO;ENCODING=BASE64;TYPE=JPEG:/9j/4AAQSkZJRgABAQ', 'AAAAAAAAAAAAAAAA', 'BBBBBBBB==', '', 'TITLE:CEO', 'END:VCARD'),
    );
    expect(fields).toMatchObject({ lastName: 'Doe', title: 'CEO' });
  });
});

describe('parseVcards: errors name the line', () => {
  it('a line without a colon', () => {
    const error = errorOf(() => parseVcards(crlf('BEGIN:VCARD', 'VERSION:3.0', 'FN:Ana', 'this is not a property', 'END:VCARD')));
    expect(error.line).toBe(4);
    expect(error.message).toMatch(/^Line 4: /);
  });
  it('a card without END names its BEGIN', () => {
    const error = errorOf(() => parseVcards(lf('BEGIN:VCARD', 'FN:A', 'END:VCARD', 'BEGIN:VCARD', 'FN:B')));
    expect(error.line).toBe(4);
    expect(error.message).toContain('END:VCARD');
  });
  it('a BEGIN inside an open card, END without BEGIN, text outside a card, an unknown version', () => {
    expect(errorOf(() => parseVcards(lf('BEGIN:VCARD', 'FN:A', 'BEGIN:VCARD', 'END:VCARD'))).line).toBe(3);
    expect(errorOf(() => parseVcards(lf('BEGIN:VCARD', 'END:VCARD', 'END:VCARD'))).line).toBe(3);
    expect(errorOf(() => parseVcards(lf('FN:A'))).line).toBe(1);
    expect(errorOf(() => parseVcards(lf('', 'BEGIN:VCARD', 'VERSION:5.0', 'END:VCARD'))).message).toMatch(/^Line 2: .*5\.0/);
  });
  it('a bad property name', () => {
    expect(errorOf(() => parseVcards(lf('BEGIN:VCARD', 'F N:A', 'END:VCARD'))).line).toBe(2);
  });
});

describe('MECARD and BIZCARD', () => {
  it('reads a MECARD with escapes', () => {
    const contact = parseMecard('MECARD:N:Doe,John;ORG:Acme\\; Sons;TITLE:CTO;TEL:+1 555 0100;TEL:+1 555 0199;EMAIL:john@acme.com;URL:http\\://acme.com;NOTE:Booth 4\\, hall 2;ADR:,,1 Main St,Springfield,IL,62701,USA;;');
    expect(contact.format).toBe('mecard');
    expect(contact.fields).toMatchObject({
      firstName: 'John',
      lastName: 'Doe',
      company: 'Acme; Sons',
      title: 'CTO',
      phone: '+1 555 0100',
      mobile: '+1 555 0199',
      email: 'john@acme.com',
      website: 'http://acme.com',
      notes: 'Booth 4, hall 2',
      street: '1 Main St',
      city: 'Springfield',
      region: 'IL',
      postalCode: '62701',
      country: 'USA',
    });
  });
  it('reads a MECARD whose N has no comma as a full name, and a one-text ADR as the street', () => {
    expect(parseMecard('MECARD:N:Ana Lopes;ADR:Rua Augusta 10 Lisboa;;').fields).toMatchObject({ firstName: 'Ana', lastName: 'Lopes', street: 'Rua Augusta 10 Lisboa' });
  });
  it('reads a BIZCARD', () => {
    const contact = parseBizcard('BIZCARD:N:Sean;X:Owen;T:Software Engineer;C:Google;A:76 9th Avenue, New York, NY 10011;B:+12125551212;M:+12125551234;F:+12125551213;E:srowen@google.com;;');
    expect(contact.fields).toMatchObject({
      firstName: 'Sean',
      lastName: 'Owen',
      title: 'Software Engineer',
      company: 'Google',
      street: '76 9th Avenue, New York, NY 10011',
      phone: '+12125551212',
      mobile: '+12125551234',
      email: 'srowen@google.com',
    });
  });
  it('names the line of a field without a key', () => {
    const error = errorOf(() => parseMecard('MECARD:N:Doe,John;\nnonsense;;'));
    expect(error.line).toBe(2);
  });
});

describe('classifyPayload and readBadgePayload', () => {
  it.each([
    ['BEGIN:VCARD\nFN:A\nEND:VCARD', 'vcard'],
    ['  mecard:N:A;;', 'mecard'],
    ['BIZCARD:N:A;;', 'bizcard'],
    ['https://reg.example.com/badge/12345', 'url'],
    ['www.example.com/b?id=9', 'url'],
    ['REG-2026-004711', 'registration-id'],
    ['4711', 'registration-id'],
    ['A1B2C3D4E5', 'registration-id'],
    ['hello there, general', 'text'],
    ['   ', 'empty'],
  ])('%j is %s', (payload, kind) => {
    expect(classifyPayload(payload)).toBe(kind);
  });

  it('keeps ids and URLs raw so they can be matched later', () => {
    expect(readBadgePayload(' REG-2026-004711\n')).toEqual({ kind: 'raw', value: 'REG-2026-004711', reason: 'registration-id' });
    expect(readBadgePayload('https://x.example/b/1')).toEqual({ kind: 'raw', value: 'https://x.example/b/1', reason: 'url' });
  });

  it('returns the first contact of a vCard payload', () => {
    const result = readBadgePayload('BEGIN:VCARD\nVERSION:3.0\nN:Doe;Jane\nEND:VCARD\nBEGIN:VCARD\nN:Other;One\nEND:VCARD');
    expect(result.kind === 'contact' && result.contact.fields.lastName).toBe('Doe');
  });

  it('throws with the line for a broken vCard payload', () => {
    expect(() => readBadgePayload('BEGIN:VCARD\nVERSION:3.0\nN:Doe;Jane')).toThrow(ContactPayloadError);
  });
});

describe('helpers', () => {
  it('decodeQuotedPrintable falls back to UTF-8 for an unknown charset', () => {
    expect(decodeQuotedPrintable('caf=C3=A9', 'x-unknown')).toBe('café');
    expect(decodeQuotedPrintable('caf=E9', 'windows-1252')).toBe('café');
  });
  it('splitFullName', () => {
    expect(splitFullName('  Prof. Ada  King ')).toEqual({ salutation: 'Prof.', firstName: 'Ada', lastName: 'King' });
    expect(splitFullName('')).toEqual({ salutation: '', firstName: '', lastName: '' });
  });
});

describe('Apple labels in other languages', () => {
  it('reads "Móvil" and "Handy" labels as mobile', () => {
    const fields = only(crlf('BEGIN:VCARD', 'VERSION:3.0', 'FN:A B', 'item1.TEL:+34 600 000 001', 'item1.X-ABLabel:Móvil', 'item2.TEL:+49 30 1234567', 'item2.X-ABLabel:Büro', 'END:VCARD'));
    expect(fields).toMatchObject({ mobile: '+34 600 000 001', phone: '+49 30 1234567' });
  });
});

describe('readVcardFile: a lead is a work contact, and nothing the card holds is dropped', () => {
  it('takes the work email, phone, address and website even when a home one is marked preferred', () => {
    const [card] = readVcardFile(
      crlf(
        'BEGIN:VCARD',
        'VERSION:4.0',
        'FN:Ana Müller',
        'EMAIL;TYPE=home;PREF=1:ana@gmail.example',
        'EMAIL;TYPE=work;PREF=2:ana@acme.example',
        'TEL;TYPE=home,voice;PREF=1:+49 30 111',
        'TEL;TYPE=work,voice:+49 30 222',
        'TEL;TYPE=fax:+49 30 333',
        'ADR;TYPE=home;PREF=1:;;Gartenweg 1;Potsdam;;14467;Germany',
        'ADR;TYPE=work:;;Friedrichstraße 10;Berlin;;10117;Germany',
        'URL;TYPE=home:https://ana.example',
        'URL;TYPE=work:https://acme.example',
        'ORG:Acme GmbH;Procurement',
        'BDAY:1985-04-12',
        'UID:urn:uuid:0d8c7a5e-2f5b-4c1e-9a3d-6b2f7e8a9c10',
        'END:VCARD',
      ),
    ).cards;
    expect(card?.fields).toMatchObject({ email: 'ana@acme.example', phone: '+49 30 222', street: 'Friedrichstraße 10', city: 'Berlin', website: 'https://acme.example', company: 'Acme GmbH' });
    expect(card?.extras).toEqual({
      'EMAIL;TYPE=home': 'ana@gmail.example',
      'TEL;TYPE=home,voice': '+49 30 111',
      'TEL;TYPE=fax': '+49 30 333',
      'ADR;TYPE=home': 'Gartenweg 1, 14467 Potsdam, Germany',
      'URL;TYPE=home': 'https://ana.example',
      'ORG (unit)': 'Procurement',
      BDAY: '1985-04-12',
    });
    expect(card?.uid).toBe('urn:uuid:0d8c7a5e-2f5b-4c1e-9a3d-6b2f7e8a9c10');
    expect(card?.sources).toMatchObject({ email: 'EMAIL;TYPE=work', firstName: 'FN', city: 'ADR;TYPE=work' });
  });

  it('still prefers a preferred value among values of the same kind, and an untyped one over a home one', () => {
    const fields = only(crlf('BEGIN:VCARD', 'VERSION:3.0', 'FN:Bo Roe', 'EMAIL;TYPE=home:bo@home.example', 'EMAIL:bo@roe.example', 'EMAIL;TYPE=pref:bo@pref.example', 'END:VCARD'));
    expect(fields.email).toBe('bo@pref.example');
  });

  it('lists an unreadable line or an unknown version as a problem of its card and reads the rest of the file', () => {
    const file = readVcardFile(
      lf('BEGIN:VCARD', 'VERSION:3.0', 'FN:Ana Müller', 'not a property', 'END:VCARD', 'stray text', 'BEGIN:VCARD', 'VERSION:5.0', 'FN:Bo Roe', 'END:VCARD'),
    );
    expect(file.cards.map((card) => card.fields.lastName)).toEqual(['Müller', 'Roe']);
    expect(file.cards[0]?.problems).toEqual([{ line: 4, value: 'not a property', why: expect.stringMatching(/property name and a colon/), keptAs: 'line 4 of the card' }]);
    expect(file.cards[0]?.extras).toEqual({ 'line 4 of the card': 'not a property' });
    expect(file.cards[1]?.problems).toEqual([{ line: 7, value: 'VERSION:5.0', why: expect.stringMatching(/5\.0/) }]);
    expect(file.problems).toEqual([{ line: 6, value: 'stray text', why: expect.stringMatching(/outside a card/) }]);
    // A badge holds one card: there the first problem still refuses it.
    expect(errorOf(() => parseVcards(lf('BEGIN:VCARD', 'VERSION:3.0', 'FN:Ana', 'not a property', 'END:VCARD'))).line).toBe(4);
  });
});
