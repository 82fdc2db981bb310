/**
 * `leadbooth scan FILE... [--concurrency N] [--thorough]`: read business-card photos, print one JSON
 * line per file in input order (each as soon as it and every file before it is done):
 *
 *   {"file": "<as given>", "fields": {<15 card fields, "" when absent>}, "confidence": {...0..1},
 *    "check": {"email": "unsure", "lastName": "not-read"}, "ms": 812}
 *
 * `check` lists only the fields the scanner marks (shared/parsing/check-marks.ts): "unsure" to
 * compare with the card, "not-read" for a name or company the card seems to print that was not read.
 *   {"file": "<as given>", "error": "<what is wrong and what to do>"}
 *
 * Exit code 0 when every file was processed (per-file errors included), 2 on a usage
 * error, 1 when the OCR engine itself cannot run.
 */
import { CARD_FIELDS, type CardField, type ParsedCard } from '../../../shared/parsing/card-fields';
import type { CheckMark } from '../../../shared/parsing/check-marks';
import type { OcrPage } from '../../../shared/parsing/ocr-types';
import { createScanner, type ScanResult } from '../../ocr/scanner';
import type { ScanSaver } from './scan-save';
import { refuseNonRegularFile } from '../regular-file';

export const SCAN_USAGE_LINE =
  'usage: leadbooth scan FILE... [--concurrency N] [--thorough] [--save]   (N: 1..16, default 1; 2 reads a batch ~1.8× faster with ~80 MB more memory; --thorough re-reads doubtful lines, slower; --save saves each card as a lead in the current show)';

export interface ScanCommandIo {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  /** The app's data folder (tesseract's cache lives there). */
  dataDir: string;
  /** Another card parser (tests); the real one when not given. */
  parse?: (page: OcrPage) => ParsedCard;
  /** With --save: opens the store; each card read is saved as a lead and the saved lead printed (scan-save.ts). */
  openSaver?: () => Promise<ScanSaver>;
}

interface ScanArgs {
  files: string[];
  concurrency: number;
  /** Re-read doubtful lines from upscaled crops: slower, for batch work. */
  thorough: boolean;
  save: boolean;
}

function parseArgs(args: string[]): ScanArgs | string {
  const files: string[] = [];
  // One English worker, as the app runs: with the accents reader that keeps a scan within ~330 MB
  // (two workers: ~390 MB, 1.8× the throughput of a large batch — ask for it with --concurrency 2).
  let concurrency = 1;
  let onlyFiles = false;
  let thorough = false;
  let save = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (!onlyFiles && a === '--') {
      onlyFiles = true;
      continue;
    }
    if (!onlyFiles && (a === '--concurrency' || a.startsWith('--concurrency='))) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[++i];
      if (v === undefined || !/^\d+$/.test(v) || Number(v) < 1 || Number(v) > 16) {
        return `--concurrency needs a whole number from 1 to 16 (got ${v === undefined ? 'nothing' : JSON.stringify(v)})`;
      }
      concurrency = Number(v);
      continue;
    }
    if (!onlyFiles && a === '--thorough') {
      thorough = true;
      continue;
    }
    if (!onlyFiles && a === '--save') {
      save = true;
      continue;
    }
    if (!onlyFiles && a.startsWith('--')) return `unknown option ${a}`;
    files.push(a);
  }
  if (!files.length) return 'no files given';
  return { files, concurrency, thorough, save };
}

function toRecord(file: string, r: ScanResult): Record<string, unknown> {
  const fields = {} as Record<CardField, string>;
  const confidence = {} as Record<CardField, number>;
  const check: Partial<Record<CardField, CheckMark>> = {};
  for (const f of CARD_FIELDS) {
    const v = r.fields[f];
    fields[f] = v?.value ?? '';
    confidence[f] = v?.value ? Math.round(Math.min(1, Math.max(0, v.confidence)) * 1000) / 1000 : 0;
    if (v?.check) check[f] = v.check;
  }
  return { file, fields, confidence, check, ...(r.notice ? { notice: r.notice } : {}), ms: Math.round(r.ms) };
}

function describe(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}

export async function runScanCommand(args: string[], io: ScanCommandIo): Promise<number> {
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') {
    io.stderr(`leadbooth scan: ${parsed}`);
    io.stderr(SCAN_USAGE_LINE);
    return 2;
  }
  // The store first: a wrong --db or no current show is said before any OCR runs.
  const saver = parsed.save && io.openSaver ? await io.openSaver() : undefined;
  let scanner: ReturnType<typeof createScanner>;
  try {
    scanner = createScanner({
      dataDir: io.dataDir,
      poolSize: Math.min(parsed.concurrency, parsed.files.length),
      lineRefinement: parsed.thorough,
      ...(io.parse ? { parse: io.parse } : {}),
    });
  } catch (err) {
    await saver?.close();
    io.stderr(`leadbooth scan: the OCR engine cannot start: ${describe(err)}`);
    return 1;
  }
  try {
    void scanner.warmUp();
    // `concurrency` files in flight, no more: a file queued early would start its OCR while the
    // previous one is still in its accents pass, two images and two workers busy at once (peak
    // memory ~390 instead of ~330 MB for a small gain). Lines are printed in input order.
    const lines = parsed.files.map(() => {
      let resolve: (line: string) => void = () => {};
      const promise = new Promise<string>((r) => (resolve = r));
      return { promise, resolve };
    });
    let next = 0;
    const lane = async (): Promise<void> => {
      while (next < parsed.files.length) {
        const i = next++;
        const file = parsed.files[i]!;
        const refused = refuseNonRegularFile(file);
        const line = refused
          ? JSON.stringify({ file, error: refused })
          : await scanner.scan({ path: file }).then(
              async (r) => JSON.stringify(saver ? await saver.save(file, r) : toRecord(file, r)),
              (err: unknown) => JSON.stringify({ file, error: describe(err) }),
            );
        lines[i]!.resolve(line);
      }
    };
    const lanes = Array.from({ length: Math.min(parsed.concurrency, parsed.files.length) }, lane);
    for (const l of lines) io.stdout(await l.promise);
    await Promise.all(lanes);
    return 0;
  } finally {
    await scanner.close();
    await saver?.close();
  }
}
