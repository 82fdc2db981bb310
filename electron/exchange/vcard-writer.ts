/**
 * vCard 4.0 (RFC 6350) of leads, one card per lead, for any address book or CRM.
 *
 * - UTF-8, CRLF line ends, `VERSION:4.0` right after `BEGIN:VCARD` (§6.7.9 requires it there).
 * - Lines longer than 75 octets are folded (§3.2): CRLF + one space, never inside a UTF-8
 *   sequence (we cut between code points).
 * - Escaping follows the RFC's grammar (§3.3, §3.4): a single TEXT value (FN, TITLE, NOTE,
 *   EMAIL, TEL as text) escapes `\`, `,` and newlines only; the structured N, ADR and ORG
 *   escape `;` too in each component and join them with `;`. URL is a URI, not TEXT: its
 *   commas are percent-encoded so that no reader cuts the address (vcardUri).
 * - `KIND:org` (§6.1.4) and no N for a card of a company alone (no person's name).
 * - Read back identically by ical.js and vcard4-ts in the tests (vcard-writer.test.ts).
 * - `UID:urn:uuid:<lead id>` (§6.7.6), so re-importing the file updates the same contact.
 * - FN is required (§6.2.1): the person's name, else the company, the email, the phone or
 *   the mobile (a lead always has one of these), else "Unknown".
 * - TEL is written as text (`TEL;VALUE=text;TYPE=work:+49 30 1234567`): §6.4.1 allows a
 *   free-form text value as well as a `tel:` URI, and text keeps the number exactly as it
 *   was printed or typed (a `tel:` URI needs a country code or a phone-context we do not
 *   always know). Work phone → TYPE=work, mobile → TYPE=cell.
 * - Empty fields are left out; ADR is written when any part of the address is known.
 */
import type { Lead } from '../../shared/domain/lead';
import { LEAD_RECORD_FIELDS, leadFieldsInGroups, recordFieldText, type LeadContactField, type LeadFieldGroup, type VcardPlace } from '../../shared/domain/lead-fields';

const MAX_LINE_OCTETS = 75;

/**
 * A single TEXT value (FN, TITLE, NOTE, EMAIL, a text TEL) escaped per RFC 6350's grammar:
 * `text = *TEXT-CHAR`, where TEXT-CHAR is `\\` / `\,` / `\n` or any other character except a
 * backslash or a comma. A semicolon stands as it is: `\;` is not a TEXT-CHAR, and readers that
 * follow the grammar (ical.js) keep its backslash.
 */
export function escapeVcardText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/** One component of a structured value (N, ADR, ORG): as TEXT, and `;` escaped too, since it separates the components there (`component` in §3.3). */
function escapeVcardComponent(value: string): string {
  return escapeVcardText(value).replace(/;/g, '\\;');
}

function utf8Length(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}

/**
 * A content line folded at 75 octets: the first line holds up to 75, each continuation a
 * space and up to 74, always cut between whole characters.
 */
export function foldLine(line: string): string {
  // Most lines are short: a UTF-16 unit is at most 3 octets, so 25 units always fit.
  if (line.length <= MAX_LINE_OCTETS / 3) return line;
  const pieces: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = utf8Length(char.codePointAt(0) as number);
    if (octets + size > MAX_LINE_OCTETS) {
      pieces.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  pieces.push(current);
  return pieces.join('\r\n');
}

/**
 * A website as a URI value (§6.7.8). A URI is not TEXT, so backslash escapes mean nothing in
 * it (readers that follow the grammar keep `\,` as two characters), and readers that split
 * values at commas cut `https://x.example/a,b` in two: a comma is written percent-encoded
 * (`%2C`, a legal URI character that every reader keeps), as are spaces, line breaks and
 * backslashes, which a URI cannot hold. The address still leads to the same page.
 */
export function vcardUri(website: string): string {
  return website.trim().replace(/[\r\n]+/g, '').replace(/[,\\ ]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** "20260310T093000Z" from an ISO time (the timestamp form of §4.3.5). */
function vcardTimestamp(isoTime: string): string | null {
  const time = new Date(isoTime);
  if (Number.isNaN(time.getTime())) return null;
  return time.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

/** The name a card is filed under: the person, else the company, the email, the phone, the mobile. */
export function formattedName(lead: Pick<Lead, 'firstName' | 'lastName' | 'company' | 'email' | 'phone' | 'mobile'>): string {
  return `${lead.firstName} ${lead.lastName}`.trim() || lead.company || lead.email || lead.phone || lead.mobile || 'Unknown';
}

/** Components of the structured properties the fields fill (§6.2.2 N, §6.3.1 ADR, §6.6.4 ORG: one here, the name). */
const STRUCTURED_COMPONENTS: Readonly<Record<string, number>> = { N: 5, ADR: 7, ORG: 1 };

/** One property the contact fields fill: a single value (one field) or a structured one (a field per component, '' where none). */
interface VcardProperty {
  property: string;
  /** the field of each component of a structured property; of a single value, the one field */
  components: Array<LeadContactField | undefined>;
  structured: boolean;
}

/**
 * The properties of the fields of these groups (field registry, shared/domain/lead-fields.ts),
 * in the order the fields first name them.
 */
function vcardProperties(groups: readonly LeadFieldGroup[]): VcardProperty[] {
  const properties = new Map<string, VcardProperty>();
  for (const field of leadFieldsInGroups(groups)) {
    const place: VcardPlace | undefined = field.vcard;
    if (!place) continue;
    const count = STRUCTURED_COMPONENTS[place.property.split(';')[0] as string];
    let property = properties.get(place.property);
    if (!property) {
      property = { property: place.property, components: new Array<LeadContactField | undefined>(count ?? 1).fill(undefined), structured: count !== undefined };
      properties.set(place.property, property);
    }
    property.components[place.component ?? 0] = field.key;
  }
  return [...properties.values()];
}

/** In the order written after FN: the person's name (N), organisation, email and phones, address, website. */
const CONTACT_PROPERTIES = vcardProperties(['person', 'company', 'contact', 'address', 'web']);

/** The lead's own fields a card holds (NOTE: the notes), each a single TEXT value after the contact's properties. */
const VCARD_RECORD_FIELDS = LEAD_RECORD_FIELDS.flatMap(({ key, vcardProperty }) => (vcardProperty === undefined ? [] : [{ key, vcardProperty }]));

/** A property's line, or null for a value left out (empty). */
function propertyLine(lead: Lead, { property, components, structured }: VcardProperty, always = false): string | null {
  const values = components.map((field) => (field === undefined ? '' : lead[field]));
  if (!always && values.every((value) => value === '')) return null;
  // A URL is a URI, not TEXT (vcardUri); a structured value escapes each component.
  if (property === 'URL') return `URL:${vcardUri(values[0] as string)}`;
  return `${property}:${structured ? values.map(escapeVcardComponent).join(';') : escapeVcardText(values[0] as string)}`;
}

/** One lead as a vCard 4.0, CRLF line ends, ending with CRLF. */
export function leadToVcard(lead: Lead): string {
  const lines: string[] = ['BEGIN:VCARD', 'VERSION:4.0', 'PRODID:-//LeadBooth//LeadBooth//EN', `UID:urn:uuid:${lead.id}`];
  // A card of a company alone (no person's name) is the organisation's own card (§6.1.4).
  const isOrganisation = `${lead.firstName}${lead.lastName}`.trim() === '' && lead.company.trim() !== '';
  if (isOrganisation) lines.push('KIND:org');
  lines.push(`FN:${escapeVcardText(formattedName(lead))}`);
  for (const property of CONTACT_PROPERTIES) {
    // A person's card always has N (empty components where unknown); an organisation's has none.
    const isName = property.property === 'N';
    if (isName && isOrganisation) continue;
    const line = propertyLine(lead, property, isName);
    if (line !== null) lines.push(line);
  }
  for (const { key, vcardProperty } of VCARD_RECORD_FIELDS) {
    const value = recordFieldText(lead, key);
    if (value !== '') lines.push(`${vcardProperty}:${escapeVcardText(value)}`);
  }
  const revision = vcardTimestamp(lead.updatedAt);
  if (revision) lines.push(`REV:${revision}`);
  lines.push('END:VCARD');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

/** Many leads as one .vcf text. */
export function leadsToVcards(leads: readonly Lead[]): string {
  return leads.map(leadToVcard).join('');
}
