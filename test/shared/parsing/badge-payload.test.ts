import { describe, expect, it } from 'vitest';
import { badgeHasContact, readBadgeCode } from '../../../shared/parsing/badge-payload';

// The formats' odd cases (folding, escapes, QUOTED-PRINTABLE, CHARSET, missing N) are
// tested with the parser, test/shared/parsing/contact-payload.test.ts; here what the booth does with the result.
describe('readBadgeCode', () => {
  it('gives a vCard as the lead fields it filled', () => {
    const code = readBadgeCode('BEGIN:VCARD\r\nVERSION:3.0\r\nN:Müller;Ana\r\nORG:Acme\\, Inc.\r\nTEL;TYPE=CELL:+49 170 1234567\r\nEND:VCARD');
    expect(code).toEqual({ kind: 'contact', format: 'vcard', fields: { firstName: 'Ana', lastName: 'Müller', company: 'Acme, Inc.', mobile: '+49 170 1234567' } });
    expect(badgeHasContact(code)).toBe(true);
  });

  it('reads MECARD and BIZCARD', () => {
    expect(readBadgeCode('MECARD:N:Okafor,Chidi;ORG:Northwind;EMAIL:chidi@northwind.example;;')).toMatchObject({
      format: 'mecard',
      fields: { lastName: 'Okafor', firstName: 'Chidi', email: 'chidi@northwind.example' },
    });
    expect(readBadgeCode('BIZCARD:N:Sven;X:Jensen;C:Globex;;')).toMatchObject({ format: 'bizcard', fields: { firstName: 'Sven', lastName: 'Jensen' } });
  });

  it('keeps a registration id or a URL raw, and has nothing for empty text', () => {
    expect(readBadgeCode('  REG-2026-004711\n')).toEqual({ kind: 'id', badgeId: 'REG-2026-004711' });
    const url = readBadgeCode('https://register.example/attendee/8f2c?x=1');
    expect(url).toEqual({ kind: 'id', badgeId: 'https://register.example/attendee/8f2c?x=1' });
    expect(badgeHasContact(url)).toBe(false);
    expect(readBadgeCode('   ')).toBeNull();
  });

  it('says what is wrong with a broken contact card instead of keeping it as an id', () => {
    expect(readBadgeCode('BEGIN:VCARD\nVERSION:3.0\nN:Okafor')).toMatchObject({ kind: 'unreadable' });
  });
});
