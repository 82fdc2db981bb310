/**
 * Every CSV LeadBooth writes goes through here: RFC 4180 quoting, and no cell is run as a
 * formula when the file is opened in a spreadsheet.
 */

/**
 * Characters that make Excel, LibreOffice Calc or Google Sheets read a cell as a formula
 * (`=`, `+`, `-`, `@`), plus tab and carriage return, which some of them skip before
 * looking for one. A lead's text comes from strangers (a card, a badge, an organiser's
 * file), so `=HYPERLINK(...)` or `@SUM(...)|cmd` typed on a card must stay text: OWASP's
 * "CSV Injection" advice is to put a single quote in front, which spreadsheets treat as
 * "this is text" and CRMs store as a visible character. The cost is that a phone number
 * written as "+49 …" also gets the quote; we accept that rather than guess which cells are
 * harmless.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** The cell as text no spreadsheet runs as a formula. */
export function neutralizeFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export type CsvCell = string | boolean | null | undefined;

export interface CsvWriteOptions {
  /** Start the file with a UTF-8 byte order mark, so Excel reads the accents right. */
  bom?: boolean;
  /** Line ending; RFC 4180 says CRLF, which every CRM importer accepts. */
  recordDelimiter?: 'windows' | 'unix';
}

/**
 * One cell as CSV text: neutralised, then quoted (inner quotes doubled) when it holds a
 * comma, a double quote or any line break. RFC 4180 asks for quotes around every line break,
 * and Salesforce's Data Loader, HubSpot and spreadsheets end a row at a lone LF or CR too:
 * a note typed over two lines must stay one cell, whatever the file's own line ending.
 */
function cellText(cell: CsvCell): string {
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  if (cell === null || cell === undefined || cell === '') return '';
  const text = neutralizeFormula(cell);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const NEEDS_QUOTES = /[",\r\n]/;

/**
 * A header row and data rows as CSV text, every cell neutralised (the header too, since a
 * caller may pass a user's column names). Booleans are written `true`/`false`, empty
 * values as empty cells. Written here rather than with csv-stringify, which produces the
 * same bytes with `quoted_match` for line breaks (the tests hold the two to that) at several
 * times the cost per cell: a 100,000-lead export spent a fifth of its time in it.
 */
export function writeCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[], options: CsvWriteOptions = {}): string {
  const lineEnd = options.recordDelimiter === 'unix' ? '\n' : '\r\n';
  const lines: string[] = [options.bom ? '\uFEFF' : ''];
  const line = (cells: readonly CsvCell[]) => cells.map(cellText).join(',') + lineEnd;
  lines.push(line(header));
  for (const row of rows) lines.push(line(row));
  return lines.join('');
}
