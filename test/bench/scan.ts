/**
 * Scanner benchmark: `npm run bench -- scan [DIR] [--thorough]` (default DIR: ../shared/cards/dev).
 * `npm run bench -- scan --cards2 [--seed S] [--count N]`: the second card renderer's corpus instead
 * (second-renderer.ts).
 *
 * Prints `name value unit` lines:
 *   scan.warm_ms_median / scan.warm_ms_p90   per card, warm worker, pre-processing + OCR + parse + accents pass,
 *                                            concurrency 1 (the app's set-up)
 *   scan.wall_s_c1 / scan.wall_s_c2          whole set at concurrency 1 and 2
 *   native.ms_median                         Debian `tesseract img stdout`, OMP_THREAD_LIMIT=1, same run
 *   scan.ratio_vs_native                     ours / native (median)
 *   scan.peak_rss_*_mb                       peak RSS of this process with the app's set-up and with 2 workers;
 *                                            tesseract.js node workers are threads of this process, so it covers them
 *   scan.peak_rss_cli_scan_process_mb        peak RSS of a plain `leadbooth scan` of the whole set, as its own process
 *   fields_micro_f1                          score.mjs on the predictions written by the c1 run
 *   check.*                                  the "Check" marks of the c1 run against the ground truth (card-*.json
 *                                            beside the images; check-mark-score.ts): unmarked-field precision per
 *                                            field and for e-mails/phones/websites ("contact") and all fields, the
 *                                            share of wrong fields marked, the share of right fields marked, and
 *                                            names/companies the card prints that were left empty and marked
 */
import { execFile, spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { CARD_FIELDS } from '../../shared/parsing/card-fields';
import { createScanner } from '../../electron/ocr/scanner';
import { printCheckMarkScore, scoreCheckMarks, type MarkedReading } from './check-mark-score';
import { percentile as pct, printFigure as fig } from './stats';

const run = promisify(execFile);
const here = path.dirname(fileURLToPath(import.meta.url));

/** Peak RSS: getrusage's maxRSS (whole process, all threads) plus a sampler as a cross-check. */
function rssSampler(): { stop: () => { sampledMb: number; maxRssMb: number } } {
  let peak = process.memoryUsage().rss;
  const t = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 25);
  return {
    stop: () => {
      clearInterval(t);
      return { sampledMb: peak / 1024 / 1024, maxRssMb: process.resourceUsage().maxRSS / 1024 };
    },
  };
}

/**
 * Peak RSS of a plain `leadbooth scan FILE...` over the whole set, as its own process (what a user
 * runs; the figures above come from this benchmark's process, which also holds the benchmark).
 * The CLI is bundled first (`npm run build:cli`, as `npm install` does): bin.mjs would otherwise run
 * the TypeScript through tsx, which costs ~60 MB that a user's `leadbooth scan` does not have.
 */
async function cliScanPeakRss(files: string[], tmp: string): Promise<number | string> {
  const bin = path.join(here, '../../electron/cli/bin.mjs');
  await run(process.execPath, [path.join(here, '../../build/build-cli.mjs')]);
  const preload = pathToFileURL(path.join(here, 'report-max-rss.mjs')).href;
  try {
    const { stderr } = await run(process.execPath, ['--import', preload, bin, '--db', path.join(tmp, 'cli.db'), 'scan', ...files], { maxBuffer: 1 << 26 });
    const kb = /max-rss-kb (\d+)/.exec(stderr)?.[1];
    return kb ? Number(kb) / 1024 : 'no figure printed';
  } catch (err) {
    return err instanceof Error ? err.message.split('\n')[0]! : String(err);
  }
}

async function threadCount(): Promise<number> {
  try {
    const s = await fs.readFile('/proc/self/status', 'utf8');
    return Number(/^Threads:\s+(\d+)/m.exec(s)?.[1] ?? NaN);
  } catch {
    return NaN;
  }
}

async function nativeTimes(files: string[]): Promise<number[] | string> {
  const probe = spawnSync('tesseract', ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    return 'tesseract CLI not found (apt-get install -y tesseract-ocr)';
  }
  const env = { ...process.env, OMP_THREAD_LIMIT: '1' };
  // one warm-up run so the first card does not pay for loading the binary and model from disk
  await run('tesseract', [files[0]!, 'stdout'], { env, maxBuffer: 1 << 24 }).catch(() => null);
  const times: number[] = [];
  for (const f of files) {
    const t0 = performance.now();
    await run('tesseract', [f, 'stdout'], { env, maxBuffer: 1 << 24 }).catch(() => null);
    times.push(performance.now() - t0);
  }
  return times;
}

export async function runScanBench(args: string[]): Promise<void> {
  if (args.includes('--cards2')) {
    // the second card renderer's corpus (other countries, layouts and photo damage): second-renderer.ts
    const { runSecondRendererBench } = await import('./second-renderer');
    await runSecondRendererBench(args);
    return;
  }
  const dir = path.resolve(args.find((a) => !a.startsWith('--')) ?? path.join(here, '../../../shared/cards/dev'));
  // --thorough: the scanner as `leadbooth scan --thorough` sets it up (doubtful lines re-read)
  const lineRefinement = args.includes('--thorough');
  const names = (await fs.readdir(dir)).filter((n) => /\.(jpe?g|png|webp|tiff?)$/i.test(n)).sort();
  if (!names.length) throw new Error(`no card images in ${dir}`);
  const files = names.map((n) => path.join(dir, n));
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'leadbooth-scan-bench-'));
  try {
    // Concurrency 1 is the app's own set-up: one English worker plus the accents reader.
    const rssApp = rssSampler();
    const s1 = createScanner({ dataDir: path.join(tmp, 'data'), poolSize: 1, lineRefinement });
    await s1.warmUp();
    await s1.scan({ path: files[0]! }); // the first scan warms the engines
    const perCard: number[] = [];
    const preds: string[] = [];
    const marked: MarkedReading[] = [];
    let t0 = performance.now();
    const split = { pre: [] as number[], ocr: [] as number[], accents: [] as number[], passes: 0 };
    for (const f of files) {
      try {
        const r = await s1.scan({ path: f });
        perCard.push(r.ms);
        split.pre.push(r.timings.preprocessMs);
        split.ocr.push(r.timings.ocrMs);
        split.accents.push(r.timings.accentsMs ?? 0);
        split.passes += r.timings.passes;
        const fields: Record<string, string> = {};
        for (const k of CARD_FIELDS) fields[k] = r.fields[k].value;
        preds.push(JSON.stringify({ file: path.basename(f), fields }));
        const truth = await fs.readFile(f.replace(/\.\w+$/, '.json'), 'utf8').then((t) => (JSON.parse(t) as { fields?: Record<string, string> }).fields, () => undefined);
        if (truth) marked.push({ file: path.basename(f), truth, card: r.fields });
      } catch (err) {
        console.log(`# ${path.basename(f)}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    const wall1 = (performance.now() - t0) / 1000;
    console.log(`# threads in this process with 1 OCR worker + the accents reader: ${await threadCount()}`);
    await s1.close();
    const memApp = rssApp.stop();
    const rssBatch = rssSampler();

    // concurrency 2: wall time only
    const s2 = createScanner({ dataDir: path.join(tmp, 'data'), poolSize: 2, lineRefinement });
    await Promise.all([s2.warmUp(), s2.scan({ path: files[0]! }), s2.scan({ path: files[1] ?? files[0]! })]);
    t0 = performance.now();
    await Promise.all(files.map((f) => s2.scan({ path: f }).catch(() => null)));
    const wall2 = (performance.now() - t0) / 1000;
    console.log(`# threads in this process with 2 OCR workers: ${await threadCount()}`);
    await s2.close();
    const memBatch = rssBatch.stop();

    const med = pct(perCard, 0.5);
    fig('scan.warm_ms_median', med, 'ms');
    fig('scan.warm_ms_p90', pct(perCard, 0.9), 'ms');
    fig('scan.preprocess_ms_median', pct(split.pre, 0.5), 'ms');
    fig('scan.ocr_ms_median', pct(split.ocr, 0.5), 'ms');
    fig('scan.accents_pass_ms_median', pct(split.accents, 0.5), 'ms');
    fig('scan.ocr_passes_per_card', split.passes / Math.max(1, split.ocr.length), 'passes', 2);
    fig('scan.wall_s_c1', wall1, 's', 1);
    fig('scan.wall_s_c2', wall2, 's', 1);
    const native = await nativeTimes(files);
    if (typeof native === 'string') {
      console.log(`native.ms_median skipped (${native})`);
    } else {
      const nmed = pct(native, 0.5);
      fig('native.ms_median', nmed, 'ms');
      fig('scan.ratio_vs_native', med / nmed, 'ratio', 2);
    }
    const cli = await cliScanPeakRss(files, tmp);
    if (typeof cli === 'string') console.log(`scan.peak_rss_cli_scan_process_mb skipped (${cli})`);
    else fig('scan.peak_rss_cli_scan_process_mb', cli, 'MB');
    // getrusage's maxRSS never goes down, so the app's set-up (measured first) is read from the sampler.
    fig('scan.peak_rss_app_1_worker_plus_accents_mb', memApp.sampledMb, 'MB');
    fig('scan.peak_rss_batch_2_workers_plus_accents_mb', memBatch.sampledMb, 'MB');
    fig('scan.peak_rss_process_max_mb', memBatch.maxRssMb, 'MB');

    if (marked.length) printCheckMarkScore('check', scoreCheckMarks(marked));
    else console.log('check.* skipped (no card-*.json ground truth beside the images)');

    const predFile = path.join(tmp, 'predictions.jsonl');
    await fs.writeFile(predFile, `${preds.join('\n')}\n`);
    const scorer = path.join(dir, '..', 'score.mjs');
    try {
      const { stdout } = await run(process.execPath, [scorer, dir, predFile], { maxBuffer: 1 << 24 });
      const m = /^fields micro-F1\s+([\d.]+)/m.exec(stdout);
      if (m) fig('fields_micro_f1', Number(m[1]), 'ratio', 2);
      else console.log(`fields_micro_f1 skipped (scorer said: ${stdout.trim().split('\n').at(-1)})`);
    } catch (err) {
      console.log(`fields_micro_f1 skipped (${scorer}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)})`);
    }
  } finally {
    await fs.rm(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  runScanBench(process.argv.slice(2)).catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
