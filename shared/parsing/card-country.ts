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

/**
 * The countries a card shows for sure: numbers printed with their calling code, country-code
 * domains, a printed country. (A number printed without one was parsed for a guessed country.)
 */
export function shownCountries(card: ParsedCard): string[] {
  const unsureNumbers = (['phone', 'mobile', 'fax'] as const).filter((f) => !/^\s*(?:\+|00)/.test(card[f].value));
  const shown: ParsedCard = { ...card };
  for (const f of unsureNumbers) shown[f] = { ...card[f], value: '' };
  for (const f of unsureNumbers) delete shown[f].e164;
  return cardCountries(shown);
}
