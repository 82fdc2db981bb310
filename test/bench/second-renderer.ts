/**
 * The scanner on the second card renderer's cards (test/support/cards2: other countries, layouts,
 * fonts and photo damage than the first renderer and the dev set):
 *
 *   npm run bench -- scan --cards2 [--seed S] [--count N] [--dir DIR] [--parser-only] [--diff]
 *   npm run bench -- scan --cards2 --pages DIR [--seed S] [--count N]   (re-parse the OCR pages DIR holds)
 *
 * Seeds: 1 to 4 are the ones looked at while tuning; 101 and up are only reported on (the default
 * is 101, so a plain run reports on cards nobody tuned on). `--dir` keeps the rendered images and
 * ground truth (the dev set's JSON shape, so ../shared/cards/score.mjs reads them too) and the OCR
 * pages (DIR/pages, for --pages); without it
 * they go to a temporary folder. `--parser-only` parses the printed lines (perfect OCR) instead.
 *
 * Prints `name value unit` lines: micro-F1 overall, clean, photo, per field, per layout, and the
 * orientation decision on turned photos (`cards2.orientation.*`: the share read at the right turn,
 * the share of upright photos read upright, and the OCR passes a card took).
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CARD_FIELDS } from '../../shared/parsing/card-fields';
import { parseCard } from '../../shared/parsing/card-parser';
import type { OcrPage } from '../../shared/parsing/ocr-types';
import { composeCards, type SecondCard } from '../support/cards2/compose-card';
import { pageFromPrintedLines, scoreFields } from '../support/cards/score-cards';
import { percentile, printFigure as fig } from './stats';

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

type Predictions = Map<string, Record<string, string>>;

function report(prefix: string, cards: SecondCard[], preds: Predictions, diff: boolean): void {
  const s = scoreFields(cards, preds);
  fig(`${prefix}.micro_f1`, s.f, 'ratio', 4);
  fig(`${prefix}.cards_fully_right`, s.right, 'cards', 0);
  fig(`${prefix}.cards`, cards.length, 'cards', 0);
  for (const f of CARD_FIELDS) fig(`${prefix}.field.${f}.f1`, s.fields[f]!.f, 'ratio', 4);
  const byLayout = new Map<string, SecondCard[]>();
  for (const c of cards) byLayout.set(c.meta.layout, [...(byLayout.get(c.meta.layout) ?? []), c]);
  for (const [k, cs] of [...byLayout].sort()) fig(`${prefix}.layout.${k}.micro_f1`, scoreFields(cs, preds).f, 'ratio', 4);
  if (diff) for (const w of s.wrong) console.error(`${w.file} ${w.field}: got ${JSON.stringify(w.got)} want ${JSON.stringify(w.want)}`);
}

/** The clockwise turn that sets a photo turned by `degrees` (clockwise) upright again. */
const uprightTurn = (degrees: number): number => (360 - degrees) % 360;

export async function runSecondRendererBench(args: string[]): Promise<void> {
  const seed = Number(option(args, '--seed') ?? 101);
  const count = Number(option(args, '--count') ?? 80);
  const cards = composeCards(count, seed);
  const diff = args.includes('--diff');
  console.log(`# second renderer: ${count} cards, seed ${seed} (${seed >= 101 ? 'report-only seed' : 'tuning seed'})`);
  const pagesFrom = option(args, '--pages');
  if (pagesFrom) {
    // the parser again on the OCR pages a run with --dir saved (no OCR, no accents pass: fast, for iterating)
    const preds: Predictions = new Map();
    for (const c of cards) {
      const saved = await fs.readFile(path.join(pagesFrom, 'pages', c.file.replace(/\.jpg$/, '.json')), 'utf8').catch(() => null);
      if (!saved) continue;
      const parsed = parseCard(JSON.parse(saved) as OcrPage);
      preds.set(c.file, Object.fromEntries(CARD_FIELDS.map((f) => [f, parsed[f].value])));
    }
    report('cards2.pages', cards, preds, diff);
    return;
  }
  if (args.includes('--parser-only')) {
    const preds: Predictions = new Map();
    for (const c of cards) {
      const parsed = parseCard(pageFromPrintedLines(c));
      preds.set(c.file, Object.fromEntries(CARD_FIELDS.map((f) => [f, parsed[f].value])));
    }
    report('cards2.parser', cards, preds, diff);
    return;
  }
  const { drawCard2 } = await import('../support/cards2/draw-card');
  const { createScanner } = await import('../../electron/ocr/scanner');
  const keep = option(args, '--dir');
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'leadbooth-cards2-'));
  const dir = path.resolve(keep ?? path.join(tmp, 'cards'));
  await fs.mkdir(path.join(dir, 'pages'), { recursive: true });
  for (const c of cards) {
    const jpg = path.join(dir, c.file);
    if (!(await fs.stat(jpg).then(() => true, () => false))) await fs.writeFile(jpg, await drawCard2(c));
    await fs.writeFile(jpg.replace(/\.jpg$/, '.json'), JSON.stringify(c, null, 1));
  }
  // the app's set-up: one English worker and the accents reader
  const scanner = createScanner({ dataDir: path.join(tmp, 'data'), poolSize: 1 });
  const preds: Predictions = new Map();
  const ms: number[] = [];
  const turns = { turned: 0, turnedRight: 0, upright: 0, uprightKept: 0, passes: 0 };
  const lines: string[] = [];
  try {
    await scanner.warmUp();
    for (const c of cards) {
      try {
        const r = await scanner.scan({ path: path.join(dir, c.file) });
        ms.push(r.ms);
        const fields = Object.fromEntries(CARD_FIELDS.map((f) => [f, r.fields[f].value]));
        preds.set(c.file, fields);
        lines.push(JSON.stringify({ file: c.file, fields }));
        if (keep) await fs.writeFile(path.join(dir, 'pages', c.file.replace(/\.jpg$/, '.json')), JSON.stringify(r.page));
        turns.passes += r.timings.passes;
        if (!c.photo) continue;
        const turned = c.damage.find((d) => d.kind === 'turn')?.degrees ?? 0;
        const got = r.timings.turn ?? 0;
        if (turned) {
          turns.turned++;
          if (got === uprightTurn(turned)) turns.turnedRight++;
          else if (diff) console.error(`${c.file} turned ${turned}: read at ${got}, want ${uprightTurn(turned)}`);
        } else {
          turns.upright++;
          if (got === 0) turns.uprightKept++;
        }
      } catch (err) {
        console.log(`# ${c.file}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    if (keep) await fs.writeFile(path.join(dir, 'predictions.jsonl'), `${lines.join('\n')}\n`);
  } finally {
    await scanner.close();
    await fs.rm(tmp, { recursive: true, force: true });
  }
  report('cards2.ocr', cards, preds, diff);
  report('cards2.ocr.clean', cards.filter((c) => !c.photo), preds, false);
  report('cards2.ocr.photo', cards.filter((c) => c.photo), preds, false);
  fig('cards2.orientation.turned_photos', turns.turned, 'cards', 0);
  fig('cards2.orientation.turned_read_at_right_turn', turns.turned ? turns.turnedRight / turns.turned : 1, 'ratio', 3);
  fig('cards2.orientation.upright_read_upright', turns.upright ? turns.uprightKept / turns.upright : 1, 'ratio', 3);
  fig('cards2.ocr_passes_per_card', turns.passes / Math.max(1, ms.length), 'passes', 2);
  fig('cards2.ms_per_card_median', percentile(ms, 0.5), 'ms', 0);
}
