import { describe, expect, it } from 'vitest';
import { PARSER_BUDGET_MS, runParserFuzz } from '../../support/fuzz-runs';

const CARDS = 1000;

describe('card parser on fuzzed OCR text', () => {
  it(`never throws and reads each of ${CARDS} cards in under ${PARSER_BUDGET_MS} ms of CPU`, () => {
    const report = runParserFuzz(CARDS);
    console.log(
      `parser fuzz cards ${report.cards}, thrown ${report.thrown}, slowest ${report.slowestCpuMs.toFixed(1)} ms CPU ` +
        `(${report.slowestWallMs.toFixed(1)} ms wall), mean ${report.meanCpuMs.toFixed(2)} ms CPU`,
    );
    expect(report.thrown).toBe(0);
    expect(report.slowestCpuMs).toBeLessThan(PARSER_BUDGET_MS);
  });
});
