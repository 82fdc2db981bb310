/**
 * The whole scanner (pre-processing, OCR, parser, accents pass) on a folder of card images with
 * ground truth in the dev set's shape (`card.jpg` + `card.json` with `fields` and `photo`): the dev
 * set, or a generated set written by `npm run bench -- generated --ocr DIR`.
 *
 *   npx tsx test/bench/scan-set.ts DIR [--concurrency 2] [--refine] [--diff] [--pages OUT]
 *
 * `--pages OUT` saves each card's OCR page (OUT/card-NNN.page.json) and the final values
 * (OUT/predictions.jsonl), for `npm run bench -- check-marks DIR --pages OUT`.
 * Prints `name value unit` lines: micro-F1 (all, clean, photo), per field, ms per card (median).
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CARD_FIELDS } from '../../shared/parsing/card-fields';
import { createScanner } from '../../electron/ocr/scanner';
import { scoreFields } from '../support/cards/score-cards';
import { percentile, printFigure as fig } from './stats';

interface Truth {
  file: string;
  fields: Record<string, string>;
  photo: boolean;
}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

export async function runScanSet(args: string[]): Promise<void> {
  const dir = path.resolve(args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')) ?? '../shared/cards/dev');
  const names = (await fs.readdir(dir)).filter((n) => /^card-.*\.json$/.test(n)).sort();
  const truths: Truth[] = [];
  for (const n of names) {
    const t = JSON.parse(await fs.readFile(path.join(dir, n), 'utf8')) as Partial<Truth>;
    if (t.file && t.fields) truths.push({ file: t.file, fields: t.fields, photo: Boolean(t.photo) });
  }
  const pagesOut = option(args, '--pages');
  if (pagesOut) await fs.mkdir(pagesOut, { recursive: true });
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'leadbooth-scan-set-'));
  const scanner = createScanner({
    dataDir: path.join(tmp, 'data'),
    poolSize: Number(option(args, '--concurrency') ?? 1),
    ...(args.includes('--refine') ? { lineRefinement: true } : {}),
  });
  const preds = new Map<string, Record<string, string>>();
  const ms: number[] = [];
  try {
    await scanner.warmUp();
    let next = 0;
    const work = async (): Promise<void> => {
      while (next < truths.length) {
        const t = truths[next++]!;
        try {
          const r = await scanner.scan({ path: path.join(dir, t.file) });
          ms.push(r.ms);
          preds.set(t.file, Object.fromEntries(CARD_FIELDS.map((f) => [f, r.fields[f].value])));
          if (pagesOut) await fs.writeFile(path.join(pagesOut, t.file.replace(/\.\w+$/, '.page.json')), JSON.stringify(r.page));
        } catch (err) {
          console.log(`# ${t.file}: ${err instanceof Error ? err.message : String(err)}`);
        }
      }
    };
    await Promise.all(Array.from({ length: Number(option(args, '--concurrency') ?? 1) }, work));
    if (pagesOut) await fs.writeFile(path.join(pagesOut, 'predictions.jsonl'), [...preds].map(([file, fields]) => `${JSON.stringify({ file, fields })}\n`).join(''));
  } finally {
    await scanner.close();
    await fs.rm(tmp, { recursive: true, force: true });
  }
  for (const [tag, set] of [['all', truths], ['clean', truths.filter((t) => !t.photo)], ['photo', truths.filter((t) => t.photo)]] as const) {
    const s = scoreFields(set, preds);
    fig(`set.${tag}.micro_f1`, s.f, 'ratio', 4);
    fig(`set.${tag}.cards_fully_right`, s.right, 'cards', 0);
    if (tag === 'all') for (const f of CARD_FIELDS) fig(`set.field.${f}.f1`, s.fields[f]!.f, 'ratio', 4);
    if (tag === 'all' && args.includes('--diff')) for (const w of s.wrong) console.error(`${w.file} ${w.field}: got ${JSON.stringify(w.got)} want ${JSON.stringify(w.want)}`);
  }
  fig('set.ms_per_card_median', percentile(ms, 0.5), 'ms', 0);
}

runScanSet(process.argv.slice(2)).catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
