import { describe, expect, it } from 'vitest';
import { badgeHasContact, readBadgePayload } from '../../../shared/parsing/badge-payload';

describe('readBadgePayload', () => {
  it('reads a vCard 3.0 with folded lines, escaped commas and semicolons, a mobile and an address', () => {
    const vcard = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      'N:Müller;Ana;;Dr.;',
      'FN:Dr. Ana Müller',
      'ORG:Acme\\, Inc.;Research',
      'TITLE:Head of R\\;D and Long Titles That Get',
      '  Folded',
      'EMAIL;TYPE=INTERNET:ana@acme.example',
      'TEL;TYPE=WORK:+49 30 1234567',
      'TEL;TYPE=CELL:+49 170 1234567',
      'ADR;TYPE=WORK:;;Invalidenstr. 1;Berlin;;10115;Germany',
      'END:VCARD',
    ].join('\r\n');
    expect(readBadgePayload(vcard)).toEqual({
      kind: 'contact',
      format: 'vcard',
      fields: {
        lastName: 'Müller',
        firstName: 'Ana',
        salutation: 'Dr.',
        company: 'Acme, Inc.',
        title: 'Head of R;D and Long Titles That Get Folded',
        email: 'ana@acme.example',
        phone: '+49 30 1234567',
        mobile: '+49 170 1234567',
        street: 'Invalidenstr. 1',
        city: 'Berlin',
        postalCode: '10115',
        country: 'Germany',
      },
    });
  });

  it('reads vCard 2.1 QUOTED-PRINTABLE with CHARSET, and a vCard 4.0 without N', () => {
    const qp = 'BEGIN:VCARD\nVERSION:2.1\nN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;J=C3=B6rg\nEND:VCARD';
    expect(readBadgePayload(qp)).toMatchObject({ fields: { lastName: 'Müller', firstName: 'Jörg' } });
    const v4 = 'BEGIN:VCARD\nVERSION:4.0\nFN:Chidi Okafor\nTEL;VALUE=uri;TYPE="voice,cell":tel:+234-1-555-0100\nEND:VCARD';
    expect(readBadgePayload(v4)).toMatchObject({ fields: { firstName: 'Chidi', lastName: 'Okafor', mobile: '+234-1-555-0100' } });
  });

  it('reads MECARD and BIZCARD', () => {
    expect(readBadgePayload('MECARD:N:Okafor,Chidi;ORG:Northwind\\; Ltd;TEL:+1 555 0100;EMAIL:chidi@northwind.example;;')).toEqual({
      kind: 'contact',
      format: 'mecard',
      fields: { lastName: 'Okafor', firstName: 'Chidi', company: 'Northwind; Ltd', phone: '+1 555 0100', email: 'chidi@northwind.example' },
    });
    expect(readBadgePayload('BIZCARD:N:Sven;X:Jensen;T:CTO;C:Globex;A:1 Main St;B:+45 1234 5678;E:sven@globex.example;;')).toMatchObject({
      format: 'bizcard',
      fields: { firstName: 'Sven', lastName: 'Jensen', title: 'CTO', company: 'Globex', phone: '+45 1234 5678', email: 'sven@globex.example' },
    });
  });

  it('keeps a registration id or a URL raw', () => {
    expect(readBadgePayload('  REG-2026-004711\n')).toEqual({ kind: 'id', badgeId: 'REG-2026-004711' });
    const url = readBadgePayload('https://register.example/attendee/8f2c?x=1');
    expect(url).toEqual({ kind: 'id', badgeId: 'https://register.example/attendee/8f2c?x=1' });
    expect(badgeHasContact(url)).toBe(false);
    expect(readBadgePayload('   ')).toBeNull();
  });
});
