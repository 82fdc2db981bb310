import { describe, expect, it } from 'vitest';
import { hlcSchema } from '../../../shared/sync/protocol';
import { createHybridClock, formatStamp, parseStamp } from '../../../shared/sync/hybrid-clock';

const HOUR = 3_600_000;
const T0 = Date.parse('2026-12-07T10:00:00.000Z');

/** A wall clock the test moves by hand. */
function manualClock(start: number): { read: () => number; set: (ms: number) => void } {
  let time = start;
  return { read: () => time, set: (ms) => (time = ms) };
}

describe('hybrid logical clock', () => {
  it('issues stamps in the protocol format whose string order is their issue order', () => {
    const wall = manualClock(T0);
    const clock = createHybridClock('laptop-a', wall.read);
    const stamps = [clock.now(), clock.now()];
    wall.set(T0 + 5);
    stamps.push(clock.now(), clock.now());
    for (const stamp of stamps) expect(hlcSchema.safeParse(stamp).success).toBe(true);
    expect([...stamps].sort()).toEqual(stamps);
    expect(new Set(stamps).size).toBe(4);
    expect(parseStamp(stamps[2] ?? '')).toEqual({ ms: T0 + 5, counter: 0, deviceId: 'laptop-a' });
  });

  it('never goes backwards when the wall clock does', () => {
    const wall = manualClock(T0);
    const clock = createHybridClock('a', wall.read);
    const before = clock.now();
    wall.set(T0 - HOUR);
    const after = clock.now();
    expect(after > before).toBe(true);
    expect(parseStamp(after)).toEqual({ ms: T0, counter: 1, deviceId: 'a' });
  });

  it('orders an edit made after seeing a change from a clock one hour ahead after that change', () => {
    const ahead = createHybridClock('b', () => T0 + HOUR);
    const behind = createHybridClock('a', () => T0);
    const remote = ahead.now();
    behind.receive(remote);
    const local = behind.now();
    expect(local > remote).toBe(true);
    // And the one-hour-behind clock, seen by the one ahead, does not pull it back.
    const aheadWall = manualClock(T0 + HOUR);
    const ahead2 = createHybridClock('b', aheadWall.read);
    ahead2.receive(createHybridClock('a', () => T0 - HOUR).now());
    expect(parseStamp(ahead2.now()).ms).toBe(T0 + HOUR);
  });

  it('stamps a change logged earlier at its own time, yet after every stamp issued or seen before', () => {
    const wall = manualClock(T0 + HOUR);
    const clock = createHybridClock('a', wall.read);
    expect(clock.now(T0)).toBe(formatStamp({ ms: T0, counter: 0, deviceId: 'a' }));
    expect(clock.now(T0 + 10)).toBe(formatStamp({ ms: T0 + 10, counter: 0, deviceId: 'a' }));
    // An older edit stamped after a newer one still gets a later stamp.
    expect(clock.now(T0 - HOUR)).toBe(formatStamp({ ms: T0 + 10, counter: 1, deviceId: 'a' }));
    clock.receive(formatStamp({ ms: T0 + 20, counter: 3, deviceId: 'b' }));
    expect(clock.now(T0 + 30).startsWith(String(T0 + HOUR))).toBe(true);
  });

  it('takes the larger counter when both clocks stand at the same millisecond', () => {
    const clock = createHybridClock('a', () => T0);
    clock.now();
    clock.receive(formatStamp({ ms: T0, counter: 7, deviceId: 'b' }));
    expect(clock.last()).toBe(formatStamp({ ms: T0, counter: 8, deviceId: 'a' }));
  });

  it('starts after the stamp of an earlier run, even when the wall clock was set back', () => {
    const first = createHybridClock('a', () => T0);
    const stored = first.now();
    const restarted = createHybridClock('a', () => T0 - HOUR, stored);
    expect(restarted.now() > stored).toBe(true);
  });

  it('moves to the next millisecond when the 4-digit counter is full, keeping the order', () => {
    const clock = createHybridClock('a', () => T0, formatStamp({ ms: T0, counter: 9999, deviceId: 'a' }));
    const next = clock.now();
    expect(parseStamp(next)).toEqual({ ms: T0 + 1, counter: 0, deviceId: 'a' });
    expect(next > formatStamp({ ms: T0, counter: 9999, deviceId: 'a' })).toBe(true);
  });

  it('refuses a stamp that is not in the protocol format with a message saying what it expects', () => {
    expect(() => createHybridClock('a', () => T0).receive('yesterday')).toThrow(/13-digit ms/);
  });
});
