/**
 * Person names: does a line look like a name, and how does it split into first and last name
 * (honorifics and degrees dropped, middle initials dropped, multi-word surnames kept whole).
 */
import { isAllCaps, naturalCase } from './text';
import {
  CHINESE_SURNAMES, COMMON_CHINESE_SURNAMES, COMPANY_WORDS, DEPARTMENT_WORDS, LEGAL_FORMS, LOWER_FUNCTION_WORDS, NAME_PREFIXES, NAME_SUFFIXES, SURNAME_PARTICLES, TITLE_AREA_WORDS, TITLE_WORDS, fold,
} from './vocabulary';

export interface NameParts {
  fullName: string;
  firstName: string;
  lastName: string;
}

const key = (t: string): string => fold(t).replace(/[.,]/g, '');

/** A bracket or bar glued to a letter of a name line is OCR noise: names have none ("Ines K). Varga"). */
export function cleanNameText(text: string): string {
  return text
    .replace(/(?<=\p{L})[)\]}|]+/gu, '')
    // a comma or semicolon closing the line is a speck or the edge of a logo, not a suffix to come
    .replace(/\s*[,;]+\s*$/u, '')
    // a generational suffix read with l, 1 or | for I ("Carter lll", "Smith Il")
    .replace(/(\s)([lI1|]{2,3})(,?)$/u, (_m, space: string, roman: string, comma: string) => `${space}${'I'.repeat(roman.length)}${comma}`);
}

/** Particles that join two surnames ("García y López") rather than start one: never the start of a last name. */
const JOINING_PARTICLES = new Set(['y', 'e']);

/**
 * "Prof. Dr. Anna-Lena van der Berg, PhD" → { first: "Anna-Lena", last: "van der Berg" }.
 * Also reads a name as a person types it: "Fischer, Lena" (last name first), "Ludwig van
 * Beethoven" (given names up to a lower-case particle), "María José García López" (four
 * words: two given names, two surnames) and "Fischer" (one word is the last name, the one
 * Salesforce needs).
 */
export function splitName(printed: string): NameParts {
  const fullName = naturalCase(printed.trim().replace(/\s+/g, ' ').replace(/[,;]$/, ''), 'name');
  // ", PhD", ", MBA" … after a comma are dropped; anything else after the first comma is the
  // given name of a "Last, First" name.
  const [beforeComma = '', ...afterCommas] = fullName.split(',').map((part) => part.trim());
  const isSuffixPart = (part: string): boolean => part.split(/\s+/).every((word) => NAME_SUFFIXES.has(key(word)));
  // "Fischer, Lena" / "van der Berg, Anna-Lena": one surname (particles aside) before the comma and
  // plain given names after it. "Anna Schmidt, Dipl.-Ing." is a name with a degree, not inverted.
  const oneSurname = beforeComma.split(/\s+/).filter((word) => !SURNAME_PARTICLES.has(key(word))).length === 1;
  const givenAfterComma = oneSurname
    ? afterCommas.find((part) => part !== '' && !isSuffixPart(part) && /^[\p{L}'’\- ]+$/u.test(part) && part.split(/\s+/).length <= 3)
    : undefined;
  const words = (text: string): string[] => {
    let toks = text.split(/\s+/).filter(Boolean);
    while (toks.length > 1 && NAME_PREFIXES.has(key(toks[0] ?? '')) && /\.$|^(?:Dr|Prof|Mr|Mrs|Ms|Mme|Herr|Frau|Ing|Dipl|Mag|Sir|Dame)$/i.test(toks[0] ?? '')) toks = toks.slice(1);
    while (toks.length > 1 && NAME_SUFFIXES.has(key(toks[toks.length - 1] ?? ''))) toks = toks.slice(0, -1);
    return toks;
  };
  // middle initials ("P.", "W", "J.-P.")
  const isInitial = (t: string): boolean => /^\p{Lu}\.?(-\p{Lu}\.?)?$/u.test(t);
  const withoutInitials = (toks: string[]): string[] => [...toks.slice(0, 1), ...toks.slice(1).filter((t) => !isInitial(t))];

  if (givenAfterComma !== undefined) {
    return { fullName, firstName: withoutInitials(words(givenAfterComma)).join(' '), lastName: words(beforeComma).join(' ') };
  }
  const toks = words(beforeComma);
  const chinese = chineseNameOrder(toks);
  if (chinese) return { fullName, ...chinese };
  if (toks.length === 1) return { fullName, firstName: '', lastName: toks[0] ?? '' };
  // a lower-case particle after the given names starts the last name ("Johann Sebastian von Bach")
  // Irish patronymics are capitalised and start the surname too ("Saoirse Ó Briain", "Gráinne Ní Cheallaigh",
  // "Eoin Mac Giolla"): an accented Ó is never an initial
  const irishAt = toks.findIndex((t, i) => i > 0 && i < toks.length - 1 && IRISH_PATRONYMIC.test(t));
  const lowerParticleAt = toks.findIndex((t, i) => i > 0 && t === t.toLowerCase() && SURNAME_PARTICLES.has(key(t)) && !JOINING_PARTICLES.has(key(t)));
  const particleAt = irishAt > 0 && (lowerParticleAt < 0 || irishAt < lowerParticleAt) ? irishAt : lowerParticleAt;
  // a Spanish patronymic right before the particle is the surname's first word ("Diego Ortiz de Zárate",
  // "Ana López de Haro"): those compound surnames are common, and a patronymic is no given name
  const surnameStart = particleAt > 1 && particleAt === lowerParticleAt && spanishPatronymic(toks[particleAt - 1] ?? '') ? particleAt - 1 : particleAt;
  const rest = toks.slice(1).filter((t) => !isInitial(t));
  // four plain words are two given names and two surnames (Spanish and Portuguese names)
  const twoAndTwo = toks.length === 4 && rest.length === 3 && !toks.some((t) => SURNAME_PARTICLES.has(key(t)));
  const lastStart = surnameStart > 0 ? surnameStart : twoAndTwo ? 2 : 1;
  const given = withoutInitials(toks.slice(0, lastStart));
  const last = toks.slice(lastStart).filter((t, i) => !isInitial(t) || (i === 0 && lastStart === irishAt));
  return { fullName, firstName: given.join(' '), lastName: last.join(' ') };
}

/** Given names with a patronymic's ending ("María Beatriz de la Fuente"): the only common Spanish ones. */
const GIVEN_NAMES_LIKE_PATRONYMICS = new Set(['beatriz', 'inez']);

/**
 * A Spanish patronymic surname ("son of"): a capitalised word of four letters or more in -ez, -iz, -az or
 * -oz (Ortiz, López, Díaz, Ruiz, Muñoz).
 */
function spanishPatronymic(word: string): boolean {
  const folded = key(word);
  return /^\p{Lu}/u.test(word) && folded.length >= 4 && /[eiao]z$/.test(folded) && !GIVEN_NAMES_LIKE_PATRONYMICS.has(folded);
}

/** Irish surname particles (son of / daughter of / grandson of), written capitalised before the family name. */
const IRISH_PATRONYMIC = /^(Ó|Ní|Nic|Uí|Ua|Mac|Mc)$/u;

/** The inverse of splitName for display: "Lena" + "Fischer" → "Lena Fischer". */
export function joinName(firstName: string, lastName: string): string {
  return [firstName.trim(), lastName.trim()].filter(Boolean).join(' ');
}

/** One romanised Chinese syllable ("Wei", "Ling", "Choon", "Siew", "Zhi"): consonants, a vowel group, a short ending. */
const CHINESE_SYLLABLE = /^(?:[bcdfghjklmnpqrstwxyz]{1,3})?[aeiouy]{1,3}(?:ng|n|m|k|h|p|t|w)?$/;

/**
 * A Chinese name of three syllables is one family name and a two-syllable given name: "Wei Ling
 * Lim" (given name first, as many print it for English readers) → Wei Ling / Lim, and "Tan Wei
 * Ming" (family name first) → Wei Ming / Tan. The family name is recognised from the surname list;
 * one of the most common surnames in front decides for family-name-first. Anything else → null.
 */
/** A three-syllable Chinese name with a family name the list knows: a person, not a company line. */
export function isChineseName(printed: string): boolean {
  return chineseNameOrder(printed.trim().split(/\s+/)) !== null;
}

function chineseNameOrder(tokens: readonly string[]): Pick<NameParts, 'firstName' | 'lastName'> | null {
  if (tokens.length !== 3) return null;
  const keys = tokens.map((t) => key(t));
  if (!keys.every((k) => CHINESE_SYLLABLE.test(k))) return null;
  const [head, middle, tail] = [tokens[0]!, tokens[1]!, tokens[2]!];
  if (COMMON_CHINESE_SURNAMES.has(keys[0]!) && !COMMON_CHINESE_SURNAMES.has(keys[2]!)) return { firstName: `${middle} ${tail}`, lastName: head };
  if (CHINESE_SURNAMES.has(keys[2]!)) return { firstName: `${head} ${middle}`, lastName: tail };
  return null;
}

/** How much a line looks like a person's name, 0..1 (shape only; the caller adds size and e-mail agreement). */
export function nameShape(text: string): number {
  const t = text.trim();
  if (!t || /[\d@/\\|:;!?()[\]{}+=_*#%&]/.test(t) || /\bwww\b|https?/i.test(t)) return 0;
  const main = (t.split(',')[0] ?? t).trim();
  const suffixes = t.split(',').slice(1).map((s) => key(s.trim()));
  if (suffixes.some((s) => !s.split(/\s+/).every((w) => NAME_SUFFIXES.has(w)))) return 0;
  const toks = main.split(/\s+/).filter(Boolean);
  let core = toks.filter((w) => !NAME_PREFIXES.has(key(w)) || !/\.$/.test(w));
  core = core.filter((w, i) => !(i === core.length - 1 && NAME_SUFFIXES.has(key(w)) && core.length > 2));
  if (core.length < 2 || core.length > 5) return core.length === 1 ? 0.15 : 0;
  let score = 1;
  let caps = 0;
  for (const [i, w] of core.entries()) {
    const k = key(w);
    if (LEGAL_FORMS[k] !== undefined && i > 0 && k.length > 1 && !SURNAME_PARTICLES.has(k)) return 0;
    if (TITLE_WORDS.has(k) && !SURNAME_PARTICLES.has(k)) score -= 0.45;
    if (COMPANY_WORDS.has(k)) score -= 0.45;
    // "Field Services", "Key Accounts": words of departments and areas of work
    if ((TITLE_AREA_WORDS.has(k) || DEPARTMENT_WORDS.has(k)) && !SURNAME_PARTICLES.has(k)) score -= 0.35;
    if (LOWER_FUNCTION_WORDS.has(k) && !SURNAME_PARTICLES.has(k)) score -= 0.5;
    if (/^\p{Lu}/u.test(w)) caps++;
    else if (!SURNAME_PARTICLES.has(k)) score -= 0.5;
    if (!/^[\p{L}\p{M}'’.\-]+$/u.test(w)) score -= 0.5;
    if (/\.$/.test(w) && w.length > 3) score -= 0.3; // "Inc." "Corp."
  }
  if (caps === 0) return 0;
  if (core.length > 4) score -= 0.2;
  if (isAllCaps(main) && core.length > 3) score -= 0.1;
  return Math.max(0, Math.min(1, score));
}

/** Agreement between a name and an e-mail local part ("anna.schmidt", "aschmidt", "anna"), 0..1. */
export function emailAgreement(name: NameParts, local: string): number {
  const l = fold(local).replace(/[^a-z]/g, '');
  const f = fold(name.firstName).replace(/[^a-z]/g, '');
  const lastWords = fold(name.lastName).split(/\s+/).map((w) => w.replace(/[^a-z]/g, '')).filter(Boolean);
  const last = lastWords.join('');
  const lastMain = lastWords[lastWords.length - 1] ?? '';
  if (!l) return 0;
  if ((last.length >= 3 && l.includes(last)) || (lastMain.length >= 4 && l.includes(lastMain))) return 1;
  const lastFirst = lastWords.find((w) => !['van', 'von', 'der', 'den', 'de', 'del', 'la', 'da', 'di', 'du', 'le'].includes(w)) ?? '';
  if (lastFirst.length >= 4 && l.includes(lastFirst)) return 0.9;
  if (f.length >= 3 && l.includes(f)) return 0.8;
  return 0;
}
