import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { neutralizeFormula, writeCsv } from '../../../electron/exchange/csv-cell';

describe('neutralizeFormula', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","click")', `'=HYPERLINK("http://evil.example","click")`],
    ['+1 555 0100', `'+1 555 0100`],
    ['-2+3+cmd|\' /C calc\'!A0', `'-2+3+cmd|' /C calc'!A0`],
    ['@SUM(1+1)*cmd|\' /C calc\'!A0', `'@SUM(1+1)*cmd|' /C calc'!A0`],
    ['\t=1+1', `'\t=1+1`],
    ['\r=1+1', `'\r=1+1`],
  ])('puts a quote before %j', (value, expected) => {
    expect(neutralizeFormula(value)).toBe(expected);
  });

  it.each(['Ana', '', ' =not first', 'a=b', "'already text", '12', 'ana@acme.com'])('leaves %j as it is', (value) => {
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

  it('never leaves a cell starting with a formula character, whatever the text', () => {
    const nasty = ['=', '+', '-', '@', '\t', '\r'].map((start) => `${start}1+1`);
    const rows = parse(writeCsv(['x'], nasty.map((value) => [value])), {}) as string[][];
    for (const [cell] of rows.slice(1)) expect(cell).toMatch(/^'/);
  });
});
