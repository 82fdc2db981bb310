/**
 * Contact payloads: what a badge QR code, an NFC tag or a `.vcf` file holds. Reads vCard
 * 4.0 (RFC 6350), 3.0 (RFC 2426) and, leniently, 2.1, MECARD (NTT Docomo) and `BIZCARD:`
 * (the ZXing format) into a lead's contact fields. A payload that is none of these (a bare
 * registration id, a URL) is reported as such, so the caller keeps it raw as a badge id
 * to match against the organiser's list later.
 *
 * Pure string work: no Node, no DOM (TextDecoder is in both).
 */

export const CONTACT_PAYLOAD_FIELDS = [
  'salutation',
  'firstName',
  'lastName',
  'company',
  'title',
  'email',
  'phone',
  'mobile',
  'website',
  'street',
  'city',
  'region',
  'postalCode',
  'country',
  'notes',
] as const;
export type ContactPayloadField = (typeof CONTACT_PAYLOAD_FIELDS)[number];
/** Every field present; '' when the payload did not say. */
export type ContactPayloadFields = Record<ContactPayloadField, string>;

export type ContactFormat = 'vcard' | 'mecard' | 'bizcard';

export interface ParsedContact {
  format: ContactFormat;
  /** "2.1", "3.0", "4.0" for vCards ('' when the card did not say); '' for the others */
  version: string;
  /** 1-based line of the card's first line (BEGIN:VCARD, MECARD:, BIZCARD:) in the text */
  line: number;
  fields: ContactPayloadFields;
  /** the card's UID as written ('' when none; MECARD and BIZCARD have none) */
  uid: string;
  /**
   * What the card held that no field took, by property as written without its group
   * ("EMAIL;TYPE=home", "TEL;TYPE=fax", "BDAY"): the other emails, phones and addresses and
   * properties a lead has no field for. Nothing a person typed is dropped.
   */
  extras: Record<string, string>;
  /** the property each field was read from ("EMAIL;TYPE=work", "N"), to name a value that cannot be used */
  sources: Partial<Record<ContactPayloadField, string>>;
  /** lines of the card that could not be read as they should (kept in `extras` where they hold text) */
  problems: VcardProblem[];
}

/** A line of a vCard file that could not be read as it should. */
interface VcardProblem {
  line: number;
  value: string;
  why: string;
  /** the card's extras key the line's text was kept under, when it was */
  keptAs?: string;
}

/** A payload that cannot be read; `line` is 1-based and already in the message. */
export class ContactPayloadError extends Error {
  readonly line: number;
  constructor(line: number, problem: string) {
    super(`Line ${line}: ${problem}`);
    this.name = 'ContactPayloadError';
    this.line = line;
  }
}

export type PayloadKind = ContactFormat | 'url' | 'registration-id' | 'text' | 'empty';

/** What a scanned payload is, without parsing it. */
export function classifyPayload(payload: string): PayloadKind {
  const text = payload.replace(/^\uFEFF/, '').trim();
  if (text === '') return 'empty';
  if (/^BEGIN:VCARD\b/i.test(text)) return 'vcard';
  if (/^MECARD:/i.test(text)) return 'mecard';
  if (/^BIZCARD:/i.test(text)) return 'bizcard';
  if (/^(?:[a-z][a-z0-9+.-]*:\/\/|www\.)\S+$/i.test(text)) return 'url';
  // One token of letters, digits and the punctuation organisers use in registration codes.
  if (/^[\p{L}\p{N}][\p{L}\p{N}\-_./#:+=]{0,127}$/u.test(text)) return 'registration-id';
  return 'text';
}

export type BadgePayload =
  | { kind: 'contact'; contact: ParsedContact }
  /** Not a contact: keep `value` (trimmed) on the lead as its badge id. */
  | { kind: 'raw'; value: string; reason: 'url' | 'registration-id' | 'text' | 'empty' };

/**
 * A badge or QR payload: the first contact it holds, or the raw value to keep as a badge
 * id. Throws ContactPayloadError when it says it is a vCard/MECARD/BIZCARD but is broken.
 */
export function readBadgePayload(payload: string): BadgePayload {
  const kind = classifyPayload(payload);
  const text = payload.replace(/^\uFEFF/, '');
  switch (kind) {
    case 'vcard': {
      const [first] = parseVcards(text);
      if (!first) throw new ContactPayloadError(1, 'the vCard holds no card.');
      return { kind: 'contact', contact: first };
    }
    case 'mecard':
      return { kind: 'contact', contact: parseMecard(text) };
    case 'bizcard':
      return { kind: 'contact', contact: parseBizcard(text) };
    default:
      return { kind: 'raw', value: text.trim(), reason: kind };
  }
}

function emptyFields(): ContactPayloadFields {
  const fields = {} as ContactPayloadFields;
  for (const field of CONTACT_PAYLOAD_FIELDS) fields[field] = '';
  return fields;
}

// ---------------------------------------------------------------------------------------
// vCard

interface ContentLine {
  line: number;
  group: string;
  /** upper case */
  name: string;
  /** parameter names upper case; values as written, quotes removed */
  params: Map<string, string[]>;
  /** TYPE values, lower case (2.1's bare parameters such as WORK;VOICE included) */
  types: Set<string>;
  /** the raw value after the colon, QUOTED-PRINTABLE already decoded */
  value: string;
}

interface LogicalLine {
  line: number;
  text: string;
}

/**
 * Physical lines → logical lines: a line starting with a space or tab continues the one
 * before (RFC 6350 §3.2, RFC 2426 §2.6); a QUOTED-PRINTABLE line ending in "=" continues on
 * the next line (2.1's soft line break); 2.1's BASE64 blocks run until a blank line.
 */
function unfold(text: string, firstLine: number): LogicalLine[] {
  const physical = text.split(/\r\n|\r|\n/);
  const logical: LogicalLine[] = [];
  let softBreak = false;
  let inBase64 = false;
  physical.forEach((raw, index) => {
    const line = firstLine + index;
    const last = logical[logical.length - 1];
    if (softBreak && last) {
      last.text = last.text.slice(0, -1) + raw;
    } else if (last && /^[ \t]/.test(raw)) {
      last.text += raw.slice(1);
    } else if (raw.trim() === '') {
      inBase64 = false;
      softBreak = false;
      return;
    } else if (inBase64 && last && !/[:;]/.test(raw)) {
      last.text += raw.trim();
    } else {
      logical.push({ line, text: raw });
    }
    const current = logical[logical.length - 1] as LogicalLine;
    const head = current.text.slice(0, Math.max(0, current.text.indexOf(':')));
    softBreak = /QUOTED-PRINTABLE/i.test(head) && current.text.endsWith('=');
    inBase64 = /ENCODING=(?:BASE64|B)\b|;BASE64\b/i.test(head);
  });
  return logical;
}

/** Splits on `separator` outside double quotes. */
function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === '"') quoted = !quoted;
    else if (char === separator && !quoted) {
      parts.push(text.slice(start, index));
      start = index + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

function indexOfColonOutsideQuotes(text: string): number {
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === '"') quoted = !quoted;
    else if (char === ':' && !quoted) return index;
  }
  return -1;
}

/** vCard 2.1 parameters written without a name, and what they mean. */
const BARE_ENCODINGS = new Set(['QUOTED-PRINTABLE', 'BASE64', '8BIT', '7BIT']);

function parseContentLine({ line, text }: LogicalLine): ContentLine {
  const colon = indexOfColonOutsideQuotes(text);
  if (colon <= 0) {
    throw new ContactPayloadError(line, `a vCard line needs a property name and a colon (such as "TEL:+1 555 0100"); found "${text.slice(0, 40)}".`);
  }
  const [nameWithGroup = '', ...rawParams] = splitOutsideQuotes(text.slice(0, colon), ';');
  const dot = nameWithGroup.lastIndexOf('.');
  const group = dot === -1 ? '' : nameWithGroup.slice(0, dot).toLowerCase();
  const name = nameWithGroup.slice(dot + 1).trim().toUpperCase();
  if (!/^[A-Z0-9-]+$/.test(name)) throw new ContactPayloadError(line, `"${nameWithGroup}" is not a vCard property name.`);
  const params = new Map<string, string[]>();
  const types = new Set<string>();
  for (const rawParam of rawParams) {
    const equals = rawParam.indexOf('=');
    let key: string;
    let values: string[];
    if (equals === -1) {
      const bare = rawParam.trim().toUpperCase();
      key = BARE_ENCODINGS.has(bare) ? 'ENCODING' : 'TYPE';
      values = [bare];
    } else {
      key = rawParam.slice(0, equals).trim().toUpperCase();
      values = splitOutsideQuotes(rawParam.slice(equals + 1), ',').map((value) => value.trim().replace(/^"(.*)"$/s, '$1'));
      // RFC 6350 also writes the TYPE list inside one quoted value: TYPE="work,voice".
      if (key === 'TYPE') values = values.flatMap((value) => value.split(','));
    }
    params.set(key, [...(params.get(key) ?? []), ...values]);
    if (key === 'TYPE') for (const value of values) types.add(value.toLowerCase());
  }
  let value = text.slice(colon + 1);
  const encoding = (params.get('ENCODING')?.[0] ?? '').toUpperCase();
  if (encoding === 'QUOTED-PRINTABLE' || encoding === 'Q') {
    value = decodeQuotedPrintable(value, params.get('CHARSET')?.[0] ?? 'utf-8');
  }
  return { line, group, name, params, types, value };
}

/** QUOTED-PRINTABLE (RFC 2045 §6.7) in the given character set; unknown sets are read as UTF-8. */
export function decodeQuotedPrintable(value: string, charset = 'utf-8'): string {
  const bytes: number[] = [];
  const encoder = new TextEncoder();
  const text = value.replace(/=\r?\n/g, '');
  for (let index = 0; index < text.length; index++) {
    const char = text[index] as string;
    const hex = text.slice(index + 1, index + 3);
    if (char === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      index += 2;
    } else {
      for (const byte of encoder.encode(char)) bytes.push(byte);
    }
  }
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset.trim().toLowerCase());
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  return decoder.decode(new Uint8Array(bytes));
}

/** Splits a structured value (N, ADR, ORG) on `;` that is not escaped. */
function splitStructured(value: string, separator = ';'): string[] {
  const parts: string[] = [];
  let current = '';
  for (let index = 0; index < value.length; index++) {
    const char = value[index] as string;
    if (char === '\\' && index + 1 < value.length) {
      current += char + value[index + 1];
      index++;
    } else if (char === separator) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  return parts;
}

/** `\n` `\N` → newline; `\\` `\,` `\;` `\:` → the character (RFC 6350 §3.4); any other backslash stays. */
function unescapeText(value: string): string {
  return value.replace(/\\([nN,;:\\])/g, (_, char: string) => (char === 'n' || char === 'N' ? '\n' : char));
}

/** A component that may be a comma-separated list (N's parts): the list joined with spaces. */
function listComponent(component: string | undefined): string {
  return splitStructured(component ?? '', ',')
    .map((part) => unescapeText(part).trim())
    .filter(Boolean)
    .join(' ');
}

/** TYPE values and Apple label words (English, German, French, Spanish) that mean a mobile. */
const MOBILE_TYPES = ['cell', 'mobile', 'iphone', 'mobil', 'handy', 'portable', 'movil', 'celular'];
const NOT_A_PHONE_TYPES = ['fax', 'pager'];

/** Apple writes the label of a grouped property on its own line: item1.X-ABLabel:_$!<Mobile>!$_ */
function groupLabels(lines: ContentLine[]): Map<string, string> {
  const labels = new Map<string, string>();
  for (const line of lines) {
    if (line.group && line.name === 'X-ABLABEL') {
      labels.set(line.group, unescapeText(line.value).normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase());
    }
  }
  return labels;
}

/**
 * Lower is better: a work value before one without a type before a home one (a lead is a
 * business contact, even when the card marks the home one preferred); within those, PREF
 * (3.0 TYPE=pref, 4.0 PREF=1..100) first, then the order of the card.
 */
function rank(line: ContentLine, types: Set<string>): number {
  const place = types.has('work') ? 0 : types.has('home') ? 2000 : 1000;
  const pref = line.params.get('PREF')?.[0];
  const preference = pref !== undefined ? Number(pref) || 1 : types.has('pref') ? 1 : 101;
  return place + preference;
}

function best(lines: ContentLine[], typesOf: (line: ContentLine) => Set<string>): ContentLine | undefined {
  let chosen: ContentLine | undefined;
  let chosenRank = Infinity;
  for (const line of lines) {
    const lineRank = rank(line, typesOf(line));
    if (lineRank < chosenRank) {
      chosen = line;
      chosenRank = lineRank;
    }
  }
  return chosen;
}

/** A tel: URI as the number people read ("tel:+1-555-0100;ext=7" → "+1-555-0100 ext. 7"). */
function telValue(value: string): string {
  const text = unescapeText(value).trim();
  if (!/^tel:/i.test(text)) return text;
  const [number = '', ...params] = text.slice(4).split(';');
  const extension = params.find((param) => /^ext=/i.test(param));
  return extension ? `${number} ext. ${extension.slice(4)}` : number;
}

const SALUTATIONS = /^(mr|mrs|ms|miss|mx|dr|prof|herr|frau|m|mme|mlle|sr|sra|srta|dott|ing)\.?$/i;

/**
 * A formatted name split into first and last name: the last word is the last name (Salesforce
 * needs one), the words before it the first name, a leading "Dr." the salutation.
 */
export function splitFullName(fullName: string): { salutation: string; firstName: string; lastName: string } {
  const words = fullName.trim().split(/\s+/).filter(Boolean);
  let salutation = '';
  if (words.length > 1 && SALUTATIONS.test(words[0] as string)) salutation = words.shift() as string;
  const lastName = words.pop() ?? '';
  return { salutation, firstName: words.join(' '), lastName };
}

/** Properties that say nothing about the person, or that a lead cannot hold (pictures, keys). */
const NOT_KEPT_PROPERTIES = new Set(['VERSION', 'PRODID', 'REV', 'UID', 'N', 'FN', 'NOTE', 'PHOTO', 'LOGO', 'SOUND', 'KEY', 'X-ABLABEL', 'X-ABUID', 'CLIENTPIDMAP']);
/** TYPE values that say nothing worth a name of their own. */
const QUIET_TYPES = new Set(['pref', 'internet', 'x400']);

/** "EMAIL;TYPE=home": a property as a column name, its group left out, its types (Apple labels included) kept. */
function propertyKey(line: ContentLine, types: Set<string>): string {
  const shown = [...types].filter((type) => !QUIET_TYPES.has(type) && type !== '');
  return shown.length > 0 ? `${line.name};TYPE=${shown.join(',')}` : line.name;
}

/** An address on one line: "Calle Mayor 5, Planta 3, 28013 Madrid, Spain". */
function addressText(value: string): string {
  const [poBox, extended, street, city, region, postalCode, country] = splitStructured(value).map((part) => unescapeText(part).trim());
  return [street, extended, poBox, [postalCode, city].filter(Boolean).join(' '), region, country].filter(Boolean).join(', ');
}

interface CardReading {
  fields: ContactPayloadFields;
  uid: string;
  extras: Record<string, string>;
  sources: Partial<Record<ContactPayloadField, string>>;
}

function cardFields(lines: ContentLine[]): CardReading {
  const fields = emptyFields();
  const sources: Partial<Record<ContactPayloadField, string>> = {};
  const labels = groupLabels(lines);
  const named = (name: string) => lines.filter((line) => line.name === name);
  const typesOf = (line: ContentLine): Set<string> => {
    const label = labels.get(line.group);
    return label ? new Set([...line.types, ...label.replace(/[^a-z]+/g, ' ').trim().split(' ')]) : line.types;
  };
  /** The lines a field took: everything else is kept in extras. */
  const used = new Set<ContentLine>();
  const take = (line: ContentLine | undefined, ...targets: ContactPayloadField[]): ContentLine | undefined => {
    if (!line) return undefined;
    used.add(line);
    for (const target of targets) sources[target] = propertyKey(line, typesOf(line));
    return line;
  };

  const n = take(named('N')[0], 'lastName', 'firstName', 'salutation');
  if (n) {
    const [family, given, additional, prefixes] = splitStructured(n.value);
    fields.lastName = listComponent(family);
    fields.firstName = [listComponent(given), listComponent(additional)].filter(Boolean).join(' ');
    fields.salutation = listComponent(prefixes);
  }
  const org = take(named('ORG')[0], 'company');
  const extras: Record<string, string> = {};
  if (org) {
    const [company = '', ...units] = splitStructured(org.value).map((part) => unescapeText(part).trim());
    fields.company = company;
    // The department and further units of ORG: no lead field holds them.
    const unitText = units.filter(Boolean).join(', ');
    if (unitText) extras['ORG (unit)'] = unitText;
  }
  fields.title = unescapeText(take(named('TITLE')[0] ?? named('ROLE')[0], 'title')?.value ?? '').trim();
  fields.email = unescapeText(take(best(named('EMAIL'), typesOf), 'email')?.value ?? '').trim();

  const phones: ContentLine[] = [];
  const mobiles: ContentLine[] = [];
  for (const tel of named('TEL')) {
    const types = typesOf(tel);
    if (NOT_A_PHONE_TYPES.some((type) => types.has(type))) continue;
    (MOBILE_TYPES.some((type) => types.has(type)) ? mobiles : phones).push(tel);
  }
  fields.phone = telValue(take(best(phones, typesOf), 'phone')?.value ?? '');
  fields.mobile = telValue(take(best(mobiles, typesOf), 'mobile')?.value ?? '');

  const fn = named('FN')[0];
  const fullName = fn ? unescapeText(fn.value).trim() : '';
  // An FN that only repeats the company, the email or a number (a card without a person's
  // name, as our writer and Apple's company cards make) is not a person's name to split.
  const repeatsAnotherField = [fields.company, fields.email, fields.phone, fields.mobile].includes(fullName);
  if (fn && fullName && fields.firstName === '' && fields.lastName === '' && !repeatsAnotherField) {
    const split = splitFullName(fullName);
    take(fn, 'firstName', 'lastName', ...(fields.salutation ? [] : (['salutation'] as const)));
    fields.firstName = split.firstName;
    fields.lastName = split.lastName;
    fields.salutation ||= split.salutation;
  }
  fields.website = unescapeText(take(best(named('URL'), typesOf), 'website')?.value ?? '').trim();

  const adr = take(best(named('ADR'), typesOf), 'street', 'city', 'region', 'postalCode', 'country');
  if (adr) {
    const [poBox, extended, street, city, region, postalCode, country] = splitStructured(adr.value).map((part) => unescapeText(part).trim());
    fields.street = [street, extended, poBox].filter(Boolean).join('\n');
    fields.city = city ?? '';
    fields.region = region ?? '';
    fields.postalCode = postalCode ?? '';
    fields.country = country ?? '';
  }
  const notes = named('NOTE');
  if (notes.length > 0) sources.notes = 'NOTE';
  fields.notes = notes.map((note) => unescapeText(note.value)).join('\n');

  for (const line of lines) {
    if (used.has(line) || NOT_KEPT_PROPERTIES.has(line.name)) continue;
    const value = line.name === 'ADR' ? addressText(line.value) : line.name === 'TEL' ? telValue(line.value) : unescapeText(line.value).trim();
    if (value !== '') addExtra(extras, propertyKey(line, typesOf(line)), value);
  }
  const uid = unescapeText(named('UID')[0]?.value ?? '').trim();
  return { fields, uid, extras, sources };
}

/** Adds `value` under `key`, or under "key (2)", "key (3)" … when the key is taken by another value. */
export function addExtra(extras: Record<string, string>, key: string, value: string): void {
  let name = key;
  for (let count = 2; extras[name] !== undefined && extras[name] !== value; count++) name = `${key} (${count})`;
  extras[name] = value;
}

/** The cards of a `.vcf` file, and the lines outside any card. */
export interface VcardFile {
  cards: ParsedContact[];
  /** lines outside a card (between END:VCARD and the next BEGIN:VCARD): no card holds them */
  problems: VcardProblem[];
}

const KNOWN_VERSIONS = ['2.1', '3.0', '4.0'];
const OUTSIDE_A_CARD = 'this line is outside a card (expected BEGIN:VCARD).';

/**
 * Every card of a vCard file, in order, each with the line of its BEGIN:VCARD; a line or
 * card that cannot be read as it should is a problem of its card (its text kept in the
 * card's extras), so one bad card does not cost the file. Throws ContactPayloadError only
 * where the cards themselves cannot be told apart: a card that never ends (the file cut
 * short) or a card begun inside another.
 */
export function readVcardFile(text: string): VcardFile {
  const cards: ParsedContact[] = [];
  const outside: VcardProblem[] = [];
  let open: { line: number; lines: ContentLine[]; problems: VcardProblem[]; extras: Record<string, string> } | null = null;
  for (const logical of unfold(text.replace(/^\uFEFF/, ''), 1)) {
    let content: ContentLine;
    try {
      content = parseContentLine(logical);
    } catch (error) {
      if (!(error instanceof ContactPayloadError)) throw error;
      const problem = { line: logical.line, value: logical.text, why: error.message.replace(/^Line \d+: /, '') };
      if (open) {
        const keptAs = `line ${logical.line - open.line + 1} of the card`;
        open.problems.push({ ...problem, keptAs });
        addExtra(open.extras, keptAs, logical.text);
      } else outside.push({ ...problem, why: OUTSIDE_A_CARD });
      continue;
    }
    if (content.name === 'BEGIN') {
      if (content.value.trim().toUpperCase() !== 'VCARD') continue; // AGENT's nested cards are not supported; other BEGINs are not ours
      if (open) throw new ContactPayloadError(logical.line, `a new card begins before the card that begins on line ${open.line} has ended (END:VCARD missing).`);
      open = { line: logical.line, lines: [], problems: [], extras: {} };
    } else if (content.name === 'END') {
      if (!open) {
        outside.push({ line: logical.line, value: logical.text, why: 'END:VCARD without a BEGIN:VCARD before it.' });
        continue;
      }
      const version = open.lines.find((line) => line.name === 'VERSION')?.value.trim() ?? '';
      if (version !== '' && !KNOWN_VERSIONS.includes(version)) {
        open.problems.unshift({ line: open.line, value: `VERSION:${version}`, why: `vCard version "${version}" is not one LeadBooth reads (2.1, 3.0, 4.0); the card was read as far as it could be.` });
      }
      const reading = cardFields(open.lines);
      const extras = { ...reading.extras };
      for (const [key, value] of Object.entries(open.extras)) addExtra(extras, key, value);
      cards.push({ format: 'vcard', version, line: open.line, fields: reading.fields, uid: reading.uid, extras, sources: reading.sources, problems: open.problems });
      open = null;
    } else if (!open) {
      outside.push({ line: logical.line, value: logical.text, why: OUTSIDE_A_CARD });
    } else {
      open.lines.push(content);
    }
  }
  if (open) throw new ContactPayloadError(open.line, 'the card that begins here has no END:VCARD (the file may be cut short).');
  return { cards, problems: outside };
}

/**
 * Every card in a vCard text (a `.vcf` file may hold many), in order, each with the line of
 * its BEGIN:VCARD. Throws ContactPayloadError naming the line of the first problem: a badge
 * holds one card, and a half-read one is not worth keeping.
 */
export function parseVcards(text: string): ParsedContact[] {
  const file = readVcardFile(text);
  const problems = [...file.problems, ...file.cards.flatMap((card) => card.problems)].sort((a, b) => a.line - b.line);
  const [first] = problems;
  if (first) throw new ContactPayloadError(first.line, first.why);
  return file.cards;
}

// ---------------------------------------------------------------------------------------
// MECARD and BIZCARD: "PREFIX:KEY:value;KEY:value;;", `\` escapes `; : , \`

interface KeyedValue {
  key: string;
  value: string;
}

function splitKeyedPayload(payload: string, prefix: string): { line: number; values: KeyedValue[] } {
  const leading = payload.match(/^\s*/)?.[0] ?? '';
  const line = 1 + (leading.match(/\r\n|\r|\n/g)?.length ?? 0);
  const body = payload.slice(leading.length + prefix.length).replace(/[\s;]*$/, '');
  const values: KeyedValue[] = [];
  let offset = leading.length + prefix.length;
  for (const field of splitStructured(body)) {
    const trimmed = field.replace(/^\s+/, '');
    const fieldLine = 1 + (payload.slice(0, offset + field.length - trimmed.length).match(/\r\n|\r|\n/g)?.length ?? 0);
    offset += field.length + 1;
    if (trimmed.trim() === '') continue;
    const colon = trimmed.indexOf(':');
    if (colon <= 0) throw new ContactPayloadError(fieldLine, `"${trimmed.slice(0, 40)}" in the ${prefix.slice(0, -1)} payload has no "KEY:" in front.`);
    const value = trimmed.slice(colon + 1).replace(/\\([;:,\\"])/g, '$1');
    values.push({ key: trimmed.slice(0, colon).trim().toUpperCase(), value: value.trim() });
  }
  return { line, values };
}

/**
 * MECARD: N is "Last,First"; TEL has no types, so the first number is the phone and a
 * second one the mobile; ADR is one text, or the seven comma-separated vCard parts; ORG and
 * TITLE are not in Docomo's list but many generators write them.
 */
export function parseMecard(payload: string): ParsedContact {
  const { line, values } = splitKeyedPayload(payload, 'MECARD:');
  const fields = emptyFields();
  const tels: string[] = [];
  for (const { key, value } of values) {
    switch (key) {
      case 'N': {
        const comma = value.indexOf(',');
        if (comma === -1) Object.assign(fields, splitFullName(value));
        else {
          fields.lastName = value.slice(0, comma).trim();
          fields.firstName = value.slice(comma + 1).trim();
        }
        break;
      }
      case 'TEL':
        tels.push(value);
        break;
      case 'EMAIL':
        fields.email ||= value;
        break;
      case 'URL':
        fields.website ||= value;
        break;
      case 'ORG':
        fields.company ||= value;
        break;
      case 'TITLE':
        fields.title ||= value;
        break;
      case 'NOTE':
        fields.notes = [fields.notes, value].filter(Boolean).join('\n');
        break;
      case 'ADR': {
        const parts = value.split(',');
        if (parts.length === 7) {
          const [poBox, extended, street, city, region, postalCode, country] = parts.map((part) => part.trim());
          fields.street = [street, extended, poBox].filter(Boolean).join('\n');
          Object.assign(fields, { city, region, postalCode, country });
        } else fields.street = value;
        break;
      }
      default:
        break; // SOUND, TEL-AV, BDAY, NICKNAME: nothing on a lead holds them
    }
  }
  fields.phone = tels[0] ?? '';
  fields.mobile = tels[1] ?? '';
  return { format: 'mecard', version: '', line, fields, uid: '', extras: {}, sources: {}, problems: [] };
}

/** BIZCARD: N first name, X last name, T title, C company, A address, B phone, M mobile, F fax (ignored), E email. */
export function parseBizcard(payload: string): ParsedContact {
  const { line, values } = splitKeyedPayload(payload, 'BIZCARD:');
  const fields = emptyFields();
  const keys: Partial<Record<string, ContactPayloadField>> = {
    N: 'firstName',
    X: 'lastName',
    T: 'title',
    C: 'company',
    A: 'street',
    B: 'phone',
    M: 'mobile',
    E: 'email',
  };
  for (const { key, value } of values) {
    const field = keys[key];
    if (field && fields[field] === '') fields[field] = value;
  }
  return { format: 'bizcard', version: '', line, fields, uid: '', extras: {}, sources: {}, problems: [] };
}
