/**
 * The contact lines read a second time, by the learned recognizer (engine/line-recognizer.ts), and
 * the two readings reconciled field by field (shared/parsing/contact-reconciliation.ts).
 *
 * Which lines: those the parser took an e-mail, website or number from, and those that look like
 * one (an @, www, a domain ending, a run of digits) that no name, title, company or address took.
 * Each of their words (as tesseract cut them) is cut out of the image tesseract read, with a little
 * room around it as PP-OCR's detector leaves, and read by the recognizer: word by word because the
 * recognizer drops the spaces between words ("Mail.hello@…", "…example.iewww.…" read as whole lines
 * on the first tuning cards), while the characters inside a word are where it beats tesseract.
 * Words with no letter or digit in tesseract's reading ("|", "/", an icon) keep it: the recognizer
 * reads a bar as "1". The page with those lines in the recognizer's words is parsed again by the
 * same parser, so labels, kinds of number and OCR repairs mean the same in both readings. Names,
 * titles, companies and addresses keep tesseract's reading.
 */
import type { CardField, ParsedCard } from '../../../shared/parsing/card-fields';
import { CONTACT_FIELDS, reconcileContacts, type ReconciledContacts } from '../../../shared/parsing/contact-reconciliation';
import type { OcrBox, OcrLine, OcrPage } from '../../../shared/parsing/ocr-types';
import type { LineRecognizer } from '../engine/line-recognizer';
import type { LineReading } from '../engine/ctc-decoding';
import { cropRaster, type CropMargins } from '../preprocess/line-crop';
import type { PgmImage } from '../preprocess/raster';
import { ADDRESS_TRACE, NUMBER_TRACE } from './missing-contacts';

/** Room left and right of a word, as a fraction of its line's height (PP-OCR's detector grows its boxes about this much)… */
const WORD_SIDE_MARGIN = 0.25;
/** …and above and below (wordCropBox sets the sides itself). */
const WORD_CROP_MARGINS: CropMargins = { left: 0, right: 0, top: 0.2, bottom: 0.2 };

/**
 * The box a word is read from: its line's height (a word's own box is as tall as its letters, and
 * "example" has no ascender), its own width with some room, but never into its neighbours — a
 * neighbour's digit at the edge is read as part of the word ("90" read as "905"). Where two words'
 * boxes overlap, the longer box is the one reaching over the other (tesseract's box of a word it later
 * split, or of a label spanning the number after it: "Direct."): it stops where the shorter word
 * starts, and the shorter keeps its own box — cut at the longer one's end, "es" after "dunsway" kept
 * its last pixels only and the recognizer read nothing (the short last word of 31 of 540 tuning lines).
 */
export function wordCropBox(line: OcrLine, k: number): OcrBox {
  const word = line.words[k]!.box;
  const height = Math.max(1, line.box.y1 - line.box.y0);
  let x0 = word.x0 - WORD_SIDE_MARGIN * height;
  let x1 = word.x1 + WORD_SIDE_MARGIN * height;
  for (const [j, other] of line.words.entries()) {
    if (j === k) continue;
    const b = other.box;
    const overReaching = b.x1 - b.x0 > word.x1 - word.x0;
    if (b.x0 >= word.x0) x1 = Math.min(x1, b.x0 > word.x1 ? (word.x1 + b.x0) / 2 : overReaching ? word.x1 : b.x0 - 1);
    if (b.x1 <= word.x1 && b.x0 < word.x0) x0 = Math.max(x0, b.x1 < word.x0 ? (b.x1 + word.x0) / 2 : overReaching ? word.x0 : b.x1 + 1);
  }
  if (x1 - x0 < 2) return { x0: word.x0, x1: word.x1, y0: Math.min(line.box.y0, word.y0), y1: Math.max(line.box.y1, word.y1) };
  return { x0, x1, y0: Math.min(line.box.y0, word.y0), y1: Math.max(line.box.y1, word.y1) };
}

/** Lines read a card at most (the time budget: ~30–60 ms a line on one core). */
const MAX_LINES = 8;

/** A recognizer reading less sure than this is not used (a smudge, a logo, a word it cannot read). */
const MIN_READING_CONFIDENCE = 0.5;

/** A reading much shorter than tesseract's of the same box lost the word (a crop off its line): not used. */
const MIN_LENGTH_RATIO = 0.5;

/** A word the recognizer is asked to read: tesseract's reading has a letter or digit. */
const worthReading = (text: string): boolean => /[\p{L}\p{N}]/u.test(text);

const overlaps = (a: OcrBox, b: OcrBox): boolean => Math.min(a.x1, b.x1) > Math.max(a.x0, b.x0) && Math.min(a.y1, b.y1) > Math.max(a.y0, b.y0);

const isContact = (field: CardField): boolean => (CONTACT_FIELDS as readonly CardField[]).includes(field);

/** Indices of the page's lines that hold a contact or look like one (see the file's comment). */
function contactLines(page: OcrPage, card: ParsedCard): number[] {
  const contactBoxes = CONTACT_FIELDS.flatMap((f) => (card[f].value && card[f].box ? [card[f].box!] : []));
  const otherBoxes = (Object.keys(card) as CardField[]).flatMap((f) => (!isContact(f) && card[f].value && card[f].box ? [card[f].box!] : []));
  const picked = page.lines.flatMap((line, index) => {
    if (!line.text.trim()) return [];
    if (contactBoxes.some((b) => overlaps(b, line.box))) return [index];
    const looksLikeContact = ADDRESS_TRACE.test(line.text) || NUMBER_TRACE.test(line.text);
    return looksLikeContact && !otherBoxes.some((b) => overlaps(b, line.box)) ? [index] : [];
  });
  return picked.slice(0, MAX_LINES);
}

/**
 * The page with the given lines in the recognizer's words: `readings` maps a line to its words'
 * readings (null: tesseract's word stands). Each word keeps tesseract's box.
 */
function pageWithReadings(page: OcrPage, readings: ReadonlyMap<number, ReadonlyArray<LineReading | null>>): OcrPage {
  const lines: OcrLine[] = page.lines.map((line, index) => {
    const words = readings.get(index);
    if (!words) return line;
    const read = line.words.map((word, k) => {
      const r = words[k];
      return r ? { ...word, text: r.text.trim(), confidence: r.confidence } : word;
    });
    const kept = read.filter((w) => w.text);
    const confidence = kept.length ? kept.reduce((sum, w) => sum + w.confidence, 0) / kept.length : line.confidence;
    return { ...line, text: kept.map((w) => w.text).join(' '), confidence, words: kept };
  });
  return { ...page, lines, text: lines.map((l) => l.text).join('\n') };
}

/** A reading of a word that can stand for it (see the constants). */
function usable(reading: LineReading | undefined, tesseractText: string): reading is LineReading {
  const text = reading?.text.trim() ?? '';
  return Boolean(reading) && text !== '' && reading!.confidence >= MIN_READING_CONFIDENCE && text.length >= MIN_LENGTH_RATIO * tesseractText.trim().length;
}

interface ContactRecognition extends ReconciledContacts {
  /** Lines the recognizer read. */
  lines: number;
  ms: number;
}

/**
 * Read the card's contact lines with the recognizer and reconcile them with tesseract's reading
 * (`card`, parsed from `page` by `parse`).
 */
export async function recognizeContacts(
  read: LineRecognizer['read'],
  source: PgmImage,
  page: OcrPage,
  card: ParsedCard,
  parse: (page: OcrPage) => ParsedCard,
  signal?: AbortSignal,
): Promise<ContactRecognition> {
  const t0 = performance.now();
  const indices = contactLines(page, card);
  if (!indices.length) return { card, agreed: new Set(), disputed: new Set(), fromRecognizer: new Set(), lines: 0, ms: performance.now() - t0 };
  const asked = indices.flatMap((line) => page.lines[line]!.words.flatMap((word, k) => (worthReading(word.text) ? [{ line, k }] : [])));
  const crops = asked.map(({ line, k }) => cropRaster(source, wordCropBox(page.lines[line]!, k), WORD_CROP_MARGINS));
  const readings = crops.length ? await read(crops, signal) : [];
  const used = new Map<number, Array<LineReading | null>>();
  asked.forEach(({ line, k }, n) => {
    const reading = readings[n];
    if (!usable(reading, page.lines[line]!.words[k]!.text)) return;
    const words = used.get(line) ?? page.lines[line]!.words.map(() => null);
    words[k] = reading;
    used.set(line, words);
  });
  const second = parse(pageWithReadings(page, used));
  // A line the recognizer read no word of leaves the field to tesseract alone: its reading then is no disagreement.
  const recognizerCard = { ...second };
  for (const field of CONTACT_FIELDS) {
    const box = card[field].box;
    if (card[field].value && box && !page.lines.some((line, i) => used.has(i) && overlaps(line.box, box))) recognizerCard[field] = { value: '', confidence: 0, box: null };
  }
  return { ...reconcileContacts(card, recognizerCard), lines: indices.length, ms: performance.now() - t0 };
}
