import { describe, expect, it } from 'vitest';
import { parseCard } from '../../../shared/parsing/card-parser';
import { fuzzedPage, seededRandom } from '../../support/fuzz-payloads';

const CARDS = 1000;
const BUDGET_MS = 100;

describe('card parser on fuzzed OCR text', () => {
  it(`never throws and reads each of ${CARDS} cards in under 100 ms`, () => {
    const random = seededRandom(4242);
    // The first call loads the phone-number metadata and compiles the parser: not a card's cost.
    parseCard(fuzzedPage(seededRandom(1)));
    const times: number[] = [];
    let thrown = 0;
    let slowest = 0;
    let total = 0;
    for (let index = 0; index < CARDS; index++) {
      const page = fuzzedPage(random);
      const started = performance.now();
      try {
        parseCard(page);
      } catch (error) {
        thrown++;
        if (thrown === 1) console.log('first throw:', error);
      }
      let ms = performance.now() - started;
      // On a shared machine a garbage collection or another process can stall any one call:
      // a card over budget is timed twice more and keeps its best time, so only a card that is
      // slow every time (a pathological input) fails.
      for (let retry = 0; retry < 2 && ms >= BUDGET_MS; retry++) {
        const again = performance.now();
        parseCard(page);
        ms = Math.min(ms, performance.now() - again);
      }
      total += ms;
      times.push(ms);
      slowest = Math.max(slowest, ms);
    }
    times.sort((a, b) => b - a);
    console.log(`slowest five ${times.slice(0, 5).map((ms) => ms.toFixed(1)).join(' ')}`);
    console.log(`parser fuzz cards ${CARDS}, thrown ${thrown}, slowest ${slowest.toFixed(1)} ms, mean ${(total / CARDS).toFixed(2)} ms`);
    expect(thrown).toBe(0);
    expect(slowest).toBeLessThan(BUDGET_MS);
  });
});
