/**
 * Which fields of a card reading the person must check against the card ("Check" on the form).
 * The promise behind the mark: a field the scanner fills WITHOUT it is right. So a field is marked
 * when any independent signal doubts it, not only when the parser's own confidence is low:
 *
 *   - the OCR's confidence in the weakest word the value was read from (one bad word is one wrong
 *     letter in an e-mail), and the parser's confidence in the field, against per-class floors;
 *   - two readings of one thing that nearly agree but not quite: the e-mail's domain against the
 *     website's and the company's name, the name against the e-mail's local part ("mendel" beside a
 *     "Meridel" company: one of the two was misread, the scanner cannot tell which);
 *   - the shape of the value: a phone number the numbering plan does not know, letters that are
 *     OCR look-alikes of digits in a number, digits or symbols in a name;
 *   - the card's language: a word its language usually writes with accents the reading lacks
 *     ("Oisin" on an Irish card; dropped-accents.ts), a company whose own domain spells out an
 *     umlaut it lacks, an unlabelled number whose kind (phone or mobile) is a guess;
 *   - the line the value came from: letters glued before an e-mail ("michael berg@…": the OCR read a
 *     dot as a space and the address was cut), an e-mail whose line shows no "@" (a letter was taken
 *     for it), or more words on a name line than the name took;
 *   - an expected field left empty: a card nearly always prints a person and a company, so an
 *     empty name beside a personal e-mail, a title or a name-like line no field took, and an empty
 *     company beside a company domain or an unexplained line, are marked "not read".
 *
 * The floors were calibrated on generated cards (test/bench/check-marks.ts) and measured on a
 * held-out generated set and the dev set; the figures are in docs/scanner.md.
 */
import { CARD_FIELDS, type CardField, type ParsedCard, type ParsedField } from './card-fields';
import { GENERIC_MAIL, domainAgreement, domainSpellings, isLogoInitials, legalFormScore, taglineScore, titleScore } from './company';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { ACCENTED_LANGUAGE_COUNTRIES } from './accent-matching';
import { cardCountries, shownCountries } from './card-country';
import { cardLanguages, droppedAccentWord, unaccentedPatronymic } from './dropped-accents';
import { emailAgreement, nameShape, splitName } from './names';
import type { OcrBox, OcrPage, OcrWord } from './ocr-types';
import { editDistance } from './string-distance';
import { DEPARTMENT_WORDS, EMAIL_LABELS, NAME_PREFIXES, NAME_SUFFIXES, STREET_WORDS, SURNAME_PARTICLES, TITLE_AREA_WORDS, TITLE_WORDS, TLDS, fold } from './vocabulary';
import { domainStem } from './web';

/** Why a field is marked: read but doubtful, or expected on the card and not read at all. */
export type CheckMark = 'unsure' | 'not-read';

/** The field classes the floors are set for (their errors differ in kind). */
export type FieldClass = 'contact' | 'name' | 'company' | 'title' | 'address';

export function fieldClass(field: CardField): FieldClass {
  switch (field) {
    case 'email':
    case 'website':
    case 'phone':
    case 'mobile':
    case 'fax':
      return 'contact';
    case 'firstName':
    case 'lastName':
    case 'fullName':
      return 'name';
    case 'company':
      return 'company';
    case 'title':
      return 'title';
    default:
      return 'address';
  }
}

export interface CheckFloors {
  /** the parser's confidence in the field */
  confidence: number;
  /** the OCR's confidence in the weakest word of the value */
  weakestWord: number;
  /** the same two floors for a value a second reading confirms */
  confirmed: { confidence: number; weakestWord: number };
  /**
   * The weakest-word floor for a value without a letter outside ASCII on a card from a country
   * whose languages write accents: the English model drops an accent with a slightly less sure
   * word ("Magalhaes" 0.89, "Oisin" 0.89 where the names around read 0.95), so such a value needs
   * a surer reading. A confirming second reading does not help here (e-mails hold no accents).
   */
  unaccented: number;
}

/**
 * Calibrated on 280 generated cards (seeds 101, 303, 404 and 505; `npm run bench -- check-marks
 * DIR… --sweep`): per class the floors that kept 99.5 % of unmarked contact fields, 98 % of names
 * and companies and 99 % of titles and addresses right with the fewest right fields marked, then
 * kept at a safe minimum where the sweep found no floor needed. The parser's own confidence adds
 * little beside the weakest word's (it says more about which field a line is than how well it was
 * read), so its floor only catches what the parser itself doubts. Companies, titles and addresses
 * err mostly by a dropped accent, hence their higher floor on unaccented values of accented cards
 * (the company's lowered to 0.75 once the card's language caught the common dropped accents).
 * A contact that only its weakest word would mark is confirmed by a second reading of its line
 * that agrees (the scanner's, electron/ocr/passes/second-reading.ts).
 */
export const CHECK_FLOORS: Record<FieldClass, CheckFloors> = {
  contact: { confidence: 0.3, weakestWord: 0.85, confirmed: { confidence: 0.3, weakestWord: 0.5 }, unaccented: 0.85 },
  name: { confidence: 0.3, weakestWord: 0.9, confirmed: { confidence: 0.3, weakestWord: 0.5 }, unaccented: 0.9 },
  company: { confidence: 0.3, weakestWord: 0.6, confirmed: { confidence: 0.3, weakestWord: 0.5 }, unaccented: 0.75 },
  title: { confidence: 0.3, weakestWord: 0.6, confirmed: { confidence: 0.3, weakestWord: 0.6 }, unaccented: 0.85 },
  address: { confidence: 0.3, weakestWord: 0.5, confirmed: { confidence: 0.3, weakestWord: 0.5 }, unaccented: 0.7 },
};

/** What the rule saw for one filled field: kept for the benchmark's calibration and for tests. */
export interface FieldEvidence {
  confidence: number;
  /** lowest OCR word confidence under the value's box; 1 when no word is under it */
  weakestWord: number;
  /** a cross-check that failed, in words ("e-mail domain nearly matches the website's"); null when none did */
  doubt: string | null;
  /** a second, independent reading agrees exactly (the website's host and the e-mail's domain; the name and the e-mail) */
  confirmed: boolean;
  /** no letter outside ASCII, on a card from a country whose languages write accents (names, company, title, address) */
  unaccented: boolean;
}

const center = (b: OcrBox): { x: number; y: number } => ({ x: (b.x0 + b.x1) / 2, y: (b.y0 + b.y1) / 2 });
const inside = (p: { x: number; y: number }, b: OcrBox): boolean => p.x >= b.x0 && p.x <= b.x1 && p.y >= b.y0 && p.y <= b.y1;
const overlaps = (a: OcrBox, b: OcrBox): boolean => Math.min(a.x1, b.x1) > Math.max(a.x0, b.x0) && Math.min(a.y1, b.y1) > Math.max(a.y0, b.y0);

/** The OCR words a field was read from: those whose centre lies in its box. */
function wordsUnder(page: OcrPage, box: OcrBox | null): OcrWord[] {
  if (!box) return [];
  return page.lines.flatMap((line) => line.words.filter((w) => inside(center(w.box), box)));
}

/** The OCR's confidence in the weakest word a field was read from (1 when no word is under it). */
function weakestOf(page: OcrPage, parsed: ParsedField): number {
  return Math.min(1, ...wordsUnder(page, parsed.box).map((w) => w.confidence));
}

/** A near miss: the same name read twice with an OCR slip between the readings (not two different names). */
function nearMiss(a: string, b: string): boolean {
  if (!a || !b || a === b) return false;
  const shorter = Math.min(a.length, b.length);
  if (shorter < 4) return false;
  const distance = editDistance(a, b);
  return distance <= (shorter >= 6 ? 2 : 1);
}

/** The words of a company name as a domain would spell them (joined, and each on its own). */
function companyKeys(company: string): string[] {
  const words = company.split(/\s+/).filter((w) => w.replace(/[^\p{L}\p{N}]/gu, '').length >= 3);
  return [...new Set([words.join(' '), ...words].flatMap(domainSpellings))].filter(Boolean);
}

/** The registrable name of a domain or website, letters and digits only ("meridel" for "www.meridel.example.com"). */
function hostStem(value: string): string {
  return domainStem(value).replace(/[^a-z0-9]/g, '');
}

/** Local parts that name a function, not a person: they say nothing about the name. */
const FUNCTION_MAILBOXES = new Set(['info', 'contact', 'sales', 'office', 'hello', 'mail', 'team', 'support', 'admin', 'enquiries', 'inquiries', 'kontakt', 'service', 'welcome', 'bonjour', 'hola', 'ciao', 'post', 'reception', 'marketing', 'press']);

function localPartOf(email: string): string {
  return fold(email.split('@')[0] ?? '');
}

/** The e-mail domain against the website and the company: a near miss means one of them was misread. */
function domainDoubt(card: ParsedCard, page: OcrPage, field: 'email' | 'website'): string | null {
  const own = field === 'email' ? hostStem(card.email.value.split('@')[1] ?? '') : hostStem(card.website.value);
  if (own.length < 4) return null;
  const other = field === 'email' ? hostStem(card.website.value) : hostStem(card.email.value.split('@')[1] ?? '');
  const ownHost = field === 'email' ? fold(card.email.value.split('@')[1] ?? '') : hostOf(card.website.value);
  const otherHost = field === 'email' ? hostOf(card.website.value) : fold(card.email.value.split('@')[1] ?? '');
  // one name, two endings ("pellago.example" beside "pellago.example.it"): the OCR loses the end of a
  // line far more often than it invents one, so the shorter is doubted
  if (other === own && otherHost && ownHost !== otherHost && otherHost.length >= ownHost.length) return 'the e-mail domain and the website end differently';
  if (other && nearMiss(own, other)) return `${field === 'email' ? 'e-mail domain' : 'website'} nearly matches the ${field === 'email' ? 'website' : 'e-mail domain'}`;
  const keys = companyKeys(card.company.value);
  if (keys.includes(own) || keys.some((k) => k.length >= 4 && (own.startsWith(k) || k.startsWith(own)))) return null;
  // "hallstroem" for "Hallstrom": the domain spells out an umlaut the company's reading lost; the company is doubted
  if (keys.some((k) => umlautSpelledOut(own, k))) return null;
  // one of the two is misread: a company read much less surely than the address takes the doubt alone
  if (keys.some((k) => nearMiss(own, k)) && weakestOf(page, card.company) + SURE_MARGIN >= weakestOf(page, card[field])) {
    return `${field === 'email' ? 'e-mail domain' : 'website'} nearly matches the company name`;
  }
  return null;
}

/**
 * A domain that writes the company's name with an umlaut spelled out ("hallstroem" beside
 * "Hallstrom"): the usual way to put ä, ö, ü in an address, so the company had one the reading lost.
 */
function umlautSpelledOut(stem: string, companyKey: string): boolean {
  const collapse = (s: string): string => s.replace(/([aou])e/g, '$1');
  return stem.length > companyKey.length && companyKey.length >= 4 && collapse(stem) === collapse(companyKey);
}

/** The company read without the umlaut its own domain spells out. */
function lostUmlaut(card: ParsedCard): boolean {
  if (/[äöü]/i.test(card.company.value)) return false;
  const stems = [hostStem(card.website.value), hostStem(card.email.value.split('@')[1] ?? '')].filter((s) => s.length >= 4);
  return stems.some((stem) => companyKeys(card.company.value).some((k) => umlautSpelledOut(stem, k)));
}

/** The OCR line a field was read from: the first that overlaps its box and has a word inside it. */
function lineOf(page: OcrPage, box: OcrBox | null): OcrPage['lines'][number] | undefined {
  if (!box) return undefined;
  return page.lines.find((line) => overlaps(line.box, box) && line.words.some((w) => inside(center(w.box), box)));
}

/**
 * The address's domain is not what its own line reads ("vellacott" where the line reads "veltacott"):
 * a rule spelled it from the company or the other address — likely, not read.
 */
function domainNotAsRead(page: OcrPage, field: ParsedField, email: boolean): boolean {
  const stem = (email ? hostStem(field.value.split('@')[1] ?? '') : hostStem(field.value)).replace(/[^a-z0-9]/g, '');
  const line = lineOf(page, field.box);
  return Boolean(line) && stem.length >= 4 && !fold(line!.text).replace(/[^a-z0-9]/g, '').includes(stem);
}

/** The e-mail's line shows no "@" nor a reading of one (©, ®, "(a)"): the parser took a letter for it ("rracgduneway.in"). */
function atNotRead(page: OcrPage, email: ParsedField): boolean {
  const line = lineOf(page, email.box);
  return Boolean(line) && !/[@©®]|\(a\)|\(at\)|\[at\]/i.test(line!.text);
}

/** Letters glued before the address on its own line, that are no label: the local part was likely cut. */
function cutLocalPart(page: OcrPage, email: ParsedField): boolean {
  const line = lineOf(page, email.box);
  if (!line) return false;
  const local = email.value.split('@')[0] ?? '';
  const text = line.text;
  const at = text.indexOf('@');
  const atLocal = at >= 0 ? text.lastIndexOf(local.slice(0, Math.max(1, Math.min(local.length, 3))), at) : -1;
  if (atLocal <= 0) return false;
  const before = text.slice(0, atLocal).trimEnd();
  const lastWord = before.split(/\s+/).pop() ?? '';
  if (!/\p{L}{2,}$/u.test(lastWord) || /[:|]$/.test(lastWord)) return false;
  const word = fold(lastWord).replace(/[.:]+$/, '');
  // a label, maybe with its icon read as a letter in front ("sEmail")
  return !EMAIL_LABELS.has(word) && ![...EMAIL_LABELS].some((label) => label.length >= 4 && word.endsWith(label) && word.length <= label.length + 1);
}

/**
 * The name against the e-mail's local part: a name word the local part does not hold while a piece
 * of it is one slip away ("Bery" beside "michael.berg", "Marcyg" beside "marcus") means one of the
 * two was misread.
 */
function nameDoubt(card: ParsedCard): string | null {
  const local = localPartOf(card.email.value).replace(/[^a-z.\-_]/g, '');
  if (!local || FUNCTION_MAILBOXES.has(local)) return null;
  const parts = { firstName: card.firstName.value, lastName: card.lastName.value };
  if (!parts.lastName && card.fullName.value) Object.assign(parts, splitName(card.fullName.value));
  const letters = local.replace(/[^a-z]/g, '');
  const pieces = local.split(/[.\-_]/).filter((p) => p.length >= 3);
  const names = [...fold(parts.lastName).split(/\s+/), ...fold(parts.firstName).split(/\s+/)].map((w) => w.replace(/[^a-z]/g, '')).filter((w) => w.length >= 4);
  const slip = names.some(
    (n) => !letters.includes(n) && pieces.some((p) => nearMiss(n, p) || (p.length > n.length && nearMiss(n, p.slice(p.length - n.length))) || nearMiss(n, p.slice(1))),
  );
  return slip ? 'name nearly matches the e-mail' : null;
}

/**
 * The letters with diacritics each country's languages write. A name on a card from those
 * countries holding another one ("Súnje" on a German card, "Magalhäes" on a Brazilian one) is
 * an accent the scanner guessed wrong more often than a name from elsewhere.
 */
const ACCENTED_LETTERS: Record<string, string> = {
  DE: 'äöüß', AT: 'äöüß', CH: 'äöüàâçéèêëîïôùûü', FR: 'àâæçéèêëîïôœùûüÿ', BE: 'àâçéèêëîïôùûüö', LU: 'àâçéèêëîïôùûüäö',
  ES: 'áéíñóúü', MX: 'áéíñóúü', PT: 'áâãàçéêíóôõú', BR: 'áâãàçéêíóôõú', IT: 'àèéìíîòóù', NL: 'éëïöüèáó',
};

/** Letters with diacritics in a value that none of the card's countries write. */
function foreignAccent(value: string, countries: readonly string[]): boolean {
  const alphabets = countries.map((c) => ACCENTED_LETTERS[c]).filter((a): a is string => a !== undefined);
  if (alphabets.length === 0 || countries.some((c) => ACCENTED_LETTERS[c] === undefined && c !== 'US' && c !== 'GB' && c !== 'AU' && c !== 'IE' && c !== 'CA')) return false;
  const allowed = alphabets.join('');
  return [...value.normalize('NFC').toLowerCase()].some((ch) => /\p{L}/u.test(ch) && !/[a-z]/.test(ch) && !allowed.includes(ch));
}

/** The words of a name that must look like name words (honorifics, post-nominals and particles aside). */
function nameWords(value: string): string[] {
  const main = value.split(',')[0] ?? value;
  return main.split(/\s+/).filter((w) => {
    const k = fold(w).replace(/\./g, '');
    return w && !SURNAME_PARTICLES.has(k) && !NAME_PREFIXES.has(k) && !NAME_SUFFIXES.has(k) && !/^\p{L}\.?$/u.test(w);
  });
}

/**
 * A word in a shape OCR slips make and people do not print: a run of capitals with a lower-case
 * tail ("LABSs": a letter doubled or invented). Case alone is not judged: the scorer and the CRM
 * treat "CusTOMER" and "Customer" alike.
 */
function oddWordShape(word: string): boolean {
  return /\p{Lu}{3,}\p{Ll}{1,2}$/u.test(word.replace(/[^\p{L}]/gu, ''));
}

/**
 * A word starting with a lower-case l where a name or company word starts with a capital: the OCR's
 * usual reading of a capital I ("llaria", "lyer", "limarin").
 */
function capitalIReadAsL(word: string): boolean {
  return /^[l|]\p{L}/u.test(word.replace(/^[^\p{L}|]+/u, ''));
}

/** A name word in a shape OCR slips make: a capital I read as l, or a letter glued to a run of capitals. */
function oddNameWord(value: string): boolean {
  return nameWords(value).some((w) => capitalIReadAsL(w) || oddWordShape(w));
}

/** A street word one letter off a street type the vocabulary knows ("Blvq" for "Blvd", "Stret"). */
function nearlyKnownStreetWord(value: string): boolean {
  return fold(value)
    .split(/[\s,.]+/)
    .filter((w) => w.length >= 4 && /^[a-z]+$/.test(w) && !STREET_WORDS.has(w))
    .some((w) => [...STREET_WORDS].some((known) => known.length >= 4 && known[0] === w[0] && Math.abs(known.length - w.length) <= 1 && editDistance(known, w) === 1));
}

/** A capital between lower-case letters of a street or city word: "BirkenstraBe" (ß read as B). */
function capitalInsideWord(value: string): boolean {
  return value.split(/\s+/).some((w) => /\p{Ll}{2,}\p{Lu}\p{Ll}/u.test(w));
}

/**
 * Title words the vocabulary nearly knows ("Genfral" for "General"): a slip in a word the parser
 * would have recognised.
 */
function nearlyKnownTitleWord(value: string): boolean {
  return fold(value)
    .split(/[\s,/&()-]+/)
    .filter((w) => w.length >= 6 && !TITLE_WORDS.has(w) && !TITLE_AREA_WORDS.has(w) && !DEPARTMENT_WORDS.has(w))
    // same first and last letter: a slip inside the word, not another language's ending ("delegato")
    .some((w) => [TITLE_WORDS, TITLE_AREA_WORDS, DEPARTMENT_WORDS].some((set) => [...set].some((known) => known.length >= 6 && known[0] === w[0] && known.at(-1) === w.at(-1) && Math.abs(known.length - w.length) <= 1 && editDistance(known, w) === 1)));
}

/**
 * Three or more name words with none a particle or an initial: where the first name ends is a
 * guess ("Hui Min Tan", "Maria José Garcia"), so first and last name are worth a look.
 */
function ambiguousSplit(card: ParsedCard): boolean {
  const full = card.fullName.value || `${card.firstName.value} ${card.lastName.value}`;
  return nameWords(full).length >= 3;
}

/** Digits glued to a phone number on its line that the value left out: the number was likely cut. */
function cutNumber(page: OcrPage, phone: ParsedField): boolean {
  const line = lineOf(page, phone.box);
  if (!line) return false;
  const at = line.text.indexOf(phone.value);
  if (at < 0) return false;
  const before = line.text.slice(Math.max(0, at - 3), at);
  const after = line.text.slice(at + phone.value.length, at + phone.value.length + 3);
  return /\d\s?$/.test(before) || /^\s?\d/.test(after);
}

/**
 * The local part is the first and last name run together ("lucabaumgartner"): a dot or underscore
 * between them is the smallest thing on the card and the first the OCR loses.
 */
function lostSeparator(card: ParsedCard, local: string): boolean {
  const first = fold(card.firstName.value).replace(/[^a-z]/g, '');
  const last = fold(card.lastName.value).replace(/[^a-z]/g, '');
  return first.length >= 2 && last.length >= 2 && (local === first + last || local === last + first);
}

/**
 * The e-mail's line shows a space where the value has its separator ("martina rinaldi@" read, "martina.rinaldi@"
 * filled in): the parser put in the separator the OCR did not see, and a dot is only the likeliest one.
 */
function separatorPutIn(page: OcrPage, email: ParsedField): boolean {
  const line = lineOf(page, email.box);
  const pieces = (email.value.split('@')[0] ?? '').split(/[._-]/);
  if (!line || pieces.length !== 2) return false;
  const text = line.text.toLowerCase().replace(/\s+/g, ' ').replace(/ @/g, '@');
  return text.includes(`${pieces[0]!.toLowerCase()} ${pieces[1]!.toLowerCase()}@`);
}

/** The number's digits inside a longer run of digits elsewhere on the card: the same number read whole there. */
function longerReadingElsewhere(page: OcrPage, phone: ParsedField): boolean {
  const digits = phone.value.replace(/\D/g, '');
  if (digits.length < 6) return false;
  return page.lines.some((line) => {
    const runs = line.text.match(/[\d][\d\s().\-/]*\d/g) ?? [];
    return runs.some((run) => {
      const d = run.replace(/\D/g, '');
      return d.length > digits.length && d.endsWith(digits);
    });
  });
}

/**
 * A number printed without a label in a numbering plan that does not tell mobiles from landlines
 * ("+1 (773) 555-0106" alone on its line): filing it as phone or mobile is a guess.
 */
function unlabelledKindGuessed(page: OcrPage, phone: ParsedField): boolean {
  const line = lineOf(page, phone.box);
  if (!line || !phone.e164) return false;
  const rest = line.text.replace(phone.value, ' ');
  if (/\p{L}{1,}/u.test(rest.replace(/\b(?:ext|x)\b\.?\s*\d+/gi, ''))) return false;
  const type = parsePhoneNumberFromString(phone.e164)?.getType();
  return type === undefined || type === 'FIXED_LINE_OR_MOBILE';
}

/**
 * The local part of an address against the mailboxes every company has and the labels printed
 * before an address: "ontact@" (cut), "Correo.lucia@" (the label glued on).
 */
function localPartDoubt(local: string): string | null {
  const letters = local.replace(/[^a-z]/g, '');
  if (!letters || FUNCTION_MAILBOXES.has(letters)) return null;
  if ([...FUNCTION_MAILBOXES].some((box) => box.length >= 5 && nearMiss(box, letters))) return 'the mailbox is one letter off a common one';
  const first = local.split(/[.\-_]/)[0] ?? '';
  if (local.includes('.') && (EMAIL_LABELS.has(first) || ['correo', 'email', 'mail', 'courriel'].includes(first))) return 'a label glued to the e-mail';
  return null;
}

/** A number's digits against its own parse and against the card's other numbers. */
function numberDoubt(card: ParsedCard, field: 'phone' | 'mobile' | 'fax'): string | null {
  const parsed = card[field];
  const e164 = parsed.e164 ?? '';
  // an extension ("ext. 555", "x123") is printed after the number and is not part of it
  const digits = parsed.value.replace(/\s*(?:ext\.?|x|extn?\.?|durchwahl|poste)\s*\d+\s*$/i, '').replace(/\(0\)/g, '').replace(/\D/g, '');
  const national = nationalDigits(e164);
  if (national) {
    const prefix = digits.endsWith(national) ? digits.slice(0, digits.length - national.length) : null;
    const code = e164.slice(1, e164.length - national.length);
    // what is printed before the national number can only be a trunk 0 or the calling code
    if (prefix === null || !['', '0', code, `00${code}`, `${code}0`].includes(prefix)) return 'the digits do not all belong to the number';
  }
  const others = (['phone', 'mobile', 'fax'] as const).filter((f) => f !== field && card[f].e164 && parsePhoneNumberFromString(card[f].e164 ?? '')?.isValid());
  const mine = national.length || digits.length;
  if (others.some((f) => nationalDigits(card[f].e164 ?? '').length - mine >= 3)) return 'shorter than the card\'s other numbers';
  return null;
}

/** The national significant number of an E.164 number ("" when it does not parse). */
function nationalDigits(e164: string): string {
  return e164 ? (parsePhoneNumberFromString(e164)?.nationalNumber ?? '') : '';
}

/** Per-field cross-checks that do not need the page. */
function shapeDoubt(field: CardField, parsed: ParsedField): string | null {
  const value = parsed.value;
  switch (fieldClass(field)) {
    case 'contact':
      if (field === 'email' || field === 'website') {
        if (/[^\x21-\x7e]|\.\.|^[.\-]|[.\-]$/.test(value.replace(/^https?:\/\//i, ''))) return 'characters an address cannot hold';
        // "co.uk", "sales@example.com": only the ending was read, not the name before it
        const stem = hostStem(field === 'email' ? (value.split('@')[1] ?? '') : value);
        return stem.length < 3 || TLDS.has(stem) ? 'no name before the domain ending' : null;
      }
      if (!parsed.e164 || !parsePhoneNumberFromString(parsed.e164)?.isValid()) return 'not a number the numbering plan knows';
      // "0)89 3304356": a bracket without its pair is a number whose start (or end) was cut
      if ((value.match(/\(/g) ?? []).length !== (value.match(/\)/g) ?? []).length) return 'a bracket without its pair';
      return /[A-Za-z]/.test(value.replace(/\bext\b|\bx(?=\s*\d)/gi, '')) ? 'letters in a number' : null;
    case 'name':
      if (/[\d@/\\|:;!?()[\]{}+=_*#%&]/.test(value)) return 'digits or symbols in a name';
      return oddNameWord(value) ? 'a name word in an odd shape' : null;
    case 'company': {
      const words = value.split(/\s+/);
      if (words.some((w) => oddWordShape(w) || capitalIReadAsL(w))) return 'a word in an odd shape';
      // "Bexley O": the end of the line was cut (a one-letter word closes no company name but "& Co" ones)
      return words.length >= 2 && /^\p{L}$/u.test(words[words.length - 1] ?? '') ? 'the name ends in a lone letter' : null;
    }
    case 'title':
      if (/[\d@\\|;!?[\]{}+=_*#%]/.test(value) || (value.match(/\(/g) ?? []).length !== (value.match(/\)/g) ?? []).length) return 'digits or stray symbols in a title';
      return nearlyKnownTitleWord(value) ? 'a title word one letter off a known one' : null;
    case 'address':
      if (/[©®@|\\{}[\]<>~^*=_]/.test(value)) return 'a stray symbol';
      if (field === 'street' && !/\d/.test(value)) return 'a street without a number';
      if (field === 'street' && nearlyKnownStreetWord(value)) return 'a street word one letter off a known one';
      return (field === 'street' || field === 'city') && capitalInsideWord(value) ? 'a capital inside a word' : null;
    default:
      return null;
  }
}

/** The host as printed: lower case, without scheme, "www." and path. */
function hostOf(value: string): string {
  return fold(value).replace(/^[a-z]+:\/\//, '').replace(/^www\./, '').split('/')[0] ?? '';
}

/**
 * The e-mail's domain and the website's host read the same, each from its own line: two readings
 * agree; read differently, one of them was misread. (The parser aligns two readings that differ
 * by a slip, so both are looked up in the lines the OCR read.)
 */
function domainReadings(card: ParsedCard, page: OcrPage): 'agree' | 'differ' | 'unknown' {
  const domain = fold(card.email.value.split('@')[1] ?? '');
  const host = hostOf(card.website.value);
  if (!domain || domain !== host) return 'unknown';
  const emailLine = lineOf(page, card.email.box);
  const siteLine = lineOf(page, card.website.box);
  if (!emailLine || !siteLine) return 'unknown';
  // letters and digits: a dot the OCR read as a space on both lines ("tidewell example com") is
  // the same reading twice, repaired alike; what counts is whether the letters agree
  const printed = (text: string): string => fold(text).replace(/[^a-z0-9]/g, '');
  const letters = printed(domain);
  // both on one line ("sales@vellacott.example https://www.vellacott.example"): still two words the
  // OCR read apart, so the domain printed twice there is two readings
  if (emailLine === siteLine) return printed(emailLine.text).split(letters).length - 1 >= 2 ? 'agree' : 'differ';
  return printed(emailLine.text).includes(letters) && printed(siteLine.text).includes(letters) ? 'agree' : 'differ';
}

/** How much surer one reading's weakest word must be for the other alone to be doubted. */
const SURE_MARGIN = 0.05;

/** Evidence for each filled field. */
export function fieldEvidence(card: ParsedCard, page: OcrPage): Partial<Record<CardField, FieldEvidence>> {
  const evidence: Partial<Record<CardField, FieldEvidence>> = {};
  const slip = card.email.value ? nameDoubt(card) : null;
  // one of the two readings is wrong: the less sure one is doubted (both when they are about as sure)
  const weakest = (field: CardField): number => weakestOf(page, card[field]);
  const nameWeakest = Math.min(weakest('firstName'), weakest('lastName'));
  const emailWeakest = weakest('email');
  const nameSlip = slip && nameWeakest <= emailWeakest + SURE_MARGIN ? slip : null;
  const emailSlip = slip && emailWeakest <= nameWeakest + SURE_MARGIN ? slip : null;
  const countries = shownCountries(card);
  const accentedCard = countries.some((c) => ACCENTED_LANGUAGE_COUNTRIES.has(c));
  // the languages may come from a guessed country too: a wrong guess only costs a mark
  const languages = cardLanguages(cardCountries(card));
  const nameContinues = nameGoesOn(card, page);
  const readings = domainReadings(card, page);
  const domains = readings === 'agree';
  const local = localPartOf(card.email.value);
  const functionMailbox = FUNCTION_MAILBOXES.has(local.replace(/[^a-z]/g, ''));
  const nameAgrees = (parts: { firstName: string; lastName: string }): number => (local && !functionMailbox ? emailAgreement({ ...parts, fullName: '' }, local) : 0);
  const confirmedBy: Partial<Record<CardField, boolean>> = {
    website: domains,
    email: domains && (functionMailbox || nameAgrees({ firstName: card.firstName.value, lastName: card.lastName.value }) >= 0.8),
    lastName: nameAgrees({ firstName: '', lastName: card.lastName.value }) >= 0.9,
    firstName: nameAgrees({ firstName: card.firstName.value, lastName: '' }) >= 0.8,
    // only the whole name spelled as the domain confirms it ("Norrland" does not confirm "Norrland Labss BV")
    company: domainAgreement(card.company.value, [hostStem(card.website.value), hostStem(card.email.value.split('@')[1] ?? '')].filter(Boolean)) >= 1,
  };
  confirmedBy.fullName = Boolean(confirmedBy.firstName && confirmedBy.lastName);
  for (const field of CARD_FIELDS) {
    const parsed = card[field];
    if (!parsed.value.trim()) continue;
    const words = wordsUnder(page, parsed.box);
    const weakestWord = words.length ? Math.min(...words.map((w) => w.confidence)) : 1;
    let doubt = shapeDoubt(field, parsed);
    if (!doubt && (field === 'email' || field === 'website')) doubt = readings === 'differ' ? 'the e-mail domain and the website were read differently' : domainDoubt(card, page, field);
    if (!doubt && (field === 'email' || field === 'website') && domainNotAsRead(page, parsed, field === 'email')) doubt = 'the domain is spelled otherwise than its line reads';
    if (!doubt && field === 'email' && cutLocalPart(page, parsed)) doubt = 'letters before the e-mail on its line';
    if (!doubt && field === 'email' && atNotRead(page, parsed)) doubt = 'no @ on its line: a letter was taken for it';
    if (!doubt && field === 'email' && separatorPutIn(page, parsed)) doubt = 'a space on its line where a dot was put in';
    if (!doubt && field === 'email') doubt = localPartDoubt(local) ?? emailSlip ?? (lostSeparator(card, local) ? 'the name run together: a dot may be lost' : null);
    if (!doubt && (field === 'phone' || field === 'mobile' || field === 'fax')) doubt = numberDoubt(card, field);
    if (!doubt && (field === 'phone' || field === 'mobile' || field === 'fax') && cutNumber(page, parsed)) doubt = 'digits beside the number on its line';
    if (!doubt && (field === 'phone' || field === 'mobile' || field === 'fax') && longerReadingElsewhere(page, parsed)) doubt = 'the number is read longer on another line';
    if (!doubt && (field === 'phone' || field === 'mobile') && unlabelledKindGuessed(page, parsed)) doubt = 'no label says whether it is a phone or a mobile';
    if (!doubt && fieldClass(field) === 'name') doubt = nameSlip ?? (nameContinues ? 'a name-like line beside the name was left over' : null);
    if (!doubt && field !== 'email' && field !== 'website' && fieldClass(field) !== 'contact' && foreignAccent(parsed.value, countries)) doubt = 'an accent the card\'s languages do not write';
    if (!doubt && field === 'company' && lostUmlaut(card)) doubt = 'the company\'s domain spells an umlaut the reading lacks';
    const unusual = doubt ? null : fieldClass(field) === 'name' ? (droppedAccentWord(parsed.value, languages) ?? unaccentedPatronymic(parsed.value)) : fieldClass(field) !== 'contact' ? droppedAccentWord(parsed.value, languages) : null;
    if (unusual) doubt = `"${unusual}" is usually written with other accents in the card's language`;
    if (!doubt && (field === 'firstName' || field === 'lastName') && ambiguousSplit(card) && !confirmedBy[field]) doubt = 'where the first name ends is a guess';
    const unaccented = accentedCard && fieldClass(field) !== 'contact' && !/[^\x00-\x7f]/.test(parsed.value);
    evidence[field] = { confidence: parsed.confidence, weakestWord, doubt, confirmed: Boolean(confirmedBy[field]), unaccented };
  }
  return evidence;
}

/**
 * A line no field took right beside the name, in the name's type size and of name-like words
 * ("Kai Wen" / "Teo"): the name may go on there.
 */
function nameGoesOn(card: ParsedCard, page: OcrPage): boolean {
  const box = card.fullName.box ?? card.lastName.box;
  if (!box) return false;
  const height = box.y1 - box.y0;
  return unexplainedLines(card, page).some((line) => {
    const h = line.box.y1 - line.box.y0;
    const gap = Math.max(line.box.y0 - box.y1, box.y0 - line.box.y1);
    const across = Math.min(line.box.x1, box.x1) - Math.max(line.box.x0, box.x0) > 0 || Math.abs(line.box.x0 - box.x0) < height;
    const words = line.text.trim().split(/\s+/);
    return Math.abs(h - height) <= 0.3 * height && gap <= height && across && words.length <= 2 && words.every((w) => /^\p{Lu}[\p{L}'’-]+$/u.test(w)) && titleScore(line.text) === 0;
  });
}

/** Segments of the page no filled field was read from (by box): what the parser left unexplained. */
function unexplainedLines(card: ParsedCard, page: OcrPage): OcrPage['lines'] {
  const boxes = CARD_FIELDS.flatMap((f) => (card[f].value && card[f].box ? [card[f].box!] : []));
  return page.lines.filter((line) => line.confidence >= 0.5 && !boxes.some((b) => overlaps(b, line.box)));
}

/** Does the card print a person? A personal e-mail, a title, or a name-shaped line no field took. */
function cardShowsPerson(card: ParsedCard, leftover: OcrPage['lines']): boolean {
  const local = localPartOf(card.email.value);
  if (local && !FUNCTION_MAILBOXES.has(local.replace(/[^a-z]/g, '')) && /[a-z]{2,}[._\-][a-z]{2,}/.test(local)) return true;
  if (card.title.value) return true;
  return leftover.some((line) => (nameShape(lettersMisreadAsDigits(line.text)) >= 0.6 && titleScore(line.text) === 0) || inLocalPart(line.text, card));
}

/**
 * The line with a digit inside or at the end of a word of letters dropped ("Friederike Weil8": ß
 * read as "l8"), so a misread name still reads as one; a line with a number of its own stays as read.
 */
function lettersMisreadAsDigits(text: string): string {
  const words = text.trim().split(/\s+/);
  if (words.some((w) => !/\p{L}{3,}/u.test(w))) return text;
  return words.map((w) => (/^\p{L}{3,}\d?\p{L}*\d?$/u.test(w) ? w.replace(/\d/g, '') : w)).join(' ');
}

/**
 * A word of a line no field took that the e-mail's local part holds and its domain does not
 * ("O'SULLIVAN" beside "sosullivan@halvorsen-studio…"): the person's name, left unread.
 */
function inLocalPart(text: string, card: ParsedCard): boolean {
  const local = localPartOf(card.email.value).replace(/[^a-z]/g, '');
  const domain = fold(card.email.value.split('@')[1] ?? '').replace(/[^a-z]/g, '');
  if (!local || FUNCTION_MAILBOXES.has(local)) return false;
  return text.split(/\s+/).some((w) => {
    const letters = fold(w).replace(/[^a-z]/g, '');
    return letters.length >= 4 && local.includes(letters) && !domain.includes(letters);
  });
}

/** Does the card print a company? A company's own domain, or a line that reads as an organisation's name. */
function cardShowsCompany(card: ParsedCard, leftover: OcrPage['lines']): boolean {
  const stem = hostStem(card.website.value) || hostStem(card.email.value.split('@')[1] ?? '');
  if (stem && !GENERIC_MAIL.has(stem)) return true;
  return leftover.some((line) => {
    const text = line.text.trim();
    if (isLogoInitials(text) || taglineScore(text) >= 0.4 || titleScore(text) > 0) return false;
    return legalFormScore(text) > 0 || (/^\p{Lu}/u.test(text) && /\p{L}{4,}/u.test(text) && !/[@\d]/.test(text));
  });
}

/**
 * Fields a second reading of their line confirmed (the scanner's re-read, electron/ocr/passes/second-reading.ts,
 * or the learned recognizer's reading, electron/ocr/passes/contact-recognition.ts).
 */
export type ReadAgain = ReadonlySet<CardField>;

/**
 * Contact fields that only the OCR's weakest-word floor would mark (no doubt, the parser sure
 * enough, the weakest word above the confirmed floor): the ones a second reading of their line
 * that agrees may clear. Photos read small contact lines with a less sure word than they deserve.
 */
export function onlyWeaklyRead(card: ParsedCard, page: OcrPage, floors: Record<FieldClass, CheckFloors> = CHECK_FLOORS): CardField[] {
  const evidence = fieldEvidence(card, page);
  return (Object.entries(evidence) as [CardField, FieldEvidence][]).flatMap(([field, e]) => {
    if (fieldClass(field) !== 'contact' || e.confirmed || e.doubt) return [];
    const f = floors.contact;
    return e.confidence >= f.confirmed.confidence && e.weakestWord < f.weakestWord && e.weakestWord >= f.confirmed.weakestWord ? [field] : [];
  });
}

/**
 * Does a second reading of a contact's line say the same ("michael.berg@meridel example com" agrees
 * with "michael.berg@meridel.example.com")? Letters and digits only, as the parser repairs dots
 * and spaces alike in both; a number by its digits. The match must be the whole of what the second
 * reading printed there: "katrin@vellacott.example.de" or "085 089 7696" read again is not a
 * confirmation of a value that lost its end ("…example", "085 089 769").
 */
export function secondReadingAgrees(field: CardField, value: string, text: string): boolean {
  const number = field === 'phone' || field === 'mobile' || field === 'fax';
  const keep = number ? /\d/ : /[a-z0-9]/;
  const mine = (number ? value : fold(value).replace(/^[a-z]+:\/\//, '').replace(/^www\./, '')).split('').filter((c) => keep.test(c)).join('');
  if (mine.length < (number ? 6 : 4)) return false;
  // a scheme or "www." starts another address: a hard edge, not a space the OCR put for a dot
  const printed = number ? text : fold(text).replace(/[a-z]+:\/\/|www\./g, ' | ');
  // the kept characters of the second reading, each with its place in the printed text
  const at: number[] = [];
  for (let k = 0; k < printed.length; k++) if (keep.test(printed[k]!)) at.push(k);
  const theirs = at.map((k) => printed[k]).join('');
  // a neighbour of the match that goes on: a kept character right beside it, or one joined by a
  // separator the address or number uses inside itself ("." "-" "@" "_"; a space in a number); after
  // an address also a short ending behind a space ("example. de": the OCR spaced out the dot)
  const joiner = number ? /^[\s\-./()]*$/ : /^[.\-@_]$/;
  const runFrom = (k: number): number => {
    let end = k;
    while (end < printed.length && keep.test(printed[end]!)) end++;
    return end - k;
  };
  for (let start = theirs.indexOf(mine); start >= 0; start = theirs.indexOf(mine, start + 1)) {
    const first = at[start]!;
    const last = at[start + mine.length - 1]!;
    const before = start > 0 ? at[start - 1]! : -1;
    const after = start + mine.length < at.length ? at[start + mine.length]! : -1;
    const joinedBefore = before >= 0 && (before === first - 1 || joiner.test(printed.slice(before + 1, first)));
    const gap = after >= 0 ? printed.slice(last + 1, after) : '';
    const joinedAfter = after >= 0 && (after === last + 1 || joiner.test(gap) || (!number && /^\s*[.\-]?\s*$/.test(gap) && runFrom(after) <= 3));
    if (!joinedBefore && !joinedAfter) return true;
  }
  return false;
}

/**
 * The marks for a card: only fields that need one are listed. `disputed`: fields two independent
 * readings gave differently (the recognizer's and tesseract's, contact-reconciliation.ts) or whose
 * accents the card's language supplied (dropped-accents.ts spelledCard), marked whatever else says.
 */
export function checkMarks(
  card: ParsedCard,
  page: OcrPage,
  floors: Record<FieldClass, CheckFloors> = CHECK_FLOORS,
  readAgain: ReadAgain = new Set(),
  disputed: ReadAgain = new Set(),
): Partial<Record<CardField, CheckMark>> {
  const marks: Partial<Record<CardField, CheckMark>> = {};
  const evidence = fieldEvidence(card, page);
  for (const [field, e] of Object.entries(evidence) as [CardField, FieldEvidence][]) {
    if (disputed.has(field)) {
      marks[field] = 'unsure';
      continue;
    }
    const classFloors = floors[fieldClass(field)];
    const floor = e.confirmed || (!e.doubt && readAgain.has(field)) ? classFloors.confirmed : classFloors;
    const wordFloor = e.unaccented ? Math.max(floor.weakestWord, classFloors.unaccented) : floor.weakestWord;
    if (e.doubt || e.confidence < floor.confidence || e.weakestWord < wordFloor) marks[field] = 'unsure';
  }
  const anyText = page.lines.some((line) => /\p{L}{2,}/u.test(line.text));
  if (!anyText) return marks;
  const leftover = unexplainedLines(card, page);
  const nameEmpty = !card.lastName.value && !card.fullName.value;
  if (nameEmpty && cardShowsPerson(card, leftover)) {
    marks.firstName = 'not-read';
    marks.lastName = 'not-read';
  }
  // a person's card nearly always prints the company too: a name read without one is a reading that lost it
  if (!card.company.value && (cardShowsCompany(card, leftover) || !nameEmpty)) marks.company = 'not-read';
  return marks;
}

/** The card with each field's mark set: `check` null on the fields the rule found nothing to doubt. */
export function withCheckMarks(card: ParsedCard, page: OcrPage, readAgain: ReadAgain = new Set(), disputed: ReadAgain = new Set()): ParsedCard {
  const marks = checkMarks(card, page, CHECK_FLOORS, readAgain, disputed);
  const out = {} as ParsedCard;
  for (const field of CARD_FIELDS) out[field] = { ...card[field], check: marks[field] ?? null };
  return out;
}
