/**
 * What a badge's QR code (or a keyboard-wedge scanner) gives us, turned into lead fields.
 * Badges carry a vCard (3.0/4.0), a MECARD, a BIZCARD, or only the organiser's registration
 * id or a URL. The last two are kept raw (`badgeId`) so they can be matched with the
 * organiser's attendee list later.
 *
 * The contact formats are read by a small parser here until `shared/parsing/contact-payload.ts`
 * (the exchange branch's full vCard/MECARD parser) lands; then `readBadgePayload` should call it.
 */
import type { LeadContactField } from '../domain/lead';

export type BadgeFields = Partial<Record<LeadContactField, string>>;

export type BadgePayload =
  | { kind: 'contact'; format: 'vcard' | 'mecard' | 'bizcard'; fields: BadgeFields }
  | { kind: 'id'; badgeId: string };

/** The longest payload we look at: a QR code holds under 3 KB; a wedge scanner's line is shorter. */
export const MAX_BADGE_PAYLOAD_LENGTH = 8000;

export function readBadgePayload(raw: string): BadgePayload | null {
  const text = raw.replace(/^\uFEFF/, '').trim();
  if (!text) return null;
  if (/^BEGIN:VCARD/i.test(text)) return { kind: 'contact', format: 'vcard', fields: readVCard(text) };
  if (/^MECARD:/i.test(text)) return { kind: 'contact', format: 'mecard', fields: readSemicolonCard(text.slice(7), MECARD_KEYS) };
  if (/^BIZCARD:/i.test(text)) return { kind: 'contact', format: 'bizcard', fields: readSemicolonCard(text.slice(8), BIZCARD_KEYS) };
  return { kind: 'id', badgeId: text.slice(0, 500) };
}

/** True when the payload gave us someone to follow up on (not only an id). */
export function badgeHasContact(payload: BadgePayload | null): payload is Extract<BadgePayload, { kind: 'contact' }> {
  return payload?.kind === 'contact' && Object.values(payload.fields).some((value) => value && value.trim() !== '');
}

// ---------- vCard 3.0 / 4.0 (2.1's QUOTED-PRINTABLE too) ----------

function readVCard(text: string): BadgeFields {
  // Folded lines: a line break followed by a space or tab continues the line (RFC 6350 3.2).
  const unfolded = text.replace(/\r\n/g, '\n').replace(/\n[ \t]/g, '');
  // QUOTED-PRINTABLE soft line breaks ("=" at the end of a line) join lines too.
  const lines = unfolded.replace(/=\n/g, '').split('\n');
  const fields: BadgeFields = {};
  let fullName = '';
  for (const line of lines) {
    const colon = indexOutsideQuotes(line, ':');
    if (colon === -1) continue;
    const [nameWithGroup = '', ...params] = line.slice(0, colon).split(';');
    const name = nameWithGroup.replace(/^.*\./, '').toUpperCase();
    const paramText = params.join(';').toUpperCase();
    let value = line.slice(colon + 1);
    if (/QUOTED-PRINTABLE/.test(paramText)) value = decodeQuotedPrintable(value);
    const parts = splitEscaped(value, ';');
    const first = (index: number) => (parts[index] ?? '').trim();
    switch (name) {
      case 'N':
        fields.lastName ??= first(0);
        fields.firstName ??= first(1);
        if (first(3)) fields.salutation ??= first(3);
        break;
      case 'FN':
        fullName = first(0);
        break;
      case 'ORG':
        fields.company ??= first(0);
        break;
      case 'TITLE':
        fields.title ??= first(0);
        break;
      case 'EMAIL':
        fields.email ??= first(0);
        break;
      case 'TEL': {
        const target = /CELL|MOBILE/.test(paramText) ? 'mobile' : 'phone';
        fields[target] ??= first(0).replace(/^tel:/i, '');
        break;
      }
      case 'URL':
        fields.website ??= unescapeText(value.trim());
        break;
      case 'ADR':
        fields.street ??= first(2);
        fields.city ??= first(3);
        fields.region ??= first(4);
        fields.postalCode ??= first(5);
        fields.country ??= first(6);
        break;
    }
  }
  // A vCard without N (allowed in 4.0): the last word of FN is the last name.
  if (!fields.lastName && !fields.firstName && fullName) Object.assign(fields, splitFullName(fullName));
  return dropEmpty(fields);
}

function decodeQuotedPrintable(value: string): string {
  const bytes: number[] = [];
  for (let index = 0; index < value.length; index++) {
    const hex = value.slice(index + 1, index + 3);
    if (value[index] === '=' && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      index += 2;
    } else bytes.push(value.charCodeAt(index));
  }
  // CHARSET is nearly always UTF-8 on badges; Latin-1 bytes that are no valid UTF-8 fall back to themselves.
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(bytes));
  } catch {
    return String.fromCharCode(...bytes);
  }
}

// ---------- MECARD and BIZCARD: KEY:value; pairs ----------

const MECARD_KEYS: Record<string, (value: string, fields: BadgeFields) => void> = {
  N: (value, fields) => {
    const [last = '', first = ''] = splitEscaped(value, ',');
    fields.lastName ??= last.trim();
    fields.firstName ??= first.trim();
  },
  ORG: (value, fields) => void (fields.company ??= value),
  TITLE: (value, fields) => void (fields.title ??= value),
  EMAIL: (value, fields) => void (fields.email ??= value),
  TEL: (value, fields) => void (fields.phone ??= value),
  URL: (value, fields) => void (fields.website ??= value),
  ADR: (value, fields) => {
    const parts = splitEscaped(value, ',').map((part) => part.trim());
    // MECARD's ADR is one free line, often "PO box,extended,street,city,region,postal code,country".
    if (parts.length >= 7) Object.assign(fields, { street: parts[2], city: parts[3], region: parts[4], postalCode: parts[5], country: parts[6] });
    else fields.street ??= value;
  },
};

const BIZCARD_KEYS: Record<string, (value: string, fields: BadgeFields) => void> = {
  N: (value, fields) => void (fields.firstName ??= value),
  X: (value, fields) => void (fields.lastName ??= value),
  C: (value, fields) => void (fields.company ??= value),
  T: (value, fields) => void (fields.title ??= value),
  B: (value, fields) => void (fields.phone ??= value),
  M: (value, fields) => void (fields.mobile ??= value),
  E: (value, fields) => void (fields.email ??= value),
  A: (value, fields) => void (fields.street ??= value),
};

function readSemicolonCard(body: string, keys: Record<string, (value: string, fields: BadgeFields) => void>): BadgeFields {
  const fields: BadgeFields = {};
  for (const pair of splitEscaped(body, ';', false)) {
    const colon = pair.indexOf(':');
    if (colon <= 0) continue;
    const key = pair.slice(0, colon).trim().toUpperCase();
    keys[key]?.(unescapeText(pair.slice(colon + 1)).trim(), fields);
  }
  return dropEmpty(fields);
}

// ---------- helpers ----------

/** Splits on `separator` where it is not escaped with a backslash; unescapes the parts when asked. */
function splitEscaped(value: string, separator: string, unescape = true): string[] {
  const parts: string[] = [];
  let current = '';
  for (let index = 0; index < value.length; index++) {
    const char = value[index] as string;
    if (char === '\\' && index + 1 < value.length) {
      current += char + (value[index + 1] as string);
      index++;
    } else if (char === separator) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  return unescape ? parts.map(unescapeText) : parts;
}

function unescapeText(value: string): string {
  return value.replace(/\\([nN,;:\\])/g, (_, char: string) => (char === 'n' || char === 'N' ? ' ' : char));
}

function indexOutsideQuotes(line: string, char: string): number {
  let quoted = false;
  for (let index = 0; index < line.length; index++) {
    if (line[index] === '"') quoted = !quoted;
    else if (line[index] === char && !quoted) return index;
  }
  return -1;
}

function splitFullName(fullName: string): BadgeFields {
  const words = fullName.trim().split(/\s+/);
  if (words.length === 1) return { lastName: words[0] as string };
  return { firstName: words.slice(0, -1).join(' '), lastName: words.at(-1) as string };
}

function dropEmpty(fields: BadgeFields): BadgeFields {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined && value.trim() !== '')) as BadgeFields;
}
