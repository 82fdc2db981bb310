/**
 * E-mail addresses and websites in OCR text, with the usual OCR slips repaired:
 * `@` read as `©`/`®`/`(a)`, `,` for `.` in a domain, spaces around `@` and dots.
 */
import { editDistance } from './string-distance';
import { SOCIAL_HOSTS, TLDS, fold } from './vocabulary';

export interface Found {
  value: string;
  /** span in the text the finder was given (approximate after repairs) */
  start: number;
  end: number;
  /** 0..1: lower when the text had to be repaired */
  certainty: number;
}

interface Cleaned {
  text: string;
  /** index in the original text of every cleaned character */
  map: number[];
}

/** Apply replacements while keeping a map back to the original offsets. */
function rewrite(src: Cleaned, re: RegExp, by: (m: RegExpExecArray) => string): Cleaned {
  let text = '';
  const map: number[] = [];
  let last = 0;
  re.lastIndex = 0;
  for (let m = re.exec(src.text); m; m = re.exec(src.text)) {
    if (m[0] === '') {
      re.lastIndex++;
      continue;
    }
    for (let i = last; i < m.index; i++) {
      text += src.text[i];
      map.push(src.map[i] ?? i);
    }
    const rep = by(m);
    // map replacement characters proportionally onto the replaced ones
    const len = m[0].length;
    [...rep].forEach((ch, i) => {
      const j = m.index + Math.min(len - 1, Math.floor((i * len) / Math.max(1, rep.length)));
      text += ch;
      map.push(src.map[j] ?? j);
    });
    last = m.index + m[0].length;
  }
  for (let i = last; i < src.text.length; i++) {
    text += src.text[i];
    map.push(src.map[i] ?? i);
  }
  return { text, map };
}

function start(text: string): Cleaned {
  return { text, map: [...text].map((_c, i) => i) };
}

const EMAIL_RE = /[A-Za-z0-9\u00C0-\u024F._%+'\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+/g;

export function findEmails(text: string): Found[] {
  let c = start(text);
  const hadAt = text.includes('@');
  // OCR readings of "@"
  c = rewrite(c, /\s?(?:©|®|\(a\)|\(at\)|\[at\]|\{at\}|\[a\]|\{a\}|\(@\)|@@)\s?/gi, () => '@');
  // spaces around @
  c = rewrite(c, /\s*@\s*/g, () => '@');
  // in the part after @, "," or " . " between labels is a dot
  c = rewrite(c, /@[A-Za-z0-9\-]+(?:\s*[.,]\s*[A-Za-z0-9\-]+)+/g, (m) => m[0].replace(/\s*[.,]\s*/g, '.'));
  // "example org", "example, com": a space where a dot was, before a (misread) TLD
  for (let i = 0; i < 3; i++) {
    c = rewrite(c, /(@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*)\s+([A-Za-z]{2,7})\b/g, (m) => {
      const fixed = fixTldLabel(m[2] ?? '');
      return TLDS.has(fixed.toLowerCase()) && !/^(web|www|tel|fax|mob|and|the|or)$/i.test(m[2] ?? '') || /^or$/i.test(m[2] ?? '') && fixed !== m[2]
        ? `${m[1] ?? ''}.${m[2] ?? ''}`
        : m[0];
    });
  }
  // "paul. girard@", "anna_ lee@": the OCR put a space after the separator of the local part
  c = rewrite(c, /(?<![A-Za-z0-9])([A-Za-z0-9]{2,}[._\-])\s+(?=[A-Za-z0-9._%+\-]+@)/g, (m) =>
    /^(e-?mail|mail|em|mel)[.\-]$/i.test(m[1] ?? '') ? m[0] : (m[1] ?? ''));
  const out: Found[] = [];
  EMAIL_RE.lastIndex = 0;
  for (let m = EMAIL_RE.exec(c.text); m; m = EMAIL_RE.exec(c.text)) {
    // ".rinaldi@…" after "martina ": the separator of the local part, read with the space the OCR put before it
    const leadingSeparator = /^[._\-](?=[A-Za-z0-9])/.exec(m[0])?.[0] ?? '';
    let value = m[0].replace(/^[.'\-]+/, '').replace(/[.\-]+$/, '');
    const at = value.indexOf('@');
    if (at < 1) continue;
    let domain = value.slice(at + 1).replace(/-\.(?=[A-Za-z0-9])/g, '-');
    // likewise a capital I among the domain's lower-case letters is an l ("fong@Iarkspur.sg")
    if (/I/.test(domain) && !/[A-HJ-Z]/.test(domain) && /[a-z]/.test(domain)) domain = domain.replace(/I/g, 'l');
    const labels = domain.split('.').map((l, i) => (i === 0 ? l : fixTldLabel(l)));
    const tld = labels[labels.length - 1] ?? '';
    if (labels.length < 2 || !/^[A-Za-z]{2,}$/.test(tld)) continue;
    // e-mail addresses are written in lower case: a capital I among lower-case letters is an l ("Isilva@")
    let local = value.slice(0, at);
    if (/I/.test(local) && !/[A-HJ-Z]/.test(local) && /[a-z]/.test(local)) local = local.replace(/I/g, 'l');
    value = `${local}@${labels.join('.')}`;
    // OCR sometimes glues a label "E:" or "e." in front; a lone letter followed by a dot is kept (initials).
    value = value.replace(/^(?:e-?mail|mail|email)[:.]/i, '');
    let s = c.map[m.index] ?? m.index;
    const e = (c.map[m.index + m[0].length - 1] ?? m.index + m[0].length - 1) + 1;
    let certainty = hadAt ? 1 : 0.75;
    // "E: mar tin@…": a space the OCR put inside the local part; the piece before it stands alone
    // after a label and is written like a local part (no capitals)
    const before = text.slice(0, s);
    const piece = /(^|[\s:|•·;])([a-z0-9][a-z0-9._-]{0,15})\s$/.exec(before);
    const glued = piece?.[2] ?? '';
    const looksLocal = glued.length >= 2 && /[a-z]/.test(glued) && !/[.:_-]$/.test(glued);
    if (piece && looksLocal && !/^(e-?mail|mail|email|em|e|mel|courriel|correo|web|www|tel|fax)$/i.test(glued)) {
      const head = before.slice(0, piece.index + (piece[1]?.length ?? 0)).trim();
      // only right after a label: at the start of a line the piece may be a label the OCR cut ("ail contact@…");
      // but a separator read before the rest ("zhi .low@") joins the two pieces anywhere
      if (/(^|\s)(e-?mail|mail|email|em|e|courriel|correo)\s*[:.|]?$/i.test(head) || /[:|•·]$/.test(head) || (leadingSeparator && !head)) {
        value = glued + (value.startsWith(leadingSeparator) ? '' : leadingSeparator) + value;
        s = piece.index + (piece[1]?.length ?? 0);
        certainty *= 0.9;
      }
    }
    out.push({ value, start: s, end: e, certainty });
  }
  return out;
}

const COMMON_LABELS = ['com', 'org', 'net', 'info', 'example', 'co'];
/** A label after the domain name misread by the OCR ("exampe" → "example", "c0m" → "com"). */
function fixTldLabel(label: string): string {
  const l = label.toLowerCase().replace(/0/g, 'o').replace(/1/g, 'l');
  if (TLDS.has(l)) return l === label.toLowerCase() ? label : l;
  let best = '';
  let bestD = Infinity;
  let ties = 0;
  for (const t of COMMON_LABELS) {
    const d = editDistance(l, t);
    if (d < bestD) {
      bestD = d;
      best = t;
      ties = 0;
    } else if (d === bestD) ties++;
  }
  const allowed = best.length >= 6 ? 2 : best.length >= 3 && l.length >= 2 ? 1 : 0;
  return bestD <= allowed && ties === 0 ? best : label;
}

// the scheme's "tt" as the OCR reads it in small type: i, t, f, 1, l, u ("hitp://", "hups://")
const URL_RE = /(?:h[itf1lu]{1,3}ps?\s?[:;]\s?\/\s?\/\s?)?(?:www\s?[.,]\s?)?[A-Za-z0-9][A-Za-z0-9\-]*(?:[.,][A-Za-z0-9\-]+)+(?:\/[^\s|•·,;]*)?/gi;

export function isSocialUrl(url: string): boolean {
  const f = fold(url);
  return SOCIAL_HOSTS.some((h) => f.includes(h.includes('.') ? h : h + '.')) || /\bin\/[a-z0-9\-]+/.test(f);
}

/**
 * "www quorlane example com", "www palladio.com br": the OCR read (some of) the dots of a www address as spaces. Spaces become dots
 * (same length, so offsets hold) when the run starts with "www" and ends with a known TLD.
 */
function dotsForSpaces(text: string): string {
  return text.replace(/\bwww((?:\s+[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*){1,3})\s+([A-Za-z]{2,})\b/gi, (m: string, _labels: string, tld: string) =>
    TLDS.has(tld.toLowerCase()) ? m.replace(/\s/g, '.') : m);
}

/**
 * "www.quayside in", "www. zaffretechnologies es", "www. halvorsen-freight example com": after "www." one
 * name and no domain ending yet, then known endings as the next words (one to three, "example.com" as
 * one word too) — the dots before them read as spaces (a host has an ending; "www.example.com in Berlin"
 * already has one and is left alone, and "Berlin" after "www.acme in" is no ending). The spaces move to
 * the joined run's end, so the text keeps its length and offsets.
 */
function dotBeforeEnding(text: string): string {
  return text.replace(/\bwww\.\s?[A-Za-z0-9-]{2,}((?:\s+[A-Za-z]{2,}(?:\.[A-Za-z]{2,})*){1,3})\b(?![.@])/gi, (m: string, endings: string) => {
    const words = endings.trim().split(/\s+/);
    let taken = 0;
    while (taken < words.length && words[taken]!.split('.').every((label) => TLDS.has(label.toLowerCase()))) taken++;
    if (!taken) return m;
    const head = m.slice(0, m.length - endings.length).replace(/^(www\.)\s?/i, '$1');
    const joined = [head, ...words.slice(0, taken)].join('.');
    const rest = words.slice(taken).join(' ');
    const run = rest ? `${joined} ${rest}` : joined;
    return rest ? `${joined}${' '.repeat(m.length - run.length)} ${rest}` : joined + ' '.repeat(m.length - joined.length);
  });
}

/**
 * "duneway. in", "www.halvorsen. freight. example": a space the OCR put after a dot inside an address
 * (a dot is narrow and set with room around it). An address holds no spaces, so a run of labels joined
 * by dots, some followed by a space, is one host when it ends in a known domain ending and is written
 * like a host — after "www." or a scheme, or in lower case throughout ("Pte. Ltd." and "Dr. de Vries"
 * are not) — and the word before the space is no one-letter label ("W. orsini.example"). The spaces move to the run's end, so the text keeps its length and offsets.
 */
function closeSpacesAfterDots(text: string): string {
  return text.replace(/(?<![A-Za-z0-9@.\-])((?:https?:\/\/)?(?:www\.\s?)?)([A-Za-z0-9\-]+(?:\.(?:(?<=[A-Za-z0-9\-]{2}\.)\s(?!www\.))?[A-Za-z0-9\-]+)+)(?![A-Za-z0-9@\-])/gi, (m: string, prefix: string, host: string) => {
    if (!/\.\s/.test(m)) return m;
    const labels = host.split(/\.\s?/);
    if (!TLDS.has(fixTldLabel(labels.at(-1)!).toLowerCase())) return m;
    if (!prefix && !labels.every((l) => l === l.toLowerCase() && /[a-z]/.test(l))) return m;
    const joined = m.replace(/\s+/g, '');
    return joined + ' '.repeat(m.length - joined.length);
  });
}

/** Websites in a text whose e-mails were already blanked out. */
export function findWebsites(printed: string): Found[] {
  const out: Found[] = [];
  const text = closeSpacesAfterDots(dotBeforeEnding(dotsForSpaces(printed)));
  URL_RE.lastIndex = 0;
  for (let m = URL_RE.exec(text); m; m = URL_RE.exec(text)) {
    const raw = m[0];
    const before = text[m.index - 1] ?? ' ';
    // an "@" alone before "www." is an icon read as one (an e-mail's name before its @ is never empty)
    const iconAt = before === '@' && /^w{2,3}\./i.test(raw) && !/[^\s|:]/.test(text[m.index - 2] ?? ' ');
    if (/[A-Za-z0-9@._\-]/.test(before) && !iconAt) continue;
    const hasScheme = /^h[itf1lu]{1,3}ps?/i.test(raw);
    const hasWww = /^(?:h[itf1lu]{1,3}ps?\s?[:;]\s?\/\s?\/\s?)?www\s?[.,]/i.test(raw);
    let value = raw.replace(/\s+/g, '').replace(/^h[itf1lu]{1,3}p(s?)[:;]\/\//i, (_m, sec: string) => `http${sec}://`);
    // "wiww.", "wvw.", "mww.", "wew.", "wwww.": www read with a slip ("Www." capitalised); "wwwname.example": its dot lost
    value = value.replace(/^((?:https?:\/\/)?)(?:www|wwww|w[iv]ww|wv?w|mww|vww|wew|ww)\./i, '$1www.').replace(/^((?:https?:\/\/)?)www(?=[a-z0-9-]{3,}\.[a-z])/i, '$1www.');
    // domain part: commas → dots (OCR); keep the path as printed
    const slash = value.search(/(?<!\/)\/(?!\/)/);
    const schemeEnd = hasScheme ? value.indexOf('//') + 2 : 0;
    const hostEnd = slash > schemeEnd ? slash : value.length;
    let host = value.slice(schemeEnd, hostEnd);
    const hadComma = host.includes(',');
    if (hadComma && !hasWww && !hasScheme) continue; // "Blvd.,Suite" and the like
    // "ostrava-. studio": no label ends in a hyphen, so the dot after one is a speck the OCR read
    host = host.replace(/,/g, '.').replace(/\.+$/, '').replace(/-\.(?=[a-z0-9])/gi, '-');
    value = value.slice(0, schemeEnd) + host + value.slice(hostEnd);
    value = value.replace(/[.,;:)]+$/, '');
    const hostLabels = host.split('.');
    host = hostLabels.map((l, i) => (i === 0 || (i === 1 && /^www$/i.test(hostLabels[0] ?? '')) ? l : fixTldLabel(l))).join('.');
    value = value.slice(0, schemeEnd) + host + value.slice(schemeEnd + hostLabels.join('.').length);
    const labels = host.replace(/^www\./i, '').split('.');
    const tld = fold(labels[labels.length - 1] ?? '');
    if (labels.length < 2 || !/^[a-z]{2,}$/.test(tld)) continue;
    if (!hasScheme && !hasWww && !TLDS.has(tld)) continue;
    // a bare "word.word" needs a second-level label of 2+ chars and letters in it
    const sld = labels[labels.length - 2] ?? '';
    if (!hasScheme && !hasWww && (sld.length < 2 || !/[a-z]/i.test(sld))) continue;
    if (isSocialUrl(value)) continue;
    out.push({
      value,
      start: m.index,
      end: m.index + raw.length,
      certainty: hasScheme || hasWww ? 1 : 0.85,
    });
  }
  return out;
}

/** The registrable name of a domain: "mail.veldtrek.example.org" → "veldtrek". */
export function domainStem(domain: string): string {
  const host = fold(domain)
    .replace(/^[a-z]+:\/\//, '')
    .replace(/^www\./, '')
    .split('/')[0] ?? '';
  const labels = host.split('.').filter(Boolean);
  // drop TLD-ish labels from the right (example, com, co, org, uk, …)
  while (labels.length > 1) {
    const last = labels[labels.length - 1] ?? '';
    if (TLDS.has(last) || last.length <= 2 || last === 'example') labels.pop();
    else break;
  }
  return labels[labels.length - 1] ?? '';
}

/** The host of a website value, without scheme, "www." and path. */
function hostOf(site: string): string {
  return site.replace(/^[a-z]+:\/\//i, '').replace(/^www\./i, '').split('/')[0] ?? '';
}

/** `longer` is `shorter` with one or more domain endings after it (".es", ".com.br"). */
function endsLater(shorter: string, longer: string): boolean {
  return shorter.includes('.') && longer.startsWith(`${shorter}.`) && longer.slice(shorter.length + 1).split('.').every((label) => TLDS.has(label));
}

/**
 * The e-mail domain and the website host of a card are mostly one name printed twice. Where the
 * two readings differ by an OCR slip ("kkestrel" / "kestrel"), the one another line of the card
 * spells (the company's, read in larger type: "bexley" under "Bexley Dental", not "bexiey") is used
 * for both; where no line or both do, the more confident one.
 */
export function reconcileDomains(
  email: { value: string; confidence: number },
  site: { value: string; confidence: number },
  otherLines: readonly string[] = [],
): { email: string; site: string } {
  const at = email.value.indexOf('@');
  const domain = email.value.slice(at + 1);
  const host = hostOf(site.value);
  const a = domain.toLowerCase();
  const b = host.toLowerCase();
  // one name, and one reading goes on with more domain endings ("ostrava-studio.example" beside
  // "ostrava-studio.example.es"): the end of a line is lost far more often than endings are invented
  if (at >= 1 && endsLater(a, b)) return { email: `${email.value.slice(0, at)}@${host}`, site: site.value };
  if (at >= 1 && endsLater(b, a)) {
    const i = site.value.indexOf(host);
    return { email: email.value, site: site.value.slice(0, i) + domain + site.value.slice(i + host.length) };
  }
  if (at < 1 || a === b || Math.min(a.length, b.length) < 8 || editDistance(a, b) > 2) return { email: email.value, site: site.value };
  const spelled = (name: string): boolean => {
    const letters = domainStem(name).replace(/[^a-z0-9]/g, '');
    return letters.length >= 4 && otherLines.some((line) => fold(line).replace(/[^a-z0-9]/g, '').includes(letters));
  };
  const emailSpelled = spelled(domain);
  const siteSpelled = spelled(host);
  const emailWins = emailSpelled !== siteSpelled ? emailSpelled : email.confidence >= site.confidence;
  if (!emailWins) return { email: `${email.value.slice(0, at)}@${host}`, site: site.value };
  const i = site.value.indexOf(host);
  return { email: email.value, site: site.value.slice(0, i) + domain + site.value.slice(i + host.length) };
}
