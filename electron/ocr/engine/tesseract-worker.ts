/**
 * Starting a tesseract.js worker (the one place: the card pool and the accents reader both start
 * theirs here) — local files only (see tesseract-paths.ts), a damaged cache read again from the
 * shipped data, and the parameters every worker of this app wants.
 */
import { createWorker, OEM, type Worker } from 'tesseract.js';
import type { TesseractPaths } from './tesseract-paths';

/** The engine failed (not the input): the worker is replaced. */
export class EngineError extends Error {
  override readonly name = 'EngineError';
}

/**
 * A worker for `languages` whose data lies in `langPath` (the English model's folder, or the folder
 * the accents reader gathers its languages into).
 */
export function startTesseractWorker(paths: TesseractPaths, languages: string | readonly string[], langPath: string): Promise<Worker> {
  // One start-up at a time per cache folder: a starting worker writes the unpacked language
  // data into the cache, and a second one starting at that moment read the half-written file
  // ("Failed loading language 'eng'") and never became ready (seen with --concurrency 2).
  const previous = startups.get(paths.cachePath) ?? Promise.resolve();
  const started = previous.catch(() => undefined).then(() => startWorker(paths, languages, langPath));
  startups.set(paths.cachePath, started);
  return started;
}

const startups = new Map<string, Promise<unknown>>();

async function startWorker(paths: TesseractPaths, languages: string | readonly string[], langPath: string): Promise<Worker> {
  const options = {
    workerPath: paths.workerPath,
    corePath: paths.corePath,
    langPath,
    // one cache for every worker: eng.traineddata is the same file for both
    cachePath: paths.cachePath,
    gzip: paths.gzip,
    workerBlobURL: false,
    logger: () => {},
    errorHandler: () => {},
  };
  const langs = typeof languages === 'string' ? languages : [...languages];
  let worker: Worker;
  try {
    worker = await createWorker(langs, OEM.LSTM_ONLY, options);
  } catch {
    // a damaged cache file in the data folder: read the shipped data again
    worker = await createWorker(langs, OEM.LSTM_ONLY, { ...options, cacheMethod: 'refresh' });
  }
  await worker.setParameters({
    // Pre-processing already turned light-on-dark text dark-on-light; without this, tesseract
    // re-reads every doubtful word inverted as well (roughly doubling the time of a hard line).
    tessedit_do_invert: '0',
    // tesseract's debug chatter ("Detected 32 diacritics") must not reach stdout
    debug_file: '/dev/null',
  });
  return worker;
}

/** `work`, or an EngineError when it has not finished after `ms` (a hung worker). */
export function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new EngineError(`OCR worker did not answer within ${Math.round(ms / 1000)} s (${what})`)), ms);
    timer.unref?.();
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
