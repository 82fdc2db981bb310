/**
 * `leadbooth scan FILE... [--concurrency N] [--thorough] [--fast]`: read business-card photos, print one JSON
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
import { UsageError } from '../cli-io';
import type { CliContext } from '../cli-context';
import type { CommandArgs } from '../parse-command-line';
import { CARD_FIELDS, type CardField, type ParsedCard } from '../../../shared/parsing/card-fields';
import type { CheckMark } from '../../../shared/parsing/check-marks';
import type { OcrPage } from '../../../shared/parsing/ocr-types';
import { createScanner, type ScanResult } from '../../ocr/scanner';
import type { ScanSaver } from './scan-save';
import { refuseNonRegularFile } from '../regular-file';

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

export interface ScanOptions {
  files: string[];
  /** Cards read at once, 1..16. */
  concurrency: number;
  /** Re-read doubtful lines from upscaled crops: slower, for batch work. */
  thorough: boolean;
  /** Without the learned recognizer's second reading of the contact lines ("fast scan"). */
  fast: boolean;
  save: boolean;
}

const MAX_CONCURRENCY = 16;

/** `leadbooth scan` as the command table runs it: the options checked, then the files read. */
export async function runScanFromCommandLine(args: CommandArgs, cli: CliContext): Promise<number> {
  if (args.positionals.length === 0) throw new UsageError('scan needs at least one photo file');
  // One English worker, as the app runs: with the accents reader that keeps a scan within ~330 MB
  // (two workers: ~390 MB, 1.8× the throughput of a large batch — ask for it with --concurrency 2).
  const concurrency = args.integer('--concurrency') ?? 1;
  if (concurrency > MAX_CONCURRENCY) throw new UsageError(`--concurrency takes a whole number from 1 to ${MAX_CONCURRENCY}, not ${concurrency}`);
  const save = args.flag('--save');
  return runScanCommand(
    { files: args.positionals, concurrency, thorough: args.flag('--thorough'), fast: args.flag('--fast'), save },
    {
      ...cli.io,
      dataDir: cli.dataDir(),
      openSaver: async () => (await import('./scan-save')).openScanSaver(() => cli.openSession()),
    },
  );
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

export async function runScanCommand(parsed: ScanOptions, io: ScanCommandIo): Promise<number> {
  // The store first: a wrong --db or no current show is said before any OCR runs.
  const saver = parsed.save && io.openSaver ? await io.openSaver() : undefined;
  let scanner: ReturnType<typeof createScanner>;
  try {
    scanner = createScanner({
      dataDir: io.dataDir,
      poolSize: Math.min(parsed.concurrency, parsed.files.length),
      lineRefinement: parsed.thorough,
      recognizer: !parsed.fast,
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
