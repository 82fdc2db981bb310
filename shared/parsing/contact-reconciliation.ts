/**
 * Two readings of a card's contact lines — tesseract's and the learned recognizer's, each parsed
 * by the card parser — reconciled field by field by rules that know the field:
 *
 *   - an e-mail and a website: the address's syntax (one @, a name before the domain ending, a
 *     domain ending that exists), and their agreement with each other (the e-mail's domain and the
 *     website's host are mostly one name printed twice), with the company's name and, for the
 *     e-mail's local part, with the person's name;
 *   - a telephone, mobile or fax number: valid for its country (libphonenumber's numbering plans),
 *     else at least a possible number, and of the country the rest of the card shows.
 *
 * A reading is only compared with the other reading of the same place on the card: where the
 * second parse filed another line's number as this field (a label misread), the two are about
 * different things and the first reading stands.
 *
 * Readings that agree make the field sure (its confidence combines both, and the Check marks treat
 * it as read twice alike). Readings that differ give the better one by these rules, marked Check;
 * on a tie the recognizer's, which reads small contact lines on photos at half tesseract's
 * character error rate. A field only the recognizer found is filled and marked Check when it can
 * stand alone (supportedAlone). No network:
 * nothing is looked up, only compared.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { CardField, ParsedCard, ParsedField } from './card-fields';
import { cardCountries } from './card-country';
import type { OcrBox } from './ocr-types';
import { domainAgreement } from './company';
import { emailAgreement } from './names';
import { EMAIL_LABELS, TLDS, fold } from './vocabulary';
import { domainStem } from './web';

export const CONTACT_FIELDS = ['email', 'website', 'phone', 'mobile', 'fax'] as const;
type ContactField = (typeof CONTACT_FIELDS)[number];

export interface ReconciledContacts {
  /** The tesseract card with its contact fields reconciled (other fields untouched). */
  card: ParsedCard;
  /** Fields both readings gave alike. */
  agreed: ReadonlySet<CardField>;
  /** Fields the readings gave differently, or only the recognizer gave: the person checks them. */
  disputed: ReadonlySet<CardField>;
  /** Fields whose value is now the recognizer's. */
  fromRecognizer: ReadonlySet<CardField>;
}

/** How much a tie is tipped towards the recognizer (its readings of contact lines err half as often). */
const RECOGNIZER_PRIOR = 0.1;

const isNumber = (field: ContactField): boolean => field === 'phone' || field === 'mobile' || field === 'fax';

/** An e-mail as it compares: lower case, a label the recognizer glued on ("emailinfo@…") left to `strip`. */
function emailKey(value: string): string {
  return fold(value).trim();
}

/** A website as it compares: lower-case host and path, no scheme, no "www.", no trailing slash. */
function websiteKey(value: string): string {
  return fold(value).trim().replace(/^[a-z]+:\/\//, '').replace(/^www\./, '').replace(/\/+$/, '');
}

/** A number as it compares: its digits ("(0)" is printed, not dialled, by some and not others). */
function numberKey(value: string): string {
  return value.replace(/\(0\)/g, '').replace(/\D/g, '');
}

function sameReading(field: ContactField, a: string, b: string): boolean {
  if (!a || !b) return false;
  if (field === 'email') return emailKey(a) === emailKey(b);
  if (field === 'website') return websiteKey(a) === websiteKey(b);
  return numberKey(a) === numberKey(b);
}

/**
 * The recognizer drops the space after a label more often than tesseract does ("Emailinfo@…",
 * "E:anna@…"): a known e-mail label in front of the local part that the other reading lacks is cut —
 * a short one ("e", "em") only with its colon or dot, since "emma@" is no "ma@" with a label.
 */
export function withoutGluedLabel(email: string, other: string): string {
  const at = email.indexOf('@');
  if (at < 0) return email;
  const local = fold(email.slice(0, at));
  const otherLocal = fold(other.slice(0, Math.max(0, other.indexOf('@'))));
  for (const label of EMAIL_LABELS) {
    for (const glued of [...(label.length >= 4 ? [label] : []), `${label}:`, `${label}.`]) {
      if (local.length > glued.length + 1 && local.startsWith(glued) && !otherLocal.startsWith(glued) && otherLocal === local.slice(glued.length)) {
        return email.slice(glued.length);
      }
    }
  }
  return email;
}

/** A well-formed address: one @, a local part, a domain of labels ending in a known ending. */
export function emailSyntax(value: string): number {
  const m = /^([A-Za-z0-9._%+'\-]+)@([A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+)$/.exec(value.trim());
  if (!m) return 0;
  const local = m[1]!;
  const labels = m[2]!.toLowerCase().split('.');
  if (/^[.\-]|[.\-]$|\.\./.test(local) || labels.some((l) => !l || /^-|-$/.test(l))) return 0.3;
  if (!TLDS.has(labels.at(-1)!)) return 0.5;
  return domainStem(m[2]!).length >= 2 ? 1 : 0.5;
}

/** A well-formed website host: labels of letters, digits and hyphens ending in a known ending. */
export function websiteSyntax(value: string): number {
  const host = websiteKey(value).split('/')[0] ?? '';
  if (!/^[a-z0-9\-]+(?:\.[a-z0-9\-]+)+$/.test(host)) return 0;
  const labels = host.split('.');
  if (labels.some((l) => !l || /^-|-$/.test(l))) return 0.3;
  return TLDS.has(labels.at(-1)!) ? 1 : 0.5;
}

/** A number valid in its country's numbering plan (1), only possible (0.5), or neither (0). */
function numberValidity(field: ParsedField): number {
  if (!field.value) return 0;
  const parsed = field.e164 ? parsePhoneNumberFromString(field.e164) : undefined;
  if (!parsed) return 0;
  return parsed.isValid() ? 1 : parsed.isPossible() ? 0.5 : 0;
}

const emailStem = (value: string): string => (value.includes('@') ? domainStem(value.split('@')[1] ?? '') : '');
const siteStem = (value: string): string => (value ? domainStem(value) : '');

/** Agreement (company.ts domainAgreement) of the whole name, or of its first words ("quayside" for "Quayside Private Limited"). */
const SPELLS_COMPANY = 0.9;

/**
 * The company spelled as the domain spells it ("Meridel Labs" → "meridel", "Quayside Private
 * Limited" → "quayside"): a reading that matches it letter for letter is likelier right (a near
 * match is what a slip in either reading looks like, and counts for nothing).
 */
function companyBonus(company: string, stem: string): number {
  if (!company || stem.length < 3) return 0;
  return domainAgreement(company, [stem]) >= SPELLS_COMPANY ? 0.5 : 0;
}

/**
 * The person's name inside the e-mail's local part ("efontana" on Elisa Fontana's card, names.ts
 * emailAgreement): a reading that holds it is likelier right than one with a letter misread in it
 * ("etontana"). The name is tesseract's reading of its own line, independent of the contact line.
 */
function nameBonus(card: ParsedCard, email: string): number {
  if (!email.includes('@') || (!card.firstName.value && !card.lastName.value)) return 0;
  const local = email.slice(0, email.indexOf('@'));
  return emailAgreement({ firstName: card.firstName.value, lastName: card.lastName.value, fullName: card.fullName.value }, local) >= 0.8 ? 0.5 : 0;
}

/**
 * The recognizer's known slip: CTC decoding merges a doubled letter into one when the network gave
 * it too few steps ("office" → "ofice"). Its reading that is tesseract's with a doubled letter
 * single is taken for that slip.
 */
export function lostDoubledLetter(tesseract: string, recognizer: string): boolean {
  if (tesseract.length !== recognizer.length + 1) return false;
  for (let i = 1; i < tesseract.length; i++) {
    if (tesseract[i] === tesseract[i - 1] && tesseract.slice(0, i) + tesseract.slice(i + 1) === recognizer) return true;
  }
  return false;
}

/** A reading's rule score lowered where it is the recognizer's doubled-letter slip of tesseract's. */
const DOUBLED_LETTER_SLIP = 1;

/**
 * An address one reading ends earlier than the other, which goes on with more domain labels
 * ("elstree.example" beside "elstree.example.com.br"): a word at the end was lost (too faint, cut
 * off, read too unsure to keep), while nothing prints labels that are not there. The shorter is
 * taken for the lost word.
 */
export function lostEndLabels(value: string, other: string): boolean {
  const a = websiteKey(value);
  const b = websiteKey(other);
  return a.length > 0 && b.length > a.length && b.startsWith(`${a}.`) && /^[a-z0-9.\-]+$/.test(b.slice(a.length + 1));
}

/** One reading of a field: its value and where it came from. */
interface Candidate {
  field: ParsedField;
  recognizer: boolean;
}

/** The two readings of a field, the empty one left out (a field neither reading gave has none). */
function candidates(tesseract: ParsedField, recognizer: ParsedField): Candidate[] {
  const out: Candidate[] = [];
  if (tesseract.value) out.push({ field: tesseract, recognizer: false });
  if (recognizer.value) out.push({ field: recognizer, recognizer: true });
  return out;
}

/**
 * The e-mail and the website chosen together: every pair of their readings scored by syntax, by
 * their agreement with each other and with the company, and the best pair kept.
 */
function chooseAddresses(tesseract: ParsedCard, recognizer: ParsedCard): { email: Candidate | null; website: Candidate | null } {
  const company = tesseract.company.value;
  const recognizedEmail = withoutGluedLabel(recognizer.email.value, tesseract.email.value);
  const emails: Array<Candidate | null> = candidates(tesseract.email, { ...recognizer.email, value: recognizedEmail });
  const sites: Array<Candidate | null> = candidates(tesseract.website, recognizer.website);
  if (!emails.length) emails.push(null);
  if (!sites.length) sites.push(null);
  let best = { score: -Infinity, email: null as Candidate | null, website: null as Candidate | null };
  for (const email of emails) {
    for (const website of sites) {
      const e = email?.field.value ?? '';
      const w = website?.field.value ?? '';
      let score = (email ? emailSyntax(e) : 0) + (website ? websiteSyntax(w) : 0);
      if (email && website && emailStem(e) && emailStem(e) === siteStem(w)) score += 1;
      score += companyBonus(company, emailStem(e)) + companyBonus(company, siteStem(w)) + nameBonus(tesseract, e);
      score += RECOGNIZER_PRIOR * ((email?.recognizer ? 1 : 0) + (website?.recognizer ? 1 : 0));
      if (email?.recognizer && lostDoubledLetter(fold(tesseract.email.value), fold(e))) score -= DOUBLED_LETTER_SLIP;
      if (website?.recognizer && lostDoubledLetter(fold(tesseract.website.value), fold(w))) score -= DOUBLED_LETTER_SLIP;
      const otherEmail = email?.recognizer ? tesseract.email.value : recognizedEmail;
      const otherSite = website?.recognizer ? tesseract.website.value : recognizer.website.value;
      if (email && lostEndLabels(e, otherEmail)) score -= DOUBLED_LETTER_SLIP;
      if (website && lostEndLabels(w, otherSite)) score -= DOUBLED_LETTER_SLIP;
      if (score > best.score) best = { score, email, website };
    }
  }
  return best;
}

/** Does the number belong to one of `countries` (those the rest of the card shows)? */
function ofCountry(field: ParsedField, countries: readonly string[]): boolean {
  const country = field.e164 ? parsePhoneNumberFromString(field.e164)?.country : undefined;
  return Boolean(country && countries.includes(country));
}

/**
 * The same number in both readings, one without the extension the other read ("+31 20 703 9685"
 * beside "… ext. 555"): the extension was lost (a label read as something else), not invented. The
 * same number is the same E.164 number, or the same digits as printed ("334 770046 15" beside
 * "+334 770046 15 ext. 21": without its "+", a reading may parse as another country's number).
 */
function lostExtension(field: ParsedField, other: ParsedField): boolean {
  const mine = numberKey(field.value);
  const theirs = numberKey(other.value);
  return Boolean(field.e164 && (field.e164 === other.e164 || (mine.length >= 7 && /\b(?:ext|x)\b/i.test(other.value) && theirs.startsWith(mine)))) && theirs.length > mine.length;
}

function chooseNumber(tesseract: ParsedField, recognizer: ParsedField, countries: readonly string[]): Candidate | null {
  let best: { score: number; pick: Candidate | null } = { score: -Infinity, pick: null };
  for (const c of candidates(tesseract, recognizer)) {
    const other = c.recognizer ? tesseract : recognizer;
    const score = numberValidity(c.field) + (ofCountry(c.field, countries) ? 0.5 : 0) + (c.recognizer ? RECOGNIZER_PRIOR : 0) - (lostExtension(c.field, other) ? DOUBLED_LETTER_SLIP : 0);
    if (score > best.score) best = { score, pick: c };
  }
  return best.pick;
}

/**
 * The recognizer's digits in tesseract's layout when both read as many digits ("+49 89 1234 5678"
 * rather than the recognizer's "+498912345678", which drops spaces); else the recognizer's own text.
 */
export function inLayoutOf(layout: string, value: string): string {
  const digits = value.replace(/\D/g, '');
  if (!layout || layout.replace(/\D/g, '').length !== digits.length || /\s/.test(value)) return value;
  let k = 0;
  return layout.replace(/\d/g, () => digits[k++]!);
}

/** Two independent readings alike: the chance both erred the same way is the product of their doubts. */
const agreedConfidence = (a: number, b: number): number => Math.round((1 - (1 - a) * (1 - b)) * 100) / 100;

/** How sure a field is that the readings disagreed on: never above this. */
const DISPUTED_CONFIDENCE = 0.5;

const overlaps = (a: OcrBox, b: OcrBox): boolean => Math.min(a.x1, b.x1) > Math.max(a.x0, b.x0) && Math.min(a.y1, b.y1) > Math.max(a.y0, b.y0);

/** The recognizer's reading of each contact field, left out where it was read from elsewhere than tesseract's. */
function samePlaces(tesseract: ParsedCard, recognizer: ParsedCard): ParsedCard {
  const out = { ...recognizer };
  for (const field of CONTACT_FIELDS) {
    const t = tesseract[field].box;
    const r = recognizer[field].box;
    if (tesseract[field].value && recognizer[field].value && t && r && !overlaps(t, r)) out[field] = { value: '', confidence: 0, box: null };
  }
  return out;
}

/**
 * A field only the recognizer found is filled when the reading can stand alone: a number valid in
 * its numbering plan; a website with "www." or a scheme, or whose name is the e-mail's domain or the
 * company's (a bare "name.tld" is what an e-mail whose @ was lost reads as: "farhanezaffre.sg");
 * an e-mail of sound syntax.
 */
function supportedAlone(field: ContactField, reading: ParsedField, email: string, company: string): boolean {
  if (isNumber(field)) return numberValidity(reading) === 1;
  if (field === 'email') return emailSyntax(reading.value) === 1;
  const stem = siteStem(reading.value);
  return /^(?:[a-z]+:\/\/)?www\./i.test(reading.value.trim()) || (stem !== '' && stem === emailStem(email)) || companyBonus(company, stem) > 0;
}

export function reconcileContacts(tesseract: ParsedCard, secondReading: ParsedCard): ReconciledContacts {
  const recognizer = samePlaces(tesseract, secondReading);
  const card: ParsedCard = { ...tesseract };
  const agreed = new Set<CardField>();
  const disputed = new Set<CardField>();
  const fromRecognizer = new Set<CardField>();
  const addresses = chooseAddresses(tesseract, recognizer);
  for (const field of CONTACT_FIELDS) {
    const t = tesseract[field];
    const r = field === 'email' ? { ...recognizer.email, value: withoutGluedLabel(recognizer.email.value, t.value) } : recognizer[field];
    if (!r.value) continue;
    if (sameReading(field, t.value, r.value)) {
      agreed.add(field);
      card[field] = { ...t, confidence: agreedConfidence(t.confidence, r.confidence) };
      continue;
    }
    const pick = field === 'email' ? addresses.email : field === 'website' ? addresses.website : chooseNumber(t, r, cardCountries({ ...tesseract, [field]: { value: '', confidence: 0, box: null } }));
    if (!pick) continue;
    if (!t.value && !supportedAlone(field, pick.field, addresses.email?.field.value ?? '', tesseract.company.value)) continue;
    disputed.add(field);
    if (!pick.recognizer) {
      card[field] = { ...t, confidence: Math.min(t.confidence, DISPUTED_CONFIDENCE) };
      continue;
    }
    fromRecognizer.add(field);
    const value = isNumber(field) ? inLayoutOf(t.value, r.value) : r.value;
    card[field] = { ...r, value, confidence: Math.min(r.confidence, DISPUTED_CONFIDENCE) };
  }
  return { card, agreed, disputed, fromRecognizer };
}

/** The reconciled contact fields copied onto another version of the same card (the one with its accents restored). */
export function withContactsOf(card: ParsedCard, reconciled: ParsedCard): ParsedCard {
  const out = { ...card };
  for (const field of CONTACT_FIELDS) out[field] = reconciled[field];
  return out;
}
