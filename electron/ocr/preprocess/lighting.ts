/**
 * Making the card look like a flat, evenly lit page of dark text on white — what
 * tesseract reads best:
 *   polarity  light text on a dark card is inverted;
 *   lighting  divide by a background estimate (shadows, vignetting, a lamp on one side);
 *   contrast  stretch so the ink is black and the paper white.
 *
 * Everything the three need is measured on a sparse grid of card pixels (every 4th
 * pixel of every 4th row: ~1/16 of the card); then a single pass over the card produces
 * each row (warped on the fly), divides by the background, inverts and stretches it,
 * and writes it straight into the output. The full-size card is read once and never
 * stored.
 */
import type { CardSource } from './card-source';
import { percentile } from './raster';

/** Background is estimated on a 1/BLOCK grid: text strokes are a few px, the lighting varies slowly. */
const BLOCK = 8;
const BLOCK_SHIFT = 3;
/** The statistics grid: every SAMPLE_STEP-th pixel and row from SAMPLE_OFFSET, i.e. 2 × 2 samples per block. */
const SAMPLE_STEP = 4;
const SAMPLE_OFFSET = 2;
/** Radius (in blocks) of the max filter that lifts the estimate over the text, and of the two box blurs that smooth it. */
const MAX_RADIUS = 2;
const BLUR_RADIUS = 2;
/** Darkest background we divide by: keeps a black border or deep shadow from blowing up to noise. */
const MIN_BACKGROUND = 24;
/** Contrast stretch: this fraction of pixels (the ink) ends at 0, the paper (this percentile) at 255. */
const INK_PERCENTILE = 0.005;
const PAPER_PERCENTILE = 0.9;
/** Smallest ink–paper distance we stretch to full range (a blank card is not made into noise). */
const MIN_RANGE = 32;

/** The sparse sample grid of the card. */
interface Samples {
  cols: number;
  rows: number;
  data: Uint8Array;
}

/**
 * Flat-field, polarity and contrast: writes dark text on a white page into `out`
 * (width × height bytes, e.g. the pixels of the PGM handed to tesseract).
 */
export function normaliseCard(source: CardSource, out: Uint8Array): { inverted: boolean } {
  const samples = sampleCard(source);
  const inverted = isLightOnDark(samples, source.width, source.height);
  const bg = new Background(samples, source.width, source.height, inverted);
  const { black, scale } = contrastStretch(samples, bg, inverted);
  writeNormalised(source, bg, inverted, black, scale, out);
  return { inverted };
}

function sampleCard(source: CardSource): Samples {
  const cols = Math.max(0, Math.ceil((source.width - SAMPLE_OFFSET) / SAMPLE_STEP));
  const rows = Math.max(0, Math.ceil((source.height - SAMPLE_OFFSET) / SAMPLE_STEP));
  const data = new Uint8Array(cols * rows);
  for (let j = 0; j < rows; j++) {
    source.sample(SAMPLE_OFFSET + j * SAMPLE_STEP, SAMPLE_OFFSET, SAMPLE_STEP, data.subarray(j * cols, (j + 1) * cols));
  }
  return { cols, rows, data };
}

const sampleX = (i: number): number => SAMPLE_OFFSET + i * SAMPLE_STEP;

/**
 * Is this a light-on-dark card? Looks at the central 80 % (the table and the card's edge
 * stay out). The text is the minority at the far end of the histogram: a page whose
 * median sits nearer the dark end than the bright end is a dark card with light text.
 */
function isLightOnDark(s: Samples, w: number, h: number): boolean {
  const hist = new Uint32Array(256);
  let total = 0;
  for (let j = 0; j < s.rows; j++) {
    const y = sampleX(j);
    if (y < Math.floor(h * 0.1) || y >= h * 0.9) continue;
    for (let i = 0; i < s.cols; i++) {
      const x = sampleX(i);
      if (x < Math.floor(w * 0.1) || x >= w * 0.9) continue;
      hist[s.data[j * s.cols + i]!]!++;
      total++;
    }
  }
  if (!total) return false;
  const median = percentile(hist, total, 0.5);
  const lo = percentile(hist, total, 0.02);
  const hi = percentile(hist, total, 0.98);
  return median - lo < hi - median;
}

/**
 * The paper's brightness, smooth over the card, on the BLOCK grid: block means (of the
 * inverted image when the card is inverted), a max filter that removes the text, then
 * two box blurs. Read back one row at a time (gridRow).
 */
class Background {
  /** Grid size (at least 2 × 2, for the bilinear upsampling). */
  readonly cols: number;
  readonly rows: number;
  readonly level: Float32Array;

  constructor(
    s: Samples,
    readonly width: number,
    readonly height: number,
    inverted: boolean,
  ) {
    const sw = Math.max(2, Math.ceil(width / BLOCK));
    const sh = Math.max(2, Math.ceil(height / BLOCK));
    const sum = new Uint32Array(sw * sh);
    const cnt = new Uint32Array(sw * sh);
    for (let j = 0; j < s.rows; j++) {
      const rowB = (sampleX(j) >> BLOCK_SHIFT) * sw;
      for (let i = 0; i < s.cols; i++) {
        const k = rowB + (sampleX(i) >> BLOCK_SHIFT);
        sum[k]! += s.data[j * s.cols + i]!;
        cnt[k]!++;
      }
    }
    const means = new Float32Array(sw * sh);
    for (let k = 0; k < means.length; k++) {
      const n = cnt[k]!;
      // the mean of 255 − I is 255 − mean(I): invert the sums, not the pixels
      if (n) means[k] = (inverted ? n * 255 - sum[k]! : sum[k]!) / n;
    }
    this.cols = sw;
    this.rows = sh;
    this.level = boxBlur(boxBlur(maxFilter(means, sw, sh, MAX_RADIUS), sw, sh, BLUR_RADIUS), sw, sh, BLUR_RADIUS);
  }

  /**
   * For row y: `gain` / background at each block centre column, into `grid` (cols
   * entries; bilinear in y between block-centre rows).
   */
  gridRow(y: number, gain: number, grid: Float32Array): void {
    const { cols: sw, rows: sh, level } = this;
    const fy = Math.min(sh - 1, Math.max(0, (y + 0.5) / BLOCK - 0.5));
    const y0 = Math.min(sh - 2, fy | 0);
    const ay = fy - y0;
    const r0 = y0 * sw;
    const r1 = r0 + sw;
    for (let k = 0; k < sw; k++) {
      const b = level[r0 + k]! + (level[r1 + k]! - level[r0 + k]!) * ay;
      grid[k] = gain / (b > MIN_BACKGROUND ? b : MIN_BACKGROUND);
    }
  }
}

/*
 * Along a row the multiplier is piecewise linear between block centres (x = BLOCK·k + HALF),
 * constant before the first and after the last centre.
 */
const HALF = BLOCK / 2 - 0.5;

/** The multiplier at column x of a row whose block-centre values are `grid` (sparse use). */
function multiplierAt(grid: Float32Array, x: number): number {
  const f = (x - HALF) / BLOCK;
  if (f <= 0) return grid[0]!;
  const k = f | 0;
  if (k >= grid.length - 1) return grid[grid.length - 1]!;
  return grid[k]! + (grid[k + 1]! - grid[k]!) * (f - k);
}

/**
 * The stretch, from the samples after flat-fielding: darkest INK_PERCENTILE → 0, the
 * paper (PAPER_PERCENTILE) → 255.
 */
function contrastStretch(s: Samples, bg: Background, inverted: boolean): { black: number; scale: number } {
  const hist = new Uint32Array(256);
  const grid = new Float32Array(bg.cols);
  const base = inverted ? 255 : 0;
  const sign = inverted ? -1 : 1;
  for (let j = 0; j < s.rows; j++) {
    bg.gridRow(sampleX(j), 255, grid);
    const row = j * s.cols;
    for (let i = 0; i < s.cols; i++) {
      const v = (base + sign * s.data[row + i]!) * multiplierAt(grid, sampleX(i));
      hist[v > 255 ? 255 : v | 0]!++;
    }
  }
  const n = s.rows * s.cols;
  if (!n) return { black: 0, scale: 1 };
  const black = percentile(hist, n, INK_PERCENTILE);
  const paper = Math.max(black + MIN_RANGE, percentile(hist, n, PAPER_PERCENTILE));
  return { black, scale: 255 / (paper - black) };
}

/**
 * The one full-size pass: out = clamp((min(255, I′ · 255 / bg) − black) · scale), with
 * I′ = 255 − I on inverted cards; the stretch is folded into the multipliers, which are
 * stepped along each block span (one add per pixel instead of an interpolation).
 */
function writeNormalised(source: CardSource, bg: Background, inverted: boolean, black: number, scale: number, out: Uint8Array): void {
  const w = source.width;
  const sw = bg.cols;
  const grid = new Float32Array(sw);
  const base = inverted ? 255 : 0;
  const sign = inverted ? -1 : 1;
  // (min(255, v) − black) · scale = min(255 · scale, v · scale) − black · scale; + ½ rounds
  const cap = 255 * scale;
  const offset = black * scale - 0.5;
  for (let y = 0; y < source.height; y++) {
    const row = source.row(y);
    bg.gridRow(y, cap, grid);
    const o = y * w;
    // spans: [0, first centre) constant, then between centres k and k + 1, then constant
    let x = 0;
    for (let k = -1; k < sw && x < w; k++) {
      const end = k + 1 < sw ? Math.min(w, Math.ceil(BLOCK * (k + 1) + HALF)) : w;
      let m: number;
      let dm: number;
      if (k < 0 || k === sw - 1) {
        m = grid[k < 0 ? 0 : sw - 1]!;
        dm = 0;
      } else {
        dm = (grid[k + 1]! - grid[k]!) / BLOCK;
        m = grid[k]! + dm * (x - BLOCK * k - HALF);
      }
      for (; x < end; x++, m += dm) {
        let v = (base + sign * row[x]!) * m;
        if (v > cap) v = cap;
        v -= offset;
        out[o + x] = v < 0 ? 0 : v > 255 ? 255 : v | 0;
      }
    }
  }
}

/** (2r+1)² max filter (edges clamped) on a small float image. */
function maxFilter(src: Float32Array, w: number, h: number, r: number): Float32Array {
  const tmp = new Float32Array(w * h);
  const out = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let m = 0;
      for (let d = Math.max(0, x - r); d <= Math.min(w - 1, x + r); d++) m = Math.max(m, src[y * w + d]!);
      tmp[y * w + x] = m;
    }
  }
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let m = 0;
      for (let d = Math.max(0, y - r); d <= Math.min(h - 1, y + r); d++) m = Math.max(m, tmp[d * w + x]!);
      out[y * w + x] = m;
    }
  }
  return out;
}

/** (2r+1)² box blur (edges clamped) on a small float image. */
function boxBlur(src: Float32Array, w: number, h: number, r: number): Float32Array {
  const tmp = new Float32Array(w * h);
  const out = new Float32Array(w * h);
  const n = 2 * r + 1;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let s = 0;
      for (let d = -r; d <= r; d++) s += src[y * w + Math.min(w - 1, Math.max(0, x + d))]!;
      tmp[y * w + x] = s / n;
    }
  }
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let s = 0;
      for (let d = -r; d <= r; d++) s += tmp[Math.min(h - 1, Math.max(0, y + d)) * w + x]!;
      out[y * w + x] = s / n;
    }
  }
  return out;
}
