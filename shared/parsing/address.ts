/**
 * Postal addresses: find the line with the postcode and city (US, CA, UK, IE, DE, FR, AU, NL,
 * ES, IT, CH, IN, SG, BR shapes, one line or several), then the street line(s) above it and a
 * printed country.
 */
import type { Segment } from './text';
import { isAllCaps, naturalCase } from './text';
import { editDistance } from './string-distance';
import { ACCENTED_COUNTRY_NAMES, COUNTRY_NAMES, REGIONS, STREET_WORDS, fold } from './vocabulary';

export interface Piece {
  value: string;
  seg: Segment;
  /** char span in seg.text */
  a: number;
  b: number;
}

export interface AddressResult {
  street: Piece | null;
  city: Piece | null;
  region: Piece | null;
  postalCode: Piece | null;
  country: Piece | null;
  /** ISO country the address shape or printed country points to */
  countryCode: string | undefined;
  /** segments (by index) that belong to the address */
  used: Set<number>;
  certainty: number;
}

interface CityMatch {
  city: string;
  region: string;
  postalCode: string;
  countryCode: string | undefined;
  /** offsets of each value in the matched text ('' → -1) */
  specificity: number;
}

const alt = (xs: string[]): string =>
  [...xs].sort((a, b) => b.length - a.length).map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');

const US_REG = alt([...REGIONS.US!.codes, ...REGIONS.US!.names]);
const CA_REG = alt([...REGIONS.CA!.codes, ...REGIONS.CA!.names]);
const AU_REG = alt([...REGIONS.AU!.codes, ...REGIONS.AU!.names]);
const IN_REG = alt(REGIONS.IN!.names);
const BR_REG = alt(REGIONS.BR!.codes);
const IT_CODES = new Set(REGIONS.IT!.codes);

const CITY = "[\\p{L}][\\p{L}\\p{M} .'’\\-]*?";
const UK_PC = '[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}';
const CA_PC = '[A-Z][0-9][A-Z] ?[0-9][A-Z][0-9]';
/** A Canadian postcode after a province, digits possibly read as look-alike letters ("MSH 1J9"). */
const CA_PC_OCR = '[A-Z][0-9OSIBZG][A-Z)|] ?[0-9OSIBZG][A-Z)|][0-9OSIBZG]';
/**
 * An Eircode with digits read as look-alike letters ("DO8 F8RF", "DOB VY62", "H91 PSTN"): O, B, S, I, Z
 * and G are not in the Eircode alphabet (A C D E F H K N P R T V W X Y and digits), so after its first
 * letter they can only be digits; two digits read as such keep a line of words from passing for one.
 */
const IE_PC = '(?=(?:\\D*\\d){2})[AC-FHKNPRTV-Y][0-9OBSIZG]{2}[0-9W]? ?[AC-FHKNPRTV-Y0-9OBSIZG]{4}';

interface Shape {
  re: RegExp;
  country: string | undefined;
  specificity: number;
}

const SHAPES: Shape[] = [
  // Springfield, IL 62701 / New York, New York 10001-1234
  { re: new RegExp(`^(?<city>${CITY}),?\\s+(?<region>${US_REG})\\.?,?\\s+(?<pc>\\d{5}(?:-\\d{4})?)$`, 'u'), country: 'US', specificity: 3 },
  // Toronto, ON M5H 1J9
  { re: new RegExp(`^(?<city>${CITY}),?\\s+(?<region>${CA_REG}),?\\s+(?<pc>${CA_PC_OCR})$`, 'u'), country: 'CA', specificity: 3 },
  // Perth WA 6000 / Sydney NSW 2000
  { re: new RegExp(`^(?<city>${CITY}),?\\s+(?<region>${AU_REG}),?\\s+(?<pc>\\d{4})$`, 'u'), country: 'AU', specificity: 3 },
  // Bengaluru, Karnataka 560001 / Mumbai, Maharashtra - 400 001
  { re: new RegExp(`^(?<city>${CITY}),?\\s+(?<region>${IN_REG})\\s*[-–,]?\\s*(?<pc>\\d{3} ?\\d{3})$`, 'u'), country: 'IN', specificity: 3 },
  // Gurugram 122015, Haryana: the PIN code after the city and the state last
  { re: new RegExp(`^(?<city>${CITY}),?\\s+(?<pc>\\d{3} ?\\d{3}),\\s*(?<region>${IN_REG})$`, 'u'), country: 'IN', specificity: 3 },
  // London W1T 3JH
  { re: new RegExp(`^(?<city>${CITY}),?\\s+(?<pc>${UK_PC})$`, 'u'), country: 'GB', specificity: 2 },
  // Dublin 2, D02 X285 / Cork T12 AB34
  { re: new RegExp(`^(?<city>${CITY}(?: \\d{1,2}[wW]?)?),?\\s+(?<pc>${IE_PC})$`, 'u'), country: 'IE', specificity: 2 },
  // Singapore 018956
  { re: /^(?<city>Singapore|SINGAPORE),?\s+(?<pc>\d{6})$/u, country: 'SG', specificity: 3 },
  // São Paulo - SP, 01310-100 / São Paulo/SP 01310-100 / CEP 01310-100 São Paulo - SP
  { re: new RegExp(`^(?<city>${CITY})\\s*[-–/]\\s*(?<region>${BR_REG})(?:,?\\s+|\\s*[-–,]\\s*)(?:CEP:?\\s*)?(?<pc>\\d{5}[-.]?\\d{3})$`, 'u'), country: 'BR', specificity: 3 },
  { re: new RegExp(`^(?:CEP:?\\s*)?(?<pc>\\d{5}-\\d{3}),?\\s+(?<city>${CITY})(?:\\s*[-–/]\\s*(?<region>${BR_REG}))?$`, 'u'), country: 'BR', specificity: 3 },
  // Mumbai 400001 / Mumbai - 400 001
  { re: new RegExp(`^(?<city>${CITY})\\s*[-–]?\\s*(?<pc>\\d{3} \\d{3}|\\d{6})$`, 'u'), country: 'IN', specificity: 1 },
  // 1012 AB Amsterdam
  { re: new RegExp(`^(?:NL-?\\s?)?(?<pc>\\d{4} ?[A-Z]{2})\\s+(?<city>${CITY})$`, 'u'), country: 'NL', specificity: 2 },
  // 10115 Berlin / D-10115 Berlin / 75002 Paris / 20121 Milano (MI) / 8001 Zürich / CH-8001 Zürich
  // (an Italian province's closing bracket is small and last on the line: the OCR often loses it, "00170 Roma (RM")
  {
    re: new RegExp(`^(?:(?<cc>[A-Z]{1,3})\\s?-\\s?)?(?<pc>\\d{4,5})\\s+(?<city>${CITY})(?:\\s*\\((?<region>[\\p{L} ]{2,})\\)?|\\s+(?<region2>[A-Z]{2}))?(?:\\s+cedex(?:\\s+\\d+)?)?$`, 'iu'),
    country: undefined,
    specificity: 2,
  },
];

const CC_PREFIX: Record<string, string> = { D: 'DE', F: 'FR', CH: 'CH', A: 'AT', I: 'IT', E: 'ES', B: 'BE', L: 'LU', NL: 'NL' };

/** Try every address shape on one piece of text ("Chicago, IL 60606"). */
export function matchCityLine(text: string): CityMatch | null {
  const t = text.trim().replace(/[.,;]+$/, '');
  for (const s of SHAPES) {
    const m = s.re.exec(t);
    if (!m?.groups) continue;
    const g = m.groups;
    // "Winnipeg. MB": a full stop the OCR read for the comma after the city
    let city = (g.city ?? '').trim().replace(/[,.\-–]+$/, '').trim();
    let region = (g.region ?? '').trim();
    const pc = (g.pc ?? '').trim();
    let country = s.country;
    if (g.region2) {
      if (IT_CODES.has(g.region2)) {
        region = g.region2;
        country = 'IT';
      } else city = `${city} ${g.region2}`;
    }
    if (!city || /\d{3,}/.test(city)) continue;
    const cityWords = fold(city).split(/\s+/);
    if (cityWords.length > 5) continue;
    if (cityWords.some((w) => STREET_WORDS.has(w) && w.length > 3 && !['park', 'hill', 'house'].includes(w))) continue;
    if (!country && g.cc) country = CC_PREFIX[g.cc.toUpperCase()];
    if (!country) country = pc.length === 4 ? 'CH' : undefined;
    return { city, region, postalCode: pc, countryCode: country, specificity: s.specificity };
  }
  return null;
}

export function countryOf(text: string): string | undefined {
  const f = countryKey(text);
  return COUNTRY_NAMES[f] ?? COUNTRY_NAMES[f.replace(/\./g, '')] ?? COUNTRY_NAMES[nearestCountryName(f) ?? ''];
}

function countryKey(text: string): string {
  return fold(text.trim().replace(/[.,;]+$/, '')).replace(/\s+/g, ' ');
}

const FOLDED_COUNTRY_NAMES = [...new Set(Object.keys(COUNTRY_NAMES).map((k) => fold(k)))].filter((k) => k.length >= 6);

/**
 * A country name with one OCR slip, or an accent read as two letters ("Espaiia" for "España",
 * "Osterreich"): one edit away from exactly one known name of 6+ letters.
 */
function nearestCountryName(key: string): string | null {
  if (key.length < 6 || /\d/.test(key)) return null;
  const variants = [key, key.replace(/ii/g, 'n'), key.replace(/ii/g, 'u')];
  const hits = new Set<string>();
  for (const v of variants) for (const name of FOLDED_COUNTRY_NAMES) if (Math.abs(name.length - v.length) <= 1 && editDistance(v, name) <= (v === key ? 1 : 0)) hits.add(name);
  return hits.size === 1 ? [...hits][0]! : null;
}

/** The country as printed, its accents given back where the OCR dropped them ("Espaiia" → "España"). */
function printedCountry(text: string): string {
  const value = text.trim().replace(/[.,;]+$/, '');
  const key = countryKey(value);
  const known = COUNTRY_NAMES[key] !== undefined ? key : nearestCountryName(key);
  if (!known) return value;
  const accented = ACCENTED_COUNTRY_NAMES[known];
  if (accented) return isAllCaps(value) ? accented.toUpperCase() : accented;
  if (known === key) return value;
  // one OCR slip repaired: the known name in the printed case
  const titled = known.replace(/(^|\s)(\p{L})/gu, (_m, space: string, ch: string) => space + ch.toUpperCase());
  return isAllCaps(value) ? titled.toUpperCase() : titled;
}

/** A line that looks like a street: number + words, or a street word. */
function isStreetLike(printed: string): boolean {
  // "46¢": a house-number letter c read as a cent sign
  const text = printed.replace(/(\d)¢/gu, '$1c');
  if (/@|www\.|https?:/i.test(text)) return false;
  const words = fold(text).split(/[\s,]+/).map((w) => w.replace(/\.$/, ''));
  const hasWord = words.some((w) => STREET_WORDS.has(w)) || /(strasse|straße|str\.|weg|platz|allee|gasse|ring|damm|laan|straat|gracht|plein|kade|vej|gatan|veien)\b/i.test(fold(text));
  const hasNum = /\d/.test(text);
  const hasLetters = /\p{L}{2,}/u.test(text);
  // a telephone number (7+ digits in one run) is not a street
  const runs = text.match(/\d[\d\s.\-()/]*\d/g) ?? [];
  if (runs.some((r) => r.replace(/\D/g, '').length >= 7)) return false;
  return hasLetters && (hasWord || (hasNum && /^\s*\d{1,5}[a-z]?\b|\b\d{1,5}[a-z]?\s*$/i.test(text)));
}

interface Part {
  text: string;
  a: number;
  b: number;
}

function commaParts(text: string): Part[] {
  const out: Part[] = [];
  const re = /[^,]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const lead = m[0].length - m[0].trimStart().length;
    const t = m[0].trim();
    if (t) out.push({ text: t, a: m.index + lead, b: m.index + lead + t.length });
  }
  return out;
}

/**
 * A map-pin icon read as a glyph in front of the street: a digit before the house number or a
 * capitalised street name that ends in one ("9 166 bis quai…", "9 Lindenstr. 12", "Q Ahornweg 3"), a
 * lone letter or symbol before the house number ("Q 2195 Main Street").
 */
export function cleanStreet(v: string): string {
  // "2°" in a street is the ordinal of a floor ("2º", Spanish, Italian, Portuguese): the OCR reads both alike
  // "Plot No, 229": the full stop of the number sign ("No.", "Nº.") read as a comma, as the OCR often does
  const t = v.trim().replace(/(\d)¢/gu, '$1c').replace(/(\d)°/gu, '$1º').replace(/\b(No|Nº),(?=\s*\d)/gu, '$1.');
  const m = /^(\S)\s+(.+)$/u.exec(t);
  if (!m?.[1] || !m[2]) return t;
  const rest = m[2];
  // "Q Level 9, …", "9 Unit 13, …": a glyph before a floor or unit word (no house number stands there)
  if (UNIT_WORD.test(rest)) return rest;
  if (/^\d/.test(rest) && !/^\d{1,4}(st|nd|rd|th)\b/i.test(rest)) return rest;
  if (/\s\d{1,4}[a-z]?$/i.test(rest) && /^\p{Lu}/u.test(rest)) return rest;
  return t;
}

/** Words that open the part of an address inside a building. */
const UNIT_WORD = /^(level|unit|suite|ste\.?|floor|fl\.?|building|bldg\.?|block|tower|apt\.?|apartment|room|#)(\s|\d|$)/i;

const place = (s: string): string => (isAllCaps(s) ? naturalCase(s, 'place') : s);

const DIGIT_LOOKALIKE: Record<string, string> = { O: '0', S: '5', I: '1', B: '8', Z: '2', G: '6' };
/** Glyphs the OCR reads for a capital in a narrow font: "B3) 2K9" is B3J 2K9. */
const LETTER_LOOKALIKE: Record<string, string> = { ')': 'J', '|': 'I' };

/**
 * A postcode as it must be printed where its format is certain: UK, Irish and Canadian codes
 * get the space the OCR dropped ("BS15TR" → "BS1 5TR": the UK inward code is always digit + two
 * letters; "M5H1J9" → "M5H 1J9"), and Canadian digit and letter positions their characters back
 * ("MSH" → "M5H", "B3)" → "B3J").
 */
export function normalisePostcode(pc: string, country: string | undefined): string {
  if (country === 'GB' && !/\s/.test(pc)) return pc.replace(/(\d[A-Z]{2})$/, ' $1');
  if (country === 'IE') {
    // letters outside the Eircode alphabet after its first letter are digits read as look-alikes ("DO8" → "D08")
    const fixed = pc.slice(0, 1) + [...pc.slice(1)].map((ch) => DIGIT_LOOKALIKE[ch] ?? ch).join('');
    return !/\s/.test(fixed) && fixed.length === 7 ? `${fixed.slice(0, 3)} ${fixed.slice(3)}` : fixed;
  }
  // a CEP is always printed 5 digits, hyphen, 3 digits: a dot there is the OCR's reading of the hyphen
  if (country === 'BR') return pc.replace(/^(\d{5})[.]?(\d{3})$/, '$1-$2');
  if (country === 'CA') {
    const c = pc.replace(/\s/g, '');
    const fixed = [...c].map((ch, i) => (i % 2 === 1 ? (DIGIT_LOOKALIKE[ch] ?? ch) : (LETTER_LOOKALIKE[ch] ?? ch))).join('');
    return `${fixed.slice(0, 3)} ${fixed.slice(3)}`;
  }
  return pc;
}

/** Read the address among the segments not yet used by other fields. */
export function parseAddress(segs: Segment[], free: (s: Segment) => boolean): AddressResult {
  const res: AddressResult = {
    street: null, city: null, region: null, postalCode: null, country: null, countryCode: undefined, used: new Set(),
    certainty: 0,
  };
  interface Cand {
    seg: Segment;
    m: CityMatch;
    parts: Part[];
    k: number;
    last: number;
    countryPart: Part | null;
    score: number;
  }
  let best: Cand | null = null;
  for (const seg of segs) {
    if (!free(seg)) continue;
    const parts = commaParts(seg.text);
    if (parts.length === 0) continue;
    let last = parts.length - 1;
    let countryPart: Part | null = null;
    const lp = parts[last];
    if (lp && countryOf(lp.text) && parts.length > 1) {
      countryPart = lp;
      last--;
    }
    for (let k = last; k >= Math.max(0, last - 2); k--) {
      const first = parts[k];
      const lastPart = parts[last];
      if (!first || !lastPart) continue;
      const tail = seg.text.slice(first.a, lastPart.b);
      const m = matchCityLine(tail);
      if (!m) continue;
      const score = m.specificity + (countryPart ? 1 : 0) + (k > 0 ? 0.5 : 0) + seg.confidence - (last - k) * 0.1;
      if (!best || score > best.score) best = { seg, m, parts, k, last, countryPart, score };
      if (m.specificity >= 2) break;
    }
  }
  if (best) {
    const { seg, m, parts, k, countryPart } = best;
    res.used.add(seg.index);
    const find = (v: string, from: number): Piece => {
      const at = seg.text.indexOf(v, from);
      const a = at >= 0 ? at : from;
      return { value: v, seg, a, b: a + v.length };
    };
    const from = parts[k]?.a ?? 0;
    res.city = { ...find(m.city, from), value: place(m.city) };
    if (m.region) res.region = find(m.region, from);
    res.postalCode = { ...find(m.postalCode, from), value: normalisePostcode(m.postalCode, m.countryCode) };
    res.countryCode = m.countryCode;
    res.certainty = m.specificity >= 3 ? 0.95 : m.specificity === 2 ? 0.85 : 0.6;
    if (countryPart) {
      res.country = { value: printedCountry(countryPart.text), seg, a: countryPart.a, b: countryPart.b };
      res.countryCode = countryOf(countryPart.text) ?? res.countryCode;
    }
    if (k > 0) {
      const end = parts[k - 1]?.b ?? 0;
      const street = seg.text.slice(0, end).trim();
      if (street) res.street = { value: cleanStreet(street), seg, a: 0, b: end };
    } else {
      res.street = streetAbove(segs, seg, free, res.used);
    }
  } else {
    // postcode alone (UK "M4 5JD", CA "M5H 1J9") with the city on the line above
    for (const seg of segs) {
      if (!free(seg)) continue;
      const t = seg.text.trim();
      const pcOnly = new RegExp(`^(${UK_PC}|${CA_PC})$`).exec(t);
      if (!pcOnly) continue;
      const above = neighbourAbove(segs, seg, free);
      if (!above || /\d/.test(above.text) || above.text.split(/\s+/).length > 3) continue;
      res.used.add(seg.index);
      res.used.add(above.index);
      res.countryCode = /^[A-Z]\d[A-Z]/.test(t) ? 'CA' : 'GB';
      res.postalCode = { value: normalisePostcode(t, res.countryCode), seg, a: 0, b: t.length };
      res.city = { value: place(above.text.replace(/,$/, '')), seg: above, a: 0, b: above.text.length };
      res.certainty = 0.7;
      res.street = streetAbove(segs, above, free, res.used);
      break;
    }
  }
  // a country on its own line (near the address, or anywhere when there is no address)
  if (!res.country) {
    for (const seg of segs) {
      if (!free(seg) || res.used.has(seg.index)) continue;
      const regionLine = !res.region ? regionAndCountry(seg.text) : null;
      if (regionLine) {
        const at = seg.text.lastIndexOf(regionLine.country);
        res.region = { value: regionLine.region, seg, a: 0, b: regionLine.region.length };
        res.country = { value: regionLine.country, seg, a: at, b: at + regionLine.country.length };
        res.countryCode = countryOf(regionLine.country);
        res.used.add(seg.index);
        break;
      }
      const cc = countryOf(seg.text);
      if (!cc) continue;
      res.country = { value: printedCountry(seg.text), seg, a: 0, b: seg.text.length };
      res.countryCode = cc;
      res.used.add(seg.index);
      break;
    }
  }
  return res;
}

/** "Karnataka, India" / "Ontario, Canada": a region of the printed country, then the country, on a line of their own. */
function regionAndCountry(text: string): { region: string; country: string } | null {
  const parts = text.trim().replace(/[.;]+$/, '').split(/\s*,\s*/);
  if (parts.length !== 2) return null;
  const [region = '', country = ''] = parts;
  const cc = countryOf(country);
  const known = cc ? REGIONS[cc] : undefined;
  if (!known) return null;
  const f = fold(region);
  const isRegion = known.codes.includes(region) || known.names.some((n) => fold(n) === f);
  return isRegion ? { region, country } : null;
}

/** The nearest free segment just above `seg` in the same column. */
function neighbourAbove(segs: Segment[], seg: Segment, free: (s: Segment) => boolean, used?: Set<number>): Segment | null {
  let best: Segment | null = null;
  let bestGap = Infinity;
  const h = Math.max(seg.height, seg.box.y1 - seg.box.y0);
  for (const s of segs) {
    if (s === seg || !free(s) || used?.has(s.index)) continue;
    const gap = seg.box.y0 - s.box.y1;
    if (gap < -0.5 * h || gap > 2.2 * h) continue;
    if (s.box.y0 >= seg.box.y0) continue;
    // same column: overlapping horizontally, aligned left, right or centre
    const overlap = Math.min(s.box.x1, seg.box.x1) - Math.max(s.box.x0, seg.box.x0);
    if (overlap <= 0) continue;
    if (gap < bestGap) {
      bestGap = gap;
      best = s;
    }
  }
  return best;
}

function streetAbove(segs: Segment[], seg: Segment, free: (s: Segment) => boolean, used: Set<number>): Piece | null {
  const above = neighbourAbove(segs, seg, free, used);
  if (!above || !isStreetLike(above.text) || countryOf(above.text)) return null;
  used.add(above.index);
  let value = above.text.trim();
  let box = above;
  // "Suite 500" / "Floor 3" on its own line under the street line
  if (/^(suite|ste\.?|unit|floor|fl\.?|level|apt\.?|#|building|bldg\.?|c\/o|po box|p\.o\. box)\b/i.test(value)) {
    const up = neighbourAbove(segs, above, free, used);
    if (up && isStreetLike(up.text)) {
      used.add(up.index);
      value = `${up.text.trim()}, ${value}`;
      box = up;
    }
  }
  return { value: cleanStreet(value.replace(/,$/, '')), seg: box, a: 0, b: box.text.length };
}
