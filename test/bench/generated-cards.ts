/**
 * The scanner on invented cards (test/support/cards): never tuned on, drawn across countries,
 * layouts and photo degradations.
 *
 *   npm run bench -- generated [--count 150] [--seed 1] [--diff] [--by feature|country|layout]
 *      parser only, on the printed lines (perfect OCR): fast, for iterating on the parser
 *   npm run bench -- generated --pages DIR [--count 150] [--seed 1]
 *      the parser again on the OCR pages a previous --ocr run saved in DIR/pages (no OCR: fast)
 *   npm run bench -- generated --ocr DIR [--count 150] [--seed 1]
 *      renders the cards as images into DIR (card-NNNN.jpg + card-NNNN.json in the dev set's shape,
 *      so `node ../shared/cards/score.mjs DIR DIR/predictions.jsonl` scores them too), scans them
 *      with the app's scanner, writes DIR/predictions.jsonl and DIR/pages/, and scores
 *
 * Prints `name value unit` lines.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CARD_FIELDS } from '../../shared/parsing/card-fields';
import { parseCard } from '../../shared/parsing/card-parser';
import type { OcrPage } from '../../shared/parsing/ocr-types';
import { generateCards, type GeneratedCard } from '../support/cards/generate-cards';
import { pageFromPrintedLines, scoreFields } from '../support/cards/score-cards';
import { printFigure as fig } from './stats';

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

function report(prefix: string, cards: GeneratedCard[], preds: Map<string, Record<string, string>>, args: string[]): void {
  const s = scoreFields(cards, preds);
  fig(`${prefix}.micro_f1`, s.f, 'ratio', 4);
  fig(`${prefix}.cards_fully_right`, s.right, 'cards', 0);
  fig(`${prefix}.cards`, cards.length, 'cards', 0);
  for (const f of CARD_FIELDS) fig(`${prefix}.field.${f}.f1`, s.fields[f]!.f, 'ratio', 4);
  const by = option(args, '--by');
  if (by) {
    const groups = new Map<string, GeneratedCard[]>();
    for (const c of cards) {
      const keys = by === 'country' ? [c.meta.country] : by === 'layout' ? [c.meta.layout] : c.meta.features.length ? c.meta.features : ['plain'];
      for (const k of keys) groups.set(k, [...(groups.get(k) ?? []), c]);
    }
    for (const [k, cs] of [...groups].sort()) fig(`${prefix}.${by}.${k}.micro_f1`, scoreFields(cs, preds).f, 'ratio', 4);
  }
  if (args.includes('--diff')) for (const w of s.wrong) console.error(`${w.file} ${w.field}: got ${JSON.stringify(w.got)} want ${JSON.stringify(w.want)}`);
}

export async function runGeneratedBench(args: string[]): Promise<void> {
  const count = Number(option(args, '--count') ?? 150);
  const seed = Number(option(args, '--seed') ?? 1);
  const cards = generateCards(count, seed);
  const preds = new Map<string, Record<string, string>>();
  let ms = 0;
  for (const c of cards) {
    const t0 = performance.now();
    const parsed = parseCard(pageFromPrintedLines(c));
    ms += performance.now() - t0;
    preds.set(c.file, Object.fromEntries(CARD_FIELDS.map((f) => [f, parsed[f].value])));
  }
  report('generated.parser', cards, preds, option(args, '--pages') ? [] : args);
  fig('generated.parser.parse_ms_per_card', ms / cards.length, 'ms', 2);

  const pagesDir = option(args, '--pages');
  if (pagesDir) {
    const fromPages = new Map<string, Record<string, string>>();
    for (const c of cards) {
      const file = path.join(pagesDir, 'pages', c.file.replace(/\.jpg$/, '.json'));
      const page = await fs.readFile(file, 'utf8').then((t) => JSON.parse(t) as OcrPage, () => null);
      if (!page) continue;
      const parsed = parseCard(page);
      fromPages.set(c.file, Object.fromEntries(CARD_FIELDS.map((f) => [f, parsed[f].value])));
    }
    report('generated.pages', cards, fromPages, args);
    report('generated.pages.clean', cards.filter((c) => !c.photo), fromPages, []);
    report('generated.pages.photo', cards.filter((c) => c.photo), fromPages, []);
    return;
  }
  const ocrDir = option(args, '--ocr');
  if (!ocrDir) return;
  const { renderCard } = await import('../support/cards/render-card');
  const { createScanner } = await import('../../electron/ocr/scanner');
  const dir = path.resolve(ocrDir);
  // OCR pages go to DIR/pages so DIR holds only images and ground truth (score.mjs reads card-*.json)
  await fs.mkdir(path.join(dir, 'pages'), { recursive: true });
  for (const c of cards) {
    const jpg = path.join(dir, c.file);
    const exists = await fs.stat(jpg).then(() => true, () => false);
    if (!exists) await fs.writeFile(jpg, await renderCard(c));
    await fs.writeFile(jpg.replace(/\.jpg$/, '.json'), JSON.stringify(c, null, 1));
  }
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'leadbooth-gen-'));
  const scanner = createScanner({ dataDir: path.join(tmp, 'data'), poolSize: Number(option(args, '--concurrency') ?? 2) });
  try {
    const ocrPreds = new Map<string, Record<string, string>>();
    const lines: string[] = [];
    await Promise.all(
      cards.map(async (c) => {
        try {
          const res = await scanner.scan({ path: path.join(dir, c.file) });
          const fields = Object.fromEntries(CARD_FIELDS.map((f) => [f, res.fields[f].value]));
          ocrPreds.set(c.file, fields);
          lines.push(JSON.stringify({ file: c.file, fields }));
          await fs.writeFile(path.join(dir, 'pages', c.file.replace(/\.jpg$/, '.json')), JSON.stringify(res.page));
        } catch (err) {
          console.log(`# ${c.file}: ${err instanceof Error ? err.message : String(err)}`);
        }
      }),
    );
    await fs.writeFile(path.join(dir, 'predictions.jsonl'), `${lines.join('\n')}\n`);
    report('generated.ocr', cards, ocrPreds, args);
    report('generated.ocr.clean', cards.filter((c) => !c.photo), ocrPreds, []);
    report('generated.ocr.photo', cards.filter((c) => c.photo), ocrPreds, []);
  } finally {
    await scanner.close();
    await fs.rm(tmp, { recursive: true, force: true });
  }
}
