/**
 * Calibrating and measuring the "Check" rule (shared/parsing/check-marks.ts) without OCR, on the
 * OCR pages an earlier scan saved: the parser runs again on each page, the rule marks, and the
 * marks are scored against the ground truth (check-mark-score.ts).
 *
 *   npm run bench -- check-marks DIR [DIR…] [--pages PAGES] [--sweep] [--wrong]
 *
 * DIR holds card-*.json ground truth (a generated set written by `npm run bench -- generated --ocr
 * DIR`, whose pages are in DIR/pages, or the dev set with `--pages` pointing at the card-*.page.json
 * that `test/bench/scan-set.ts --pages` wrote). `--sweep` prints, per field class, the floors that
 * keep the class's unmarked fields right with the fewest right fields marked; `--wrong` lists the
 * wrong fields left unmarked. The accents pass is not run again: where the scan's final values are
 * at hand (DIR/predictions.jsonl, or `--predictions FILE`), they replace the re-parsed values, so
 * names read with their accents restored are judged as the scanner returned them.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { CARD_FIELDS, type CardField, type ParsedCard } from '../../shared/parsing/card-fields';
import { parseCard } from '../../shared/parsing/card-parser';
import { CHECK_FLOORS, fieldClass, fieldEvidence, withCheckMarks, type FieldClass } from '../../shared/parsing/check-marks';
import type { OcrPage } from '../../shared/parsing/ocr-types';
import { normField } from '../support/cards/score-cards';
import { printCheckMarkScore, scoreCheckMarks, type MarkedReading } from './check-mark-score';

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

interface SavedReading {
  file: string;
  truth: Record<string, string>;
  page: OcrPage;
  /** the scanner's final values (after its accents pass), when saved */
  final: Record<string, string> | undefined;
}

async function loadPredictions(file: string): Promise<Map<string, Record<string, string>>> {
  const text = await fs.readFile(file, 'utf8').catch(() => '');
  const out = new Map<string, Record<string, string>>();
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const p = JSON.parse(line) as { file: string; fields: Record<string, string> };
    out.set(p.file, p.fields);
  }
  return out;
}

/** The parser on a saved page, with the scanner's final values where they were saved. */
function readingOf(r: SavedReading): ParsedCard {
  const card = parseCard(r.page);
  if (!r.final) return card;
  for (const f of CARD_FIELDS) if (card[f].value && r.final[f]) card[f] = { ...card[f], value: r.final[f]! };
  return card;
}

async function loadReadings(dir: string, pagesDir: string | undefined, predictions: Map<string, Record<string, string>>): Promise<SavedReading[]> {
  const names = (await fs.readdir(dir)).filter((n) => /^card-[\w-]+\.json$/.test(n) && !n.endsWith('.page.json')).sort();
  const out: SavedReading[] = [];
  for (const n of names) {
    const truth = JSON.parse(await fs.readFile(path.join(dir, n), 'utf8')) as { file?: string; fields?: Record<string, string> };
    if (!truth.file || !truth.fields) continue;
    const base = n.replace(/\.json$/, '');
    const pageFile = pagesDir ? path.join(pagesDir, `${base}.page.json`) : path.join(dir, 'pages', `${base}.json`);
    const page = await fs.readFile(pageFile, 'utf8').then((t) => JSON.parse(t) as OcrPage, () => null);
    if (page) out.push({ file: truth.file, truth: truth.fields, page, final: predictions.get(truth.file) });
  }
  return out;
}

interface Row {
  cls: FieldClass;
  right: boolean;
  confidence: number;
  weakestWord: number;
  doubt: boolean;
  confirmed: boolean;
  unaccented: boolean;
}

/** Unmarked and right-marked counts of some rows under one pair of floors. */
function tallyAt(rows: Row[], c: number, w: number): { unmarked: number; unmarkedRight: number; rightMarked: number } {
  let unmarked = 0;
  let unmarkedRight = 0;
  let rightMarked = 0;
  for (const r of rows) {
    const marked = r.doubt || r.confidence < c || r.weakestWord < w;
    if (!marked) {
      unmarked++;
      if (r.right) unmarkedRight++;
    } else if (r.right) rightMarked++;
  }
  return { unmarked, unmarkedRight, rightMarked };
}

/**
 * Per class: the floors (for unconfirmed and for confirmed values) that keep the class's unmarked
 * fields right at its target with the fewest right fields marked.
 */
function sweep(readings: SavedReading[]): void {
  const rows: Row[] = [];
  for (const r of readings) {
    const card = readingOf(r);
    const evidence = fieldEvidence(card, r.page);
    for (const [field, e] of Object.entries(evidence) as [CardField, NonNullable<(typeof evidence)[CardField]>][]) {
      const right = normField(field, card[field].value) === normField(field, r.truth[field] ?? '');
      rows.push({ cls: fieldClass(field), right, confidence: e.confidence, weakestWord: e.weakestWord, doubt: e.doubt !== null, confirmed: e.confirmed, unaccented: e.unaccented });
    }
  }
  const targets: Record<FieldClass, number> = { contact: 0.995, name: 0.98, company: 0.98, title: 0.99, address: 0.99 };
  const grid = Array.from({ length: 14 }, (_v, i) => Math.round((0.3 + i * 0.05) * 100) / 100);
  const pairs = grid.flatMap((c) => grid.map((w) => [c, w] as const));
  for (const cls of Object.keys(targets) as FieldClass[]) {
    const mine = rows.filter((r) => r.cls === cls);
    const plain = mine.filter((r) => !r.confirmed && !r.unaccented);
    const confirmed = mine.filter((r) => r.confirmed && !r.unaccented);
    const unaccented = mine.filter((r) => r.unaccented);
    const rights = mine.filter((r) => r.right).length;
    const plainAt = pairs.map(([c, w]) => ({ c, w, ...tallyAt(plain, c, w) }));
    const confirmedAt = pairs.map(([c, w]) => ({ c, w, ...tallyAt(confirmed, c, w) }));
    // an unaccented value: the parser's floor of the class, and the accent floor on the weakest word
    const unaccentedAt = pairs.map(([c, w]) => ({ c, w, ...tallyAt(unaccented, c, w) }));
    let best: { label: string; precision: number; rightMarked: number } | null = null;
    for (const a of plainAt) {
      for (const b of confirmedAt) {
        for (const u of unaccentedAt.filter((x) => x.c === a.c && x.w >= a.w)) {
          const unmarked = a.unmarked + b.unmarked + u.unmarked;
          const precision = unmarked ? (a.unmarkedRight + b.unmarkedRight + u.unmarkedRight) / unmarked : 1;
          const rightMarked = rights ? (a.rightMarked + b.rightMarked + u.rightMarked) / rights : 0;
          if (precision >= targets[cls] && (!best || rightMarked < best.rightMarked - 1e-9)) best = { label: `confidence ${a.c} word ${a.w}, confirmed: confidence ${b.c} word ${b.w}, unaccented: word ${u.w}`, precision, rightMarked };
        }
      }
    }
    const wrongs = mine.length - rights;
    console.log(`# ${cls}: ${mine.length} filled (${unaccented.length} unaccented on an accented card, ${unaccented.filter((r) => !r.right).length} of them wrong; ${confirmed.length} confirmed, ${confirmed.filter((r) => !r.right).length} of them wrong), ${wrongs} wrong, ${mine.filter((r) => r.doubt).length} doubted (${mine.filter((r) => r.doubt && r.right).length} of them right, ${mine.filter((r) => !r.doubt && !r.right).length} wrong undoubted); floors now ${JSON.stringify(CHECK_FLOORS[cls])}`);
    console.log(`#   best for ${targets[cls]}: ${best ? `${best.label} → unmarked precision ${best.precision.toFixed(3)}, right marked ${best.rightMarked.toFixed(3)}` : 'none'}`);
  }
}

export async function runCheckMarksBench(args: string[]): Promise<void> {
  const dirs = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')).map((d) => path.resolve(d));
  if (!dirs.length) dirs.push(path.resolve('../shared/cards/dev'));
  const pagesDir = option(args, '--pages');
  const readings: SavedReading[] = [];
  for (const dir of dirs) {
    const predictions = await loadPredictions(path.resolve(option(args, '--predictions') ?? path.join(pagesDir ?? dir, 'predictions.jsonl')));
    const found = await loadReadings(dir, pagesDir ? path.resolve(pagesDir) : undefined, predictions);
    if (!found.length) throw new Error(`no card-*.json with saved pages in ${dir}: run \`npm run bench -- generated --ocr ${dir}\` first`);
    // two generated sets number their cards alike: the folder tells them apart
    readings.push(...found.map((r) => (dirs.length > 1 ? { ...r, file: `${path.basename(dir)}/${r.file}` } : r)));
  }
  const marked: MarkedReading[] = readings.map((r) => ({ file: r.file, truth: r.truth, card: withCheckMarks(readingOf(r), r.page) }));
  const score = scoreCheckMarks(marked);
  printCheckMarkScore('check', score);
  if (args.includes('--sweep')) sweep(readings);
  if (args.includes('--wrong')) {
    for (const w of score.unmarkedWrong) console.error(`${w.file} ${w.field}: got ${JSON.stringify(w.got)} want ${JSON.stringify(w.want)}`);
    for (const r of marked) {
      for (const f of CARD_FIELDS) if (r.card[f].check) console.error(`  marked ${r.file} ${f} ${r.card[f].check}: ${JSON.stringify(r.card[f].value)} (want ${JSON.stringify(r.truth[f] ?? '')})`);
    }
  }
}
