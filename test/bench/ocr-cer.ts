/**
 * OCR quality on a card set: line character error rate vs the ground-truth printed lines,
 * clean renders vs photo-like cards, plus optional OcrPage dumps for the parser work.
 *
 *   npx tsx test/bench/ocr-cer.ts [DIR] [--dump /tmp/ocr-dump] [--debug /tmp/ocr-images] [--concurrency 2] [--only 1,5]
 *
 * Line CER: for every printed line, the smallest edit distance between the (normalised)
 * line and any substring of the (normalised) OCR text, summed and divided by the summed
 * line lengths.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createScanner } from '../../electron/ocr/scanner';
import { writePreprocessingImages } from './debug-images';

interface GroundTruth {
  file: string;
  photo?: boolean;
  lines: Array<{ text: string }>;
}

export function normText(v: string): string {
  return v.normalize('NFC').replace(/\u00a0/g, ' ').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Sellers: smallest edit distance between needle and any substring of hay. */
export function bestSubstringDistance(needle: string, hay: string): number {
  if (!needle.length) return 0;
  if (!hay.length) return needle.length;
  let prev = new Uint32Array(hay.length + 1);
  let cur = new Uint32Array(hay.length + 1);
  for (let i = 1; i <= needle.length; i++) {
    cur[0] = i;
    const c = needle.charCodeAt(i - 1);
    for (let j = 1; j <= hay.length; j++) {
      const cost = c === hay.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
    }
    [prev, cur] = [cur, prev];
  }
  let best = needle.length;
  for (let j = 0; j <= hay.length; j++) if (prev[j]! < best) best = prev[j]!;
  return best;
}

export function lineErrors(gt: GroundTruth, ocrText: string): { dist: number; len: number } {
  const hay = normText(ocrText.replace(/\n/g, ' \n '));
  let dist = 0;
  let len = 0;
  for (const l of gt.lines) {
    const n = normText(l.text);
    dist += bestSubstringDistance(n, hay);
    len += n.length;
  }
  return { dist, len };
}

const here = path.dirname(fileURLToPath(import.meta.url));

async function main(argv: string[]): Promise<void> {
  const arg = (k: string): string | undefined => {
    const i = argv.indexOf(k);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const dir = path.resolve(argv.find((a, i) => !a.startsWith('--') && !argv[i - 1]?.startsWith('--')) ?? path.join(here, '../../../shared/cards/dev'));
  const dump = arg('--dump');
  const concurrency = Number(arg('--concurrency') ?? 2);
  const only = arg('--only')?.split(',').map(Number);
  const debug = arg('--debug');
  const names = (await fs.readdir(dir)).filter((n) => /^card-\d+\.json$/.test(n)).sort();
  const cards: GroundTruth[] = [];
  for (const n of names) {
    const gt = JSON.parse(await fs.readFile(path.join(dir, n), 'utf8')) as GroundTruth;
    if (only && !only.includes(Number(/\d+/.exec(n)![0]))) continue;
    cards.push(gt);
  }
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'leadbooth-cer-'));
  const { parseCard } = await import('../../shared/parsing/card-parser');
  const scanner = createScanner({ dataDir, poolSize: concurrency });
  const preds: string[] = [];
  await scanner.warmUp();
  if (dump) await fs.mkdir(dump, { recursive: true });
  const acc = { clean: { dist: 0, len: 0, n: 0 }, photo: { dist: 0, len: 0, n: 0 } };
  const times: number[] = [];
  let empty = 0;
  const rows: string[] = [];
  const t0 = performance.now();
  await Promise.all(
    cards.map(async (gt) => {
      const file = path.join(dir, gt.file);
      const { page, ms, pre } = await scanner.recognize({ path: file });
      const parsed = parseCard(page);
      preds.push(JSON.stringify({ file: gt.file, fields: Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, v.value])) }));
      times.push(ms);
      if (!page.text.trim()) empty++;
      const e = lineErrors(gt, page.text);
      const a = gt.photo ? acc.photo : acc.clean;
      a.dist += e.dist;
      a.len += e.len;
      a.n++;
      rows.push(`${gt.file} ${gt.photo ? 'photo' : 'clean'} cer=${(e.dist / e.len).toFixed(3)} ms=${Math.round(ms)} ${pre.width}x${pre.height} crop=${pre.steps.cropped} inv=${pre.steps.inverted}`);
      if (dump) await fs.writeFile(path.join(dump, gt.file.replace(/\.\w+$/, '.json')), JSON.stringify(page, null, 1));
      if (debug) {
        // the pre-processing's steps again, each written as an image
        await fs.mkdir(debug, { recursive: true });
        await writePreprocessingImages(path.join(debug, gt.file.replace(/\.\w+$/, '')), await fs.readFile(file), gt.file);
      }
    }),
  );
  const wall = performance.now() - t0;
  await scanner.close();
  rows.sort();
  if (argv.includes('--rows')) for (const r of rows) console.log(r);
  times.sort((a, b) => a - b);
  const med = times[Math.floor(times.length / 2)] ?? 0;
  console.log(`cards ${cards.length} wall ${(wall / 1000).toFixed(1)} s, median ${Math.round(med)} ms/card (concurrency ${concurrency})`);
  console.log(`line_cer_clean ${(acc.clean.dist / Math.max(1, acc.clean.len)).toFixed(3)} ratio (n=${acc.clean.n})`);
  console.log(`line_cer_photo ${(acc.photo.dist / Math.max(1, acc.photo.len)).toFixed(3)} ratio (n=${acc.photo.n})`);
  console.log(`empty_text_cards ${empty} count`);
  const predFile = arg('--preds') ?? path.join(dataDir, 'preds.jsonl');
  await fs.writeFile(predFile, preds.join('\n') + '\n');
  const { execFileSync } = await import('node:child_process');
  const out = execFileSync(process.execPath, [path.join(dir, '..', 'score.mjs'), dir, predFile], { encoding: 'utf8' });
  console.log(out.trim().split('\n').at(-1));
  await fs.rm(dataDir, { recursive: true, force: true });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
