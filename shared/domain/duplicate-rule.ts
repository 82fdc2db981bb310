/**
 * Whether two leads are probably the same person (the booth's duplicate warning).
 * Salesforce's standard lead rule in spirit: the same email; or the same first and last
 * name (accents, case, spacing ignored; first names may differ by a nickname-length prefix
 * or one typo) together with the same company (legal forms ignored), the same phone number
 * or the same company email domain.
 *
 * A stop-gap until `shared/domain/duplicates.ts` (matching and grouping for review) lands:
 * then this predicate should call it, so there stays one rule.
 */
import { companyEmailDomain, normalizeCompanyName, normalizeEmail, normalizePersonName, sameDomain } from './normalize';

/** What the rule reads of a lead. */
export interface DuplicateProbe {
  firstName: string;
  lastName: string;
  company: string;
  email: string;
  phone: string;
  mobile: string;
}

export type DuplicateReason = 'email' | 'name_company' | 'name_phone' | 'name_email_domain';

/**
 * The key candidates are looked up by: the folded last name and the first letter of the
 * folded first name ("Müller|a"). Stored on every lead (leads.name_key), so a new lead's
 * candidates come from one index lookup even among 100,000 leads.
 */
export function nameBlockingKey(firstName: string, lastName: string): string {
  const last = normalizePersonName(lastName);
  if (!last) return '';
  return `${last}|${normalizePersonName(firstName).slice(0, 1)}`;
}

/**
 * A phone number as a comparison key: its last 9 digits, so "+49 30 1234567", "030 1234567"
 * and "0049301234567" agree (country and trunk prefixes differ in how people write them).
 * Fewer than 6 digits is no phone number.
 */
export function phoneKey(phone: string): string {
  const digits = phone.replace(/\D+/g, '');
  return digits.length < 6 ? '' : digits.slice(-9);
}

function firstNamesAgree(first: string, second: string): boolean {
  const a = normalizePersonName(first);
  const b = normalizePersonName(second);
  if (!a || !b) return true; // one side only has a last name: the other criteria decide
  if (a === b) return true;
  // "Chris" / "Christopher", "Ana" / "Anna": one is the other's start (at least 3 letters).
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  if (shorter.length >= 3 && longer.startsWith(shorter)) return true;
  return withinOneEdit(a, b);
}

/** True when one insertion, deletion or substitution turns one into the other. */
function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

function phonesOf(lead: DuplicateProbe): string[] {
  return [phoneKey(lead.phone), phoneKey(lead.mobile)].filter(Boolean);
}

/** Why `candidate` is probably the same person as `lead`, or null when it is not. */
export function duplicateReason(lead: DuplicateProbe, candidate: DuplicateProbe): DuplicateReason | null {
  const email = normalizeEmail(lead.email);
  if (email && email === normalizeEmail(candidate.email)) return 'email';

  const last = normalizePersonName(lead.lastName);
  if (!last) return null;
  const sameName =
    (last === normalizePersonName(candidate.lastName) && firstNamesAgree(lead.firstName, candidate.firstName)) ||
    // A card read with first and last swapped is still the same person.
    (normalizePersonName(lead.firstName) === normalizePersonName(candidate.lastName) &&
      last === normalizePersonName(candidate.firstName));
  if (!sameName) return null;

  const company = normalizeCompanyName(lead.company);
  if (company && company === normalizeCompanyName(candidate.company)) return 'name_company';
  const candidatePhones = phonesOf(candidate);
  if (phonesOf(lead).some((phone) => candidatePhones.includes(phone))) return 'name_phone';
  if (sameDomain(companyEmailDomain(lead.email), companyEmailDomain(candidate.email))) return 'name_email_domain';
  return null;
}

export function isLikelyDuplicate(lead: DuplicateProbe, candidate: DuplicateProbe): boolean {
  return duplicateReason(lead, candidate) !== null;
}

/** What the warning says about why it thinks so. */
export const DUPLICATE_REASON_TEXT: Record<DuplicateReason, string> = {
  email: 'same email',
  name_company: 'same name and company',
  name_phone: 'same name and phone',
  name_email_domain: 'same name and email domain',
};
