/**
 * Scanner benchmark: `npm run bench -- scan [DIR...] [--thorough] [--count N] [--seed S] [--no-generated] [--no-dev]`.
 * `npm run bench -- scan --cards2 [--seed S] [--count N]`: the second card renderer's corpus instead
 * (second-renderer.ts).
 *
 * Corpora: each DIR given (card images with card-*.json ground truth beside them), else the dev cards
 * beside the repo (../shared/cards/dev) when present, plus N (default 40) cards of the project's
 * own generator (test/support/cards) rendered at seed S (default 9001: never tuned on; the recognizer
 * was tuned on seed 71). Each corpus is read twice, with the learned recognizer (the default) and
 * as a "fast scan" (without it), and prints `name value unit` lines, <mode> being `recognizer` or `fast`:
 *   scan.<corpus>.<mode>.micro_f1, .field.<field>.f1   the test's own scorer (score-cards.ts, score.mjs's rules)
 *   scan.<corpus>.<mode>.warm_ms_median / _p90          per card, warm worker, concurrency 1 (the app's set-up)
 *   scan.<corpus>.<mode>.recognizer_ms_median           the recognizer's part (0 in fast mode)
 *   native.<corpus>.ms_median                            Debian `tesseract img stdout`, OMP_THREAD_LIMIT=1, same images
 *   scan.<corpus>.<mode>.ratio_vs_native                 ours / native (median)
 *   scan.<corpus>.<mode>.check.*                         the "Check" marks against the ground truth (check-mark-score.ts)
 *   queue20.<mode>.s_per_card_2_workers                  20 cards queued at once on 2 workers: wall time / 20
 *   scan.peak_rss_cli_scan_process_mb.<mode>             peak RSS of a plain `leadbooth scan` (bundled CLI) of 20 cards
 *   scan.peak_rss_app_1_worker_mb.<mode>                 peak RSS of this process while it read the first corpus (sampled)
 */
import { execFile, spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { CARD_FIELDS } from '../../shared/parsing/card-fields';
import { createScanner } from '../../electron/ocr/scanner';
import { scoreFields } from '../support/cards/score-cards';
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
async function cliScanPeakRss(files: string[], tmp: string, flags: string[] = []): Promise<number | string> {
  const bin = path.join(here, '../../electron/cli/bin.mjs');
  await run(process.execPath, [path.join(here, '../../build/build-cli.mjs')]);
  const preload = pathToFileURL(path.join(here, 'report-max-rss.mjs')).href;
  try {
    const { stderr } = await run(process.execPath, ['--import', preload, bin, '--db', path.join(tmp, 'cli.db'), 'scan', ...flags, ...files], { maxBuffer: 1 << 26 });
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

/** A corpus: card images with their ground truth (`fields`) in card-*.json beside them. */
interface Corpus {
  name: string;
  files: string[];
  truths: Map<string, Record<string, string>>;
}

async function readCorpus(name: string, dir: string): Promise<Corpus> {
  const names = (await fs.readdir(dir)).filter((n) => /\.(jpe?g|png|webp|tiff?)$/i.test(n)).sort();
  if (!names.length) throw new Error(`no card images in ${dir}`);
  const truths = new Map<string, Record<string, string>>();
  for (const n of names) {
    const truth = await fs.readFile(path.join(dir, n.replace(/\.\w+$/, '.json')), 'utf8').then((t) => (JSON.parse(t) as { fields?: Record<string, string> }).fields, () => undefined);
    if (truth) truths.set(n, truth);
  }
  return { name, files: names.map((n) => path.join(dir, n)), truths };
}

/** `count` generated cards at `seed`, rendered as photos and scans like the dev set's (card-NNNN.jpg + .json). */
async function generatedCorpus(dir: string, count: number, seed: number): Promise<Corpus> {
  const { generateCards } = await import('../support/cards/generate-cards');
  const { renderCard } = await import('../support/cards/render-card');
  await fs.mkdir(dir, { recursive: true });
  for (const card of generateCards(count, seed)) {
    await fs.writeFile(path.join(dir, card.file), await renderCard(card));
    await fs.writeFile(path.join(dir, card.file.replace(/\.jpg$/, '.json')), JSON.stringify(card));
  }
  return readCorpus(`generated_seed${seed}`, dir);
}

type Mode = 'recognizer' | 'fast';
const MODES: Mode[] = ['recognizer', 'fast'];

/** One corpus read once in one mode, at concurrency 1: times, scores, Check marks. */
async function readCorpusOnce(corpus: Corpus, mode: Mode, dataDir: string, lineRefinement: boolean): Promise<{ perCard: number[]; native?: number }> {
  const prefix = `scan.${corpus.name}.${mode}`;
  const scanner = createScanner({ dataDir, poolSize: 1, lineRefinement, recognizer: mode === 'recognizer' });
  const perCard: number[] = [];
  const recognizerMs: number[] = [];
  const preds = new Map<string, Record<string, string>>();
  const marked: MarkedReading[] = [];
  try {
    await scanner.warmUp();
    await scanner.scan({ path: corpus.files[0]! }); // the first scan warms the engines (and loads the recognizer)
    for (const f of corpus.files) {
      try {
        const r = await scanner.scan({ path: f });
        perCard.push(r.ms);
        recognizerMs.push(r.timings.recognizerMs ?? 0);
        const fields: Record<string, string> = {};
        for (const k of CARD_FIELDS) fields[k] = r.fields[k].value;
        preds.set(path.basename(f), fields);
        const truth = corpus.truths.get(path.basename(f));
        if (truth) marked.push({ file: path.basename(f), truth, card: r.fields });
      } catch (err) {
        console.log(`# ${path.basename(f)}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  } finally {
    await scanner.close();
  }
  const truths = [...corpus.truths].map(([file, fields]) => ({ file, fields }));
  if (truths.length) {
    const score = scoreFields(truths, preds);
    fig(`${prefix}.micro_f1`, score.f, 'ratio', 4);
    fig(`${prefix}.cards_fully_right`, score.right, 'cards', 0);
    for (const field of CARD_FIELDS) fig(`${prefix}.field.${field}.f1`, score.fields[field]!.f, 'ratio', 4);
  }
  fig(`${prefix}.cards`, perCard.length, 'cards', 0);
  fig(`${prefix}.warm_ms_median`, pct(perCard, 0.5), 'ms');
  fig(`${prefix}.warm_ms_p90`, pct(perCard, 0.9), 'ms');
  fig(`${prefix}.recognizer_ms_median`, pct(recognizerMs, 0.5), 'ms');
  if (marked.length) printCheckMarkScore(`${prefix}.check`, scoreCheckMarks(marked));
  return { perCard };
}

/** 20 cards queued at once on 2 workers (the capture queue's batch): seconds a card. */
async function queueThroughput(files: string[], mode: Mode, dataDir: string): Promise<void> {
  const batch = Array.from({ length: 20 }, (_v, i) => files[i % files.length]!);
  const scanner = createScanner({ dataDir, poolSize: 2, recognizer: mode === 'recognizer' });
  try {
    await Promise.all([scanner.warmUp(), scanner.scan({ path: batch[0]! }), scanner.scan({ path: batch[1]! })]);
    const t0 = performance.now();
    await Promise.all(batch.map((f) => scanner.scan({ path: f }).catch(() => null)));
    fig(`queue20.${mode}.s_per_card_2_workers`, (performance.now() - t0) / 1000 / batch.length, 's', 3);
    console.log(`# threads in this process with 2 OCR workers (${mode}): ${await threadCount()}`);
  } finally {
    await scanner.close();
  }
}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

export async function runScanBench(args: string[]): Promise<void> {
  if (args.includes('--cards2')) {
    // the second card renderer's corpus (other countries, layouts and photo damage): second-renderer.ts
    const { runSecondRendererBench } = await import('./second-renderer');
    await runSecondRendererBench(args);
    return;
  }
  // --thorough: the scanner as `leadbooth scan --thorough` sets it up (doubtful lines re-read)
  const lineRefinement = args.includes('--thorough');
  const dirs = args.filter((a, i) => !a.startsWith('--') && !['--count', '--seed'].includes(args[i - 1] ?? ''));
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'leadbooth-scan-bench-'));
  try {
    const corpora: Corpus[] = [];
    for (const dir of dirs) corpora.push(await readCorpus(path.basename(path.resolve(dir)).replace(/\W+/g, '_'), path.resolve(dir)));
    if (!dirs.length) {
      const dev = path.join(here, '../../../shared/cards/dev');
      if (args.includes('--no-dev')) console.log('# dev cards left out (--no-dev)');
      else if (await fs.stat(dev).then(() => true, () => false)) corpora.push(await readCorpus('dev', dev));
      else console.log(`# dev cards not found beside the repo (${dev}): generated cards only`);
    }
    if (!args.includes('--no-generated') && !dirs.length) {
      corpora.push(await generatedCorpus(path.join(tmp, 'generated'), Number(option(args, '--count') ?? 40), Number(option(args, '--seed') ?? 9001)));
    }
    const dataDir = path.join(tmp, 'data');
    for (const [index, corpus] of corpora.entries()) {
      const native = await nativeTimes(corpus.files);
      for (const mode of MODES) {
        const rss = rssSampler();
        const { perCard } = await readCorpusOnce(corpus, mode, dataDir, lineRefinement);
        if (index === 0) fig(`scan.peak_rss_app_1_worker_mb.${mode}`, rss.stop().sampledMb, 'MB');
        else rss.stop();
        if (typeof native !== 'string') fig(`scan.${corpus.name}.${mode}.ratio_vs_native`, pct(perCard, 0.5) / pct(native, 0.5), 'ratio', 2);
      }
      if (typeof native === 'string') console.log(`native.${corpus.name}.ms_median skipped (${native})`);
      else fig(`native.${corpus.name}.ms_median`, pct(native, 0.5), 'ms');
    }
    const sample = corpora[0]!.files.slice(0, 20);
    for (const mode of MODES) await queueThroughput(sample, mode, dataDir);
    for (const mode of MODES) {
      const cli = await cliScanPeakRss(sample, tmp, mode === 'fast' ? ['--fast'] : []);
      if (typeof cli === 'string') console.log(`scan.peak_rss_cli_scan_process_mb.${mode} skipped (${cli})`);
      else fig(`scan.peak_rss_cli_scan_process_mb.${mode}`, cli, 'MB');
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
