/**
 * One tesseract.js worker with several Latin-script languages, used to re-read single
 * text lines (crops) where the English model drops or confuses diacritics.
 *
 * tesseract.js takes ONE `langPath` for all languages, but every language ships in its own
 * npm package (`@tesseract.js-data/<lang>`). Its `{ code, data }` language objects are no
 * way out either: tesseract.js 7's `initialize` joins `data` (not `code`) into the language
 * string. So at start-up the `.gz` files are gathered into one folder inside the app's data
 * folder (../engine/language-folder.ts). Never the network: a missing file throws.
 */
import path from 'node:path';
import type { Worker } from 'tesseract.js';
import { startTesseractWorker, withTimeout } from '../engine/tesseract-worker';
import { pageLines } from '../engine/page-lines';
import type { TesseractPaths } from '../engine/tesseract-paths';
import { gatherLanguageFiles } from '../engine/language-folder';

/**
 * Languages of the second pass, measured on the dev cards (test/bench/diacritics.ts):
 * - with `eng` in the set (eng+fra+deu+spa) tesseract keeps the English reading of every
 *   word English reads confidently, i.e. without accents: 13 fields fixed;
 * - fra+deu+spa: 29 fields fixed, fewest stray accents;
 * - spa+fra+deu+por+ces: 30 fixed but ~20 % slower per line, ~1 s longer start-up, and it
 *   broke a "ß" repair ("Ñ"); `ces` still did not read "ř".
 * - fra+deu+spa+por (Portuguese last, for ã õ ç of Brazilian and Portuguese cards): the dev
 *   cards unchanged (0.925 after the pass), 150 invented cards 0.878 → 0.879 (Brazil 0.72 → 0.74),
 *   no other country changed; ~13 MB more memory;
 * - por+fra+deu+spa (Portuguese first): Brazil and Spain better (0.79, 0.85) but German and
 *   French cards worse (ä read as á, è as ê: 0.83, 0.85): the first language wins doubtful words.
 * English text reads fine with these Latin-script models, and the pass only ever adopts
 * accent changes, so English is not needed here.
 */
const DIACRITIC_LANGUAGES: readonly string[] = ['fra', 'deu', 'spa', 'por'];

/** Page segmentation modes for a crop of one line / one word (7, 8, 13) or a stack of lines (6). */
export type LinePsm = '6' | '7' | '8' | '13';

interface LineWord {
  text: string;
  /** 0..1 */
  confidence: number;
  /** vertical centre of the word in the image read (px); lets a stacked read be split back into lines */
  cy?: number;
}

export interface LineReading {
  text: string;
  /** 0..1, mean of the words */
  confidence: number;
  words: LineWord[];
}

export interface DiacriticsReader {
  /** Start the worker now (copies the language files first); errors are swallowed and retried on first use. */
  warmUp(): Promise<void>;
  /** Read one line image (PGM / PNG / JPEG bytes). */
  readLine(image: Buffer, psm?: LinePsm): Promise<LineReading>;
  /** Terminate the worker; a later readLine starts a new one. */
  close(): Promise<void>;
}

/** Where the gathered language files live: beside tesseract's cache, in the app's data folder. */
function multilingualLangPath(paths: TesseractPaths): string {
  return path.join(path.dirname(paths.cachePath), 'tesseract-langs');
}


/** A re-read line takes ~30–60 ms; a worker that has not answered after this is hung. */
const LINE_TIMEOUT_MS = 15_000;

async function startWorker(paths: TesseractPaths, languages: readonly string[]): Promise<Worker> {
  const langPath = await gatherLanguageFiles(languages, multilingualLangPath(paths));
  const worker = await startTesseractWorker(paths, languages, langPath);
  // line crops: a fixed resolution suits single-line mode (no sparse-text layout analysis)
  await worker.setParameters({ user_defined_dpi: '300' });
  return worker;
}

/**
 * A lazily started multi-language line reader. One worker only: the crops are small
 * (~30–60 ms each), and every extra worker costs ~100 MB.
 */
export function createDiacriticsReader(paths: TesseractPaths): DiacriticsReader {
  let worker: Promise<Worker> | null = null;
  let psmSet: LinePsm | null = null;

  const get = (): Promise<Worker> => {
    if (!worker) {
      const p = startWorker(paths, DIACRITIC_LANGUAGES);
      worker = p;
      // a failed start leaves the slot empty so the next call tries again
      p.catch(() => {
        if (worker === p) worker = null;
      });
    }
    return worker;
  };

  return {
    warmUp: () => get().then(
      () => undefined,
      () => undefined,
    ),
    async readLine(image, psm = '7') {
      const w = await get();
      if (psmSet !== psm) {
        // tesseract.js types declare PSM as an enum of string values
        await w.setParameters({ tessedit_pageseg_mode: psm as never });
        psmSet = psm;
      }
      let res: Awaited<ReturnType<Worker['recognize']>>;
      try {
        res = await withTimeout(w.recognize(image, {}, { text: true, blocks: true }), LINE_TIMEOUT_MS, 'accents line');
      } catch (err) {
        // hung or dead: drop this worker (the next line starts a new one); the caller keeps the English reading
        if (worker) {
          const dead = worker;
          worker = null;
          psmSet = null;
          void dead.then((x) => x.terminate()).catch(() => {});
        }
        throw err;
      }
      // the words of every line found, with their vertical centre
      const words: LineWord[] = pageLines(res.data).flatMap((line) => line.words.map((w) => ({ text: w.text, confidence: w.confidence, cy: (w.box.y0 + w.box.y1) / 2 })));
      const confidence = words.length ? words.reduce((s, x) => s + x.confidence, 0) / words.length : 0;
      return { text: words.map((x) => x.text).join(' '), confidence, words };
    },
    async close() {
      const p = worker;
      worker = null;
      psmSet = null;
      if (p) await p.then((w) => w.terminate()).catch(() => {});
    },
  };
}
