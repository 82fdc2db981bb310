/**
 * A panel printed light-on-dark on an otherwise dark-on-light card: a coloured band with the
 * company's name down one side, a dark footer with the contact lines. The lighting step evens it
 * out as if it were a shadow (its text, lighter than the band, ends up white on white), so it is
 * cut out here, before that, from the card's own pixels: found as the largest solid block of cells
 * much darker than the paper, covering a fair share of the card but not most of it, and written
 * inverted — the band's colour white, its text black — as an image of its own for the OCR
 * (passes/dark-panel.ts reads it).
 */
import type { CardSource } from './card-source';
import { rotatePgm } from './orientation';
import { allocPgm, type PgmImage } from './raster';

/** Cell size (px of the card at the OCR size) and the step of the pixels sampled in a cell. */
const CELL = 16;
const STEP = 4;
/** A cell whose mean is below this share of the paper's brightness is panel. */
const DARK_SHARE = 0.6;
/** The panel covers at least this share of the card (a QR code covers ~3 %) and at most this share. */
const MIN_SHARE = 0.05;
const MAX_SHARE = 0.6;
/** Share of the panel's bounding box made of dark cells: a block, not scattered bold letters. */
const MIN_SOLIDITY = 0.7;
/** White margin around the panel image (px). */
const PAD = 12;

export interface DarkPanel {
  /** The panel inverted and stretched: dark text on white. */
  image: PgmImage;
  /** Where the panel's top-left pixel is in the OCR image (the image's own top-left is PAD px before it). */
  x: number;
  y: number;
  pad: number;
}

interface Block {
  cells: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** The largest 4-connected block of marked cells. */
function largestBlock(marked: Uint8Array, gw: number, gh: number): Block | null {
  const seen = new Uint8Array(gw * gh);
  const stack: number[] = [];
  let best: Block | null = null;
  for (let start = 0; start < marked.length; start++) {
    if (!marked[start] || seen[start]) continue;
    const b: Block = { cells: 0, x0: gw, y0: gh, x1: 0, y1: 0 };
    stack.push(start);
    seen[start] = 1;
    while (stack.length) {
      const i = stack.pop()!;
      const x = i % gw;
      const y = (i - x) / gw;
      b.cells++;
      b.x0 = Math.min(b.x0, x);
      b.y0 = Math.min(b.y0, y);
      b.x1 = Math.max(b.x1, x);
      b.y1 = Math.max(b.y1, y);
      for (const j of [x > 0 ? i - 1 : -1, x < gw - 1 ? i + 1 : -1, y > 0 ? i - gw : -1, y < gh - 1 ? i + gw : -1]) {
        if (j >= 0 && marked[j] && !seen[j]) {
          seen[j] = 1;
          stack.push(j);
        }
      }
    }
    if (!best || b.cells > best.cells) best = b;
  }
  return best;
}

/** The card's light-on-dark panel as its own dark-on-light image, or null when the card has none. */
export function extractDarkPanel(source: CardSource, inverted: boolean): DarkPanel | null {
  // a card inverted as a whole (light text on a dark card) is one panel already
  if (inverted) return null;
  const gw = Math.floor(source.width / CELL);
  const gh = Math.floor(source.height / CELL);
  if (gw < 4 || gh < 4) return null;
  const sums = new Float64Array(gw * gh);
  const row = new Uint8Array(Math.ceil(source.width / STEP));
  for (let y = STEP / 2; y < gh * CELL; y += STEP) {
    source.sample(y, STEP / 2, STEP, row);
    const base = Math.floor(y / CELL) * gw;
    for (let i = 0; i < row.length; i++) {
      const gx = Math.floor((STEP / 2 + i * STEP) / CELL);
      if (gx < gw) sums[base + gx]! += row[i]!;
    }
  }
  const perCell = (CELL / STEP) * (CELL / STEP);
  const means = Array.from(sums, (s) => s / perCell);
  const paper = [...means].sort((a, b) => a - b)[Math.floor(means.length * 0.9)]!;
  const marked = Uint8Array.from(means, (m) => (m < paper * DARK_SHARE ? 1 : 0));
  const block = largestBlock(marked, gw, gh);
  if (!block) return null;
  const boxCells = (block.x1 - block.x0 + 1) * (block.y1 - block.y0 + 1);
  const share = boxCells / (gw * gh);
  if (share < MIN_SHARE || share > MAX_SHARE || block.cells / boxCells < MIN_SOLIDITY) return null;
  const x0 = block.x0 * CELL;
  const y0 = block.y0 * CELL;
  const w = (block.x1 + 1) * CELL - x0;
  const h = (block.y1 + 1) * CELL - y0;
  // the panel's own levels: its colour (median) and its text (the light tail)
  const hist = new Uint32Array(256);
  for (let y = y0; y < y0 + h; y += 2) {
    const r = source.row(y);
    for (let x = x0; x < x0 + w; x += 2) hist[r[x]!]!++;
  }
  const total = hist.reduce((t, n) => t + n, 0);
  const level = (p: number): number => {
    let acc = 0;
    for (let v = 0; v < 256; v++) if ((acc += hist[v]!) >= total * p) return v;
    return 255;
  };
  const band = level(0.5);
  const text = Math.max(band + 24, level(0.98));
  const pgm = allocPgm(w + 2 * PAD, h + 2 * PAD);
  pgm.pixels.fill(255);
  const scale = 255 / (text - band);
  for (let y = 0; y < h; y++) {
    const r = source.row(y0 + y);
    const o = (y + PAD) * pgm.width + PAD;
    for (let x = 0; x < w; x++) {
      const v = 255 - (r[x0 + x]! - band) * scale;
      pgm.pixels[o + x] = v < 0 ? 0 : v > 255 ? 255 : v | 0;
    }
  }
  return { image: { image: pgm.image, width: pgm.width, height: pgm.height }, x: x0, y: y0, pad: PAD };
}

/**
 * The panel as it lies in the OCR image turned clockwise by `angle` (a sideways or upside-down photo is
 * read turned, passes/orientation.ts): its image turned alike and its place moved with the card's.
 * `width` × `height` is the unturned OCR image's size.
 */
export function turnDarkPanel(panel: DarkPanel, angle: 90 | 180 | 270, width: number, height: number): DarkPanel {
  const w = panel.image.width - 2 * panel.pad;
  const h = panel.image.height - 2 * panel.pad;
  const image = rotatePgm(panel.image, angle);
  // clockwise 90: (x, y) → (height − 1 − y, x); 180: (width − 1 − x, height − 1 − y); 270: (y, width − 1 − x)
  if (angle === 90) return { image, x: height - panel.y - h, y: panel.x, pad: panel.pad };
  if (angle === 180) return { image, x: width - panel.x - w, y: height - panel.y - h, pad: panel.pad };
  return { image, x: panel.y, y: width - panel.x - w, pad: panel.pad };
}
