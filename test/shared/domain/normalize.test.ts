import { describe, expect, it } from 'vitest';
import { companyEmailDomain, normalizeCompanyName, sameDomain, websiteDomain } from '../../../shared/domain/normalize';

describe('company name keys', () => {
  it('ignore case, accents, punctuation and legal forms of many countries', () => {
    const variants = ['Müller Antriebe GmbH', 'MULLER ANTRIEBE', 'Müller Antriebe GmbH & Co. KG', 'müller-antriebe AG'];
    expect(new Set(variants.map(normalizeCompanyName))).toEqual(new Set(['muller antriebe']));
    expect(normalizeCompanyName('Acme, Inc.')).toBe(normalizeCompanyName('ACME LLC'));
    expect(normalizeCompanyName('Société Générale S.A.')).toBe('societe generale');
    expect(normalizeCompanyName('Nordisk A/S')).toBe('nordisk');
    expect(normalizeCompanyName('Rossi S.p.A.')).toBe('rossi');
    expect(normalizeCompanyName('Van Dijk B.V.')).toBe('van dijk');
    expect(normalizeCompanyName('The Acme Company')).toBe('acme');
  });

  it('keep a name made only of a legal form, so it does not match everything', () => {
    expect(normalizeCompanyName('AG')).toBe('ag');
  });
});

describe('domains', () => {
  it('take the host of a website and the company part of an email', () => {
    expect(websiteDomain('https://www.Acme.com/de?x=1')).toBe('acme.com');
    expect(websiteDomain('acme.co.uk')).toBe('acme.co.uk');
    expect(companyEmailDomain('Ana@Sales.Acme.com')).toBe('sales.acme.com');
    expect(companyEmailDomain('someone@gmail.com')).toBe('');
    expect(sameDomain('sales.acme.com', 'acme.com')).toBe(true);
    expect(sameDomain('acme.com', 'notacme.com')).toBe(false);
  });
});
