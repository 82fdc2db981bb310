import { describe, expect, it } from 'vitest';
import { WriteTurns } from '../../../electron/db/write-turns';

describe('WriteTurns', () => {
  it('grants turns one at a time, in order of arrival', async () => {
    const turns = new WriteTurns();
    const order: number[] = [];
    const far = Date.now() + 5_000;
    expect(await turns.take(far)).toBe(true);
    const waiting = [1, 2, 3].map((index) => turns.take(far).then((granted) => (order.push(index), granted)));
    turns.give();
    await waiting[0];
    expect(order).toEqual([1]);
    turns.give();
    turns.give();
    expect(await Promise.all(waiting)).toEqual([true, true, true]);
    expect(order).toEqual([1, 2, 3]);
    turns.give();
    // Free again: a turn asked for with no time to wait is granted at once.
    expect(await turns.take(Date.now())).toBe(true);
  });

  it('a waiter whose deadline passes gives up its place, and the turn still reaches the next one', async () => {
    const turns = new WriteTurns();
    await turns.take(Date.now() + 5_000);
    const impatient = turns.take(Date.now() + 20);
    const patient = turns.take(Date.now() + 5_000);
    expect(await impatient).toBe(false);
    turns.give();
    expect(await patient).toBe(true);
  });

  it('a waiter whose deadline comes as it is handed the turn never loses the turn: the next waiter still gets it', async () => {
    for (let round = 0; round < 20; round++) {
      const turns = new WriteTurns();
      await turns.take(Date.now() + 5_000);
      const impatient = turns.take(Date.now() + (round % 3));
      const patient = turns.take(Date.now() + 5_000);
      await new Promise((resolve) => setTimeout(resolve, round % 3));
      turns.give();
      if (await impatient) turns.give();
      expect(await patient).toBe(true);
    }
  });

  it('hands the turn over on a later turn of the event loop, so a backlog of writes lets timers run', async () => {
    const turns = new WriteTurns();
    await turns.take(Date.now() + 5_000);
    let granted = false;
    void turns.take(Date.now() + 5_000).then(() => (granted = true));
    turns.give();
    await Promise.resolve();
    expect(granted).toBe(false);
    await new Promise((resolve) => setImmediate(resolve));
    await Promise.resolve();
    expect(granted).toBe(true);
  });
});
