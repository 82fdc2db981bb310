/**
 * Line refinement benchmark on the development set, with the whole scanner (accents pass
 * included, one English worker as in the app):
 *
 *   npx tsx test/bench/line-refinement.ts [--dev DIR] [--out DIR] [--per-card]
 *
 * Scans every card with the refinement off, then on (one scanner at a time), scores both
 * with the set's score.mjs and prints `name value unit` lines: micro-F1 overall / clean /
 * photo, e-mail / phone / website F1, cards fully right, the refinement's extra ms
 * (median / p90), total ms per card and peak RSS.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CARD_FIELDS } from '../../shared/parsing/card-fields';
import { createScanner } from '../../electron/ocr/scanner';
import { percentile as pct, printFigure as fig } from './stats';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

interface Run {
  preds: string;
  totalMs: number[];
  refineMs: number[];
  reread: number;
  replaced: number;
  rssMb: number;
}

async function scanAll(dev: string, files: string[], outFile: string, dataDir: string, lineRefinement: boolean): Promise<Run> {
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss / 1048576)), 25);
  const scanner = createScanner({ dataDir, poolSize: 1, lineRefinement });
  await scanner.warmUp();
  await scanner.scan({ path: path.join(dev, files[0]!) }); // warms both engines
  const run: Run = { preds: outFile, totalMs: [], refineMs: [], reread: 0, replaced: 0, rssMb: 0 };
  const lines: string[] = [];
  for (const f of files) {
    const r = await scanner.scan({ path: path.join(dev, f) });
    run.totalMs.push(r.ms);
    run.refineMs.push(r.timings.refineMs ?? 0);
    run.reread += r.timings.refinedLines ?? 0;
    run.replaced += r.timings.replacedLines ?? 0;
    lines.push(JSON.stringify({ file: f, fields: Object.fromEntries(CARD_FIELDS.map((k) => [k, r.fields[k].value])) }));
  }
  await scanner.close();
  clearInterval(sampler);
  run.rssMb = peak;
  fs.writeFileSync(outFile, `${lines.join('\n')}\n`);
  return run;
}

interface Summary {
  all: { f: number; right: number; cards: number };
  clean: { f: number };
  photo: { f: number };
  fields: Record<string, { f: number }>;
}

function score(dev: string, preds: string, perCard: boolean): Summary {
  const json = `${preds}.summary.json`;
  const out = execFileSync(process.execPath, [path.join(dev, '..', 'score.mjs'), dev, preds, '--json', json, ...(perCard ? ['--per-card'] : [])], { encoding: 'utf8' });
  if (perCard) process.stderr.write(out);
  return JSON.parse(fs.readFileSync(json, 'utf8')) as Summary;
}

function report(tag: string, run: Run, s: Summary): void {
  const p = `refine.${tag}`;
  fig(`${p}.micro_f1`, s.all.f, 'ratio', 4);
  fig(`${p}.clean.micro_f1`, s.clean.f, 'ratio', 4);
  fig(`${p}.photo.micro_f1`, s.photo.f, 'ratio', 4);
  for (const f of ['email', 'phone', 'website']) fig(`${p}.field.${f}.f1`, s.fields[f]?.f ?? NaN, 'ratio', 4);
  console.log(`${p}.cards_fully_right ${s.all.right}/${s.all.cards} cards`);
  fig(`${p}.total_ms_median`, pct(run.totalMs, 0.5), 'ms');
  fig(`${p}.total_ms_p90`, pct(run.totalMs, 0.9), 'ms');
  fig(`${p}.extra_ms_median`, pct(run.refineMs, 0.5), 'ms');
  fig(`${p}.extra_ms_p90`, pct(run.refineMs, 0.9), 'ms');
  fig(`${p}.lines_reread`, run.reread, 'lines');
  fig(`${p}.lines_replaced`, run.replaced, 'lines');
  fig(`${p}.peak_rss_mb`, run.rssMb, 'MB');
}

async function main(): Promise<void> {
  // The dev cards beside the repo (../shared/cards/dev), as the scan bench reads them.
  const dev = path.resolve(arg('--dev') ?? path.join(import.meta.dirname, '../../../shared/cards/dev'));
  const outDir = path.resolve(arg('--out') ?? fs.mkdtempSync(path.join(os.tmpdir(), 'leadbooth-refine-')));
  fs.mkdirSync(outDir, { recursive: true });
  const files = fs.readdirSync(dev).filter((f) => /\.(jpe?g|png)$/i.test(f)).sort();
  const dataDir = path.join(outDir, 'data');
  const off = await scanAll(dev, files, path.join(outDir, 'off.jsonl'), dataDir, false);
  const on = await scanAll(dev, files, path.join(outDir, 'on.jsonl'), dataDir, true);
  report('off', off, score(dev, off.preds, false));
  report('on', on, score(dev, on.preds, process.argv.includes('--per-card')));
  console.log(`refine.predictions ${outDir} path`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
