/**
 * How two spellings of the same person or company are made comparable: one implementation,
 * used by duplicate matching (capture and review) and by account/contact matching at
 * conversion. Pure string work: no Node, no DOM.
 */

/**
 * Legal forms that say nothing about which company it is, by country (common forms from the
 * national company registers: US/UK/IE/AU/IN/SG, DE/AT/CH, FR/BE/LU, ES/IT/PT/BR/MX, NL,
 * the Nordics, PL/CZ/SK/HU, JP). Written without dots and spaces; the name is compared the same way.
 */
const LEGAL_FORMS = new Set([
  // English-speaking countries
  'inc', 'incorporated', 'llc', 'llp', 'lp', 'ltd', 'limited', 'plc', 'corp', 'corporation', 'co', 'company',
  'pty', 'pvt', 'pte', 'private', 'public', 'holdings', 'group',
  // German-speaking countries
  'gmbh', 'ag', 'kg', 'ohg', 'gbr', 'ug', 'ev', 'se', 'kgaa', 'mbh',
  // French, Spanish, Italian, Portuguese
  'sa', 'sas', 'sasu', 'sarl', 'eurl', 'sca', 'snc', 'sl', 'slu', 'spa', 'srl', 'srls', 'sapa', 'lda', 'ltda', 'me', 'eireli', 'cv', 'sab', 'de',
  // Benelux and the Nordics
  'bv', 'nv', 'vof', 'cvba', 'bvba', 'ab', 'as', 'asa', 'aps', 'oy', 'oyj', 'hf', 'ehf',
  // Central Europe and Japan
  'spzoo', 'zoo', 'sp', 'z', 'oo', 'sro', 'kft', 'zrt', 'nyrt', 'kk',
]);

/** Removes accents and case: "Müller" and "MULLER" compare equal. */
export function foldText(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[æ]/g, 'ae')
    .replace(/[ø]/g, 'o')
    .replace(/[ł]/g, 'l');
}

/** The words of a text, folded, punctuation dropped ("S.A." → "sa", "A/S" → "as"). */
function foldedWords(value: string): string[] {
  return foldText(value)
    .replace(/&/g, ' and ')
    .replace(/(\p{L})[./](?=\p{L}(?:[./]|\b))/gu, '$1') // S.A. → SA, A/S → AS, B.V. → BV
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
}

/**
 * A company name as a comparison key: accents, case, punctuation and legal forms at the
 * end dropped ("Müller Antriebe GmbH & Co. KG" → "muller antriebe"). A name made only of
 * legal-form words keeps its words, so "AG" alone does not match every company.
 */
export function normalizeCompanyName(name: string): string {
  const words = foldedWords(name);
  if (words[0] === 'the' && words.length > 1) words.shift();
  let end = words.length;
  // "& Co. KG": the "and" between two legal forms goes with them.
  while (end > 1 && (isLegalFormWord(words[end - 1] as string) || words[end - 1] === 'and')) end--;
  return words.slice(0, end).join(' ');
}

function isLegalFormWord(word: string): boolean {
  return LEGAL_FORMS.has(word);
}

/** An email address as a comparison key (case and surrounding spaces ignored). */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Mailbox providers: two people with a gmail address do not work at the same company, so
 * these domains never suggest an account or a duplicate.
 */
const PERSONAL_MAIL_DOMAINS = new Set([
  'gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'live.com', 'msn.com', 'yahoo.com', 'yahoo.co.uk',
  'icloud.com', 'me.com', 'mac.com', 'aol.com', 'gmx.de', 'gmx.net', 'gmx.com', 'web.de', 't-online.de', 'orange.fr',
  'free.fr', 'laposte.net', 'wanadoo.fr', 'proton.me', 'protonmail.com', 'mail.com', 'yandex.com', 'qq.com', '163.com',
]);

/** The company part of an email address ("ana@sales.acme.com" → "sales.acme.com"), or "" for personal mailboxes. */
export function companyEmailDomain(email: string): string {
  const at = email.lastIndexOf('@');
  if (at === -1) return '';
  const domain = email.slice(at + 1).trim().toLowerCase().replace(/\.$/, '');
  return PERSONAL_MAIL_DOMAINS.has(domain) ? '' : domain;
}

/** The host of a website without scheme, "www." and path ("https://www.Acme.com/de" → "acme.com"). */
export function websiteDomain(website: string): string {
  const host = website
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '')
    .split(/[/?#:]/)[0]
    ?.replace(/^www\d*\./, '')
    .replace(/\.$/, '');
  return host ?? '';
}

/** True when two domains are the same company's: equal, or one a subdomain of the other. */
export function sameDomain(first: string, second: string): boolean {
  if (!first || !second) return false;
  return first === second || first.endsWith(`.${second}`) || second.endsWith(`.${first}`);
}

/** A person's name part as a comparison key: accents, case, spaces and hyphens ignored. */
export function normalizePersonName(name: string): string {
  return foldedWords(name).join(' ');
}
