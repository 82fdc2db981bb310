import { describe, expect, it } from 'vitest';
import { currencySchema } from '../../../shared/domain/currency';
import { knownIntlValues } from '../../../shared/domain/intl-values';

describe('knownIntlValues', () => {
  it('lists the currencies and time zones this runtime knows', () => {
    expect(knownIntlValues('currency')).toEqual(expect.arrayContaining(['EUR', 'USD', 'JPY']));
    expect(knownIntlValues('timeZone')).toEqual(expect.arrayContaining(['Europe/Berlin', 'America/New_York']));
    expect(knownIntlValues('currency')).not.toContain('QQQ');
  });

  it('is null on a runtime without the list, and the currency check then takes any three letters', () => {
    expect(currencySchema.safeParse('QQQ').success).toBe(false);
    const original = Object.getOwnPropertyDescriptor(Intl, 'supportedValuesOf');
    if (!original) throw new Error('this runtime has no Intl.supportedValuesOf to take away');
    Object.defineProperty(Intl, 'supportedValuesOf', { value: undefined, configurable: true });
    try {
      expect(knownIntlValues('timeZone')).toBeNull();
      expect(currencySchema.safeParse('QQQ').success).toBe(true);
    } finally {
      Object.defineProperty(Intl, 'supportedValuesOf', original);
    }
  });
});
