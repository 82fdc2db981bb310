import type { Page } from 'tesseract.js';
import { describe, expect, it } from 'vitest';
import { AbortError, EngineError, WorkerPool, type OcrEngine } from '../../../../electron/ocr/engine/worker-pool';

/** A fake engine: `behaviour` decides what each recognize call does. */
function fakeFactory(behaviour: (engineNo: number, call: number) => 'ok' | 'throw' | 'hang') {
  let made = 0;
  const terminated: number[] = [];
  const factory = async (): Promise<OcrEngine> => {
    const no = ++made;
    let calls = 0;
    return {
      async recognize() {
        const b = behaviour(no, ++calls);
        if (b === 'throw') throw new EngineError('worker crashed');
        if (b === 'hang') return new Promise<Page>(() => {});
        await new Promise((r) => setTimeout(r, 5));
        return { text: `engine ${no}` } as Page;
      },
      async terminate() {
        terminated.push(no);
      },
    };
  };
  return { factory, made: () => made, terminated };
}

const job = (label: string, order: string[]) => async (e: OcrEngine) => {
  const page = await e.recognize(Buffer.alloc(0), '11');
  order.push(label);
  return page.text;
};

describe('WorkerPool', () => {
  it('runs jobs in FIFO order and never more than `size` at once', async () => {
    const f = fakeFactory(() => 'ok');
    const pool = new WorkerPool(f.factory, 2);
    const order: string[] = [];
    let running = 0;
    let peak = 0;
    const jobs = Array.from({ length: 6 }, (_, i) =>
      pool.run(async (e) => {
        running++;
        peak = Math.max(peak, running);
        order.push(`start ${i}`);
        await e.recognize(Buffer.alloc(0), '11');
        running--;
      }),
    );
    await Promise.all(jobs);
    expect(peak).toBe(2);
    expect(order).toEqual([0, 1, 2, 3, 4, 5].map((i) => `start ${i}`));
    expect(f.made()).toBe(2);
    await pool.close();
  });

  it('replaces a worker that throws, retries the job once, and the queue goes on', async () => {
    const f = fakeFactory((engine, call) => (engine === 1 && call === 1 ? 'throw' : 'ok'));
    const pool = new WorkerPool(f.factory, 1);
    const order: string[] = [];
    const [a, b] = await Promise.all([pool.run(job('a', order)), pool.run(job('b', order))]);
    expect(a).toBe('engine 2');
    expect(b).toBe('engine 2');
    expect(f.terminated).toEqual([1]);
    expect(pool.stats().replaced).toBe(1);
    await pool.close();
  });

  it('gives up after the retry when every worker fails, then recovers', async () => {
    let broken = true;
    const f = fakeFactory(() => (broken ? 'throw' : 'ok'));
    const pool = new WorkerPool(f.factory, 1);
    await expect(pool.run(job('x', []))).rejects.toBeInstanceOf(EngineError);
    broken = false;
    await expect(pool.run(job('y', []))).resolves.toBe('engine 3');
    await pool.close();
  });

  it('treats a hung worker as dead after the job timeout and replaces it', async () => {
    const f = fakeFactory((engine) => (engine === 1 ? 'hang' : 'ok'));
    const pool = new WorkerPool(f.factory, 1, { jobTimeoutMs: 100 });
    await expect(pool.run(job('a', []))).resolves.toBe('engine 2');
    expect(f.terminated).toContain(1);
    await pool.close();
  });

  it('removes a cancelled job from the queue and rejects it with AbortError', async () => {
    const f = fakeFactory(() => 'ok');
    const pool = new WorkerPool(f.factory, 1);
    const order: string[] = [];
    const ac = new AbortController();
    const first = pool.run(job('first', order));
    const second = pool.run(job('second', order), ac.signal);
    const third = pool.run(job('third', order));
    ac.abort();
    await expect(second).rejects.toBeInstanceOf(AbortError);
    await Promise.all([first, third]);
    expect(order).toEqual(['first', 'third']);
    // already aborted signal: rejected at once
    await expect(pool.run(job('late', order), AbortSignal.abort())).rejects.toBeInstanceOf(AbortError);
    await pool.close();
  });

  it('rejects queued jobs on close', async () => {
    const f = fakeFactory(() => 'hang');
    const pool = new WorkerPool(f.factory, 1, { jobTimeoutMs: 10_000 });
    void pool.run(job('running', [])).catch(() => {});
    const queued = pool.run(job('queued', []));
    await pool.close();
    await expect(queued).rejects.toBeInstanceOf(AbortError);
  });
});
