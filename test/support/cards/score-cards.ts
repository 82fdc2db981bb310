/**
 * Scoring helpers for generated cards: the printed lines as a perfect-OCR page, and the card set's
 * own scorer (../shared/cards/score.mjs) when it is there, with a small copy of its rule otherwise.
 */
import type { OcrLine, OcrPage, OcrWord } from '../../../shared/parsing/ocr-types';
import { CARD_FIELDS } from '../../../shared/parsing/card-fields';
import type { GeneratedCard } from './generate-cards';

/** What a renderer's card must say for pageFromPrintedLines: its lines with their boxes, and its size. */
export interface PrintedCard {
  lines: ReadonlyArray<Pick<GeneratedCard['lines'][number], 'text' | 'bbox'>>;
  text: string;
  style: { cleanSize: [number, number] };
}

/** An OcrPage made of the printed lines: confidence 1, words split on spaces with proportional boxes. */
export function pageFromPrintedLines(card: PrintedCard): OcrPage {
  const lines: OcrLine[] = card.lines.map((l) => {
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
  const [width, height] = card.style.cleanSize;
  return { width, height, lines, text: card.text };
}

export interface FieldScore {
  tp: number;
  fp: number;
  fn: number;
  f: number;
}

/** The scorer's normalisation (score.mjs): NFC, case-fold, spaces; phones by digits; websites without scheme/www. */
export function normField(field: string, v: string): string {
  const t = String(v ?? '').normalize('NFC').replace(/\u00a0/g, ' ').toLowerCase().replace(/\s+/g, ' ').trim();
  if (!t) return '';
  if (['phone', 'mobile', 'fax'].includes(field)) return t.replace(/\D+/g, '');
  if (field === 'website') return t.replace(/^[a-z]+:\/\//, '').replace(/^www\./, '').replace(/\/+$/, '');
  if (field === 'email') return t.replace(/^mailto:/, '');
  return t;
}

/** Micro-F1 over all fields, as score.mjs counts it: a wrong value is a false positive and a false negative. */
export function scoreFields(
  truths: { file: string; fields: Record<string, string> }[],
  preds: Map<string, Record<string, string>>,
): { f: number; fields: Record<string, FieldScore>; right: number; wrong: { file: string; field: string; got: string; want: string }[] } {
  const fields: Record<string, FieldScore> = {};
  for (const f of CARD_FIELDS) fields[f] = { tp: 0, fp: 0, fn: 0, f: 0 };
  let right = 0;
  const wrong: { file: string; field: string; got: string; want: string }[] = [];
  for (const t of truths) {
    const p = preds.get(t.file) ?? {};
    let ok = true;
    for (const f of CARD_FIELDS) {
      const s = fields[f]!;
      const want = normField(f, t.fields[f] ?? '');
      const got = normField(f, p[f] ?? '');
      if (want && got === want) s.tp++;
      else {
        if (got) s.fp++;
        if (want) s.fn++;
        if (got || want) {
          ok = false;
          wrong.push({ file: t.file, field: f, got: p[f] ?? '', want: t.fields[f] ?? '' });
        }
      }
    }
    if (ok) right++;
  }
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const s of Object.values(fields)) {
    s.f = s.tp ? (2 * s.tp) / (2 * s.tp + s.fp + s.fn) : s.fp + s.fn ? 0 : 1;
    tp += s.tp;
    fp += s.fp;
    fn += s.fn;
  }
  return { f: tp ? (2 * tp) / (2 * tp + fp + fn) : 0, fields, right, wrong };
}
