/**
 * The card scanner service: file or bytes in → pre-processed image → tesseract.js
 * (pooled, warm workers) → OcrPage → parser → fields. Plain TypeScript (never imports
 * electron) so the app, the CLI, the browser-mode host and the tests share it.
 */
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import type { ParsedCard } from '../../shared/parsing/card-fields';
import { parseCard } from '../../shared/parsing/card-parser';
import { withCheckMarks, type ReadAgain } from '../../shared/parsing/check-marks';
import type { OcrPage } from '../../shared/parsing/ocr-types';
import { UNREAD_SCRIPT_NOTICE, judgeScript, markUnreadScript } from '../../shared/parsing/unread-script';
import { preprocessImage, type PreprocessResult } from './preprocess';
import { readInput, type ScanInput } from './scan-input';
import { readUpright, type UprightReading } from './passes/orientation';
import { resolveTesseractPaths } from './engine/tesseract-paths';
import { applyDiacriticsPass } from './passes/diacritics-pass';
import type { PgmImage } from './preprocess/raster';
import { toOcrPage } from './engine/page-lines';
import { refineLines, type LineRefinementOptions } from './passes/line-refinement';
import { linesHidingContacts } from './passes/missing-contacts';
import { readDarkPanel } from './passes/dark-panel';
import { turnDarkPanel, type DarkPanel } from './preprocess/dark-panel';
import { readContactsAgain } from './passes/second-reading';
import { createDiacriticsReader, type DiacriticsReader } from './passes/multilingual-line-reader';
import { AbortError, EngineError, tesseractEngineFactory, withLineRecognizer, WorkerPool, type EngineFactory, type OcrEngine } from './engine/worker-pool';
import { loadLineRecognizer } from './engine/line-recognizer';
import { recognizeContacts } from './passes/contact-recognition';
import { withContactsOf, type ReconciledContacts } from '../../shared/parsing/contact-reconciliation';
import { carryOverAccents } from '../../shared/parsing/accent-carry-over';
import { spelledCard } from '../../shared/parsing/dropped-accents';


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
const PSM = '11';

/**
 * How the lines that may hide a missing e-mail, website or phone are re-read: any of them the
 * first pass was not sure of (below 0.9), at most two a card.
 */
const MISSING_CONTACTS_REFINEMENT: LineRefinementOptions = { maxConfidence: 0.9, smallMaxConfidence: 0.9, maxLines: 2 };

export type ScanStage = 'queued' | 'preprocessing' | 'recognizing' | 'parsing' | 'done';

export interface ScanProgress {
  stage: ScanStage;
  /** 0..1 over the whole scan */
  progress: number;
}


export interface ScanOptions {
  signal?: AbortSignal;
  onProgress?: (p: ScanProgress) => void;
  /** "Fast scan": this card without the learned recognizer (tesseract alone reads the contact lines). */
  fast?: boolean;
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
  /** Set when the card is printed in a script the OCR cannot read (unread-script.ts): the fields are marked. */
  notice?: string;
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
  /** The Check marks' second reading of weakly read contact lines (part of parseMs; second-reading.ts). */
  secondReadingMs?: number;
  /** The learned recognizer's reading of the contact lines (part of parseMs; contact-recognition.ts): its time and lines. */
  recognizerMs?: number;
  recognizerLines?: number;
  /** The clockwise quarter turn the page was read at (0 unless the photo was sideways or upside down). */
  turn?: number;
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
   * English worker (line-refinement.ts). Default off: on the dev set it
   * gained 0.003 micro-F1 for ~150 ms a card, worth it for batch work (`scan --thorough`),
   * not at the booth.
   */
  lineRefinement?: boolean;
  /**
   * Read the contact lines a second time with the learned recognizer (PP-OCRv4, loaded once per
   * worker on first use; contact-recognition.ts) and reconcile the two readings. Default on; off,
   * every scan is a fast scan and the model is never loaded. A scan's `fast` option skips it too.
   */
  recognizer?: boolean;
  parse?: (page: OcrPage) => ParsedCard;
  /** For tests: how workers are made (default: local tesseract.js). */
  engineFactory?: EngineFactory;
}

export interface Scanner {
  /** Start a worker in the background; resolves when it is ready. */
  warmUp(): Promise<void>;
  scan(input: ScanInput, opts?: ScanOptions): Promise<ScanResult>;
  /** Pre-process + OCR only (no parser); used by the OCR dumps and benchmarks. */
  recognize(input: ScanInput, opts?: ScanOptions): Promise<{ page: OcrPage; pre: PreprocessResult; ms: number; timings: ScanTimings }>;
  close(): Promise<void>;
}

function defaultPoolSize(): number {
  const cpus = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, Math.min(2, cpus));
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
  const refineOptions: LineRefinementOptions | null = options.lineRefinement ? {} : null;
  let factory = options.engineFactory;
  let accentsReader: DiacriticsReader | null = null;
  if (!factory) {
    const paths = resolveTesseractPaths(path.resolve(options.dataDir));
    factory = tesseractEngineFactory(paths);
    if (options.recognizer !== false) factory = withLineRecognizer(factory, () => loadLineRecognizer());
    if (options.diacritics !== false) accentsReader = createDiacriticsReader(paths);
  }
  const poolSize = options.poolSize ?? (accentsReader ? 1 : defaultPoolSize());
  let closed = false;
  const pool = new WorkerPool(factory, poolSize);

  async function ocr(
    engine: OcrEngine,
    pre: PreprocessResult,
    timings: ScanTimings,
    signal?: AbortSignal,
    retry?: () => Promise<PreprocessResult>,
  ): Promise<UprightReading> {
    const read = async (image: PgmImage): Promise<OcrPage> => {
      timings.passes++;
      return toOcrPage(await engine.recognize(image.image, PSM), image.width, image.height);
    };
    return readUpright(read, pre, { cropped: pre.steps.cropped, ...(signal ? { signal } : {}), ...(retry ? { wholePhoto: retry } : {}) });
  }

  /**
   * Read a card in one pool job. `parseReading` (scan only) parses while the job still holds the English
   * worker, so a card that lost its e-mail, website or phone gets its doubtful lines re-read at once
   * (missing-contacts.ts) rather than queueing again behind the rest of a batch.
   */
  async function recognizeJob(
    input: ScanInput,
    opts: ScanOptions,
    parseReading?: (page: OcrPage) => ParsedCard,
  ): Promise<{
    page: OcrPage;
    pre: PreprocessResult;
    source: PgmImage;
    ms: number;
    bytes: Uint8Array;
    timings: ScanTimings;
    parsed?: ParsedCard;
    /** The card with its accents, when the accents pass already ran beside the re-read. */
    accented?: Promise<ParsedCard>;
    /** Contact fields a second reading of their line confirmed (for the Check marks). */
    readAgain?: ReadAgain;
    /** The contact fields as the recognizer's and tesseract's readings reconciled them. */
    contacts?: ReconciledContacts;
  }> {
    const report = (stage: ScanStage, progress: number): void => safeProgress(opts, stage, progress);
    report('queued', 0);
    return pool.run(async (engine) => {
      const t0 = performance.now();
      report('preprocessing', 0.05);
      // read inside the job so a batch of 1000 files is not all held in memory at once
      const { bytes, name } = await readInput(input);
      const t1 = performance.now();
      const pre = await preprocessImage(bytes, name);
      if (opts.signal?.aborted) throw new AbortError('scan cancelled');
      const t2 = performance.now();
      report('recognizing', 0.25);
      const timings: ScanTimings = { readMs: t1 - t0, preprocessMs: t2 - t1, ocrMs: 0, passes: 0 };
      const read = await ocr(engine, pre, timings, opts.signal, () => preprocessImage(bytes, name, { noCrop: true }));
      timings.turn = read.turn;
      // a light-on-dark band of the card, cut out by the pre-processing: turned with the card when a turn
      // read it (a third of photos are sideways or upside down); none from the whole photo's retry
      const panel = !pre.panel ? undefined : read.source === pre ? pre.panel : read.turn ? turnDarkPanel(pre.panel, read.turn, pre.width, pre.height) : undefined;
      const panelled = panel ? await readPanel(engine, panel, read.page, timings) : read.page;
      let page = await refine(engine, read.source, panelled, timings, opts.signal);
      const t3 = performance.now();
      timings.ocrMs = t3 - t2;
      if (!parseReading) return { page, pre, source: read.source, ms: t3 - t0, bytes, timings };
      report('parsing', 0.8);
      let parsed = parseReading(page);
      let accented: Promise<ParsedCard> | undefined;
      const recognizing = options.recognizer !== false && !opts.fast && Boolean(engine.readLines);
      const hiding = refineOptions ? [] : linesHidingContacts(page, parsed);
      if (hiding.length && !opts.signal?.aborted) {
        // The accents pass reads the name, company and address lines, which re-reading contact lines
        // rarely changes: it runs on its own worker meanwhile, and what it restored is carried over.
        const firstReading = parsed;
        const firstAccented = restoreAccents(read.source, page, firstReading, opts.signal);
        const rescued = await refine(engine, read.source, page, timings, opts.signal, { ...MISSING_CONTACTS_REFINEMENT, onlyLines: hiding });
        if (rescued !== page) {
          page = rescued;
          parsed = parseReading(page);
        }
        const finalReading = parsed;
        accented = firstAccented.then((card) => carryOverAccents(card, firstReading, finalReading));
      }
      // The recognizer's reading is the contact fields' second reading; without it (fast scan) tesseract reads weak ones again.
      const contacts = recognizing ? await recognizeContactLines(engine, read.source, page, parsed, parseReading, timings, opts.signal) : null;
      if (contacts) parsed = contacts.card;
      const readAgain = contacts ? contacts.agreed : await confirmByRereading(engine, read.source, page, parsed, timings, opts.signal);
      const t4 = performance.now();
      timings.parseMs = t4 - t3;
      // `source` is the image the page was read from: a turned or uncropped copy when a retry won.
      return { page, pre, source: read.source, ms: t4 - t0, bytes, timings, parsed, readAgain, ...(contacts ? { contacts } : {}), ...(accented ? { accented } : {}) };
    }, opts.signal);
  }

  /**
   * Line refinement is an extra too: when it fails (not the worker), the first reading stands.
   * `settings` defaults to the scanner's own (none: no refinement).
   */
  async function refine(
    engine: OcrEngine,
    source: PgmImage,
    page: OcrPage,
    timings: ScanTimings,
    signal?: AbortSignal,
    settings: LineRefinementOptions | null = refineOptions,
  ): Promise<OcrPage> {
    if (!settings || signal?.aborted) return page;
    try {
      const r = await refineLines(engine, source, page, { ...settings, ...(signal ? { signal } : {}) });
      Object.assign(timings, { refineMs: (timings.refineMs ?? 0) + r.ms, refinedLines: (timings.refinedLines ?? 0) + r.rereads.length, replacedLines: (timings.replacedLines ?? 0) + r.replaced });
      return r.page;
    } catch (err) {
      // a dead worker must still be replaced by the pool (and the job retried)
      if (err instanceof EngineError) throw err;
      return page;
    }
  }

  /** The dark panel's reading is an extra too: when it fails (not the worker), the main reading stands. */
  async function readPanel(engine: OcrEngine, panel: DarkPanel, page: OcrPage, timings: ScanTimings): Promise<OcrPage> {
    timings.passes++;
    try {
      return await readDarkPanel(engine, panel, page, PSM);
    } catch (err) {
      if (err instanceof EngineError) throw err;
      return page;
    }
  }

  /** The Check marks' second reading is an extra too: when it fails (not the worker), nothing is confirmed. */
  async function confirmByRereading(engine: OcrEngine, source: PgmImage, page: OcrPage, card: ParsedCard, timings: ScanTimings, signal?: AbortSignal): Promise<ReadAgain> {
    if (signal?.aborted) return new Set();
    const t0 = performance.now();
    try {
      return await readContactsAgain(engine, source, page, card, signal);
    } catch (err) {
      if (err instanceof EngineError) throw err;
      return new Set();
    } finally {
      timings.secondReadingMs = performance.now() - t0;
    }
  }

  /**
   * The recognizer is an extra too: when it fails to load or read, tesseract's reading stands, its weak
   * contact fields read again by tesseract as in a fast scan.
   */
  async function recognizeContactLines(
    engine: OcrEngine,
    source: PgmImage,
    page: OcrPage,
    card: ParsedCard,
    parseReading: (page: OcrPage) => ParsedCard,
    timings: ScanTimings,
    signal?: AbortSignal,
  ): Promise<ReconciledContacts | null> {
    if (!engine.readLines || signal?.aborted) return null;
    try {
      const r = await recognizeContacts(engine.readLines, source, page, card, parseReading, signal);
      Object.assign(timings, { recognizerMs: r.ms, recognizerLines: r.lines });
      return r;
    } catch (err) {
      if (err instanceof EngineError) throw err;
      return null;
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
    close: async () => {
      closed = true;
      await Promise.all([pool.close(), accentsReader?.close()]);
    },
    async recognize(input, opts = {}) {
      const { page, pre, ms, timings } = await recognizeJob(input, opts);
      return { page, pre, ms, timings };
    },
    async scan(input, opts = {}) {
      const { page, pre, source, ms, bytes, timings, parsed, accented, readAgain, contacts } = await recognizeJob(input, opts, parse);
      if (opts.signal?.aborted || !parsed) throw new AbortError('scan cancelled');
      const t1 = performance.now();
      // The "Check" marks judge the final values (accents restored) against the page they came from.
      const withAccents = await (accented ?? restoreAccents(source, page, parsed, opts.signal));
      // The accents neither model read, put back where the card's language spells the word one way only: guesses, marked.
      const spelled = spelledCard(withAccents);
      const final = contacts ? withContactsOf(spelled.card, contacts.card) : spelled.card;
      const marked = withCheckMarks(final, page, readAgain, new Set([...(contacts?.disputed ?? []), ...spelled.guessed]));
      // A card in a script the OCR cannot read: its garbage is never handed back as a reading.
      const unreadScript = judgeScript(page).unreadable;
      const fields = unreadScript ? markUnreadScript(marked) : marked;
      const t2 = performance.now();
      safeProgress(opts, 'done', 1);
      return {
        page,
        fields,
        ms: Math.round(ms + (t2 - t1)),
        timings: { ...timings, accentsMs: t2 - t1 },
        image: { bytes, mime: pre.mime, width: pre.originalWidth, height: pre.originalHeight },
        ...(unreadScript ? { notice: UNREAD_SCRIPT_NOTICE } : {}),
      };
    },
  };
}
