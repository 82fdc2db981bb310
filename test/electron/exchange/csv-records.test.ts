import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, splitCsvRecords } from '../../../electron/exchange/csv-records';

const cellsOf = (text: string, delimiter = ',') => splitCsvRecords(text, delimiter).map((record) => record.cells);

describe('splitCsvRecords', () => {
  // csv-parse itself takes the bare CR of "cr\ronly" for this file's line end and misreads it.
  it('reads back what csv-stringify writes, for every awkward value', () => {
    const values = [
      ['plain', 'with,comma', 'with "quotes"', 'two\r\nlines', 'cr\ronly', 'lf\nonly', '', ' spaced '],
      ['Zoë', '=SUM(A1)', '"', '""', ',', '\r\n', 'x', 'last'],
    ];
    for (const delimiter of [',', ';', '\t']) {
      const text = stringify(values, { delimiter, record_delimiter: 'windows' });
      expect(cellsOf(text, delimiter)).toEqual(values);
    }
  });

  it('gives each record the line it starts on, counting CRLF, LF and CR alone once, inside values too', () => {
    const records = splitCsvRecords('a,b\r\n"1\r\n2",x\r\n\r\n"3\r4",bare\nLF\r\nlast', ',');
    expect(records.map((record) => [record.line, record.cells])).toEqual([
      [1, ['a', 'b']],
      [2, ['1\r\n2', 'x']],
      [4, ['']],
      [5, ['3\r4', 'bare\nLF']],
      [8, ['last']],
    ]);
    expect(splitCsvRecords('a\rb\r"c\nd"\re', ',').map((record) => [record.line, record.cells])).toEqual([
      [1, ['a']],
      [2, ['b']],
      [3, ['c\nd']],
      [5, ['e']],
    ]);
  });

  it('keeps a BOM out of the first value, and a trailing delimiter as an empty last value', () => {
    expect(cellsOf('\uFEFFName,Email,\nAna,a@b.c,')).toEqual([
      ['Name', 'Email', ''],
      ['Ana', 'a@b.c', ''],
    ]);
  });

  it('takes a quote inside an unquoted value as it is', () => {
    expect(cellsOf('27" monitor,Ac"me\n')).toEqual([['27" monitor', 'Ac"me']]);
  });

  it('refuses a quote never closed (the line it opens on) and text after a closing quote', () => {
    const refusal = (text: string) => {
      try {
        splitCsvRecords(text, ',');
      } catch (error) {
        if (error instanceof CsvSyntaxError) return [error.line, error.problem];
      }
      return null;
    };
    expect(refusal('a,b\nc,"d\ne,f\n')).toEqual([2, 'quote-not-closed']);
    expect(refusal('a,b\n"c\nd"x,e\n')).toEqual([3, 'text-after-closing-quote']);
  });
});
