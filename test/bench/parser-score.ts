/**
 * Card-parser benchmark on the development set.
 *
 *   npx tsx test/bench/parser-score.ts --truth                 # perfect OCR: the printed lines
 *   npx tsx test/bench/parser-score.ts --ocr /tmp/ocr-dump     # OCR dumps (one OcrPage JSON per card)
 *   options: --dev DIR (default ../shared/cards/dev), --out preds.jsonl, --per-card, --diff
 *
 * Prints `name value unit` lines (micro-F1 overall, clean/photo, per field, cards fully right, ms per card).
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseCard } from '../../shared/parsing/card-parser';
import { CARD_FIELDS } from '../../shared/parsing/card-fields';
import type { OcrLine, OcrPage, OcrWord } from '../../shared/parsing/ocr-types';

interface TruthLine {
  text: string;
  bbox: [number, number, number, number];
}
interface Truth {
  file: string;
  fields: Record<string, string>;
  lines: TruthLine[];
  text: string;
  photo: boolean;
  style?: { cleanSize?: [number, number] };
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const has = (name: string): boolean => process.argv.includes(name);

/** An OcrPage made of the printed lines: confidence 1, words split on spaces with proportional boxes. */
export function pageFromTruth(t: Truth): OcrPage {
  const lines: OcrLine[] = t.lines.map((l) => {
    const [x, y, w, h] = l.bbox;
    const words: OcrWord[] = [];
    const re = /\S+/g;
    for (let m = re.exec(l.text); m; m = re.exec(l.text)) {
      const a = m.index / l.text.length;
      const b = (m.index + m[0].length) / l.text.length;
      words.push({ text: m[0], confidence: 1, box: { x0: x + a * w, x1: x + b * w, y0: y, y1: y + h } });
    }
    return { text: l.text, confidence: 1, box: { x0: x, y0: y, x1: x + w, y1: y + h }, words };
  });
  const [width, height] = t.style?.cleanSize ?? [1050, 600];
  return { width, height, lines, text: t.text };
}

async function main(): Promise<void> {
  const dev = path.resolve(arg('--dev') ?? path.join(process.cwd(), '../shared/cards/dev'));
  const ocrDir = arg('--ocr');
  const mode = ocrDir ? 'ocr' : 'truth';
  const truths: Truth[] = fs
    .readdirSync(dev)
    .filter((f) => /^card-\d+\.json$/.test(f))
    .sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(dev, f), 'utf8')) as Truth);

  const preds: { file: string; fields: Record<string, string> }[] = [];
  let ms = 0;
  let missing = 0;
  for (const t of truths) {
    let page: OcrPage | null = null;
    if (ocrDir) {
      const p = path.join(ocrDir, t.file.replace(/\.jpg$/, '.json'));
      if (fs.existsSync(p)) page = JSON.parse(fs.readFileSync(p, 'utf8')) as OcrPage;
      else missing++;
    } else page = pageFromTruth(t);
    const fields: Record<string, string> = {};
    if (page) {
      const t0 = performance.now();
      const card = parseCard(page);
      ms += performance.now() - t0;
      for (const f of CARD_FIELDS) fields[f] = card[f].value;
    }
    preds.push({ file: t.file, fields });
    if (has('--diff')) {
      const wrong = CARD_FIELDS.filter((f) => norm(f, fields[f] ?? '') !== norm(f, t.fields[f] ?? ''));
      for (const f of wrong) console.error(`${t.file} ${f}: got ${JSON.stringify(fields[f] ?? '')} want ${JSON.stringify(t.fields[f] ?? '')}`);
    }
  }
  const out = arg('--out');
  if (out) fs.writeFileSync(out, preds.map((p) => JSON.stringify(p)).join('\n') + '\n');

  // the set's own scorer, so numbers match `node score.mjs`
  const scorer = (await import(pathToFileURL(path.join(dev, '..', 'score.mjs')).href)) as {
    score: (gt: unknown[], preds: unknown[]) => ScoreResult;
  };
  const r = scorer.score(truths, preds);
  const p = `parser.${mode}`;
  console.log(`${p}.micro_f1 ${r.all.f.toFixed(4)} ratio`);
  console.log(`${p}.clean.micro_f1 ${r.clean.f.toFixed(4)} ratio`);
  console.log(`${p}.photo.micro_f1 ${r.photo.f.toFixed(4)} ratio`);
  console.log(`${p}.cards_fully_right ${r.all.right} cards`);
  console.log(`${p}.cards ${r.all.cards} cards`);
  if (missing) console.log(`${p}.missing_dumps ${missing} cards`);
  for (const [f, s] of Object.entries(r.fields)) console.log(`${p}.field.${f}.f1 ${s.f.toFixed(4)} ratio`);
  console.log(`${p}.parse_ms_per_card ${(ms / Math.max(1, truths.length - missing)).toFixed(2)} ms`);
  if (has('--per-card')) for (const c of r.perCard) console.error(`${c.card} ${c.right ? 'ok' : 'wrong: ' + c.wrong.join(',')}`);
}

interface Stat {
  f: number;
  right: number;
  cards: number;
}
interface ScoreResult {
  all: Stat;
  clean: Stat;
  photo: Stat;
  fields: Record<string, { f: number }>;
  perCard: { card: string; right: boolean; wrong: string[] }[];
}

function norm(field: string, v: string): string {
  const t = v.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
  if (['phone', 'mobile', 'fax'].includes(field)) return t.replace(/\D+/g, '');
  if (field === 'website') return t.replace(/^[a-z]+:\/\//, '').replace(/^www\./, '').replace(/\/+$/, '');
  return t;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
