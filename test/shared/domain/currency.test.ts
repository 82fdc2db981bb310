import { describe, expect, it } from 'vitest';
import { currencyOfLocale, currencySchema, showCurrency } from '../../../shared/domain/currency';

describe('currency of a show', () => {
  it('takes the locale’s region’s currency, the likely region when the locale names none, USD when unknown', () => {
    expect(currencyOfLocale('de-AT')).toBe('EUR');
    expect(currencyOfLocale('de-CH')).toBe('CHF');
    expect(currencyOfLocale('en-GB')).toBe('GBP');
    expect(currencyOfLocale('ja')).toBe('JPY');
    expect(currencyOfLocale('en')).toBe('USD');
    expect(currencyOfLocale('pt-AO')).toBe('USD');
    expect(currencyOfLocale('not a locale')).toBe('USD');
  });

  it('uses the show’s own currency, else the laptop’s', () => {
    expect(showCurrency({ currency: 'SEK' })).toBe('SEK');
    expect(showCurrency({ currency: '' })).toMatch(/^[A-Z]{3}$/);
  });

  it('accepts codes in any case and refuses what is not an ISO 4217 code', () => {
    expect(currencySchema.parse(' chf ')).toBe('CHF');
    expect(currencySchema.safeParse('€').success).toBe(false);
    expect(currencySchema.safeParse('QQQ').success).toBe(false);
  });
});
