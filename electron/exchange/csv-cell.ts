/**
 * Every CSV LeadBooth writes goes through here: csv-stringify does the quoting, this module
 * makes sure no cell is run as a formula when the file is opened in a spreadsheet.
 */
import { stringify } from 'csv-stringify/sync';

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
 * A header row and data rows as CSV text, every cell neutralised (the header too, since a
 * caller may pass a user's column names). Booleans are written `true`/`false`, empty
 * values as empty cells.
 */
export function writeCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[], options: CsvWriteOptions = {}): string {
  return stringify([header as string[], ...(rows as CsvCell[][])], {
    bom: options.bom ?? false,
    record_delimiter: options.recordDelimiter ?? 'windows',
    cast: {
      string: (value) => neutralizeFormula(value),
      boolean: (value) => (value ? 'true' : 'false'),
    },
  });
}
