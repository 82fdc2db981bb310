/**
 * Every CSV LeadBooth writes goes through here: RFC 4180 quoting, and no cell is run as a
 * formula when the file is opened in a spreadsheet — while a value a CRM imports reaches it
 * exactly as stored.
 */

/**
 * Characters that make Excel, LibreOffice Calc or Google Sheets read a cell as a formula
 * (`=`, `+`, `-`, `@`), plus tab and carriage return, which some of them skip before
 * looking for one. A lead's text comes from strangers (a card, a badge, an organiser's
 * file), so `=HYPERLINK(...)` or `@SUM(...)|cmd` typed on a card must stay text: OWASP's
 * "CSV Injection" advice is to put a single quote in front, which spreadsheets treat as
 * "this is text" — and which Salesforce and HubSpot store as part of the value.
 */
function startsLikeFormula(value: string): boolean {
  // Character codes rather than a regular expression: this runs for every cell of a 100,000-lead export.
  const first = value.charCodeAt(0);
  return first === 0x3d /* = */ || first === 0x2b /* + */ || first === 0x2d /* - */ || first === 0x40 /* @ */ || first === 0x09 || first === 0x0d;
}

/**
 * Cells that start like a formula but cannot run one, so they go out untouched (docs/exchange.md's
 * "Exports" records this decision). A function call or a DDE link needs a letter (a function
 * or program name) or one of `= ! | : ;`; these hold none:
 * - a number or phone number: digits, spaces and `+ - ( ) . /` only, at least one digit
 *   (`+49 30 1234567`, `+1 (555) 010-2000`, `-12.5`). At worst a spreadsheet shows arithmetic
 *   (`+1+2` as 3); the file and the CRM keep the text. `=1+2` is not one: it holds `=`.
 * - an email address of the plain form LeadBooth's own check accepts, limited to letters,
 *   digits and `. _ % + -` before the `@` (`-info@acme.example`, `+tag@x.example`): no `(`, `!`
 *   or `|`, so nothing to call.
 * Websites need no rule: `https://…` and `www.…` never start with a formula character.
 */
const NUMBER_OR_PHONE = /^[0-9 +\-().\/]*[0-9][0-9 +\-().\/]*$/;
const PLAIN_EMAIL = /^[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}$/;

/** Whether a spreadsheet could run this cell as a formula: it starts like one and is neither a number, a phone number nor an email. */
function needsNeutralizing(value: string): boolean {
  return startsLikeFormula(value) && !NUMBER_OR_PHONE.test(value) && !PLAIN_EMAIL.test(value);
}

/** The cell as text no spreadsheet runs as a formula (a leading `'` where needed). */
export function neutralizeFormula(value: string): string {
  return needsNeutralizing(value) ? `'${value}` : value;
}

/** How many cells of each column got the leading `'` (column name → count), for the export's summary. */
export type NeutralizedCounts = Record<string, number>;

/** neutralizeFormula, counting the cell under `column` when it changed it. */
export function neutralizeCounted(value: string, column: string, counts: NeutralizedCounts): string {
  if (!needsNeutralizing(value)) return value;
  counts[column] = (counts[column] ?? 0) + 1;
  return `'${value}`;
}

export type CsvCell = string | boolean | null | undefined;

export interface CsvWriteOptions {
  /** Start the file with a UTF-8 byte order mark, so Excel reads the accents right. */
  bom?: boolean;
  /** Line ending; RFC 4180 says CRLF, which every CRM importer accepts. */
  recordDelimiter?: 'windows' | 'unix';
  /** Counts the data cells this writer neutralises, by their column's header. */
  neutralized?: NeutralizedCounts;
}

const NEEDS_QUOTES = /[",\r\n]/;

/** Quoted (inner quotes doubled) when the text holds a comma, a double quote or any line break. */
function quoted(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * A header row and data rows as CSV text, every cell neutralised (the header too, since a
 * caller may pass a user's column names). Booleans are written `true`/`false`, empty
 * values as empty cells. RFC 4180 asks for quotes around every line break, and Salesforce's
 * Data Loader, HubSpot and spreadsheets end a row at a lone LF or CR too: a note typed over
 * two lines must stay one cell, whatever the file's own line ending. Written here rather than
 * with csv-stringify, which produces the same bytes with `quoted_match` for line breaks (the
 * tests hold the two to that) at several times the cost per cell: a 100,000-lead export spent
 * a fifth of its time in it.
 */
export function writeCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[], options: CsvWriteOptions = {}): string {
  const lineEnd = options.recordDelimiter === 'unix' ? '\n' : '\r\n';
  const counts = options.neutralized ?? {};
  const lines: string[] = [options.bom ? '\uFEFF' : ''];
  lines.push(header.map((name) => quoted(neutralizeFormula(name))).join(',') + lineEnd);
  // map + join per row: it leaves flat strings, where `+=` built ropes that the final join had to
  // flatten, with far more garbage to collect (measured 1.6× slower for 100,000 Salesforce leads).
  const cellText = (cell: CsvCell, index: number): string => {
    if (typeof cell === 'boolean') return cell ? 'true' : 'false';
    if (!cell) return '';
    return quoted(neutralizeCounted(cell, header[index] ?? String(index + 1), counts));
  };
  for (const row of rows) lines.push(row.map(cellText).join(',') + lineEnd);
  return lines.join('');
}
