import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { neutralizeFormula, writeCsv, type CsvCell, type NeutralizedCounts } from '../../../electron/exchange/csv-cell';

describe('neutralizeFormula', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","click")', `'=HYPERLINK("http://evil.example","click")`],
    // Hold `=`, a letter or a sign no number, phone or email has: free text, neutralised.
    ['=1+2', `'=1+2`],
    ['+1 555 0100 ext. 12', `'+1 555 0100 ext. 12`],
    ['- call back on Monday', `'- call back on Monday`],
    ['-', `'-`],
    ['+', `'+`],
    ['+1;2', `'+1;2`],
    ['-1!A0', `'-1!A0`],
    ['@acme.example', `'@acme.example`],
    ['=cmd|\' /C calc\'!A0@x.example', `'=cmd|' /C calc'!A0@x.example`],
    ['+49 30 1234567\n=HYPERLINK("x")', `'+49 30 1234567\n=HYPERLINK("x")`],
    ['-2+3+cmd|\' /C calc\'!A0', `'-2+3+cmd|' /C calc'!A0`],
    ['@SUM(1+1)*cmd|\' /C calc\'!A0', `'@SUM(1+1)*cmd|' /C calc'!A0`],
    ['\t=1+1', `'\t=1+1`],
    ['\r=1+1', `'\r=1+1`],
  ])('puts a quote before %j', (value, expected) => {
    expect(neutralizeFormula(value)).toBe(expected);
  });

  it.each(['Ana', '', ' =not first', 'a=b', "'already text", '12', 'ana@acme.com', 'https://acme.example/?q=1,2'])('leaves %j as it is', (value) => {
    expect(neutralizeFormula(value)).toBe(value);
  });

  it.each([
    '+49 30 1234567',
    '+1 (555) 010-2000',
    '+44 (0)20 7946 0958',
    '-12',
    '-12.5',
    '+1+2',
    '-0049/30.1234',
    '-info@acme.example',
    '+tag@mail.example.co.uk',
  ])('leaves the number, phone number or email %j untouched', (value) => {
    expect(neutralizeFormula(value)).toBe(value);
  });

  it('is idempotent, so a writer may neutralise a value a second time', () => {
    const once = neutralizeFormula('=1+2');
    expect(neutralizeFormula(once)).toBe(once);
  });
});

describe('writeCsv', () => {
  it('writes a BOM, CRLF, quotes what needs quoting, and neutralises every cell, header included', () => {
    const text = writeCsv(['=Name', 'Flag'], [['Ana, "the boss"', true], ['line 1\nline 2', false], ['=cmd', null]], { bom: true });
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toContain('\r\n');
    const rows = parse(text, { bom: true }) as string[][];
    expect(rows).toEqual([
      ["'=Name", 'Flag'],
      ['Ana, "the boss"', 'true'],
      ['line 1\nline 2', 'false'],
      ["'=cmd", ''],
    ]);
  });

  it('writes no BOM unless asked', () => {
    expect(writeCsv(['a'], [['b']]).charCodeAt(0)).toBe('a'.charCodeAt(0));
  });

  it('never leaves free text starting with a formula character, whatever the character', () => {
    const nasty = ['=', '+', '-', '@', '\t', '\r'].map((start) => `${start}SUM(1+1)`);
    const rows = parse(writeCsv(['x'], nasty.map((value) => [value])), {}) as string[][];
    for (const [cell] of rows.slice(1)) expect(cell).toMatch(/^'/);
  });

  it('counts the cells it neutralised by column, and leaves phone numbers alone', () => {
    const counts: NeutralizedCounts = {};
    const text = writeCsv(
      ['Phone', 'Description'],
      [
        ['+49 30 1234567', '- first point'],
        ['+1 (555) 010-2000', '=1+2'],
        ['=HYPERLINK("x")', 'plain'],
      ],
      { neutralized: counts },
    );
    expect(parse(text, { columns: true })).toEqual([
      { Phone: '+49 30 1234567', Description: "'- first point" },
      { Phone: '+1 (555) 010-2000', Description: "'=1+2" },
      { Phone: `'=HYPERLINK("x")`, Description: 'plain' },
    ]);
    expect(counts).toEqual({ Phone: 1, Description: 2 });
  });

  it('quotes a cell holding any line break, whatever the line ending of the file', () => {
    expect(writeCsv(['Description'], [['first line\nsecond line'], ['a\rb']])).toBe('Description\r\n"first line\nsecond line"\r\n"a\rb"\r\n');
    expect(writeCsv(['Description'], [['a\r\nb']], { recordDelimiter: 'unix' })).toBe('Description\n"a\r\nb"\n');
  });

  it('writes byte for byte what csv-stringify writes with RFC 4180 quoting of line breaks', () => {
    // Every mix of the characters that matter for quoting and neutralising, at the start,
    // inside and at the end of a cell, plus text that needs nothing.
    const pieces = ['', 'a', ',', '"', '\r', '\n', '\r\n', '=', '+', '-', '@', '\t', "'", ' ', 'é', '😀', ';', '\uFF1D'];
    const cells: CsvCell[] = [true, false, null, undefined];
    for (const first of pieces) for (const second of pieces) for (const third of ['', 'x', '"', '\n']) cells.push(first + second + third);
    const rows: CsvCell[][] = [];
    for (let start = 0; start < cells.length; start += 7) rows.push(cells.slice(start, start + 7));
    rows.push([]);
    rows.push(['', '', '']);
    const header = ['=Name', 'Plain', 'With, comma', '"Quoted"', ''];
    for (const bom of [true, false]) {
      for (const recordDelimiter of ['windows', 'unix'] as const) {
        const expected = stringify([header, ...rows], {
          bom,
          record_delimiter: recordDelimiter,
          quoted_match: /[\r\n]/,
          cast: { string: (value) => neutralizeFormula(value), boolean: (value) => (value ? 'true' : 'false') },
        });
        expect(writeCsv(header, rows, { bom, recordDelimiter })).toBe(expected);
      }
    }
  });
});
