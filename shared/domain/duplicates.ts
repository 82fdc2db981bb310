/**
 * The duplicate rule: one implementation, used when staff save a lead at the booth (warn
 * before saving the same person twice) and when managers review thousands of leads (group
 * the likely duplicates for merging). It follows Salesforce's standard lead matching rule in
 * spirit. Two leads are likely the same person when
 *
 * - `email`: their emails are the same (case and spaces ignored), or
 * - their first and last names are the same up to accents, case, spaces, hyphens and one
 *   typo (Damerau–Levenshtein ≤ 1, only for names of 5 letters or more, where one slip
 *   cannot turn one common name into another), in either order (first/last swapped), AND
 *   - `name+company`: the companies are the same once legal forms are dropped
 *     ("Acme GmbH" = "ACME"), or
 *   - `name+phone`: a phone or mobile number is the same: in E.164 when both can be read
 *     with a country code (the lead's country is used for numbers written without one),
 *     otherwise by the last 9 digits, or
 *   - `name+domain`: the email domains are the same company's (equal or one a subdomain of
 *     the other; gmail.com and other mailbox providers never count), or
 * - `badge`: both were scanned from a badge with the same attendee id (only where the caller
 *   knows the badge id: the booth's check at save; it is no blocking key).
 *
 * Every pair the rule matches shares one of the exact keys of `blockingKeys` (email,
 * company, last 9 phone digits, email domain), because each branch of the rule needs one of
 * them to be equal. So candidates are found by key lookups, never by comparing all pairs.
 *
 * Pure: no Node, no DOM.
 */
import { parsePhoneNumberFromString, isSupportedCountry, type CountryCode } from 'libphonenumber-js/max';
import { countryOf } from '../parsing/address';
import type { Lead } from './lead';
import { companyEmailDomain, normalizeCompanyName, normalizeEmail, normalizePersonName, sameDomain } from './normalize';

const DUPLICATE_REASONS = ['email', 'name+company', 'name+phone', 'name+domain', 'badge'] as const;
export type DuplicateReason = (typeof DUPLICATE_REASONS)[number];

/** What the rule reads of a lead. */
export type DuplicateSubject = Pick<Lead, 'id' | 'firstName' | 'lastName' | 'company' | 'email' | 'phone' | 'mobile' | 'country'> &
  // Optional: only the booth's check at save knows it (the same badge scanned twice); grouping and imports leave it out.
  Partial<Pick<Lead, 'badgeId'>>;

interface PhoneKey {
  raw: string;
  /** the last 9 digits (fewer when the number is shorter) */
  tail: string;
  /** E.164, worked out only when two tails are equal (parsing is the slow part); null: unreadable */
  e164?: string | null;
}

/** A lead's comparison keys, worked out once: build it once per lead and compare many times. */
export interface MatchProfile {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  company: string;
  domain: string;
  phones: PhoneKey[];
  country: CountryCode | undefined;
  /** The badge's attendee id, exactly ('' when none). */
  badgeId: string;
}

/** Names shorter than this must be equal: "Anna"/"Anne" are two people, "Katharina"/"Katarina" one. */
const FUZZY_NAME_MIN_LENGTH = 5;
/** Numbers with fewer digits are extensions or fragments, not a way to tell two people are one. */
const PHONE_MIN_DIGITS = 7;
const PHONE_TAIL_DIGITS = 9;

const countryCache = new Map<string, CountryCode | undefined>();

/** "DE", "de", "Germany", "Deutschland" → "DE"; unknown → undefined. */
export function countryCodeOf(country: string): CountryCode | undefined {
  const text = country.trim();
  if (text === '') return undefined;
  if (countryCache.has(text)) return countryCache.get(text);
  const upper = text.toUpperCase();
  const code = /^[A-Z]{2}$/.test(upper) && isSupportedCountry(upper) ? upper : countryOf(text);
  const result = code && isSupportedCountry(code) ? code : undefined;
  countryCache.set(text, result);
  return result;
}

/** The digits of a number, without "(0)" and without an extension ("x12", "ext. 12", "#12"). */
function phoneDigits(raw: string): string {
  return raw
    .replace(/\(0\)/g, '')
    .replace(/\s*(?:ext\.?|extension|x|#|durchwahl|poste)\s*\d+\s*$/i, '')
    .replace(/\D/g, '');
}

/**
 * True when two written numbers are the same number by the duplicate rule's measure (the
 * same last digits, formatting, "(0)" and extensions ignored); short fragments only when
 * their digits are equal.
 */
export function samePhoneNumber(first: string, second: string): boolean {
  const [firstDigits, secondDigits] = [phoneDigits(first), phoneDigits(second)];
  if (firstDigits === '' || secondDigits === '') return false;
  if (firstDigits.length < PHONE_MIN_DIGITS || secondDigits.length < PHONE_MIN_DIGITS) return firstDigits === secondDigits;
  return firstDigits.slice(-PHONE_TAIL_DIGITS) === secondDigits.slice(-PHONE_TAIL_DIGITS);
}

function phoneKey(raw: string): PhoneKey | null {
  const digits = phoneDigits(raw);
  if (digits.length < PHONE_MIN_DIGITS) return null;
  return { raw, tail: digits.slice(-PHONE_TAIL_DIGITS) };
}

function e164Of(key: PhoneKey, country: CountryCode | undefined): string | null {
  if (key.e164 === undefined) {
    const text = key.raw.trim().replace(/^00/, '+');
    const international = text.startsWith('+');
    const parsed = international || country ? parsePhoneNumberFromString(text, international ? undefined : country) : undefined;
    key.e164 = parsed && parsed.isPossible() ? parsed.number : null;
  }
  return key.e164;
}

/**
 * Remembers normalised names and companies while many leads are profiled at once: first
 * names and companies repeat a lot at a show, and normalising (Unicode decomposition,
 * regular expressions) is the slow part of building a profile.
 */
export class ProfileCache {
  private readonly names = new Map<string, string>();
  private readonly companies = new Map<string, string>();

  /** A person's name part as one compact key: accents, case, spaces and hyphens gone. */
  name(value: string): string {
    if (value === '') return '';
    let key = this.names.get(value);
    if (key === undefined) {
      key = normalizePersonName(value).replace(/ /g, '');
      this.names.set(value, key);
    }
    return key;
  }

  company(value: string): string {
    if (value === '') return '';
    let key = this.companies.get(value);
    if (key === undefined) {
      key = normalizeCompanyName(value);
      this.companies.set(value, key);
    }
    return key;
  }
}

/** A lead's comparison keys. Pass one `cache` when profiling many leads. */
export function matchProfile(lead: DuplicateSubject, cache: ProfileCache = new ProfileCache()): MatchProfile {
  const phones: PhoneKey[] = [];
  for (const raw of [lead.phone, lead.mobile]) {
    const key = raw ? phoneKey(raw) : null;
    if (key && !phones.some((other) => other.tail === key.tail)) phones.push(key);
  }
  return {
    id: lead.id,
    email: normalizeEmail(lead.email),
    firstName: cache.name(lead.firstName),
    lastName: cache.name(lead.lastName),
    company: cache.company(lead.company),
    domain: lead.email ? companyEmailDomain(lead.email) : '',
    phones,
    country: countryCodeOf(lead.country),
    badgeId: (lead.badgeId ?? '').trim(),
  };
}

/**
 * Optimal string alignment distance (Damerau–Levenshtein with adjacent transpositions)
 * capped at 2: we only need to know whether it is 0, 1 or more.
 */
export function editDistanceUpTo2(first: string, second: string): number {
  if (first === second) return 0;
  if (Math.abs(first.length - second.length) > 1) return 2;
  // Index arithmetic rather than slices: this runs for every candidate pair.
  let start = 0;
  while (start < first.length && start < second.length && first.charCodeAt(start) === second.charCodeAt(start)) start++;
  let endFirst = first.length;
  let endSecond = second.length;
  while (endFirst > start && endSecond > start && first.charCodeAt(endFirst - 1) === second.charCodeAt(endSecond - 1)) {
    endFirst--;
    endSecond--;
  }
  const restFirst = endFirst - start;
  const restSecond = endSecond - start;
  // What differs after the common prefix and suffix: one substitution, one insertion or
  // deletion, or one swap of two neighbours.
  if (restFirst <= 1 && restSecond <= 1) return 1;
  if (
    restFirst === 2 &&
    restSecond === 2 &&
    first.charCodeAt(start) === second.charCodeAt(start + 1) &&
    first.charCodeAt(start + 1) === second.charCodeAt(start)
  ) {
    return 1;
  }
  return 2;
}

function similarName(first: string, second: string): boolean {
  if (first === second) return first !== '';
  if (first.length < FUZZY_NAME_MIN_LENGTH || second.length < FUZZY_NAME_MIN_LENGTH) return false;
  return editDistanceUpTo2(first, second) <= 1;
}

/** First and last names match, in the same order or swapped. Both leads need both names. */
function namesMatch(a: Pick<MatchProfile, 'firstName' | 'lastName'>, b: Pick<MatchProfile, 'firstName' | 'lastName'>): boolean {
  if (!a.firstName || !a.lastName || !b.firstName || !b.lastName) return false;
  return (
    (similarName(a.lastName, b.lastName) && similarName(a.firstName, b.firstName)) ||
    (similarName(a.lastName, b.firstName) && similarName(a.firstName, b.lastName))
  );
}

function samePhone(a: MatchProfile, b: MatchProfile): boolean {
  for (const first of a.phones) {
    for (const second of b.phones) {
      if (first.tail !== second.tail) continue;
      const e164First = e164Of(first, a.country);
      const e164Second = e164Of(second, b.country);
      // Both readable in full: they must agree; otherwise the last digits are all we have.
      if (e164First === null || e164Second === null || e164First === e164Second) return true;
    }
  }
  return false;
}

/** Why two leads are likely the same person; [] when they are not. */
export function compareProfiles(a: MatchProfile, b: MatchProfile): DuplicateReason[] {
  const reasons: DuplicateReason[] = [];
  if (a.email !== '' && a.email === b.email) reasons.push('email');
  // The same badge scanned again (often seconds later, when the first beep was missed).
  if (a.badgeId !== '' && a.badgeId === b.badgeId) reasons.push('badge');
  if (!namesMatch(a, b)) return reasons;
  if (a.company !== '' && a.company === b.company) reasons.push('name+company');
  if (samePhone(a, b)) reasons.push('name+phone');
  if (sameDomain(a.domain, b.domain)) reasons.push('name+domain');
  return reasons;
}

/** Why two leads are likely the same person; [] when they are not. */
export function duplicateReasons(a: DuplicateSubject, b: DuplicateSubject): DuplicateReason[] {
  return compareProfiles(matchProfile(a), matchProfile(b));
}

/** Second-level labels many companies share ("co.uk"): never a key on their own. */
const SHARED_SECOND_LEVEL = /^(?:co|com|org|net|ac|gov|edu|ne|or|gv|ltd|plc|gob|nic)\.[a-z]{2}$/;

/** The domain and its parents a company could also use ("eu.sales.acme.com" → itself, "sales.acme.com", "acme.com"). */
function domainKeys(domain: string): string[] {
  const keys = [domain];
  let rest = domain;
  for (let dot = rest.indexOf('.'); dot !== -1; dot = rest.indexOf('.')) {
    rest = rest.slice(dot + 1);
    if (!rest.includes('.') || SHARED_SECOND_LEVEL.test(rest)) break;
    keys.push(rest);
  }
  return keys;
}

/**
 * The keys under which a lead's possible duplicates are found: two leads the rule matches
 * always share at least one. Store them with the lead (an indexed table of key → lead id)
 * and look the new lead's keys up to get its candidates, then `compareProfiles` them.
 * Forms: `email:<email>`, `company:<normalised name>`, `phone:<last 9 digits>`,
 * `domain:<domain>` (one per parent domain too).
 */
export function blockingKeys(lead: DuplicateSubject | MatchProfile): string[] {
  const profile = 'phones' in lead ? lead : matchProfile(lead);
  const keys: string[] = [];
  if (profile.email) keys.push(`email:${profile.email}`);
  // The other keys only find a duplicate together with a matching name.
  if (profile.firstName && profile.lastName) {
    if (profile.company) keys.push(`company:${profile.company}`);
    for (const phone of profile.phones) keys.push(`phone:${phone.tail}`);
    if (profile.domain) for (const key of domainKeys(profile.domain)) keys.push(`domain:${key}`);
  }
  return keys;
}

export interface DuplicateMatch<T> {
  lead: T;
  reasons: DuplicateReason[];
}

/** The candidates that are likely the same person as `lead` (at capture: the candidates found by its keys). */
export function findDuplicatesOf<T extends DuplicateSubject>(
  lead: DuplicateSubject,
  candidates: Iterable<T>,
  cache: ProfileCache = new ProfileCache(),
): DuplicateMatch<T>[] {
  const profile = matchProfile(lead, cache);
  const matches: DuplicateMatch<T>[] = [];
  for (const candidate of candidates) {
    if (candidate.id === lead.id) continue;
    const reasons = compareProfiles(profile, matchProfile(candidate, cache));
    if (reasons.length > 0) matches.push({ lead: candidate, reasons });
  }
  return matches;
}

export interface DuplicateLink {
  firstId: string;
  secondId: string;
  reasons: DuplicateReason[];
}

export interface DuplicateGroup {
  /** in the order the leads were given */
  leadIds: string[];
  /** pairs found to match, enough to connect the group (a tree: leads - 1 links); not every matching pair */
  links: DuplicateLink[];
}

/** Above this size a bucket is split further by name before comparing pairs. */
const LARGE_BUCKET = 48;

/**
 * Keys two names the rule calls similar always share: the name itself and the name with each
 * letter left out (a short name only itself: it must be equal).
 */
export function nameVariants(name: string): string[] {
  if (name.length < FUZZY_NAME_MIN_LENGTH) return [name];
  const variants = new Set([name]);
  for (let index = 0; index < name.length; index++) variants.add(name.slice(0, index) + name.slice(index + 1));
  return [...variants];
}

/**
 * The groups of likely duplicates among `leads` (groups of one are left out), joined
 * transitively (if A matches B and B matches C, A, B and C are one group). Leads are
 * bucketed by their blocking keys; only leads sharing a key are compared, and a large
 * bucket (one company with hundreds of leads) is split further by name variants first.
 */
export function findDuplicateGroups(leads: readonly DuplicateSubject[]): DuplicateGroup[] {
  const cache = new ProfileCache();
  const profiles = leads.map((lead) => matchProfile(lead, cache));
  const parent = profiles.map((_, index) => index);
  const size = profiles.map(() => 1);
  const root = (index: number): number => {
    let current = index;
    while (parent[current] !== current) {
      const up = parent[current] as number;
      parent[current] = parent[up] as number;
      current = up;
    }
    return current;
  };
  const links: { first: number; second: number; reasons: DuplicateReason[] }[] = [];
  const tryPair = (first: number, second: number) => {
    const low = Math.min(first, second);
    const high = Math.max(first, second);
    const rootLow = root(low);
    const rootHigh = root(high);
    // Already in one group (a pair shares company and domain keys, or is linked through
    // others): comparing it again would add nothing the group needs.
    if (rootLow === rootHigh) return;
    const reasons = compareProfiles(profiles[low] as MatchProfile, profiles[high] as MatchProfile);
    if (reasons.length === 0) return;
    links.push({ first: low, second: high, reasons });
    const [big, small] = (size[rootLow] as number) >= (size[rootHigh] as number) ? [rootLow, rootHigh] : [rootHigh, rootLow];
    parent[small] = big;
    size[big] = (size[big] as number) + (size[small] as number);
  };
  const compareAll = (members: number[]) => {
    for (let i = 0; i < members.length; i++) for (let j = i + 1; j < members.length; j++) tryPair(members[i] as number, members[j] as number);
  };

  const buckets = new Map<string, number[]>();
  profiles.forEach((profile, index) => {
    for (const key of blockingKeys(profile)) {
      const bucket = buckets.get(key);
      if (bucket) bucket.push(index);
      else buckets.set(key, [index]);
    }
  });
  for (const [key, members] of buckets) {
    if (members.length < 2) continue;
    if (key.startsWith('email:')) {
      // Same email is a match by itself: link each to the first, no need to compare all pairs.
      for (const other of members.slice(1)) tryPair(members[0] as number, other);
    } else if (members.length <= LARGE_BUCKET) {
      compareAll(members);
    } else {
      // Names must match too: split by name variants, so only people with similar names
      // (either order) are compared.
      const byName = new Map<string, number[]>();
      for (const member of members) {
        const profile = profiles[member] as MatchProfile;
        const variants = new Set([...nameVariants(profile.lastName), ...nameVariants(profile.firstName)]);
        for (const variant of variants) {
          const group = byName.get(variant);
          if (group) group.push(member);
          else byName.set(variant, [member]);
        }
      }
      for (const group of byName.values()) if (group.length > 1) compareAll(group);
    }
  }

  const groups = new Map<number, DuplicateGroup>();
  profiles.forEach((profile, index) => {
    if (size[root(index)] === 1) return;
    const top = root(index);
    const group = groups.get(top) ?? { leadIds: [], links: [] };
    group.leadIds.push(profile.id);
    groups.set(top, group);
  });
  for (const link of links) {
    groups.get(root(link.first))?.links.push({
      firstId: (profiles[link.first] as MatchProfile).id,
      secondId: (profiles[link.second] as MatchProfile).id,
      reasons: link.reasons,
    });
  }
  return [...groups.values()];
}
