/**
 * Telephone numbers on a card: find them in a line, read their label (in several languages),
 * parse them with libphonenumber-js and tell landline, direct, mobile and fax apart.
 */
import { parsePhoneNumberFromString, type CountryCode, type PhoneNumber } from 'libphonenumber-js/max';
import { fixDigits } from './text';
import { PHONE_LABELS, type PhoneKind, fold } from './vocabulary';

export interface PhoneHit {
  /** the number as printed, without its label */
  value: string;
  e164: string | undefined;
  /** from the label; null when unlabeled */
  kind: PhoneKind | null;
  /** a label of another kind of contact was printed (e-mail, web): not a phone */
  start: number;
  end: number;
  /** the number parses as a valid number (true) or only as a possible one */
  valid: boolean;
  mobileLike: boolean;
  /** libphonenumber says it is a landline (FIXED_LINE): never a mobile */
  fixedLine: boolean;
  /** the country it was parsed for */
  country: string | undefined;
  /** printed with +CC or 00CC */
  international: boolean;
}

/** Mobile prefixes of the national significant number, per country (used when the metadata can't tell). */
const MOBILE_PREFIX: Partial<Record<string, RegExp>> = {
  GB: /^7[1-57-9]/, FR: /^[67]/, DE: /^1[5-7]/, AU: /^4/, NL: /^6/, ES: /^[67]/, IT: /^3/, CH: /^7[5-9]/,
  IE: /^8[3-9]/, IN: /^[6-9]\d{9}$/, SG: /^[89]/, BR: /^\d{2}9\d{8}$/, AT: /^6/, BE: /^4/, PT: /^9/, NZ: /^2/,
  SE: /^7/, DK: /^[2-3]/, PL: /^[5-8]/, LU: /^6/,
};

function digitsOf(s: string): string {
  return s.replace(/\(0\)/g, '').replace(/\D/g, '');
}

function isMobile(p: PhoneNumber): boolean {
  const t = p.isValid() ? p.getType() : undefined;
  if (t === 'MOBILE') return true;
  if (t && t !== 'FIXED_LINE_OR_MOBILE') return false;
  const re = p.country ? MOBILE_PREFIX[p.country] : undefined;
  return re ? re.test(p.nationalNumber) : false;
}

interface Parsed {
  p: PhoneNumber;
  valid: boolean;
}

/** Parse a printed number, trying the likely countries in order. */
export function parsePrinted(printed: string, countries: readonly string[]): Parsed | null {
  const s = printed.replace(/^00(?=[1-9])/, '+').replace(/\(0\)/g, ' ');
  if (/^\+/.test(s)) {
    const p = parsePhoneNumberFromString(s);
    if (!p) return null;
    return { p, valid: p.isValid() };
  }
  let possible: Parsed | null = null;
  for (const c of countries) {
    const p = parsePhoneNumberFromString(s, c as CountryCode);
    if (!p) continue;
    if (p.isValid()) return { p, valid: true };
    if (!possible && p.isPossible()) possible = { p, valid: false };
  }
  return possible;
}

/** Read the label just before a number: "Tel.", "M |", "Fax:", "Direct line". */
export function labelKind(before: string): { kind: PhoneKind | null; other: boolean } {
  const toks = before
    .replace(/[|:·•()[\]]/g, ' ')
    .split(/\s+/)
    .map((t) => fold(t).replace(/[.:]+$/, ''))
    .filter((t) => t !== '' && !/^[-–—/\\]+$/.test(t));
  if (toks.length === 0) return { kind: null, other: false };
  const last = toks[toks.length - 1] ?? '';
  const two = toks.slice(-2).join(' ');
  const hit = PHONE_LABELS[two] ?? PHONE_LABELS[last] ?? PHONE_LABELS[last.replace(/-/g, '')];
  if (hit) return { kind: hit, other: false };
  // glued: "Tel.+49" is split by the regex; "Mobile:" handled; "e-mail" etc. means not a phone
  if (/^(e-?mail|mail|email|web|www|site|url)$/.test(last)) return { kind: null, other: true };
  return { kind: null, other: false };
}

/** No number has more digits than this (E.164's limit). */
const MOST_DIGITS = 15;

/**
 * A run of digits too long for one number is two numbers printed side by side with no separator the
 * OCR kept ("902-5550122 (0) 343-5550100": an icon between two columns read as "(0)"): split it after
 * the shortest first part that is a valid number on its own, at a space (a longer one would take in
 * the start of the second), and the second part where it is a valid number of the same country. Otherwise the run is kept whole.
 */
function twoSideBySide(text: string, a: number, b: number, countries: readonly string[]): { a: number; b: number }[] {
  if (digitsOf(text.slice(a, b)).length <= MOST_DIGITS) return [{ a, b }];
  for (let cut = a + 1; cut < b; cut++) {
    if (text[cut] !== ' ') continue;
    const first = text.slice(a, cut).trim();
    const digits = digitsOf(first).length;
    const parsed = digits >= 7 && digits <= MOST_DIGITS ? parsePrinted(first, countries) : null;
    if (!parsed?.valid) continue;
    let rest = cut + 1;
    while (rest < b && text[rest] === ' ') rest++;
    const head = { a, b: a + text.slice(a, cut).trimEnd().length };
    // the second only where it is a valid number of the same country too: the rest of a misread run
    // is no number to file (two numbers printed side by side share their country)
    const second = parsePrinted(text.slice(rest, b).trim(), countries);
    return second?.valid && second.p.country === parsed.p.country ? [head, { a: rest, b }] : [head];
  }
  return [{ a, b }];
}

const SPAN_RE = /(?:\+|\b00)?\s?\(?\+?\d[\d \t().\-/]*\d\)?/g;

/**
 * Every telephone number in a text. `countries` are the likely countries, best first; `home` is the
 * country the card itself shows (its address, an international number, its domain), if any.
 * The text is a segment of a contact line, e.g. "Tel. +49 30 2557353-6 / Mob. +49 172 75053658".
 */
export function findPhones(text: string, countries: readonly string[], home?: string): PhoneHit[] {
  const fixed = fixDigits(text);
  const spans: { a: number; b: number }[] = [];
  SPAN_RE.lastIndex = 0;
  for (let m = SPAN_RE.exec(fixed); m; m = SPAN_RE.exec(fixed)) {
    let a = m.index;
    let b = m.index + m[0].length;
    while (a < b && /\s/.test(fixed[a] ?? '')) a++;
    // unbalanced ")" at the end
    const raw = fixed.slice(a, b);
    if (raw.endsWith(')') && (raw.match(/\(/g) ?? []).length < (raw.match(/\)/g) ?? []).length) b--;
    // split "A / B" and "A/B" when both sides are full numbers
    const piece = fixed.slice(a, b);
    // two numbers on one line: "A / B", "A - B", "A · B" (a separator with spaces around it)
    const parts = piece.split(/\s*\/\s*|\s+[-–—]\s+/);
    if (parts.length > 1 && parts.every((p) => digitsOf(p).length >= 7)) {
      let pos = a;
      for (const p of parts) {
        const at = fixed.indexOf(p, pos);
        spans.push({ a: at, b: at + p.length });
        pos = at + p.length;
      }
    } else spans.push(...twoSideBySide(fixed, a, b, countries));
  }
  const out: PhoneHit[] = [];
  let prevEnd = 0;
  for (const { a, b } of spans) {
    let value = fixed.slice(a, b).trim();
    let start = a;
    const nd = digitsOf(value).length;
    if (nd < 7 || nd > MOST_DIGITS) {
      prevEnd = b;
      continue;
    }
    let parsed = parsePrinted(value, countries);
    // a stray leading digit or two (an OCR'd icon, a label "o" read as 0 and glued: "00711 …"):
    // drop it when the rest is a valid number and the whole is not, or the whole is valid only
    // for another country than the card's
    if (!parsed?.valid || (home && parsed.p.country !== home && !/^(\+|00)/.test(value))) {
      const m = /^(\d{1,2})\s+(?=[+(\d])/.exec(value) ?? /^\d(?=[\d(+])/.exec(value);
      if (m) {
        const rest = value.slice(m[0].length);
        const p2 = parsePrinted(rest, countries);
        if (p2?.valid && (!parsed?.valid || p2.p.country === home)) {
          value = rest;
          start = a + m[0].length;
          parsed = p2;
        }
      }
    }
    if (!parsed) {
      prevEnd = b;
      continue;
    }
    const before = text.slice(prevEnd, start);
    const after = text.slice(b, b + 12);
    let { kind, other } = labelKind(before);
    if (!kind) {
      const m = /^\s*\(([A-Za-zé. ]{1,10})\)/.exec(after);
      if (m?.[1]) kind = labelKind(m[1]).kind;
    }
    // an extension printed after the number belongs to it ("x123", "ext. 555", "Durchwahl 12"; "ent. 555":
    // the x of a small "ext." read as n, written as the label it is)
    const ext = /^\s*,?\s*(?:x|ext\.?|extn\.?|extension|poste|ramal|interno|int\.|toestel|(ent\.?))\s*\d{1,5}\b/i.exec(text.slice(b));
    let end = b;
    if (ext) {
      end = b + ext[0].length;
      value = `${value}${(ext[1] ? ext[0].replace(ext[1], 'ext.') : ext[0]).replace(/^\s*,?\s*/, ' ')}`;
    }
    prevEnd = end;
    if (other) continue;
    out.push({
      value,
      e164: parsed.p.number,
      kind,
      start,
      end,
      valid: parsed.valid,
      mobileLike: isMobile(parsed.p),
      fixedLine: parsed.valid && parsed.p.getType() === 'FIXED_LINE',
      country: parsed.p.country,
      international: /^(\+|00)/.test(value),
    });
  }
  return out;
}

