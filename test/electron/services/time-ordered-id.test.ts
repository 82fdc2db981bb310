import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { timeOrderedId } from '../../../electron/services/time-ordered-id';
import { createServiceContext } from '../../../electron/services/service-context';

afterEach(() => vi.restoreAllMocks());

describe('timeOrderedId', () => {
  it('gives UUIDs (version 7) that the contract accepts, each later than the last as text, none twice', () => {
    const ids = Array.from({ length: 20_000 }, () => timeOrderedId());
    for (const id of ids.slice(0, 50)) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(z.uuid().safeParse(id).success).toBe(true);
    }
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps the order within one millisecond (past the counter) and when the clock steps back', () => {
    // Later than any id made before in this process: the module keeps the last millisecond it used.
    const later = Date.now() + 86_400_000;
    const clock = vi.spyOn(Date, 'now').mockReturnValue(later);
    // More than the 12-bit counter holds, all in the same millisecond.
    const sameMillisecond = Array.from({ length: 5_000 }, () => timeOrderedId());
    clock.mockReturnValue(later - 1000);
    const afterStepBack = Array.from({ length: 10 }, () => timeOrderedId());
    const ids = [...sameMillisecond, ...afterStepBack];
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    // The millisecond is the first 48 bits: the clock's, or one of the few after it the counter borrowed.
    const millis = (id: string) => Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16);
    expect(millis(ids[0] as string)).toBe(later);
    expect(millis(ids[ids.length - 1] as string) - millis(ids[0] as string)).toBeLessThanOrEqual(3);
  });

  it('is what a service context gives new records unless a test brings its own', () => {
    const context = createServiceContext(undefined as never);
    expect(context.newId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
    expect(createServiceContext(undefined as never, { newId: () => 'fixed' }).newId()).toBe('fixed');
  });
});
