import { describe, expect, it } from 'vitest';
import { rowSlot, slotCountFor, slottedIndexes } from '../../../../renderer/src/review/model/row-slots';

describe('row slots of the review table', () => {
  it('renders the visible rows and the overscan either side, always as many as there are slots', () => {
    const range = { startIndex: 100, endIndex: 123, overscan: 6, count: 90_000 };
    const slots = slotCountFor(range, 782, 34, 0);
    expect(slots).toBe(24 + 12);
    const indexes = slottedIndexes(range, slots);
    expect(indexes[0]).toBe(94);
    expect(indexes).toHaveLength(slots);
    expect(indexes.at(-1)).toBe(129);
  });

  it('keeps the window full at the top and the end of the list, and short lists whole', () => {
    expect(slottedIndexes({ startIndex: 0, endIndex: 23, overscan: 6, count: 1000 }, 36)).toEqual(Array.from({ length: 36 }, (_, index) => index));
    expect(slottedIndexes({ startIndex: 976, endIndex: 999, overscan: 6, count: 1000 }, 36)).toEqual(Array.from({ length: 36 }, (_, index) => 964 + index));
    expect(slottedIndexes({ startIndex: 0, endIndex: 6, overscan: 6, count: 7 }, 36)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(slottedIndexes({ startIndex: 0, endIndex: -1, overscan: 6, count: 0 }, 36)).toEqual([]);
  });

  it('gives every rendered row its own slot, and a row scrolled out hands its slot to the row scrolled in', () => {
    const slots = 36;
    const before = slottedIndexes({ startIndex: 500, endIndex: 523, overscan: 6, count: 90_000 }, slots);
    const after = slottedIndexes({ startIndex: 507, endIndex: 530, overscan: 6, count: 90_000 }, slots);
    for (const indexes of [before, after]) expect(new Set(indexes.map((index) => rowSlot(index, slots))).size).toBe(indexes.length);
    const left = before.filter((index) => !after.includes(index)).map((index) => rowSlot(index, slots));
    const came = after.filter((index) => !before.includes(index)).map((index) => rowSlot(index, slots));
    expect(came).toHaveLength(7);
    expect(came.sort()).toEqual(left.sort());
  });

  it('has as many slots as the tallest the window lets the visible rows be, so scrolling never changes the count', () => {
    // 782 px of 34 px rows: 23 fit, 24 show when the first and last are cut.
    const aligned = slotCountFor({ startIndex: 100, endIndex: 122, overscan: 6, count: 90_000 }, 782, 34, 0);
    const cut = slotCountFor({ startIndex: 100, endIndex: 123, overscan: 6, count: 90_000 }, 782, 34, aligned);
    expect(cut).toBe(aligned);
  });

  it('only grows the number of slots (fewer would re-key every row)', () => {
    expect(slotCountFor({ startIndex: 0, endIndex: 9, overscan: 6, count: 100 }, 340, 34, 40)).toBe(40);
    expect(slotCountFor({ startIndex: 0, endIndex: 39, overscan: 6, count: 100 }, 1360, 34, 40)).toBe(53);
  });
});
