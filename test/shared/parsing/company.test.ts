import { describe, expect, it } from 'vitest';
import { companySpellingOfDomain, domainAgreement, titleScore } from '../../../shared/parsing/company';

describe('company and title scores', () => {
  it('does not read post-nominals after a broken name as a title', () => {
    expect(titleScore('ndqvist, CPA')).toBe(0);
    expect(titleScore('Chartered Accountant, CPA')).toBeGreaterThan(0.6);
  });
  it('agrees a company with its domain despite one OCR slip or a lost accent', () => {
    expect(domainAgreement('Vestergerd Logistik', ['vestergardlogistik'])).toBeGreaterThanOrEqual(0.8);
    expect(domainAgreement('Harbour Foods', ['vestergardlogistik'])).toBe(0);
  });
});

describe('companySpellingOfDomain', () => {
  it.each([
    ['Varnholt Textiles Pty. Ltd.', 'vamholt', 'varnholt'],
    ['Modern Logistics', 'rnodern', 'modern'],
    ['Clearwater Labs', 'dearwater', 'clearwater'],
    ['Halvorsen Freight', 'halvorsenfreight', ''],
    ['Varnholt Textiles', 'vamhoit', ''],
    ['Meridel Labs', 'mendel', ''],
    ['Vellacott Consultoria', 'veltacott', 'vellacott'],
    // a short name one letter off is another name; two letters off is no slip
    ['Lumen Labs', 'lumex', ''],
    ['Bexley Emballages SASU', 'beriey', ''],
  ])('%s beside the domain %s: %s', (company, stem, want) => expect(companySpellingOfDomain(company, stem)).toBe(want));
});
