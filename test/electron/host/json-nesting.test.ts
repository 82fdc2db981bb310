import { describe, expect, it } from 'vitest';
import { JsonNestingGauge, MAX_JSON_NESTING } from '../../../electron/host/json-nesting';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('JSON nesting gauge', () => {
  it('lets a body nest up to the limit and refuses the next level, across chunk boundaries', () => {
    const atLimit = new JsonNestingGauge();
    expect(atLimit.feed(bytes('['.repeat(MAX_JSON_NESTING - 1)))).toBe(true);
    expect(atLimit.feed(bytes('{'))).toBe(true);
    const overLimit = new JsonNestingGauge();
    expect(overLimit.feed(bytes('['.repeat(MAX_JSON_NESTING)))).toBe(true);
    expect(overLimit.feed(bytes('['))).toBe(false);
  });

  it('counts nothing inside strings, escaped quotes and backslashes included', () => {
    const gauge = new JsonNestingGauge();
    const text = JSON.stringify({ note: `${'['.repeat(100)} "quoted" \\ ${'{'.repeat(100)}`, list: [[1], [2]] });
    expect(gauge.feed(bytes(text))).toBe(true);
    // A string split between chunks, with an escape at the cut.
    const split = new JsonNestingGauge();
    expect(split.feed(bytes('{"a":"x\\'))).toBe(true);
    expect(split.feed(bytes(`"${'['.repeat(100)}"}`))).toBe(true);
  });

  it('closes levels again, so many shallow objects one after the other pass', () => {
    const gauge = new JsonNestingGauge();
    expect(gauge.feed(bytes(JSON.stringify(Array.from({ length: 1000 }, (_, index) => ({ index, tags: [[index]] })))))).toBe(true);
  });
});
