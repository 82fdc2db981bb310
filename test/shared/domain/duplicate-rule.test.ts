import { describe, expect, it } from 'vitest';
import { duplicateReason, nameBlockingKey, phoneKey, type DuplicateProbe } from '../../../shared/domain/duplicate-rule';

const ana: DuplicateProbe = {
  firstName: 'Ana',
  lastName: 'Müller',
  company: 'Acme GmbH',
  email: 'ana.mueller@acme.example',
  phone: '+49 30 1234567',
  mobile: '',
};
const blank: DuplicateProbe = { firstName: '', lastName: '', company: '', email: '', phone: '', mobile: '' };

describe('duplicateReason', () => {
  it('matches the same email whatever the case and spaces', () => {
    expect(duplicateReason({ ...blank, email: ' ANA.Mueller@acme.example ' }, ana)).toBe('email');
  });

  it('matches name + company with accents, case and legal forms ignored', () => {
    expect(duplicateReason({ ...blank, firstName: 'ana', lastName: 'MULLER', company: 'ACME' }, ana)).toBe('name_company');
    expect(duplicateReason({ ...blank, firstName: 'Anna', lastName: 'Müller', company: 'Acme AG' }, ana)).toBe('name_company');
  });

  it('matches name + phone written another way, and name + company email domain', () => {
    expect(duplicateReason({ ...blank, firstName: 'Ana', lastName: 'Muller', phone: '030 1234567' }, ana)).toBe('name_phone');
    expect(duplicateReason({ ...blank, firstName: 'Ana', lastName: 'Muller', mobile: '0049 30 123 4567' }, ana)).toBe('name_phone');
    expect(duplicateReason({ ...blank, firstName: 'Ana', lastName: 'Muller', email: 'a.m@sales.acme.example' }, ana)).toBe(
      'name_email_domain',
    );
  });

  it('matches a card read with first and last name swapped', () => {
    expect(duplicateReason({ ...blank, firstName: 'Müller', lastName: 'Ana', company: 'Acme' }, ana)).toBe('name_company');
  });

  it('does not match a name alone, another person at the same company, or two gmail users', () => {
    expect(duplicateReason({ ...blank, firstName: 'Ana', lastName: 'Müller' }, ana)).toBeNull();
    expect(duplicateReason({ ...blank, firstName: 'Ben', lastName: 'Müller', company: 'Acme' }, ana)).toBeNull();
    expect(duplicateReason({ ...blank, firstName: 'Ana', lastName: 'Meyer', company: 'Acme' }, ana)).toBeNull();
    const gmail = { ...blank, firstName: 'Jo', lastName: 'Lee', email: 'jo@gmail.com' };
    expect(duplicateReason({ ...blank, firstName: 'Jo', lastName: 'Lee', email: 'jolee@gmail.com' }, gmail)).toBeNull();
  });

  it('does not match on a legal form alone or an empty company', () => {
    expect(duplicateReason({ ...blank, firstName: 'Ana', lastName: 'Müller', company: '' }, { ...ana, company: '' })).toBeNull();
  });
});

describe('keys', () => {
  it('folds the last name and keeps the first initial', () => {
    expect(nameBlockingKey('Ána', 'Müller-Lüdenscheidt')).toBe('muller ludenscheidt|a');
    expect(nameBlockingKey('Ana', '')).toBe('');
  });

  it('compares phones by their last 9 digits', () => {
    expect(phoneKey('+49 (30) 123-4567')).toBe(phoneKey('030 1234567'));
    expect(phoneKey('12 34')).toBe('');
  });
});
