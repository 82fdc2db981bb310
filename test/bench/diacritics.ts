/**
 * Diacritics pass benchmark on the development set:
 *
 *   npx tsx test/bench/diacritics.ts [--dev DIR] [--out DIR] [--changes] [--per-card]
 *
 * For each card: scanner.recognize() → parseCard → the diacritics pass. The scanner pool has
 * two workers and cards are recognised two at a time (as the app does in a batch), so the
 * peak RSS covers the main pool plus the multi-language worker; the pass itself runs with
 * the pool idle so its time is not mixed with the main OCR. It measures the pass as it ships: its
 * languages, fields and crop are constants of multilingual-line-reader.ts and diacritics-pass.ts
 * (to try others, change them there and run this again).
 * Scores before/after with the set's own score.mjs and prints `name value unit` lines.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CARD_FIELDS, type ParsedCard } from '../../shared/parsing/card-fields';
import { parseCard } from '../../shared/parsing/card-parser';
import { createScanner } from '../../electron/ocr/scanner';
import { resolveTesseractPaths } from '../../electron/ocr/engine/tesseract-paths';
import { applyDiacriticsPass } from '../../electron/ocr/passes/diacritics-pass';
import { createDiacriticsReader } from '../../electron/ocr/passes/multilingual-line-reader';
import { percentile as pct, printFigure as fig } from './stats';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const record = (file: string, card: ParsedCard): string =>
  JSON.stringify({ file, fields: Object.fromEntries(CARD_FIELDS.map((f) => [f, card[f].value])) });

interface Score {
  micro: number;
  clean: number;
  photo: number;
  right: string;
  fields: Record<string, number>;
}

/** Run score.mjs (the set's scorer, unchanged) and read its JSON summary. */
function score(dev: string, preds: string, perCard: boolean): Score {
  const json = `${preds}.summary.json`;
  const args = [path.join(dev, '..', 'score.mjs'), dev, preds, '--json', json, ...(perCard ? ['--per-card'] : [])];
  const out = execFileSync(process.execPath, args, { encoding: 'utf8' });
  if (perCard) process.stderr.write(out);
  // summary shape of score.mjs --json (only what is used here)
  const s = JSON.parse(fs.readFileSync(json, 'utf8')) as {
    all: { f: number; right: number; cards: number };
    clean: { f: number };
    photo: { f: number };
    fields: Record<string, { f: number }>;
  };
  const fields: Record<string, number> = {};
  for (const [k, v] of Object.entries(s.fields)) fields[k] = v.f;
  return { micro: s.all.f, clean: s.clean.f, photo: s.photo.f, right: `${s.all.right}/${s.all.cards}`, fields };
}

async function main(): Promise<void> {
  // The dev cards beside the repo (../shared/cards/dev), as the scan bench reads them.
  const dev = path.resolve(arg('--dev') ?? path.join(import.meta.dirname, '../../../shared/cards/dev'));
  const outDir = path.resolve(arg('--out') ?? fs.mkdtempSync(path.join(os.tmpdir(), 'leadbooth-diacritics-')));
  fs.mkdirSync(outDir, { recursive: true });
  const dataDir = path.join(outDir, 'data');

  const rssPeak = { mb: 0 };
  const sampler = setInterval(() => (rssPeak.mb = Math.max(rssPeak.mb, process.memoryUsage().rss / 1048576)), 25);
  const scanner = createScanner({ dataDir, poolSize: 2 });
  const reader = createDiacriticsReader(resolveTesseractPaths(dataDir));
  const t0 = performance.now();
  await Promise.all([scanner.warmUp(), reader.warmUp()]);
  const warmMs = performance.now() - t0;

  const files = fs.readdirSync(dev).filter((f) => /^card-\d+\.(jpg|png)$/.test(f)).sort();
  const before: string[] = [];
  const after: string[] = [];
  const passMs: number[] = [];
  const crops: number[] = [];
  const changes: Array<Awaited<ReturnType<typeof applyDiacriticsPass>>['changes'][number] & { file: string }> = [];
  for (let i = 0; i < files.length; i += 2) {
    const pair = files.slice(i, i + 2);
    const scans = await Promise.all(pair.map((f) => scanner.recognize({ path: path.join(dev, f) })));
    for (const [k, s] of scans.entries()) {
      const file = pair[k]!;
      const card = parseCard(s.page);
      const r = await applyDiacriticsPass(s.pre, s.page, card, reader);
      passMs.push(r.ms);
      crops.push(r.crops);
      for (const c of r.changes) changes.push({ ...c, file });
      before.push(record(file, card));
      after.push(record(file, r.card));
    }
  }
  clearInterval(sampler);
  const maxRss = process.resourceUsage().maxRSS / 1024;
  await Promise.all([scanner.close(), reader.close()]);

  const pb = path.join(outDir, 'before.jsonl');
  const pa = path.join(outDir, 'after.jsonl');
  fs.writeFileSync(pb, before.join('\n') + '\n');
  fs.writeFileSync(pa, after.join('\n') + '\n');
  const perCard = process.argv.includes('--per-card');
  const sb = score(dev, pb, false);
  const sa = score(dev, pa, perCard);

  const p = 'diacritics';
  for (const [tag, s] of [['before', sb], ['after', sa]] as const) {
    fig(`${p}.${tag}.micro_f1`, s.micro, 'ratio', 4);
    fig(`${p}.${tag}.clean.micro_f1`, s.clean, 'ratio', 4);
    fig(`${p}.${tag}.photo.micro_f1`, s.photo, 'ratio', 4);
    console.log(`${p}.${tag}.cards_fully_right ${s.right} cards`);
    for (const f of ['firstName', 'lastName', 'fullName', 'title', 'company', 'street', 'city']) fig(`${p}.${tag}.field.${f}.f1`, s.fields[f] ?? NaN, 'ratio', 4);
  }
  fig(`${p}.extra_ms_median`, pct(passMs, 0.5), 'ms');
  fig(`${p}.extra_ms_p90`, pct(passMs, 0.9), 'ms');
  fig(`${p}.lines_per_card_mean`, crops.reduce((a, b) => a + b, 0) / Math.max(1, crops.length), 'lines', 2);
  fig(`${p}.warm_up_ms`, warmMs, 'ms');
  fig(`${p}.changes`, changes.length, 'fields');
  fig(`${p}.peak_rss_mb`, Math.max(rssPeak.mb, maxRss), 'MB');
  console.log(`${p}.predictions ${outDir} path`);
  if (process.argv.includes('--changes')) for (const c of changes) console.error(`${c.file} ${c.field}: ${c.from} → ${c.to}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
