/**
 * Which countries a parsed card points to: the calling codes of its numbers, the country-code
 * top-level domains of its e-mail and website, and a printed country. Used to decide how the
 * card is read further (which languages its lines are likely in).
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { countryOf } from './address';
import type { ParsedCard } from './card-fields';
import { TLD_COUNTRY, fold } from './vocabulary';

export function cardCountries(card: ParsedCard): string[] {
  const out = new Set<string>();
  for (const field of ['phone', 'mobile', 'fax'] as const) {
    const e164 = card[field].e164;
    const country = e164 ? parsePhoneNumberFromString(e164)?.country : undefined;
    if (country) out.add(country);
  }
  const hosts = [card.email.value.split('@')[1] ?? '', card.website.value.replace(/^[a-z]+:\/\//i, '').split('/')[0] ?? ''];
  for (const host of hosts) {
    const tld = fold(host).split('.').pop() ?? '';
    const country = TLD_COUNTRY[tld];
    if (country) out.add(country);
  }
  const printed = card.country.value ? countryOf(card.country.value) : undefined;
  if (printed) out.add(printed);
  return [...out];
}
