/**
 * A small pool of tesseract.js workers with a FIFO queue.
 *
 * - Workers are created lazily up to `size`; `warmUp()` starts the first one in the
 *   background so the first scan does not pay the ~1 s start-up.
 * - Jobs run in submission order. A job still waiting in the queue is removed when its
 *   AbortSignal fires; a job already running is rejected at once and its result is
 *   thrown away when the worker finishes (killing a worker to stop ~0.5 s of work would
 *   cost a 1 s restart).
 * - A worker whose call fails (it threw, died, or the job did not finish within
 *   `jobTimeoutMs`) is terminated and replaced; the failed job is retried once on a fresh worker, and the
 *   queue goes on.
 */
import type { Page } from 'tesseract.js';
import { EngineError, startTesseractWorker, withTimeout } from './tesseract-worker';
import type { TesseractPaths } from './tesseract-paths';
import type { LineRecognizer } from './line-recognizer';

/** What a pool job may ask of its worker. */
export interface OcrEngine {
  /** Recognize an encoded image (PGM/PNG/JPEG) with the given page segmentation mode. */
  recognize(image: Buffer, psm: string): Promise<Page>;
  /**
   * Read cropped lines with the learned recognizer loaded beside this worker (line-recognizer.ts);
   * absent when the scanner runs without it ("fast scan").
   */
  readLines?: LineRecognizer['read'];
  terminate(): Promise<void>;
}

export type EngineFactory = () => Promise<OcrEngine>;

export { EngineError };

export class AbortError extends Error {
  override readonly name = 'AbortError';
  readonly code = 'cancelled';
}

/** tesseract.js worker with local files only (see tesseract-paths.ts). */
export function tesseractEngineFactory(paths: TesseractPaths): EngineFactory {
  return async () => {
    const worker = await startTesseractWorker(paths, 'eng', paths.langPath);
    let psmSet: string | null = null;
    let dead = false;
    const call = async <T>(p: Promise<T>, what: string): Promise<T> => {
      try {
        return await p;
      } catch (e) {
        throw new EngineError(`OCR worker failed (${what}): ${e instanceof Error ? e.message : String(e)}`);
      }
    };
    return {
      async recognize(image, psm) {
        if (dead) throw new EngineError('OCR worker is gone');
        if (psmSet !== psm) {
          await call(
            // No user_defined_dpi: tesseract estimates the resolution from the text. Forcing 300
            // made sparse-text mode cut long words with '@' and '-' into fragments ("abr",
            // "lytic:", "ample" for a whole e-mail line); unset, invented cards went 0.83 → 0.85
            // micro-F1 (e-mail 0.69 → 0.78) and the dev cards 0.922 → 0.925.
            // tesseract.js types declare PSM as an enum of string values
            worker.setParameters({ tessedit_pageseg_mode: psm as never }),
            'setParameters',
          );
          psmSet = psm;
        }
        const res = await call(worker.recognize(image, {}, { text: true, blocks: true }), 'recognize');
        return res.data;
      },
      async terminate() {
        if (dead) return;
        dead = true;
        await worker.terminate().catch(() => {});
      },
    };
  };
}

/**
 * Engines of `factory` with a line recognizer each, loaded once per worker on its first use (a
 * fast scan never loads it) and released with the worker.
 */
export function withLineRecognizer(factory: EngineFactory, load: () => Promise<LineRecognizer>): EngineFactory {
  return async () => {
    const engine = await factory();
    let recognizer: Promise<LineRecognizer> | null = null;
    let dead = false;
    return {
      recognize: (image, psm) => engine.recognize(image, psm),
      // a failed load or read is the pass's to handle (the first reading stands): the tesseract worker is fine
      readLines: async (crops, signal) => {
        if (dead) throw new EngineError('OCR worker is gone');
        recognizer ??= load();
        // a failed load is tried again on the next card, not remembered
        recognizer.catch(() => (recognizer = null));
        return (await recognizer).read(crops, signal);
      },
      async terminate() {
        dead = true;
        const lines = recognizer;
        recognizer = null;
        await Promise.all([engine.terminate(), lines?.then((r) => r.close()).catch(() => {})]);
      },
    };
  };
}

interface Slot {
  engine: Promise<OcrEngine> | null;
  busy: boolean;
}

interface Job<T> {
  run: (engine: OcrEngine) => Promise<T>;
  resolve: (v: T) => void;
  reject: (e: unknown) => void;
  signal: AbortSignal | undefined;
  onAbort: (() => void) | undefined;
  settled: boolean;
  attempts: number;
}

export interface PoolStats {
  size: number;
  workers: number;
  busy: number;
  queued: number;
  replaced: number;
}

export class WorkerPool {
  private readonly slots: Slot[];
  // each job has its own result type; the queue only moves them around
  private readonly queue: Array<Job<unknown>> = [];
  private closed = false;
  private replaced = 0;

  private readonly jobTimeoutMs: number;

  constructor(
    private readonly factory: EngineFactory,
    readonly size: number,
    options: { jobTimeoutMs?: number } = {},
  ) {
    this.jobTimeoutMs = options.jobTimeoutMs ?? 60_000;
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`pool size must be a positive integer (got ${size})`);
    this.slots = Array.from({ length: size }, () => ({ engine: null, busy: false }));
  }

  /** Start one worker now; resolves when it is ready (errors are reported, not fatal). */
  warmUp(): Promise<void> {
    const slot = this.slots[0]!;
    return this.engineOf(slot).then(
      () => undefined,
      () => undefined,
    );
  }

  stats(): PoolStats {
    return {
      size: this.size,
      workers: this.slots.filter((s) => s.engine).length,
      busy: this.slots.filter((s) => s.busy).length,
      queued: this.queue.length,
      replaced: this.replaced,
    };
  }

  /** Queue a job; it gets a worker when one is free, in FIFO order. */
  run<T>(run: (engine: OcrEngine) => Promise<T>, signal?: AbortSignal): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (this.closed) return reject(new AbortError('the scanner is closed'));
      if (signal?.aborted) return reject(new AbortError('scan cancelled'));
      const job: Job<T> = { run, resolve, reject, signal, onAbort: undefined, settled: false, attempts: 0 };
      if (signal) {
        job.onAbort = () => {
          const i = this.queue.indexOf(job as Job<unknown>);
          if (i >= 0) this.queue.splice(i, 1);
          this.settle(job, () => reject(new AbortError('scan cancelled')));
        };
        signal.addEventListener('abort', job.onAbort, { once: true });
      }
      this.queue.push(job as Job<unknown>);
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) this.settle(job, () => job.reject(new AbortError('the scanner was closed')));
    await Promise.all(
      this.slots.map(async (s) => {
        const e = s.engine;
        s.engine = null;
        if (e) await e.then((w) => w.terminate()).catch(() => {});
      }),
    );
  }

  /** A job that takes too long means a hung or dead worker: fail it as an engine error. */
  private withTimeout<T>(p: Promise<T>): Promise<T> {
    return withTimeout(p, this.jobTimeoutMs, 'card');
  }

  private settle<T>(job: Job<T>, fn: () => void): void {
    if (job.settled) return;
    job.settled = true;
    if (job.signal && job.onAbort) job.signal.removeEventListener('abort', job.onAbort);
    fn();
  }

  private engineOf(slot: Slot): Promise<OcrEngine> {
    if (!slot.engine) {
      const p = this.factory().catch((e: unknown) => {
        throw new EngineError(`the OCR engine failed to start: ${e instanceof Error ? e.message : String(e)}`);
      });
      slot.engine = p;
      // a failed start leaves the slot empty so the next job tries again
      p.catch(() => {
        if (slot.engine === p) slot.engine = null;
      });
    }
    return slot.engine;
  }

  private async discard(slot: Slot): Promise<void> {
    const e = slot.engine;
    slot.engine = null;
    if (e) {
      this.replaced++;
      await e.then((w) => w.terminate()).catch(() => {});
    }
  }

  private pump(): void {
    if (this.closed) return;
    while (this.queue.length) {
      // prefer a free slot with a live (or starting) worker, then an empty one
      const slot = this.slots.find((s) => !s.busy && s.engine) ?? this.slots.find((s) => !s.busy);
      if (!slot) return;
      const job = this.queue.shift()!;
      if (job.settled) continue;
      slot.busy = true;
      void this.execute(slot, job).finally(() => {
        slot.busy = false;
        this.pump();
      });
    }
  }

  private async execute(slot: Slot, job: Job<unknown>): Promise<void> {
    for (;;) {
      job.attempts++;
      try {
        const engine = await this.engineOf(slot);
        if (job.settled) return; // cancelled while the worker was starting
        const value = await this.withTimeout(job.run(engine));
        this.settle(job, () => job.resolve(value));
        return;
      } catch (err) {
        if (err instanceof EngineError) {
          await this.discard(slot);
          if (job.attempts < 2 && !job.settled && !this.closed) continue; // retry once on a fresh worker
        }
        this.settle(job, () => job.reject(err));
        return;
      }
    }
  }
}
