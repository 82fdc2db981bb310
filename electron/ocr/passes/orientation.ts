/**
 * A photo taken sideways or upside down, or a "card" found on the table that was other paper:
 * read the pre-processed image, and only when the page reads badly try the other quarter turns
 * and then the whole photo, keeping the best reading and the image it came from (later passes
 * crop lines out of that image).
 */
import type { OcrPage } from '../../../shared/parsing/ocr-types';
import { isContactLine } from '../../../shared/parsing/unread-script';
import { rotatePgm } from '../preprocess';
import type { QuarterTurn } from '../preprocess/decode';
import type { PgmImage } from '../preprocess/raster';

/**
 * How much readable text a page has: characters of words tesseract is fairly sure of.
 * Used to decide whether to try other orientations and to pick the best one.
 */
function textScore(page: OcrPage): { score: number; meanConfidence: number; chars: number } {
  let score = 0;
  let chars = 0;
  let confSum = 0;
  for (const line of page.lines) {
    for (const w of line.words) {
      const n = w.text.replace(/[^\p{L}\p{N}@.]/gu, '').length;
      chars += n;
      confSum += n * w.confidence;
      if (w.confidence >= 0.6 && n >= 2) score += n * w.confidence;
    }
  }
  return { score, meanConfidence: chars ? confSum / chars : 0, chars };
}

/**
 * Readable text, but perhaps not the card's: a photo taken sideways whose table holds other paper
 * reads the paper upright ("Agenda", "Coffee") and the card as scraps ("oO", "—", "“get”"). Worth
 * trying the other turns when scraps make up a fair share of the words and either the card was not
 * found (the page is the whole photo, clutter and all) or nothing on the page looks like an e-mail,
 * website or number, which nearly every card prints.
 */
function looksLikeOtherPaper(page: OcrPage, cropped: boolean): boolean {
  let words = 0;
  let scraps = 0;
  for (const line of page.lines) {
    for (const w of line.words) {
      words++;
      if (w.confidence < 0.5 || !/[\p{L}\p{N}]{2}/u.test(w.text)) scraps++;
    }
  }
  if (scraps < 3) return false;
  const share = scraps / words;
  const contact = page.lines.some((l) => isContactLine(l.text));
  // uncropped: a third of the words scraps (photos of cards found on the table often have 0.2–0.3)
  return (!cropped && share >= 0.33) || (!contact && share >= 0.25);
}

/** Low enough to be worth trying the other orientations. */
function looksUnreadable(page: OcrPage): boolean {
  const { meanConfidence, chars, score } = textScore(page);
  // measured on the dev cards: upright pages score ≥ 0.43 mean confidence (most ≥ 0.6),
  // upside-down ones ≤ 0.32; sideways ones yield almost no characters
  return chars < 12 || meanConfidence < 0.4 || score < 20;
}

/** The page read, the image it was read from, and the clockwise turn that image was given. */
export interface UprightReading {
  page: OcrPage;
  source: PgmImage;
  turn: QuarterTurn;
}

/** A reading must beat the best so far by this much to replace it (noise in the score is ~10 %). */
const better = (score: number, best: number): boolean => score > best * 1.15 + 5;

export async function readUpright(
  read: (image: PgmImage) => Promise<OcrPage>,
  pre: PgmImage,
  opts: { cropped: boolean; signal?: AbortSignal; wholePhoto?: () => Promise<PgmImage> },
): Promise<UprightReading> {
  const first = await read(pre);
  if (!looksUnreadable(first) && !looksLikeOtherPaper(first, opts.cropped)) return { page: first, source: pre, turn: 0 };
  let best = first;
  let source: PgmImage = pre;
  let turn: QuarterTurn = 0;
  let bestScore = textScore(first).score;
  // a portrait crop of a (usually landscape) card suggests a sideways photo
  const order = pre.height > pre.width ? ([90, 270, 180] as const) : ([180, 90, 270] as const);
  for (const angle of order) {
    if (opts.signal?.aborted) break;
    const turned = rotatePgm(pre, angle);
    const page = await read(turned);
    const score = textScore(page).score;
    if (better(score, bestScore)) {
      best = page;
      bestScore = score;
      source = turned;
      turn = angle;
      if (!looksUnreadable(page)) break;
    }
  }
  // still unreadable and we cropped: maybe the "card" was other paper on the table
  if (opts.wholePhoto && looksUnreadable(best) && opts.cropped && !opts.signal?.aborted) {
    const whole = await opts.wholePhoto();
    const page = await read(whole);
    if (better(textScore(page).score, bestScore)) {
      best = page;
      source = whole;
      turn = 0;
    }
  }
  return { page: best, source, turn };
}
