/**
 * A second reading for the "Check" marks: a contact field that only the OCR's weakest-word floor
 * would mark (check-marks.ts onlyWeaklyRead; photos read small e-mail and phone lines with a less
 * sure word than they deserve) gets its line cut out, enlarged and read again with the same
 * English engine (line-refinement.ts, as the contact re-read does). When that reading says the
 * same, the field is read twice alike and takes the confirmed floor. The page is not changed:
 * this pass only judges. At most MAX_LINES lines a card (~90 ms each on one core).
 */
import type { CardField, ParsedCard } from '../../../shared/parsing/card-fields';
import { onlyWeaklyRead, secondReadingAgrees, type ReadAgain } from '../../../shared/parsing/check-marks';
import type { OcrBox, OcrPage } from '../../../shared/parsing/ocr-types';
import type { OcrEngine } from '../engine/worker-pool';
import type { PgmImage } from '../preprocess/raster';
import { refineLines } from './line-refinement';

/** Lines read again a card at most (the time budget). */
const MAX_LINES = 3;

const overlaps = (a: OcrBox, b: OcrBox): boolean => Math.min(a.x1, b.x1) > Math.max(a.x0, b.x0) && Math.min(a.y1, b.y1) > Math.max(a.y0, b.y0);

/** The fields whose line, read a second time, says the same; empty when none needed it. */
export async function readContactsAgain(
  engine: Pick<OcrEngine, 'recognize'>,
  source: PgmImage,
  page: OcrPage,
  card: ParsedCard,
  signal?: AbortSignal,
): Promise<ReadAgain> {
  const fields = onlyWeaklyRead(card, page);
  if (!fields.length) return new Set();
  const linesOf = new Map<CardField, number[]>();
  for (const field of fields) {
    const box = card[field].box;
    if (!box) continue;
    linesOf.set(field, page.lines.flatMap((line, index) => (overlaps(line.box, box) ? [index] : [])));
  }
  const onlyLines = [...new Set([...linesOf.values()].flat())];
  if (!onlyLines.length) return new Set();
  // every chosen line is read again whatever its confidence; the result only judges, so its page is not used
  const { rereads } = await refineLines(engine, source, page, {
    onlyLines,
    maxConfidence: 1.01,
    smallMaxConfidence: 1.01,
    maxLines: MAX_LINES,
    ...(signal ? { signal } : {}),
  });
  const agreed = new Set<CardField>();
  for (const [field, indices] of linesOf) {
    const lines = new Set(indices.map((i) => page.lines[i]));
    const again = rereads.filter((r) => r.before.some((l) => lines.has(l))).map((r) => r.after.map((l) => l.text).join(' '));
    if (again.some((text) => secondReadingAgrees(field, card[field].value, text))) agreed.add(field);
  }
  return agreed;
}
