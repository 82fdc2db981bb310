/**
 * The business-card parser: OCR lines (text, boxes, confidences) → the 15 card fields, each
 * with a confidence and the box it was read from. Pure TypeScript (no Node, no DOM).
 *
 * Reading order of the work:
 *   1. cut lines into segments (columns, `|` / `•` separators), drop noise;
 *   2. set aside legal lines (VAT, HRB, "Registered in…"), social and QR lines;
 *   3. e-mails and websites (OCR slips repaired);
 *   4. the postal address (postcode shapes per country), which also hints the phone country;
 *   5. telephone numbers with their labels → phone / mobile / fax;
 *   6. among what is left: the name (shape, type size, agreement with the e-mail), the title
 *      (role vocabulary, next to the name), the company (legal form, agreement with the domain,
 *      type size), skipping logo initials, taglines and departments.
 */
import { CARD_FIELDS, emptyParsedCard, type CardField, type ParsedCard } from './card-fields';
import type { OcrBox, OcrPage } from './ocr-types';
import { countryOf, parseAddress, type AddressResult, type Piece } from './address';
import {
  companySpellingOfDomain, companyWordScore, departmentScore, domainAgreement, isLogoInitials, legalFormScore, taglineScore, titleScore,
} from './company';
import { cleanNameText, emailAgreement, isChineseName, nameShape, splitName, type NameParts } from './names';
import { stripLogoPrefix } from './logo';
import { repairTitleText } from './title-repair';
import { findPhones, type PhoneHit } from './phone';
import { isAllCaps, naturalCase, segmentPage, spanBox, spanConfidence, unionBox, type Segment } from './text';
import {
  EMAIL_LABELS, LEGAL_FORMS, LEGAL_LINE, LEGAL_STRONG, PHONE_LABELS, QR_LINE, SOCIAL_WORDS, TLDS, TLD_COUNTRY, WEB_LABELS, fold,
} from './vocabulary';
import { domainStem, findEmails, findWebsites, isSocialUrl, reconcileDomains } from './web';

/** Countries tried, in this order, for a number printed without +CC when nothing on the card says better. */
const FALLBACK_COUNTRIES = ['US', 'GB', 'DE', 'FR', 'AU', 'CA', 'NL', 'ES', 'IT', 'CH', 'IE', 'IN', 'SG', 'BR', 'AT', 'BE'];

type Use = 'noise' | 'legal' | 'social' | 'email' | 'web' | 'phone' | 'address' | 'name' | 'title' | 'company' | 'logo';

const clamp = (x: number): number => Math.max(0, Math.min(1, x));
const round = (x: number): number => Math.round(clamp(x) * 100) / 100;

function isLabelOnly(text: string): boolean {
  const k = fold(text).replace(/[:.|]+$/g, '').trim();
  return k !== '' && (PHONE_LABELS[k] !== undefined || EMAIL_LABELS.has(k) || WEB_LABELS.has(k));
}

/**
 * A country calling code closing a segment ("M, +34" | "679 419 044"): no number on its own, the start of
 * the next one, which a wide gap the OCR left after it set apart as another column.
 */
function endsInCallingCode(text: string, next: string): boolean {
  return /(?:^|[\s:|,.])\(?\+\d{1,3}\)?$/.test(text.trim()) && /^\(?\d/.test(next.trim());
}

/** Merge "Tel" + "+1 555…" when the OCR or a `|` split a label (or a calling code) from its value. */
function mergeLabels(segs: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (let i = 0; i < segs.length; i++) {
    const s = segs[i];
    if (!s) continue;
    const n = segs[i + 1];
    if (n && n.line === s.line && (isLabelOnly(s.text) || endsInCallingCode(s.text, n.text))) {
      const text = `${s.text} ${n.text}`;
      const offsets = [...s.offsets, ...n.offsets.map((o) => o + s.text.length + 1)];
      const box = unionBox([s.box, n.box]) ?? s.box;
      out.push({ ...n, text, words: [...s.words, ...n.words], offsets, box, confidence: (s.confidence + n.confidence * 3) / 4, height: n.height });
      i++;
    } else out.push(s);
  }
  return out.map((s, index) => ({ ...s, index }));
}

function isNoise(s: Segment): boolean {
  const alnum = s.text.replace(/[^\p{L}\p{N}@]/gu, '');
  if (alnum.length === 0) return true;
  if (alnum.length === 1 && !/^\p{Lu}$/u.test(alnum)) return true;
  // QR-code / graphics garbage: low confidence and few real words
  const realWords = s.text.split(/\s+/).filter((w) => /^[\p{L}][\p{L}'’.\-]{1,}[,.]?$/u.test(w) || /\d{2,}/.test(w) || /@|\./.test(w));
  if (s.confidence < 0.45 && realWords.length <= s.text.split(/\s+/).length / 3) return true;
  return false;
}

interface Found {
  value: string;
  seg: Segment;
  a: number;
  b: number;
  certainty: number;
}

/** What the steps of parseCard share: the page, its segments, what each segment is used for, the card being filled. */
class CardReading {
  readonly card: ParsedCard = emptyParsedCard();
  readonly use = new Map<number, Use>();

  constructor(
    readonly page: OcrPage,
    readonly segs: Segment[],
  ) {}

  /** Not yet taken by a field or set aside. */
  readonly free = (s: Segment): boolean => !this.use.has(s.index);

  readonly set = (field: CardField, value: string, box: OcrBox | null, conf: number, e164?: string): void => {
    if (!value) return;
    this.card[field] = { value, confidence: round(conf), box };
    if (e164) this.card[field].e164 = e164;
  };

  readonly setFrom = (field: CardField, f: Found | Piece, certainty: number, e164?: string): void => {
    const conf = spanConfidence(f.seg, f.a, f.b) * certainty;
    this.set(field, f.value, spanBox(f.seg, f.a, f.b), conf, e164);
  };
}

/** The e-mails and websites found, the chosen ones, and the registrable names of their domains. */
interface WebFindings {
  emails: Found[];
  sites: Found[];
  email: Found | undefined;
  stems: string[];
}

/** Where the person's name was read (the title and company are placed relative to it). */
interface NameFindings {
  nameBox: OcrBox | null;
  nameHeight: number;
  /** a segment's type size relative to the largest free text */
  sizeOf: (s: Segment) => number;
}

/**
 * Reading order of the work: lines set aside (noise, legal, social, QR), e-mails and websites,
 * the postal address (which also hints the phone country), telephone numbers, then among what is
 * left the name, the title and the company; a card whose text was read is never handed back empty.
 */
export function parseCard(page: OcrPage): ParsedCard {
  const reading = new CardReading(page, mergeLabels(segmentPage(page)));
  if (reading.segs.length === 0) return reading.card;
  setAsideNonFields(reading);
  const web = readEmailsAndWebsites(reading);
  const address = readAddress(reading);
  readPhones(reading, address, web);
  const name = readName(reading, web);
  const title = readTitle(reading, name, web.stems);
  readCompany(reading, name, title, web.stems);
  spellDomainAsCompany(reading);
  separatorReadAsSpace(reading);
  keepSomethingWhenEmpty(reading);
  return reading.card;
}

/** Noise, legal and registration lines, social profiles and QR calls to action: never a field. */
function setAsideNonFields(reading: CardReading): void {
  const { segs, use } = reading;
  for (const s of segs) {
    if (isNoise(s)) use.set(s.index, 'noise');
    else if (LEGAL_STRONG.test(s.text) || (LEGAL_LINE.test(s.text) && (s.text.match(/\d/g) ?? []).length >= 3)) use.set(s.index, 'legal');
    // "WhatsApp: +55 …" is a number with a label, not a social line; "@www.…" is a website behind an icon read as @, not a handle
    else if ((SOCIAL_WORDS.test(s.text) && (s.text.match(/\d/g) ?? []).length < 7) || (isSocialUrl(s.text) && !/@/.test(s.text)) || /^@(?!w{2,3}\.)[\w.]+$/.test(s.text.trim())) use.set(s.index, 'social');
    else if (QR_LINE.test(s.text) && s.text.split(/\s+/).length <= 5) use.set(s.index, 'noise');
  }
}

/**
 * A bare host (no www. or scheme) after one lower-case word that opens its line or follows an e-mail
 * label, on a card where no e-mail was read ("hello corvina-marine.example.com.sg"): the card's e-mail
 * with its @ lost, not a website — a mailbox is one lower-case word, a website's label is a label and
 * a sentence naming a website has more words ("Visit us at …").
 */
function lostItsAt(site: Found): boolean {
  if (/^(?:[a-z]+:\/\/|www\.)/i.test(site.value)) return false;
  const words = site.seg.text.slice(0, site.a).trim().split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  const mailbox = words.at(-1) ?? '';
  if (!/^[a-z0-9][a-z0-9._\-]*[a-z0-9]$/.test(mailbox) || WEB_LABELS.has(mailbox)) return false;
  return words.length === 1 || (words.length === 2 && EMAIL_LABELS.has(fold(words[0]!).replace(/[:.|]+$/, '')));
}

/** Letters the OCR reads a small "@" as ("rraogduneway.in", "meiohollinsconsulting.sg"). */
const AT_READ_AS = new Set(['g', 'q', 'o', 'e', 'a']);

/**
 * A domain's name (without its endings) that the card's other website spells, or that starts another line
 * of the card (the company's: `otherLines` are folded to letters and digits), as an e-mail's domain mostly does.
 */
function domainNameAgrees(domainName: string, otherStems: readonly string[], otherLines: readonly string[]): boolean {
  const letters = domainName.replace(/[^a-z0-9]/g, '');
  return letters.length >= 4 && (otherStems.some((stem) => stem.replace(/[^a-z0-9]/g, '') === letters) || otherLines.some((line) => line.startsWith(letters)));
}

/**
 * A bare host that is the card's e-mail with its "@" read as a letter ("rracgduneway.in" beside the
 * website duneway.in, "meighollinsconsulting.sg" on the card of Hollins Consulting) or lost with a
 * space (lostItsAt: "hello kestrow-holdings.example" on the card of Kestrow Holdings). The e-mail is
 * taken only where its domain agrees with the card's other website or a line that names it (the
 * company's), as any e-mail's domain mostly does; where the host's own name agrees, it is a website.
 * Only on a card where no e-mail was read.
 */
function emailWithItsAtMisread(site: Found, otherStems: readonly string[], otherLines: readonly string[]): string | null {
  if (/^(?:[a-z]+:\/\/|www\.)/i.test(site.value) || site.value.includes('/')) return null;
  const [name = '', ...ending] = fold(site.value).split('.');
  if (!ending.length) return null;
  const agrees = (domainName: string): boolean => domainNameAgrees(domainName, otherStems, otherLines);
  if (!agrees(name)) {
    for (let i = 1; i < name.length - 4; i++) {
      if (AT_READ_AS.has(name[i]!) && agrees(name.slice(i + 1))) return `${name.slice(0, i)}@${[name.slice(i + 1), ...ending].join('.')}`;
    }
    return null;
  }
  if (!lostItsAt(site)) return null;
  const mailbox = site.seg.text.slice(0, site.a).trim().split(/\s+/).at(-1)!;
  return `${mailbox}@${fold(site.value)}`;
}

/**
 * "matilda brightwell example" on the card of Brightwell Optics: an e-mail whose "@" and dots the OCR
 * all read as spaces — one lower-case word, a name, then only domain endings (after an e-mail label or
 * none). Taken only where the name agrees with another line of the card (the company's) or the card's
 * website, as an e-mail's domain mostly does: three plain words are otherwise a phrase. Only on a card
 * where no e-mail was read; the Check marks doubt it (no @ on its line).
 */
function emailWithoutAtOrDots(seg: Segment, otherStems: readonly string[], otherLines: readonly string[]): Found | null {
  const match = /^((?:\S+\s+)?)([a-z0-9][a-z0-9._-]*[a-z0-9])\s+([a-z0-9][a-z0-9-]{2,}[a-z0-9])((?:\s+[a-z]{2,}){1,3})\s*$/.exec(seg.text);
  if (!match) return null;
  const [, label = '', mailbox = '', name = '', endingText = ''] = match;
  if (label && !EMAIL_LABELS.has(fold(label).replace(/[:.|]+\s*$/, '').trim())) return null;
  const endings = endingText.trim().split(/\s+/);
  if (!endings.every((ending) => TLDS.has(ending)) || TLDS.has(name) || WEB_LABELS.has(mailbox)) return null;
  if (!domainNameAgrees(name, otherStems, otherLines)) return null;
  return { value: `${mailbox}@${[name, ...endings].join('.')}`, seg, a: label.length, b: seg.text.trimEnd().length, certainty: 0.7 };
}

function readEmailsAndWebsites(reading: CardReading): WebFindings {
  const { segs, use, free, setFrom } = reading;
  const emails: Found[] = [];
  const sites: Found[] = [];
  for (const s of segs) {
    if (!free(s)) continue;
    const es = findEmails(s.text);
    let blanked = s.text;
    for (const e of es) {
      emails.push({ value: e.value, seg: s, a: e.start, b: e.end, certainty: e.certainty });
      blanked = blanked.slice(0, e.start) + ' '.repeat(e.end - e.start) + blanked.slice(e.end);
    }
    const ws = findWebsites(blanked);
    for (const w of ws) sites.push({ value: w.value, seg: s, a: w.start, b: w.end, certainty: w.certainty });
    if (es.length) use.set(s.index, 'email');
    else if (ws.length) use.set(s.index, 'web');
  }
  // Each segment's letters and digits, folded once: the two readings below compare a host with every other line.
  const folded = segs.map((o) => ({ line: o.line, letters: fold(o.text).replace(/[^a-z0-9]/g, '') }));
  const linesBesides = (line: number): string[] => folded.filter((o) => o.line !== line).map((o) => o.letters);
  if (!emails.length) {
    for (const s of segs) {
      if (!free(s)) continue;
      const found = emailWithoutAtOrDots(s, sites.map((w) => domainStem(w.value)), linesBesides(s.line));
      if (!found) continue;
      emails.push(found);
      use.set(s.index, 'email');
      break;
    }
  }
  if (!emails.length) {
    for (const w of sites) {
      const otherStems = sites.filter((o) => o !== w).map((o) => domainStem(o.value));
      const value = emailWithItsAtMisread(w, otherStems, linesBesides(w.seg.line));
      if (!value) continue;
      emails.push({ ...w, value, certainty: 0.75 * w.certainty });
      sites.splice(sites.indexOf(w), 1);
      use.set(w.seg.index, 'email');
      break;
    }
  }
  const email = emails[0];
  // the company site: not a host of the e-mail? prefer one sharing the e-mail's domain
  const emailStem = email ? domainStem(email.value.split('@')[1] ?? '') : '';
  // a fragment of the e-mail's domain ("example.com", "xample.org") is not a website
  const emailDomain = email ? fold(email.value.split('@')[1] ?? '') : '';
  const realSites = sites.filter((w) => {
    const host = fold(w.value).replace(/^[a-z]+:\/\//, '').replace(/^www\./, '').split('/')[0] ?? '';
    const stem = domainStem(host);
    if (!stem || stem === 'example') return false;
    if (!email && lostItsAt(w)) return false;
    return !(emailDomain && emailDomain !== host && emailDomain.endsWith(host) && !/^www\./i.test(w.value.replace(/^[a-z]+:\/\//i, '')));
  });
  // else the one most surely a website (a scheme or www. before it), the first of equals
  const site = realSites.find((w) => domainStem(w.value) === emailStem) ?? realSites.reduce<Found | undefined>((best, w) => (!best || w.certainty > best.certainty ? w : best), undefined);
  if (email && site) {
    const r = reconcileDomains(
      { value: email.value, confidence: spanConfidence(email.seg, email.a, email.b) },
      { value: site.value, confidence: spanConfidence(site.seg, site.a, site.b) },
      segs.filter((s) => s.line !== email.seg.line && s.line !== site.seg.line).map((s) => s.text),
    );
    email.value = r.email;
    site.value = r.site;
  }
  if (email) setFrom('email', email, 0.98 * email.certainty);
  if (site) setFrom('website', site, 0.97 * site.certainty);
  const stems = [...new Set([...emails.map((e) => domainStem(e.value.split('@')[1] ?? '')), ...sites.map((w) => domainStem(w.value))])].filter(Boolean);
  return { emails, sites, email, stems };
}

/** The postal address (segments with a long digit run that starts with + are contact lines, not addresses). */
function readAddress(reading: CardReading): AddressResult {
  const { segs, use, free, setFrom } = reading;
  const addr = parseAddress(segs, (s) => free(s) && !/\+\s?\d/.test(s.text) && !/^\s*\(?\d{2,4}\)?[\s./-]\d{2,}[\s./-]\d{2,}/.test(s.text.replace(/^\D{0,8}/, '')));
  for (const i of addr.used) use.set(i, 'address');
  if (addr.street) setFrom('street', addr.street, addr.certainty);
  if (addr.city) setFrom('city', addr.city, addr.certainty);
  if (addr.region) setFrom('region', addr.region, addr.certainty);
  if (addr.postalCode) setFrom('postalCode', addr.postalCode, addr.certainty);
  if (addr.country) setFrom('country', addr.country, 0.95);
  return addr;
}

/**
 * "… Rio de Janeiro - RJ. 71761-760": five digits, a hyphen and three, right after a two-letter region
 * code closing an address line, unlabelled — a Brazilian postcode (CEP) the address parser did not take
 * (a department glued before the city), not a number: no numbering plan writes a number 5-3.
 */
function postcodeAfterRegion(text: string, hit: PhoneHit): boolean {
  return !hit.kind && /^\d{5}-\d{3}$/.test(hit.value) && /(?:^|\s)\p{Lu}{2}\.?\s*[-–,]?\s*$/u.test(text.slice(0, hit.start));
}

/** Telephone numbers → phone (a direct line first), mobile and fax, in the country the card shows. */
function readPhones(reading: CardReading, addr: AddressResult, web: WebFindings): void {
  const { segs, use, free, set } = reading;
  const { emails, sites } = web;
  const countries: string[] = [];
  const add = (c: string | undefined): void => {
    if (c && !countries.includes(c)) countries.push(c);
  };
  add(addr.countryCode);
  const phoneSegs = segs.filter((s) => free(s) && /\d/.test(s.text));
  const pre = phoneSegs.flatMap((s) => findPhones(s.text, FALLBACK_COUNTRIES)).filter((h) => h.international);
  for (const h of pre) add(h.country);
  for (const st of [...emails.map((e) => e.value.split('@')[1] ?? ''), ...sites.map((w) => w.value)]) {
    const host = fold(st).replace(/^[a-z]+:\/\//, '').split('/')[0] ?? '';
    add(TLD_COUNTRY[host.split('.').pop() ?? '']);
  }
  // the country the card itself shows, before any guess from label words or the fallbacks
  const home = countries[0];
  const allText = segs.map((s) => s.text).join('\n');
  if (/\b(Tél|Port\.|Portable)\b/.test(allText)) add('FR');
  if (/\b(Handy|Telefon|Mobil)\b/.test(allText)) add('DE');
  for (const c of FALLBACK_COUNTRIES) add(c);

  const hits: { hit: PhoneHit; seg: Segment }[] = [];
  for (const s of phoneSegs) {
    if (!free(s) && use.get(s.index) !== 'phone') continue;
    const hs = findPhones(s.text, countries, home);
    if (hs.length === 0) continue;
    // a line with several letters-words and one weak unlabeled number (tagline, street) is not a contact line
    const strong = hs.filter((h) => (h.kind || h.international || h.valid) && !postcodeAfterRegion(s.text, h));
    if (strong.length === 0) continue;
    use.set(s.index, 'phone');
    for (const h of strong) hits.push({ hit: h, seg: s });
  }
  const taken = new Set<PhoneHit>();
  const pick = (pred: (h: PhoneHit) => boolean): { hit: PhoneHit; seg: Segment } | undefined => {
    const f = hits.find((x) => !taken.has(x.hit) && pred(x.hit));
    if (f) taken.add(f.hit);
    return f;
  };
  const fax = pick((h) => h.kind === 'fax');
  let mobile = pick((h) => h.kind === 'mobile') ?? pick((h) => h.kind === null && h.mobileLike);
  const phone =
    // a card that prints a direct line beside the office or main number: the direct line is the person's
    pick((h) => h.kind === 'direct') ??
    pick((h) => h.kind === 'phone' || h.kind === 'office') ??
    pick((h) => h.kind === null && !h.mobileLike) ??
    pick((h) => h.kind === 'direct') ??
    // only mobile-like numbers left and a labeled mobile exists: the other one is the phone
    (mobile ? pick((h) => h.kind === null) : undefined);
  // an unlabelled number left over is the mobile, unless the numbering plan of the country the card
  // shows says it is a landline (a guessed country proves nothing: "07700 900476" is a landline in DE)
  if (!mobile && phone) mobile = pick((h) => h.kind === null && !(h.fixedLine && home !== undefined && h.country === home));
  const putPhone = (field: CardField, x: { hit: PhoneHit; seg: Segment } | undefined, labeled: number): void => {
    if (!x) return;
    const c = (x.hit.valid ? 0.97 : 0.8) * (x.hit.kind ? 1 : labeled);
    set(field, x.hit.value, spanBox(x.seg, x.hit.start, x.hit.end), spanConfidence(x.seg, x.hit.start, x.hit.end) * c, x.hit.e164);
  };
  putPhone('fax', fax, 1);
  putPhone('mobile', mobile, 0.85);
  putPhone('phone', phone, 0.9);
}

/**
 * A short word in capitals set right under a line of one or two words in capitals of the same type,
 * aligned with it ("JUN JIE" / "LIM"): the name going on over two lines — a short family name ("LIM",
 * "NG", "LEE") — not a logo's initials, which stand apart from the text.
 */
function nameGoesOnIn(seg: Segment, segs: readonly Segment[]): boolean {
  return segs.some((above) => {
    const h = Math.max(above.height, seg.height);
    const gap = seg.box.y0 - above.box.y1;
    const words = above.text.trim().split(/\s+/);
    return above !== seg && gap >= -0.3 * h && gap <= h && Math.abs(above.height - seg.height) <= 0.25 * h && Math.abs(above.box.x0 - seg.box.x0) < h &&
      words.length <= 2 && words.every((w) => /^\p{Lu}{2,}$/u.test(w));
  });
}

/** The person's name: shape, type size, agreement with the e-mail; never the line naming the domain. */
function readName(reading: CardReading, web: WebFindings): NameFindings {
  const { segs, use, free, set, page } = reading;
  const { email, stems } = web;
  const rest = segs.filter((s) => free(s));
  for (const s of rest) if (isLogoInitials(s.text) && s.text.trim().length <= 3 && !nameGoesOnIn(s, rest)) use.set(s.index, 'logo');
  const cands = segs.filter((s) => free(s));
  const maxH = Math.max(1, ...cands.map((s) => s.height));
  const localPart = email ? (email.value.split('@')[0] ?? '') : '';
  const sizeOf = (s: Segment): number => s.height / maxH;

  interface NameCand {
    segs: Segment[];
    parts: NameParts;
    score: number;
    shape: number;
  }
  const nameCands: NameCand[] = [];
  const consider = (ss: Segment[], printed: string, bonus: number): void => {
    const text = cleanNameText(printed);
    const shape = nameShape(text);
    if (shape < 0.4) return;
    const parts = splitName(text);
    if (!parts.lastName) return;
    const agree = localPart ? emailAgreement(parts, localPart) : 0;
    const dom = Math.max(...ss.map((s) => domainAgreement(s.text, stems)));
    const top = Math.min(...ss.map((s) => s.box.y0)) / Math.max(1, page.height);
    const size = Math.max(...ss.map(sizeOf));
    // the line names the e-mail's domain and the e-mail is not the person's: the company (cards without a person)
    if (dom >= 0.8 && agree === 0) return;
    const titled = titleBelow(ss, cands) ? TITLE_BELOW_BONUS : 0;
    // the shape of a name the lists recognise (a known family name): a person, not a company line
    const known = isChineseName(text) ? KNOWN_NAME_BONUS : 0;
    // a line the OCR could hardly read ("EEE EE Er" from a card's edge in glare) is a poor name however large
    const unread = Math.max(0, 0.5 - Math.min(...ss.map((s) => s.confidence))) * 4;
    const score = shape * 2 + size * 1.6 + agree * 1.2 - dom * 1.5 - legalFormScore(text) * 3 - companyWordScore(text) * 0.8 - titleScore(text) * 1.2 - top * 0.2 + titled + known + bonus - unread;
    nameCands.push({ segs: ss, parts, score, shape });
  };
  for (const s of cands) consider([s], s.text, 0);
  // a name split over two lines: "MARIA" / "GONZÁLEZ LÓPEZ"
  for (const a of cands) {
    for (const b of cands) {
      if (a === b) continue;
      const gap = b.box.y0 - a.box.y1;
      const h = Math.max(a.height, b.height);
      // the OCR's boxes hold the letters, not the leading: two lines of a name set 1.2–1.5 apart leave a gap of ~1 box height,
      // display type set ~1.75 apart (a divided card's left column) ~1.3; the geometry, not the reading order, pairs them
      if (gap < -0.3 * h || gap > 1.6 * h) continue;
      if (Math.abs(a.height - b.height) > 0.3 * h) continue;
      const aligned = Math.abs(a.box.x0 - b.box.x0) < h || Math.abs((a.box.x0 + a.box.x1) / 2 - (b.box.x0 + b.box.x1) / 2) < h || Math.abs(a.box.x1 - b.box.x1) < h;
      if (!aligned) continue;
      const wa = a.text.trim().split(/\s+/).length;
      const wb = b.text.trim().split(/\s+/).length;
      // a first line that is a name on its own ("Wen Jie") is still joined to one more word set in the
      // same type under it ("Ong"): the scores below decide between the two readings
      // (a descender, "Ong", makes a box up to a quarter taller than "Wen Jie" in the same type)
      const sameType = Math.abs(a.height - b.height) <= 0.25 * h && wb === 1 && /^\p{Lu}/u.test(b.text.trim());
      if (wa > 2 || wb > 3 || (nameShape(a.text) >= 0.6 && !sameType)) continue;
      consider([a, b], `${a.text.trim()} ${b.text.trim()}`, wa === 1 && /^\p{Lu}/u.test(a.text.trim()) ? 0.6 : 0.1);
    }
  }
  nameCands.sort((x, y) => y.score - x.score);
  const best = nameCands[0];
  let nameSegs: Segment[] = [];
  if (best && best.score > 1.2) {
    nameSegs = best.segs;
    for (const s of best.segs) use.set(s.index, 'name');
    const margin = nameCands[1] ? best.score - nameCands[1].score : 2;
    const certainty = clamp(0.55 + 0.2 * best.shape + 0.15 * Math.min(1, margin));
    const box = unionBox(best.segs.map((s) => s.box));
    const conf = (best.segs.reduce((t, s) => t + s.confidence, 0) / best.segs.length) * certainty;
    set('fullName', best.parts.fullName, box, conf);
    const firstSeg = best.segs[0];
    const lastSeg = best.segs[best.segs.length - 1];
    const fbox = firstSeg ? wordBox(firstSeg, best.parts.firstName) : box;
    const lbox = lastSeg ? wordBox(lastSeg, best.parts.lastName.split(' ')[0] ?? '') : box;
    set('firstName', best.parts.firstName, fbox ?? box, conf);
    set('lastName', best.parts.lastName, lbox ?? box, conf * (best.parts.lastName.includes(' ') ? 0.9 : 1));
  }
  const nameBox = nameSegs.length ? unionBox(nameSegs.map((s) => s.box)) : null;
  const nameHeight = nameSegs[0]?.height ?? maxH;
  return { nameBox, nameHeight, sizeOf };
}

/**
 * Cards print the job title right under the person's name: a line with a title directly below
 * it (within two of its heights, overlapping it across) is more likely the name than a company
 * line of the same shape printed above or beside it ("Zephyra Marine" / "Kai Wen Lim" / "Head of
 * Partnerships").
 */
const TITLE_BELOW_BONUS = 0.7;
const KNOWN_NAME_BONUS = 0.6;

function titleBelow(name: readonly Segment[], others: readonly Segment[]): boolean {
  const box = unionBox(name.map((s) => s.box));
  if (!box) return false;
  const height = Math.max(...name.map((s) => s.height));
  // the next line down in the same column, if it is close
  let next: Segment | undefined;
  for (const o of others) {
    if (name.includes(o)) continue;
    const gap = o.box.y0 - box.y1;
    const across = Math.min(o.box.x1, box.x1) - Math.max(o.box.x0, box.x0) > 0;
    if (across && gap > -0.3 * height && gap < 2 * height && (!next || o.box.y0 < next.box.y0)) next = o;
  }
  return next !== undefined && titleScore(next.text) > 0;
}

/** The title: role words, close to the name. */
function readTitle(reading: CardReading, name: NameFindings, stems: string[]): Segment | undefined {
  const { segs, use, free, set } = reading;
  const { nameBox, nameHeight } = name;
  let bestTitle: { s: Segment; text: string; score: number } | null = null;
  for (const s of segs) {
    if (!free(s)) continue;
    const text = repairTitleText(s);
    const t = titleScore(text);
    if (t <= 0) continue;
    let near = 0;
    if (nameBox) {
      const gapBelow = s.box.y0 - nameBox.y1;
      const gapAbove = nameBox.y0 - s.box.y1;
      const overlapX = Math.min(s.box.x1, nameBox.x1) - Math.max(s.box.x0, nameBox.x0) > 0;
      if (overlapX && gapBelow > -0.5 * nameHeight && gapBelow < 2.5 * nameHeight) near = 1;
      else if (overlapX && gapAbove > -0.5 * nameHeight && gapAbove < 2 * nameHeight) near = 0.6;
      else if (overlapX) near = 0.2;
    }
    const score = t + near - departmentScore(text) * 0.5 - domainAgreement(text, stems) - legalFormScore(text) - taglineScore(text);
    if (score > 0.6 && (!bestTitle || score > bestTitle.score)) bestTitle = { s, text, score };
  }
  if (bestTitle) {
    use.set(bestTitle.s.index, 'title');
    const s = bestTitle.s;
    set('title', naturalCase(bestTitle.text.trim(), 'title'), s.box, s.confidence * clamp(0.5 + bestTitle.score / 4));
  }
  return bestTitle?.s;
}

/** The company: legal form, agreement with the domain, organisation nouns, type size; else layout. */
function readCompany(reading: CardReading, name: NameFindings, titleSeg: Segment | undefined, stems: string[]): void {
  const { segs, use, free, set } = reading;
  const { nameBox, sizeOf } = name;
  let bestCo: { s: Segment; score: number } | null = null;
  for (const s of segs) {
    if (!free(s)) continue;
    const text = stripLogoPrefix(s.text);
    if (/@/.test(text) || (text.match(/\d/g) ?? []).length > 4) continue;
    const nWords = text.split(/\s+/).length;
    if (nWords > 8) continue;
    const legal = legalFormScore(text);
    const dom = domainAgreement(text, stems);
    const organisation = companyWordScore(text);
    const tag = taglineScore(text);
    let score = legal * 3 + dom * 3 + organisation * 1.2 + sizeOf(s) * 1.2 - tag * 2.5 - titleScore(text) * 1.5;
    // a department line right under the title
    if (titleSeg && s.box.y0 >= titleSeg.box.y1 - 2 && s.box.y0 - titleSeg.box.y1 < 1.5 * titleSeg.height && legal === 0 && dom < 0.6) score -= 2;
    if (nameShape(text) >= 0.8 && legal === 0 && dom < 0.6) score -= 1;
    if (isLogoInitials(text)) score -= 3;
    if (/\d/.test(text) && legal === 0) score -= 1;
    if (countryOf(text)) score -= 3;
    if (score >= 2.2 && (!bestCo || score > bestCo.score)) bestCo = { s, score };
  }
  // no legal form, no domain to agree with: the company is then the most prominent remaining line
  // that reads as a name of something (not a slogan, title, department or number), above the person
  // or closing the card
  if (!bestCo) {
    for (const s of segs) {
      if (!free(s)) continue;
      const text = stripLogoPrefix(s.text);
      if (/[@\d]/.test(text) || text.split(/\s+/).length > 6 || countryOf(text) || isLogoInitials(text)) continue;
      if (taglineScore(text) >= 0.4 || titleScore(text) > 0 || departmentScore(text) > 0.3) continue;
      if (!/^[\p{Lu}\p{N}]/u.test(text) || !/\p{L}{4,}/u.test(text) || s.confidence < 0.6) continue;
      const size = sizeOf(s);
      const above = nameBox ? s.box.y1 <= nameBox.y0 + 2 : false;
      const last = segs.every((o) => o === s || o.box.y0 <= s.box.y0 || use.get(o.index) === 'legal' || use.get(o.index) === 'noise');
      const score = size * 2 + (above ? 0.8 : 0) + (last ? 0.5 : 0) + (isAllCaps(text) ? 0.3 : 0);
      if (size >= 0.45 && score >= 1.6 && (!bestCo || score > bestCo.score)) bestCo = { s, score };
    }
  }
  if (bestCo) {
    use.set(bestCo.s.index, 'company');
    const s = bestCo.s;
    const value = agreeWithDomain(naturalCase(fixLegalForm(stripLogoPrefix(s.text)), 'company'), stems);
    set('company', value, s.box, s.confidence * clamp(0.4 + bestCo.score / 8));
  }
}

/**
 * How much taller the company's type must be than the contact line's for its reading to correct the
 * domain's: large type is read far more surely than a small contact line.
 */
const COMPANY_TYPE_RATIO = 1.4;

/**
 * The e-mail's and website's domain spelled as the company where the small contact line was read
 * with a look-alike confusion of it ("vamholt.example" under "Varnholt Textiles": rn read as m) and
 * the company is printed in clearly larger type. Both addresses are corrected together, so they
 * still agree with each other.
 */
function spellDomainAsCompany(reading: CardReading): void {
  const { card } = reading;
  const company = card.company;
  if (!company.value || !company.box) return;
  const companyHeight = company.box.y1 - company.box.y0;
  for (const field of ['email', 'website'] as const) {
    const { value, box } = card[field];
    if (!value || !box || companyHeight < COMPANY_TYPE_RATIO * (box.y1 - box.y0)) continue;
    const host = field === 'email' ? value.slice(value.indexOf('@') + 1) : value;
    const stem = domainStem(host);
    const spelling = companySpellingOfDomain(company.value, stem);
    if (!spelling) continue;
    const at = field === 'email' ? value.indexOf('@') + 1 : 0;
    const i = value.toLowerCase().indexOf(stem, at);
    if (i >= 0) card[field] = { ...card[field], value: value.slice(0, i) + spelling + value.slice(i + stem.length) };
  }
}

/**
 * "martina rinaldi@terranova.it", "zhi low@saltire.sg" under the name Martina Rinaldi / Zhi Wei Low: the
 * two words before the "@" are the person's first and last name apart, and the space between them is
 * the separator of the local part the OCR did not see (a dot is small and set with room around it),
 * not a space the OCR put inside one word — that falls anywhere, this falls exactly where the name's
 * parts meet. The dot is the separator written (the usual one); the Check marks keep such an e-mail
 * marked (`check-marks.ts`: a space on its line where the value has a separator).
 */
function separatorReadAsSpace(reading: CardReading): void {
  const { card, segs } = reading;
  const email = card.email;
  const at = email.value.indexOf('@');
  if (at < 1 || !email.box) return;
  const local = fold(email.value.slice(0, at));
  if (/[._\-]/.test(local)) return;
  const firstWords = fold(card.firstName.value).split(/\s+/).map((w) => w.replace(/[^a-z]/g, ''));
  const last = fold(card.lastName.value).replace(/[^a-z]/g, '');
  const first = firstWords[0] ?? '';
  if (first.length < 2 || last.length < 2) return;
  const seg = segs.find((s) => s.text.includes('@') && s.box.y0 <= email.box!.y1 && s.box.y1 >= email.box!.y0 && fold(s.text).replace(/\s+/g, '').includes(local));
  const words = seg ? /([\p{L}]+)\s+([\p{L}]+)\s*@/u.exec(seg.text) : null;
  if (!words) return;
  const before = fold(words[1]!);
  const after = fold(words[2]!);
  const apart = (before === first && after === last) || (before === last && after === first);
  if (!apart || (local !== before + after && local !== after)) return;
  card.email = { ...email, value: `${before}.${after}${email.value.slice(at)}` };
}

/** Text was read but nothing recognised: keep the most prominent line as the company, unsure, rather than an empty card. */
function keepSomethingWhenEmpty(reading: CardReading): void {
  const { card, segs, free, set } = reading;
  if (CARD_FIELDS.every((f) => card[f].value === '')) {
    const prominent = segs.filter((s) => free(s) && /\p{L}{2,}/u.test(s.text)).sort((a, b) => b.height - a.height)[0];
    if (prominent) set('company', naturalCase(stripLogoPrefix(prominent.text), 'company'), prominent.box, prominent.confidence * 0.3);
  }
}

/** OCR slips in the legal form at the end: "Ltq" → "Ltd", "Gmbl" → "GmbH", "lnc." → "Inc.". */
function fixLegalForm(text: string): string {
  const toks = text.split(' ');
  const last = toks[toks.length - 1] ?? '';
  const k = fold(last).replace(/[.,]/g, '');
  if (toks.length >= 2 && LEGAL_FORMS[k] !== undefined) {
    // "S.a.s" / "S.p.A": a dotted form whose last dot the OCR lost; "Sarl" in mixed case is the Swiss Sàrl
    if (/\.[^.]/.test(last) && !last.endsWith('.')) toks[toks.length - 1] = `${last}.`;
    else if (last === 'Sarl') toks[toks.length - 1] = 'Sàrl';
    return toks.join(' ');
  }
  if (toks.length < 2 || k.length < 3) return text;
  const fixes: Record<string, string> = { ltq: 'Ltd', lta: 'Ltd', itd: 'Ltd', ltd1: 'Ltd', gmbl: 'GmbH', gmbb: 'GmbH', grnbh: 'GmbH', gmbii: 'GmbH', lnc: 'Inc.', ine: 'Inc.', inc1: 'Inc.', llg: 'LLC', lic: 'LLC', ilc: 'LLC', sarl1: 'SARL', sas1: 'SAS' };
  const fixed = fixes[k];
  if (!fixed) return text;
  const dotted = /\.$/.test(last.replace(/,$/, '')) && !fixed.endsWith('.') ? fixed + '.' : fixed;
  toks[toks.length - 1] = /^\p{Lu}+$/u.test(last.replace(/[.,]/g, '')) ? dotted.toUpperCase().replace('GMBH', 'GMBH') : dotted;
  return toks.join(' ');
}

/**
 * The company's first word as the domain spells it when the OCR confused its first letter
 * ("llmarin" / "Tlmarin" for an "ilmarin" domain: I, l, 1, | and T look alike at a word's start).
 */
function agreeWithDomain(company: string, stems: readonly string[]): string {
  const [first = '', ...rest] = company.split(' ');
  const key = fold(first);
  if (key.length < 4) return company;
  for (const stem of stems) {
    if (!stem.startsWith(key.slice(1)) && !stem.slice(1).startsWith(key.slice(1))) continue;
    if (key === stem.slice(0, key.length)) return company;
    const repaired = /^[lt1|i]/.test(key) && stem.startsWith('i') && stem.slice(1, key.length) === key.slice(1);
    if (repaired) return [`I${first.slice(1)}`, ...rest].join(' ');
  }
  return company;
}

/** Box of the first word of a segment equal to `word` (for first/last name boxes). */
function wordBox(seg: Segment, word: string): OcrBox | null {
  const w = seg.words.find((x) => fold(x.text).replace(/[.,]/g, '') === fold(word).replace(/[.,]/g, ''));
  return w ? w.box : null;
}
