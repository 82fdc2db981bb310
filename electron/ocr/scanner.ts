/**
 * The card scanner service: file or bytes in → pre-processed image → tesseract.js
 * (pooled, warm workers) → OcrPage → parser → fields. Plain TypeScript (never imports
 * electron) so the app, the CLI, the browser-mode host and the tests share it.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import type { Page } from 'tesseract.js';
import type { ParsedCard } from '../../shared/parsing/card-fields';
import { parseCard } from '../../shared/parsing/card-parser';
import { rebuildLines } from '../../shared/parsing/text';
import type { OcrPage } from '../../shared/parsing/ocr-types';
import { preprocessImage, rotatePgm, ScanInputError, type PreprocessResult } from './preprocess';
import { resolveTesseractPaths } from './engine/tesseract-paths';
import { applyDiacriticsPass } from './passes/diacritics-pass';
import type { PgmImage } from './preprocess/line-crop';
import { pageLines } from './engine/page-lines';
import { refineLines, type LineRefinementOptions } from './passes/line-refinement';
import { createDiacriticsReader, type DiacriticsReader } from './passes/multilingual-line-reader';
import { AbortError, EngineError, tesseractEngineFactory, WorkerPool, type EngineFactory, type OcrEngine, type PoolStats } from './engine/worker-pool';

export { ScanInputError, type ScanInputErrorCode } from './preprocess';
export { AbortError, EngineError } from './engine/worker-pool';

/** Largest file we read (a 150 MP camera JPEG is well below this). */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;

/**
 * Page segmentation mode. Measured on the 60 dev cards after pre-processing
 * (test/bench/ocr-cer.ts, card long side 1150 px), line CER clean / photo, OCR ms median:
 *   PSM 11 (sparse text)   0.010 / 0.073–0.080   ~360–410 ms   fields micro-F1 0.88
 *   PSM 6 (single block)   0.015 / 0.068         ~350–410 ms   fields micro-F1 0.88
 *   PSM 3 (auto)           0.011 / 0.10–0.24     ~410–520 ms   (2 cards came out empty before cropping)
 * 11 and 6 tie on fields; 11 is kept because it does not glue unrelated text on one row
 * into a line (two columns, a QR code or logo beside text, clutter next to the card) —
 * same-row fragments are re-joined by rebuildLines() (shared/parsing/text.ts) instead.
 */
export const DEFAULT_PSM = '11';

export type ScanStage = 'queued' | 'preprocessing' | 'recognizing' | 'parsing' | 'done';

export interface ScanProgress {
  stage: ScanStage;
  /** 0..1 over the whole scan */
  progress: number;
}

export type ScanInput = { path: string } | { bytes: Uint8Array; name?: string };

export interface ScanOptions {
  signal?: AbortSignal;
  onProgress?: (p: ScanProgress) => void;
}

export interface ScanResult {
  page: OcrPage;
  fields: ParsedCard;
  /** Wall time of pre-processing + OCR + parsing (not the queue wait), ms. */
  ms: number;
  /** Where the time went. */
  timings: ScanTimings;
  /** The ORIGINAL file bytes, kept as evidence on the lead. */
  image: { bytes: Uint8Array; mime: string; width: number; height: number };
}

/** Where the time of one scan went (ms), and how many OCR passes it took. */
export interface ScanTimings {
  readMs: number;
  preprocessMs: number;
  ocrMs: number;
  passes: number;
  /** Parser and accents pass (scan() only). */
  parseMs?: number;
  accentsMs?: number;
  /** Line refinement (part of ocrMs): its time and how many lines it re-read / replaced. */
  refineMs?: number;
  refinedLines?: number;
  replacedLines?: number;
}

export interface ScannerOptions {
  /** The app's data folder (absolute); tesseract's cache lives in a sub-folder. */
  dataDir: string;
  /**
   * English OCR workers. Default: 1 with the accents pass (its own worker makes 2, within
   * the memory budget), else min(2, CPU count).
   */
  poolSize?: number;
  /**
   * Re-read name, company and street lines with French, German and Spanish models so the
   * accents the English model drops come back (diacritics-pass.ts). Default on.
   */
  diacritics?: boolean;
  /**
   * Re-read low-confidence, small or merged lines from an upscaled crop with the same
   * English worker (line-refinement.ts); an object tunes it. Default off: on the dev set it
   * gained 0.003 micro-F1 for ~150 ms a card, worth it for batch work (`scan --thorough`),
   * not at the booth.
   */
  lineRefinement?: boolean | LineRefinementOptions;
  parse?: (page: OcrPage) => ParsedCard;
  /** Page segmentation mode (tesseract PSM number as a string). */
  psm?: string;
  /** Long side of the card in the image tesseract reads (px); see preprocess.ts. */
  targetLongSide?: number;
  /** A worker call taking longer than this is treated as a dead worker (ms). */
  jobTimeoutMs?: number;
  /** For tests: how workers are made (default: local tesseract.js). */
  engineFactory?: EngineFactory;
}

export interface Scanner {
  /** Start a worker in the background; resolves when it is ready. */
  warmUp(): Promise<void>;
  scan(input: ScanInput, opts?: ScanOptions): Promise<ScanResult>;
  /** Pre-process + OCR only (no parser); used by the OCR dumps and benchmarks. */
  recognize(input: ScanInput, opts?: ScanOptions): Promise<{ page: OcrPage; pre: PreprocessResult; ms: number; timings: ScanTimings }>;
  stats(): PoolStats;
  /** Terminate the workers (they are recreated on the next scan). */
  resetWorkers(): Promise<void>;
  close(): Promise<void>;
}

export function defaultPoolSize(): number {
  const cpus = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, Math.min(2, cpus));
}

/** tesseract.js output → OcrPage, fragments of one printed line joined. */
export function toOcrPage(data: Page, width: number, height: number): OcrPage {
  // sparse-text mode (PSM 11) may cut one printed line into pieces ("T +44" | "(0)117 496 0379"):
  // the parser's own line rebuilding joins them, so the page kept as evidence reads like the card
  const merged = rebuildLines(pageLines(data));
  return { width, height, lines: merged, text: merged.map((l) => l.text).join('\n') };
}

/**
 * How much readable text a page has: characters of words tesseract is fairly sure of.
 * Used to decide whether to try other orientations and to pick the best one.
 */
export function textScore(page: OcrPage): { score: number; meanConfidence: number; chars: number } {
  let score = 0;
  let chars = 0;
  let confSum = 0;
  for (const line of page.lines) {
    for (const w of line.words) {
      const n = w.text.replace(/[^\p{L}\p{N}@.]/gu, '').length;
      chars += n;
      confSum += n * w.confidence;
      if (w.confidence >= 0.6 && n >= 2) score += n * w.confidence;
    }
  }
  return { score, meanConfidence: chars ? confSum / chars : 0, chars };
}

/** Low enough to be worth trying the other orientations. */
function looksUnreadable(page: OcrPage): boolean {
  const { meanConfidence, chars, score } = textScore(page);
  // measured on the dev cards: upright pages score ≥ 0.43 mean confidence (most ≥ 0.6),
  // upside-down ones ≤ 0.32; sideways ones yield almost no characters
  return chars < 12 || meanConfidence < 0.4 || score < 20;
}

async function readInput(input: ScanInput): Promise<{ bytes: Uint8Array; name: string }> {
  if ('bytes' in input) {
    return { bytes: input.bytes, name: input.name ?? 'the image' };
  }
  const name = path.basename(input.path) || input.path;
  let size: number;
  try {
    const st = await fs.stat(input.path);
    if (st.isDirectory()) {
      throw new ScanInputError('unreadable', `${input.path} is a folder, not a file: pick a photo inside it`);
    }
    size = st.size;
  } catch (err) {
    if (err instanceof ScanInputError) throw err;
    throw unreadable(input.path, err);
  }
  if (size > MAX_FILE_BYTES) {
    throw new ScanInputError(
      'image_too_large',
      `${name} is ${Math.round(size / 1024 / 1024)} MB, more than the ${MAX_FILE_BYTES / 1024 / 1024} MB LeadBooth reads: pick a smaller photo`,
    );
  }
  try {
    const buf = await fs.readFile(input.path);
    return { bytes: new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength), name };
  } catch (err) {
    throw unreadable(input.path, err);
  }
}

function unreadable(p: string, err: unknown): ScanInputError {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return new ScanInputError('unreadable', `${p} does not exist: check the file name and folder`);
  if (code === 'EACCES' || code === 'EPERM') {
    return new ScanInputError('unreadable', `${p} cannot be read (permission denied): allow LeadBooth to read it or copy it elsewhere`);
  }
  if (code === 'EISDIR') return new ScanInputError('unreadable', `${p} is a folder, not a file: pick a photo inside it`);
  const msg = err instanceof Error ? err.message : String(err);
  return new ScanInputError('unreadable', `${p} cannot be read (${msg}): check the file and try again`);
}

function safeProgress(opts: ScanOptions, stage: ScanStage, progress: number): void {
  try {
    opts.onProgress?.({ stage, progress });
  } catch {
    // a throwing progress callback must not break the scan
  }
}

export function createScanner(options: ScannerOptions): Scanner {
  // libvips' operation cache keeps decoded images around (up to 50 MB by default); every
  // scan is a new image, so it only costs memory here
  sharp.cache(false);
  const parse = options.parse ?? parseCard;
  const psm = options.psm ?? DEFAULT_PSM;
  const refineOptions: LineRefinementOptions | null =
    !options.lineRefinement ? null : typeof options.lineRefinement === 'object' ? options.lineRefinement : {};
  let factory = options.engineFactory;
  let accentsReader: DiacriticsReader | null = null;
  if (!factory) {
    const paths = resolveTesseractPaths(path.resolve(options.dataDir));
    factory = tesseractEngineFactory(paths);
    if (options.diacritics !== false) accentsReader = createDiacriticsReader(paths);
  }
  const poolSize = options.poolSize ?? (accentsReader ? 1 : defaultPoolSize());
  let closed = false;
  const pool = new WorkerPool(factory, poolSize, {
    ...(options.jobTimeoutMs ? { jobTimeoutMs: options.jobTimeoutMs } : {}),
  });

  async function ocr(
    engine: OcrEngine,
    pre: PreprocessResult,
    timings: ScanTimings,
    signal?: AbortSignal,
    retry?: () => Promise<PreprocessResult>,
  ): Promise<{ page: OcrPage; source: PgmImage }> {
    const pass = async (image: Buffer, width: number, height: number): Promise<OcrPage> => {
      timings.passes++;
      return toOcrPage(await engine.recognize(image, psm), width, height);
    };
    const first = await pass(pre.image, pre.width, pre.height);
    if (!looksUnreadable(first)) return { page: first, source: pre };
    // low confidence: maybe the photo is sideways or upside down — keep the best
    // (and the image it was read from: a later pass crops lines out of it)
    let best = first;
    let source: PgmImage = pre;
    let bestScore = textScore(first).score;
    // a portrait crop of a (usually landscape) card suggests a sideways photo
    const order = pre.height > pre.width ? ([90, 270, 180] as const) : ([180, 90, 270] as const);
    for (const angle of order) {
      if (signal?.aborted) break;
      const rot = rotatePgm(pre, angle);
      const page = await pass(rot.image, rot.width, rot.height);
      const s = textScore(page).score;
      if (s > bestScore * 1.15 + 5) {
        best = page;
        bestScore = s;
        source = rot;
        if (!looksUnreadable(page)) break;
      }
    }
    // still unreadable and we cropped: maybe the "card" was other paper on the table
    if (retry && looksUnreadable(best) && pre.steps.cropped && !signal?.aborted) {
      const whole = await retry();
      const page = await pass(whole.image, whole.width, whole.height);
      if (textScore(page).score > bestScore * 1.15 + 5) {
        best = page;
        source = whole;
      }
    }
    return { page: best, source };
  }

  async function recognizeJob(
    input: ScanInput,
    opts: ScanOptions,
  ): Promise<{ page: OcrPage; pre: PreprocessResult; source: PgmImage; ms: number; bytes: Uint8Array; timings: ScanTimings }> {
    const report = (stage: ScanStage, progress: number): void => safeProgress(opts, stage, progress);
    report('queued', 0);
    return pool.run(async (engine) => {
      const t0 = performance.now();
      report('preprocessing', 0.05);
      // read inside the job so a batch of 1000 files is not all held in memory at once
      const { bytes, name } = await readInput(input);
      const t1 = performance.now();
      const preOpts = options.targetLongSide ? { targetLongSide: options.targetLongSide } : {};
      const pre = await preprocessImage(bytes, name, preOpts);
      if (opts.signal?.aborted) throw new AbortError('scan cancelled');
      const t2 = performance.now();
      report('recognizing', 0.25);
      const timings: ScanTimings = { readMs: t1 - t0, preprocessMs: t2 - t1, ocrMs: 0, passes: 0 };
      const read = await ocr(engine, pre, timings, opts.signal, () => preprocessImage(bytes, name, { ...preOpts, noCrop: true }));
      const page = await refine(engine, read.source, read.page, timings, opts.signal);
      const t3 = performance.now();
      timings.ocrMs = t3 - t2;
      // `source` is the image the page was read from: a turned or uncropped copy when a retry won.
      return { page, pre, source: read.source, ms: t3 - t0, bytes, timings };
    }, opts.signal);
  }

  /** Line refinement is an extra too: when it fails (not the worker), the first reading stands. */
  async function refine(engine: OcrEngine, source: PgmImage, page: OcrPage, timings: ScanTimings, signal?: AbortSignal): Promise<OcrPage> {
    if (!refineOptions || signal?.aborted) return page;
    try {
      const r = await refineLines(engine, source, page, { ...refineOptions, ...(signal ? { signal } : {}) });
      Object.assign(timings, { refineMs: r.ms, refinedLines: r.reread, replacedLines: r.replaced });
      return r.page;
    } catch (err) {
      // a dead worker must still be replaced by the pool (and the job retried)
      if (err instanceof EngineError) throw err;
      return page;
    }
  }

  /** The accents pass is an extra: when it fails, the English reading stands. */
  async function restoreAccents(source: PgmImage, page: OcrPage, card: ParsedCard, signal?: AbortSignal): Promise<ParsedCard> {
    if (!accentsReader || closed || signal?.aborted) return card;
    try {
      return (await applyDiacriticsPass(source, page, card, accentsReader, signal ? { signal } : {})).card;
    } catch {
      return card;
    }
  }

  return {
    async warmUp() {
      await pool.warmUp();
      // Only after the first card worker is up: on two cores they would slow each other down.
      // Not once closed: a worker started after close() would keep the process alive.
      if (!closed) accentsReader?.warmUp().catch(() => {});
    },
    stats: () => pool.stats(),
    resetWorkers: async () => {
      await Promise.all([pool.killWorkers(), accentsReader?.close()]);
    },
    close: async () => {
      closed = true;
      await Promise.all([pool.close(), accentsReader?.close()]);
    },
    async recognize(input, opts = {}) {
      const { page, pre, ms, timings } = await recognizeJob(input, opts);
      return { page, pre, ms, timings };
    },
    async scan(input, opts = {}) {
      const { page, pre, source, ms, bytes, timings } = await recognizeJob(input, opts);
      if (opts.signal?.aborted) throw new AbortError('scan cancelled');
      const t1 = performance.now();
      safeProgress(opts, 'parsing', 0.9);
      const parsed = parse(page);
      const t2 = performance.now();
      const fields = await restoreAccents(source, page, parsed, opts.signal);
      const t3 = performance.now();
      safeProgress(opts, 'done', 1);
      return {
        page,
        fields,
        ms: Math.round(ms + (t3 - t1)),
        timings: { ...timings, parseMs: t2 - t1, accentsMs: t3 - t2 },
        image: { bytes, mime: pre.mime, width: pre.originalWidth, height: pre.originalHeight },
      };
    },
  };
}
