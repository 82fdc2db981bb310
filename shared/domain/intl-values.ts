/**
 * Every value of a kind this runtime's Intl knows — ISO 4217 currency codes, IANA time
 * zones — or null on an older runtime without the list (Intl.supportedValuesOf came with
 * Chromium 99, Firefox 93, Safari 15.4). One wrapper for the show's fields' suggestions and
 * the currency check, so they never disagree about what "known" means.
 */
export function knownIntlValues(kind: 'currency' | 'timeZone'): readonly string[] | null {
  return typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf(kind) : null;
}
