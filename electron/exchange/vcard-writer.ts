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
export function escapeVcardComponent(value: string): string {
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

/** One lead as a vCard 4.0, CRLF line ends, ending with CRLF. */
export function leadToVcard(lead: Lead): string {
  const lines: string[] = ['BEGIN:VCARD', 'VERSION:4.0', 'PRODID:-//LeadBooth//LeadBooth//EN', `UID:urn:uuid:${lead.id}`];
  // A card of a company alone (no person's name) is the organisation's own card (§6.1.4).
  const isOrganisation = `${lead.firstName}${lead.lastName}`.trim() === '' && lead.company.trim() !== '';
  if (isOrganisation) lines.push('KIND:org');
  lines.push(`FN:${escapeVcardText(formattedName(lead))}`);
  if (!isOrganisation) lines.push(`N:${[lead.lastName, lead.firstName, '', lead.salutation, ''].map(escapeVcardComponent).join(';')}`);
  const text = (name: string, value: string) => {
    if (value !== '') lines.push(`${name}:${escapeVcardText(value)}`);
  };
  // ORG is structured (name;unit;unit…): the company is its first component.
  if (lead.company !== '') lines.push(`ORG:${escapeVcardComponent(lead.company)}`);
  text('TITLE', lead.title);
  text('EMAIL;TYPE=work', lead.email);
  text('TEL;VALUE=text;TYPE=work', lead.phone);
  text('TEL;VALUE=text;TYPE=cell', lead.mobile);
  const address = ['', '', lead.street, lead.city, lead.region, lead.postalCode, lead.country];
  if (address.some((part) => part !== '')) lines.push(`ADR;TYPE=work:${address.map(escapeVcardComponent).join(';')}`);
  if (lead.website !== '') lines.push(`URL:${vcardUri(lead.website)}`);
  text('NOTE', lead.notes);
  const revision = vcardTimestamp(lead.updatedAt);
  if (revision) lines.push(`REV:${revision}`);
  lines.push('END:VCARD');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

/** Many leads as one .vcf text. */
export function leadsToVcards(leads: readonly Lead[]): string {
  return leads.map(leadToVcard).join('');
}
