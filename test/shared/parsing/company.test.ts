import { describe, expect, it } from 'vitest';
import { domainAgreement, titleScore } from '../../../shared/parsing/company';

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
