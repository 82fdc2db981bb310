import { describe, expect, it } from 'vitest';
import { badgeHasContact, chooseBadgeCode, readBadgeCode } from '../../../shared/parsing/badge-payload';
import { badgeProfileSchema, type BadgeProfile } from '../../../shared/parsing/badge-profiles';

// The formats' odd cases (folding, escapes, QUOTED-PRINTABLE, CHARSET, missing N) are
// tested with the parser, test/shared/parsing/contact-payload.test.ts; here what the booth does with the result.
describe('readBadgeCode', () => {
  it('gives a vCard as the lead fields it filled', () => {
    const code = readBadgeCode('BEGIN:VCARD\r\nVERSION:3.0\r\nN:Müller;Ana\r\nORG:Acme\\, Inc.\r\nTEL;TYPE=CELL:+49 170 1234567\r\nEND:VCARD');
    expect(code).toMatchObject({ kind: 'contact', format: 'vcard', badgeId: '', fields: { firstName: 'Ana', lastName: 'Müller', company: 'Acme, Inc.', mobile: '+49 170 1234567' } });
    expect(code?.raw).toMatch(/^BEGIN:VCARD[\s\S]*END:VCARD$/);
    expect(badgeHasContact(code)).toBe(true);
  });

  it('reads MECARD and BIZCARD', () => {
    expect(readBadgeCode('MECARD:N:Okafor,Chidi;ORG:Northwind;EMAIL:chidi@northwind.example;;')).toMatchObject({
      format: 'mecard',
      fields: { lastName: 'Okafor', firstName: 'Chidi', email: 'chidi@northwind.example' },
    });
    expect(readBadgeCode('BIZCARD:N:Sven;X:Jensen;C:Globex;;')).toMatchObject({ format: 'bizcard', fields: { firstName: 'Sven', lastName: 'Jensen' } });
  });

  it('keeps a registration id, takes the attendee id out of a URL, and has nothing for empty text', () => {
    expect(readBadgeCode('  REG-2026-004711\n')).toEqual({ kind: 'id', badgeId: 'REG-2026-004711', raw: 'REG-2026-004711' });
    const url = readBadgeCode('https://register.example/attendee/8f2c?x=1');
    expect(url).toEqual({ kind: 'id', badgeId: '8f2c', raw: 'https://register.example/attendee/8f2c?x=1' });
    expect(badgeHasContact(url)).toBe(false);
    expect(readBadgeCode('https://reg.example/lead?event=ces&attendeeId=A-77120')).toMatchObject({ kind: 'id', badgeId: 'A-77120' });
    // No id in it: the whole URL is the id, as before.
    expect(readBadgeCode('https://reg.example/welcome')).toMatchObject({ kind: 'id', badgeId: 'https://reg.example/welcome' });
    expect(readBadgeCode('   ')).toBeNull();
  });

  it('reads a bare email as the email, strictly', () => {
    expect(readBadgeCode('ana@acme.example\r\n')).toMatchObject({ kind: 'contact', format: 'email', fields: { email: 'ana@acme.example' } });
    expect(readBadgeCode('X1~Ana~ana@acme.example')).toMatchObject({ kind: 'unrecognised' });
  });

  it('reads the caret record and its pipe and tab variants, with and without RefID', () => {
    const fields = { firstName: 'Ana', lastName: 'Müller', email: 'ana@acme.example', title: 'CTO', company: 'Acme GmbH', city: 'Berlin', region: 'BE', postalCode: '10115', phone: '+49 30 1234567' };
    const values = ['Ana', 'Müller', 'ana@acme.example', 'CTO', 'Acme GmbH', 'Berlin', 'BE', '10115', '+49 30 1234567'];
    expect(readBadgeCode(['A1029384', ...values].join('^'))).toMatchObject({ kind: 'contact', format: 'profile', profile: 'caret', badgeId: 'A1029384', fields });
    expect(readBadgeCode(values.join('^'))).toMatchObject({ profile: 'caret without RefID', badgeId: '', fields });
    expect(readBadgeCode(['A1029384', ...values].join('|'))).toMatchObject({ profile: 'pipe', badgeId: 'A1029384', fields });
    // A wedge scanner's Tab after the code is not an empty last field.
    expect(readBadgeCode(['A1029384', ...values].join('\t') + '\t')).toMatchObject({ profile: 'tab', badgeId: 'A1029384', fields });
    // Empty fields stay empty; a trailing delimiter is allowed.
    expect(readBadgeCode('A1^Ana^Müller^^^Acme^^^^^')).toMatchObject({ profile: 'caret', badgeId: 'A1', fields: { firstName: 'Ana', lastName: 'Müller', company: 'Acme' } });
  });

  it('never spreads a record over the wrong fields: a shifted or short record is kept raw', () => {
    // The email sits where the last name belongs: no profile fits.
    const shifted = readBadgeCode('A1^Ana^ana@acme.example^Müller^CTO^Acme^Berlin^BE^10115^+49 30 1');
    expect(shifted).toMatchObject({ kind: 'unrecognised', raw: 'A1^Ana^ana@acme.example^Müller^CTO^Acme^Berlin^BE^10115^+49 30 1' });
    expect(readBadgeCode('A1^Ana^Müller')).toMatchObject({ kind: 'unrecognised' });
  });

  it("tries the show's own profiles first, with a wedge scanner's prefix and suffix", () => {
    const show: BadgeProfile = { name: 'Expo', delimiter: ';', fields: ['lastName', 'firstName', 'company', 'refId'], prefix: '#LB', suffix: '$', idField: 'refId' };
    expect(readBadgeCode('\x02#LBMüller;Ana;Acme;77120$\x03\r\n', [show])).toMatchObject({
      profile: 'Expo',
      badgeId: '77120',
      fields: { lastName: 'Müller', firstName: 'Ana', company: 'Acme' },
      raw: '#LBMüller;Ana;Acme;77120$',
    });
    expect(readBadgeCode('#LBMüller;Ana;Acme;77120$')).toMatchObject({ kind: 'unrecognised' });
  });

  it('says what is wrong with a broken contact card instead of keeping it as an id', () => {
    expect(readBadgeCode('BEGIN:VCARD\nVERSION:3.0\nN:Okafor')).toMatchObject({ kind: 'unreadable' });
  });
});

describe('chooseBadgeCode', () => {
  it('takes the code holding a contact, else the first badge code, and names a lone product code', () => {
    const id = { text: 'REG-1', format: 'Code128' };
    const card = { text: 'MECARD:N:Okafor,Chidi;;', format: 'QRCode' };
    const ean = { text: '9780306406157', format: 'EAN13' };
    expect(chooseBadgeCode([ean, id, card])).toEqual({ kind: 'badge', code: card });
    expect(chooseBadgeCode([ean, id])).toEqual({ kind: 'badge', code: id });
    expect(chooseBadgeCode([ean])).toEqual({ kind: 'product', format: 'EAN13' });
    expect(chooseBadgeCode([])).toEqual({ kind: 'none' });
  });
});

describe('badgeProfileSchema', () => {
  it('takes refId as the id when present and refuses unknown or repeated fields and a space delimiter', () => {
    expect(badgeProfileSchema.parse({ name: 'x', delimiter: '^', fields: ['refId', 'email'] })).toMatchObject({ idField: 'refId', prefix: '', suffix: '' });
    expect(badgeProfileSchema.parse({ name: 'x', delimiter: '^', fields: ['email', 'lastName'] }).idField).toBeNull();
    expect(badgeProfileSchema.safeParse({ name: 'x', delimiter: '^', fields: ['refId', 'surname'] }).success).toBe(false);
    expect(badgeProfileSchema.safeParse({ name: 'x', delimiter: '^', fields: ['email', 'email'] }).success).toBe(false);
    expect(badgeProfileSchema.safeParse({ name: 'x', delimiter: ' ', fields: ['email', 'lastName'] }).success).toBe(false);
    expect(badgeProfileSchema.safeParse({ name: 'x', delimiter: '^', fields: ['email', 'lastName'], idField: 'company' }).success).toBe(false);
  });
});
