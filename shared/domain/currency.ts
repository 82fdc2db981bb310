import { z } from 'zod';
import { knownIntlValues } from './intl-values';

/**
 * A show's money: the ISO 4217 code its amounts (opportunities, cost) are in. A locale names a
 * region, not a currency, so the laptop's default comes from this region → currency table
 * (ISO 4217's list for the regions trade shows are held in; anything else falls back to USD,
 * and the person picks the show's own in Show setup).
 */
const CURRENCY_OF_REGION: Readonly<Record<string, string>> = {
  // The euro area, and the countries that use the euro without being in it.
  AD: 'EUR', AT: 'EUR', BE: 'EUR', BG: 'EUR', CY: 'EUR', DE: 'EUR', EE: 'EUR', ES: 'EUR', FI: 'EUR', FR: 'EUR', GR: 'EUR', HR: 'EUR',
  IE: 'EUR', IT: 'EUR', LT: 'EUR', LU: 'EUR', LV: 'EUR', MC: 'EUR', ME: 'EUR', MT: 'EUR', NL: 'EUR', PT: 'EUR', SI: 'EUR', SK: 'EUR',
  SM: 'EUR', VA: 'EUR', XK: 'EUR',
  AE: 'AED', AR: 'ARS', AU: 'AUD', BD: 'BDT', BH: 'BHD', BR: 'BRL', CA: 'CAD', CH: 'CHF', CL: 'CLP', CN: 'CNY', CO: 'COP', CZ: 'CZK',
  DK: 'DKK', EG: 'EGP', GB: 'GBP', GE: 'GEL', HK: 'HKD', HU: 'HUF', ID: 'IDR', IL: 'ILS', IN: 'INR', IS: 'ISK', JO: 'JOD', JP: 'JPY',
  KE: 'KES', KR: 'KRW', KW: 'KWD', KZ: 'KZT', LI: 'CHF', MA: 'MAD', MX: 'MXN', MY: 'MYR', NG: 'NGN', NO: 'NOK', NZ: 'NZD', OM: 'OMR',
  PE: 'PEN', PH: 'PHP', PK: 'PKR', PL: 'PLN', QA: 'QAR', RO: 'RON', RS: 'RSD', RU: 'RUB', SA: 'SAR', SE: 'SEK', SG: 'SGD', TH: 'THB',
  TR: 'TRY', TW: 'TWD', UA: 'UAH', US: 'USD', VN: 'VND', ZA: 'ZAR',
};

const FALLBACK_CURRENCY = 'USD';

/** The currency of a locale's region ("de-AT" → EUR, "en" → USD through its likely region). */
export function currencyOfLocale(locale: string): string {
  try {
    const region = new Intl.Locale(locale).maximize().region;
    return (region && CURRENCY_OF_REGION[region]) || FALLBACK_CURRENCY;
  } catch {
    return FALLBACK_CURRENCY;
  }
}

/** The laptop's currency: a new show's default, and the currency of a show made before shows had one. */
export function laptopCurrency(): string {
  return currencyOfLocale(Intl.NumberFormat().resolvedOptions().locale);
}

/** The currency a show's amounts are in: its own, else the laptop's. */
export function showCurrency(show: { currency: string } | undefined): string {
  return show?.currency || laptopCurrency();
}

/** Whether this runtime knows the ISO 4217 code (older runtimes without the list accept any three letters). */
function isKnownCurrency(code: string): boolean {
  const known = knownIntlValues('currency');
  return known ? known.includes(code) : true;
}

export const currencySchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, { message: 'Use the three-letter currency code, e.g. EUR, USD or GBP.' })
  .refine(isKnownCurrency, { message: 'This is not a currency code this computer knows: use one like EUR, USD or GBP.' });

/** A show's total cost (stand, travel, staff…): a positive amount in the show's currency, or null when not entered. */
export const showCostSchema = z
  .number({ message: 'Enter the cost as a number, e.g. 12500.' })
  .min(0, { message: 'The cost cannot be negative.' })
  .max(1_000_000_000_000, { message: 'That cost is larger than any show: check the number.' })
  .nullable();
