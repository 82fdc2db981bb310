/**
 * Organisation names and job titles: legal forms, agreement with the e-mail/web domain,
 * title vocabulary, departments and taglines.
 */
import { isAllCaps } from './text';
import {
  COMPANY_WORDS, DEPARTMENT_WORDS, LEGAL_FORMS, LOWER_FUNCTION_WORDS, NAME_SUFFIXES, TERMINAL_LEGAL, TITLE_HEADS, TITLE_WORDS, fold,
} from './vocabulary';
import { editDistance } from './string-distance';

const words = (s: string): string[] =>
  fold(s)
    .split(/[\s,/&+]+/)
    .map((w) => w.replace(/^[^a-z0-9]+|[^a-z0-9-]+$/g, ''))
    .filter(Boolean);

/** The company line ends with a legal form ("Inc.", "GmbH & Co. KG", "Pty Ltd", "S.r.l."). */
export function legalFormScore(text: string): number {
  const toks = text.trim().split(/\s+/);
  if (toks.length < 2) return 0;
  const k = (t: string): string => fold(t).replace(/[.,()]/g, '');
  let last = k(toks[toks.length - 1] ?? '');
  const ocrFix: Record<string, string> = { ltq: 'ltd', lta: 'ltd', itd: 'ltd', gmbl: 'gmbh', gmbb: 'gmbh', grnbh: 'gmbh', lnc: 'inc', llg: 'llc', ilc: 'llc' };
  last = ocrFix[last] ?? last;
  // "S.A.", "B.V.", "S.r.l." written with dots
  if (TERMINAL_LEGAL.has(last)) return last === 'co' || last === 'company' ? 0.7 : 1;
  // "(Pty) Ltd", "Pvt. Ltd.", "Pte Ltd" are covered by "ltd"; legal form inside ("GmbH & Co KG")
  if (toks.slice(1).some((t) => TERMINAL_LEGAL.has(k(t)) && k(t).length >= 3 && k(t) !== 'company')) return 0.6;
  return 0;
}

/** Transliterations a domain may use for an accented name (ö → o or oe). */
export function domainSpellings(s: string): string[] {
  const base = s.normalize('NFC').toLowerCase();
  const de = base.replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss');
  return [...new Set([fold(base), fold(de)])].map((x) => x.replace(/[^a-z0-9]/g, ''));
}

/** Mail providers anyone can use: their domain names no company. */
export const GENERIC_MAIL: ReadonlySet<string> = new Set(['gmail', 'googlemail', 'outlook', 'hotmail', 'live', 'yahoo', 'icloud', 'me', 'aol', 'gmx', 'web', 'proton', 'protonmail', 'mail', 'ymail', 'msn', 'orange', 'free', 'wanadoo', 'libero', 'rediffmail', 'bigpond', 'optusnet', 'btinternet', 'sky', 'comcast', 'verizon', 't-online']);

/**
 * Letter groups that small or blurred type runs together into one look-alike letter ("rn" read as
 * "m", "cl" as "d"), or one letter split in two — the confusions OCR engines are known for.
 */
const LOOK_ALIKES: ReadonlyArray<readonly [string, string]> = [['rn', 'm'], ['cl', 'd'], ['vv', 'w'], ['li', 'h']];

/** Letters a domain must have for one misread letter in it to be taken for a slip (a short name one letter off is another name). */
const MIN_MISREAD_STEM = 6;

/** The same length and one letter different ("veltacott" beside "vellacott"): one letter of small type misread. */
function oneLetterMisread(spelling: string, stem: string): boolean {
  if (stem.length < MIN_MISREAD_STEM || spelling.length !== stem.length) return false;
  let differing = 0;
  for (let i = 0; i < stem.length; i++) if (spelling[i] !== stem[i]) differing++;
  return differing === 1;
}

/**
 * The company's name as its domain would spell it, where the domain `stem` was read with one
 * look-alike confusion of it ("vamholt" beside "Varnholt Textiles": rn read as m) or one letter
 * misread in a name of six letters or more ("veltacott" beside "Vellacott Consultoria"); else ''.
 * The company is spelled from all its words or its first one or two (legal forms left out).
 */
export function companySpellingOfDomain(company: string, stem: string): string {
  const words = company.trim().split(/\s+/).filter((word) => {
    const key = fold(word).replace(/[.,()]/g, '');
    return !(LEGAL_FORMS[key] !== undefined && key !== 'co') && key !== '&' && key !== 'and';
  });
  if (stem.length < 4 || !words.length) return '';
  const spellings = new Set([words, words.slice(0, 1), words.slice(0, 2)].flatMap((chosen) => domainSpellings(chosen.join(' '))));
  if (spellings.has(stem)) return '';
  for (const spelling of spellings) {
    if (oneLetterMisread(spelling, stem)) return spelling;
    for (const [group, letter] of LOOK_ALIKES) {
      for (const [from, to] of [[group, letter], [letter, group]] as const) {
        for (let at = spelling.indexOf(from); at >= 0; at = spelling.indexOf(from, at + 1)) {
          if (spelling.slice(0, at) + to + spelling.slice(at + from.length) === stem) return spelling;
        }
      }
    }
  }
  return '';
}

/** 0..1: how well a line agrees with the domain stems of the card's e-mail and website. */
export function domainAgreement(text: string, stems: string[]): number {
  const ws = text
    .trim()
    .split(/\s+/)
    .filter((w) => {
      const k = fold(w).replace(/[.,()]/g, '');
      return !(LEGAL_FORMS[k] !== undefined && k !== 'co') && k !== 'the' && k !== '&' && k !== 'and';
    });
  if (ws.length === 0) return 0;
  const joined = domainSpellings(ws.join(' '));
  const first = domainSpellings(ws[0] ?? '');
  const initials = ws.map((w) => fold(w).charAt(0)).join('');
  let best = 0;
  for (const raw of stems) {
    if (GENERIC_MAIL.has(raw)) continue;
    const stem = raw.replace(/[^a-z0-9]/g, '');
    if (stem.length < 2) continue;
    for (const j of joined) {
      if (j === stem) best = Math.max(best, 1);
      else if (stem.length >= 4 && (j.startsWith(stem) || stem.startsWith(j))) best = Math.max(best, 0.9);
      else if (stem.length >= 5 && j.includes(stem)) best = Math.max(best, 0.7);
      // an OCR slip or a lost accent on one side ("Vestergerd" for a "vestergard" domain)
      else if (stem.length >= 8 && Math.abs(j.length - stem.length) <= 1 && editDistance(j, stem) <= 1) best = Math.max(best, 0.8);
    }
    for (const f of first) if (f.length >= 4 && stem.startsWith(f)) best = Math.max(best, 0.8);
    if (initials.length >= 2 && stem === initials) best = Math.max(best, 0.6);
  }
  return best;
}

/**
 * A slogan: lower-case function words, several lower-case words, a sentence's end, or a year with
 * words around it ("… since 1954", "Est. 1990"): shapes of a sentence, not of a name.
 */
export function taglineScore(text: string): number {
  const ws = text.trim().split(/\s+/);
  const lowerFn = ws.filter((w, i) => i > 0 && LOWER_FUNCTION_WORDS.has(fold(w)) && !isAllCaps(w)).length;
  const lowerWords = ws.filter((w, i) => i > 0 && /^\p{Ll}/u.test(w) && !/^(de|du|des|la|le|van|von|der|di|da|of|and|&|et|und|y)$/i.test(w)).length;
  let s = 0;
  if (lowerFn >= 1) s += 0.4;
  if (lowerWords >= 2) s += 0.4;
  if (/[.!?…]$/.test(text.trim()) && legalFormScore(text) === 0) s += 0.4;
  // a year among words: a founding date belongs to a slogan, not to a name
  if (ws.length >= 2 && /\b(1[89]\d\d|20\d\d)\b/.test(text) && /\p{L}{3,}/u.test(text)) s += 0.5;
  if (/[,;:]\s*\p{Ll}/u.test(text)) s += 0.2;
  return Math.min(1, s);
}

/** Personal and possessive pronouns of the cards' languages (slogans address the reader; titles never do). */
const PRONOUNS = new Set([
  'you', 'your', 'yours', 'we', 'our', 'us', 'vous', 'votre', 'vos', 'nous', 'notre', 'nos', 'ihr', 'ihre', 'ihren',
  'wir', 'unser', 'unsere', 'sie', 'tu', 'tus', 'nuestro', 'nuestra', 'nosotros', 'vostro', 'nostro', 'nostra', 'noi',
  'uw', 'onze', 'wij', 'jouw', 'jij', 'seu', 'sua', 'nosso', 'nossa', 'voce', 'você',
]);

/** A role word: in the vocabulary, the feminine "-in" of one, or a compound ending in a role noun. */
function isRoleWord(w: string): boolean {
  if (TITLE_WORDS.has(w)) return true;
  if (w.length >= 7 && w.endsWith('in') && TITLE_WORDS.has(w.slice(0, -2))) return true;
  if (w.length >= 8) for (const head of TITLE_HEADS) if (w.length > head.length + 2 && w.endsWith(fold(head))) return true;
  return false;
}

/** 0..1: the line reads as a job title (has a role word; departments alone don't count). */
export function titleScore(text: string): number {
  const t = text.trim();
  if (!t || /[@\d]/.test(t) && !/\b(3d|b2b|2nd|1st)\b/i.test(t)) return 0;
  const ws = words(t);
  if (ws.length === 0 || ws.length > 8) return 0;
  if (isNameWithPostNominals(t)) return 0;
  // a job title names a role, never the reader or the firm as "you" / "we": a pronoun makes it a slogan
  if (ws.some((w) => PRONOUNS.has(w)) || /[!?]$/.test(t)) return 0;
  let role = 0;
  let dept = 0;
  for (const w of ws) {
    const parts = [w, ...w.split('-')];
    if (parts.some(isRoleWord)) role++;
    else if (DEPARTMENT_WORDS.has(w)) dept++;
  }
  if (role === 0) return 0;
  let s = 0.6 + Math.min(0.4, (role / ws.length) * 0.6);
  if (legalFormScore(t) >= 1) s -= 0.6;
  if (ws.some((w) => COMPANY_WORDS.has(w) && !TITLE_WORDS.has(w))) s -= 0.3;
  return Math.max(0, Math.min(1, s));
}

/** "Lindqvist, CPA", "J. Okafor, MBA": post-nominals after a comma follow a name, and make no title. */
function isNameWithPostNominals(text: string): boolean {
  const [head = '', ...tail] = text.split(',');
  if (tail.length === 0 || !tail.every((p) => words(p).length > 0 && words(p).every((w) => NAME_SUFFIXES.has(w)))) return false;
  return !words(head).some((w) => TITLE_WORDS.has(w));
}

export function departmentScore(text: string): number {
  const ws = words(text);
  if (ws.length === 0) return 0;
  const d = ws.filter((w) => DEPARTMENT_WORDS.has(w) || ['sales', 'marketing', 'engineering', 'operations', 'finance', 'purchasing', 'procurement', 'support', 'development', 'accounts', 'strategic', 'vertrieb', 'einkauf', 'ventes', 'achats'].includes(w)).length;
  return d / ws.length;
}

/** Logo initials: one short capital token ("AQ", "KI"). */
export function isLogoInitials(text: string): boolean {
  return /^[\p{Lu}&]{1,4}$/u.test(text.trim());
}

export function companyWordScore(text: string): number {
  return words(text).some((w) => COMPANY_WORDS.has(w)) ? 1 : 0;
}
