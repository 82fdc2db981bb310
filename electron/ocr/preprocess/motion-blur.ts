/**
 * Motion blur: a card photographed while the hand or the phone moved is smeared along one line,
 * and its small contact lines become unreadable to both OCR engines. The smear is estimated from
 * the image itself and undone before the OCR reads it.
 *
 *   estimate     A smear of length L along a direction multiplies the image's spectrum by a
 *                sinc whose zeros lie on the lines u·dx + v·dy = ±1, ±2, … ((dx, dy): the smear).
 *                The power spectrum is averaged over the card's most textured patches (text), so
 *                the content's own structure averages out and the smear's, shared by all, stays;
 *                its log is whitened (each radius's mean taken out: photos fall off steeply with
 *                frequency) and every smear of 4–12 px in 32 directions is tried: the one whose
 *                zero lines sit deepest below the lines halfway between wins, and is undone only
 *                when that dip is clear (MIN_DIP). A focus blur (Gaussian) has no zeros, so it is
 *                left alone. Only patches inside the card count: a table's weave can look like one.
 *   deconvolve   A Wiener filter with that straight-line kernel, over the card's box in the photo.
 *
 * Works on the gray working photo before the card is warped: the smear happened in the photo, where
 * it is one straight kernel whatever the card's angle and perspective.
 */
import type { Quad } from './card-detection';
import { fourier2d, powerOfTwoAtLeast } from './fourier';

/** Patch side for the estimate: several text lines, and far larger than any smear we undo. */
const PATCH = 128;
/** The most textured patches averaged (blank paper would only add noise). */
const MAX_PATCHES = 24;
/**
 * Smears shorter than this are left to the OCR (it reads them, and shorter smears' first zeros lie
 * where JPEG and resampling shape the spectrum anyway); longer ones are not plausible hand shake.
 */
const MIN_LENGTH = 4;
const MAX_LENGTH = 12;
/**
 * How much lower (nats) the spectrum must sit on the smear's zeros than between them to be taken
 * for a smear; chosen on the tuning photos (docs/scanner.md).
 */
const MIN_DIP = 1.2;
/** Directions tried for the smear (over half a turn). */
const ANGLE_STEPS = 32;
/**
 * Wiener regularisation (noise-to-signal power): higher leaves more blur, lower amplifies JPEG noise.
 * On the 12 smeared tuning photos (second renderer, seeds 1 and 2), micro-F1: 0.002 → 0.60, 0.005 → 0.66,
 * 0.01 → 0.62, 0.02 → 0.64, 0.05 → 0.60; not undone 0.53.
 */
const WIENER_NOISE = 0.005;

export interface MotionBlur {
  /** The smear's extent in photo pixels along x and y (dy ≥ 0). */
  dx: number;
  dy: number;
  /** How much lower (in nats) the spectrum sits on the smear's predicted zeros than between them (the least of both halves of the patches and all of them). */
  dip: number;
}

/** The smear found in the image (whether or not deep enough to undo), or null when there is no text to measure. */
export function measureMotionBlur(pixels: Uint8Array, width: number, height: number, card: Quad): MotionBlur | null {
  const patches = texturedPatches(pixels, width, height, card);
  if (patches.length < 4) return null;
  // two spectra, of alternate patches by contrast: a smear is in every patch, a texture (wood grain,
  // a pattern printed on part of the card) only in some, so the smear found must show in both halves
  const halves = [new Float64Array(PATCH * PATCH), new Float64Array(PATCH * PATCH)] as const;
  const re = new Float64Array(PATCH * PATCH);
  const im = new Float64Array(PATCH * PATCH);
  const window = hannWindow(PATCH);
  patches.forEach(({ x0, y0, mean }, index) => {
    for (let y = 0; y < PATCH; y++) {
      for (let x = 0; x < PATCH; x++) {
        re[y * PATCH + x] = (pixels[(y0 + y) * width + x0 + x]! - mean) * window[x]! * window[y]!;
        im[y * PATCH + x] = 0;
      }
    }
    fourier2d(re, im, PATCH, PATCH);
    const power = halves[index % 2]!;
    for (let i = 0; i < power.length; i++) power[i] = power[i]! + re[i]! * re[i]! + im[i]! * im[i]!;
  });
  const both = new Float64Array(PATCH * PATCH);
  for (let i = 0; i < both.length; i++) both[i] = halves[0][i]! + halves[1][i]!;
  const bins = spectrumBins(whitened(both));
  // every smear from MIN_LENGTH to MAX_LENGTH px, in steps of half a pixel and of 180°/ANGLE_STEPS: the one whose zeros fit best
  let best: MotionBlur | null = null;
  for (let length = MIN_LENGTH; length <= MAX_LENGTH; length += 0.5) {
    for (let step = 0; step < ANGLE_STEPS; step++) {
      const angle = (Math.PI * step) / ANGLE_STEPS;
      const dx = length * Math.cos(angle);
      const dy = length * Math.sin(angle);
      const dip = zeroDip(bins, dx, dy);
      if (!best || dip > best.dip) best = { dx, dy, dip };
    }
  }
  if (!best) return null;
  const { dx, dy } = best;
  const dipInHalves = halves.map((half) => zeroDip(spectrumBins(whitened(half)), dx, dy));
  return { dx, dy, dip: Math.min(best.dip, ...dipInHalves) };
}

/**
 * The log power spectrum with its mean at each radius taken out: the spectrum of a photo falls
 * steeply with frequency, and the zero test compares values at different frequencies.
 */
function whitened(power: Float64Array): Float64Array {
  let floor = 0;
  for (let i = 0; i < power.length; i++) floor += power[i]!;
  floor = (floor / power.length) * 1e-6;
  const rings = PATCH / 2 + 2;
  const ringSum = new Float64Array(rings);
  const ringCount = new Uint32Array(rings);
  const logPower = new Float64Array(power.length);
  const ringOf = (i: number, j: number): number => {
    const u = i < PATCH / 2 ? i : i - PATCH;
    const v = j < PATCH / 2 ? j : j - PATCH;
    return Math.min(rings - 1, Math.round(Math.hypot(u, v)));
  };
  for (let j = 0; j < PATCH; j++) {
    for (let i = 0; i < PATCH; i++) {
      const k = j * PATCH + i;
      logPower[k] = Math.log(power[k]! + floor);
      const r = ringOf(i, j);
      ringSum[r] = ringSum[r]! + logPower[k]!;
      ringCount[r] = ringCount[r]! + 1;
    }
  }
  for (let j = 0; j < PATCH; j++) {
    for (let i = 0; i < PATCH; i++) {
      const r = ringOf(i, j);
      logPower[j * PATCH + i] = logPower[j * PATCH + i]! - ringSum[r]! / ringCount[r]!;
    }
  }
  return logPower;
}

/** The frequencies the zero test looks at (half the plane: the spectrum of a real image is symmetric) and their whitened log power. */
interface SpectrumBins {
  u: Float64Array;
  v: Float64Array;
  value: Float64Array;
}

function spectrumBins(logPower: Float64Array): SpectrumBins {
  const u: number[] = [];
  const v: number[] = [];
  const value: number[] = [];
  for (let j = 0; j < PATCH; j++) {
    const fv = (j < PATCH / 2 ? j : j - PATCH) / PATCH;
    for (let i = 0; i <= PATCH / 2; i++) {
      const fu = i / PATCH;
      const f = Math.hypot(fu, fv);
      // below: the lighting and the card's layout; above: JPEG and resampling shape the spectrum more than any smear
      if (f < 0.02 || f > 0.35) continue;
      u.push(fu);
      v.push(fv);
      value.push(logPower[j * PATCH + i]!);
    }
  }
  return { u: Float64Array.from(u), v: Float64Array.from(v), value: Float64Array.from(value) };
}

/**
 * The smear (dx, dy) multiplies the spectrum by sinc(π(u·dx + v·dy)): zero where u·dx + v·dy is a
 * non-zero integer. The mean log power on its first zero lines against halfway between them.
 */
function zeroDip({ u, v, value }: SpectrumBins, dx: number, dy: number): number {
  let onZeros = 0;
  let onZerosCount = 0;
  let between = 0;
  let betweenCount = 0;
  for (let k = 0; k < value.length; k++) {
    const q = Math.abs(u[k]! * dx + v[k]! * dy);
    if (q > 2.6 || q < 0.3) continue;
    const offset = Math.abs(q - Math.round(q));
    if (q > 0.7 && offset < 0.12) {
      onZeros += value[k]!;
      onZerosCount++;
    } else if (offset > 0.38) {
      between += value[k]!;
      betweenCount++;
    }
  }
  if (!onZerosCount || !betweenCount) return 0;
  return between / betweenCount - onZeros / onZerosCount;
}

/** Undo a smear measured deep enough in place; returns what was undone (null: the image is left as it was). */
export function removeMotionBlur(pixels: Uint8Array, width: number, height: number, card: Quad): MotionBlur | null {
  const blur = measureMotionBlur(pixels, width, height, card);
  if (!blur || blur.dip < MIN_DIP) return null;
  // only the card's box (and a margin for the smear) is ever warped from the photo
  const margin = Math.ceil(MAX_LENGTH);
  const x0 = Math.max(0, Math.floor(Math.min(...card.map(([x]) => x))) - margin);
  const y0 = Math.max(0, Math.floor(Math.min(...card.map(([, y]) => y))) - margin);
  const x1 = Math.min(width, Math.ceil(Math.max(...card.map(([x]) => x))) + margin);
  const y1 = Math.min(height, Math.ceil(Math.max(...card.map(([, y]) => y))) + margin);
  deconvolve(pixels, width, { x0, y0, width: x1 - x0, height: y1 - y0 }, blur);
  return blur;
}

/** Wiener deconvolution of a region of the image with a straight-line kernel from −(dx, dy)/2 to (dx, dy)/2. */
function deconvolve(pixels: Uint8Array, stride: number, region: { x0: number; y0: number; width: number; height: number }, { dx, dy }: MotionBlur): void {
  const { x0, y0, width, height } = region;
  // No padding beyond a power of two: the region already holds a margin of table around the card wider
  // than half any smear, so the seam where the transform wraps the image around lies in that margin
  // (never warped), though the filter's ripples from it reach a little further.
  const w = powerOfTwoAtLeast(width);
  const h = powerOfTwoAtLeast(height);
  // Both real: the image (ink as positive values on a zero page, so the padding is blank paper) as the
  // real part and the kernel as the imaginary part of one transform, separated by their symmetries.
  const re = new Float64Array(w * h);
  const im = new Float64Array(w * h);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) re[y * w + x] = 255 - pixels[(y0 + y) * stride + x0 + x]!;
  }
  lineKernel(im, w, h, dx, dy);
  fourier2d(re, im, w, h);
  // each frequency k and its mirror −k are read together and both written in place
  for (let j = 0; j < h; j++) {
    const mirrorRow = ((h - j) % h) * w;
    for (let i = 0; i < w; i++) {
      const k = j * w + i;
      const m = mirrorRow + ((w - i) % w);
      if (m < k) continue;
      const [kr, ki] = wienerAt(re[k]!, im[k]!, re[m]!, im[m]!);
      const [mr, mi] = wienerAt(re[m]!, im[m]!, re[k]!, im[k]!);
      re[k] = kr;
      im[k] = ki;
      re[m] = mr;
      im[m] = mi;
    }
  }
  fourier2d(re, im, w, h, true);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = 255 - re[y * w + x]!;
      pixels[(y0 + y) * stride + x0 + x] = v < 0 ? 0 : v > 255 ? 255 : Math.round(v);
    }
  }
}

/**
 * The Wiener filter's output at one frequency, from the packed transform Z there (zr, zi) and at the
 * mirrored frequency (mr, mi): image G = (Z + conj Z₋) / 2, kernel H = (Z − conj Z₋) / 2i, and
 * G · conj(H) / (|H|² + K).
 */
function wienerAt(zr: number, zi: number, mr: number, mi: number): [number, number] {
  const gr = (zr + mr) / 2;
  const gi = (zi - mi) / 2;
  const hr = (zi + mi) / 2;
  const hi = -(zr - mr) / 2;
  const gain = 1 / (hr * hr + hi * hi + WIENER_NOISE);
  return [(gr * hr + gi * hi) * gain, (gi * hr - gr * hi) * gain];
}

/** The smear as a kernel centred on the origin (wrapped around, as the transform sees it), summing to 1. */
function lineKernel(kernel: Float64Array, w: number, h: number, dx: number, dy: number): void {
  const taps = Math.max(2, Math.round(Math.max(Math.abs(dx), Math.abs(dy))));
  let total = 0;
  for (let t = 0; t < taps; t++) {
    const s = (t - (taps - 1) / 2) / taps;
    const x = s * dx;
    const y = s * dy;
    const x0 = Math.floor(x);
    const y0 = Math.floor(y);
    const fx = x - x0;
    const fy = y - y0;
    for (const [ox, oy, weight] of [[0, 0, (1 - fx) * (1 - fy)], [1, 0, fx * (1 - fy)], [0, 1, (1 - fx) * fy], [1, 1, fx * fy]] as const) {
      if (weight <= 0) continue;
      const i = (((y0 + oy) % h) + h) % h * w + ((((x0 + ox) % w) + w) % w);
      kernel[i] = kernel[i]! + weight;
      total += weight;
    }
  }
  for (let i = 0; i < kernel.length; i++) if (kernel[i]) kernel[i] = kernel[i]! / total;
}

function hannWindow(n: number): Float64Array {
  const window = new Float64Array(n);
  for (let i = 0; i < n; i++) window[i] = 0.5 - 0.5 * Math.cos((2 * Math.PI * (i + 0.5)) / n);
  return window;
}

/**
 * The patches inside the card (its outline pulled in by a tenth) with the most contrast (text), at
 * most MAX_PATCHES: the table around it may carry a weave or grain of its own that looks like a smear.
 */
function texturedPatches(pixels: Uint8Array, width: number, height: number, card: Quad): Array<{ x0: number; y0: number; mean: number }> {
  const cx = card.reduce((sum, [x]) => sum + x, 0) / 4;
  const cy = card.reduce((sum, [, y]) => sum + y, 0) / 4;
  const inner = card.map(([x, y]) => [cx + (x - cx) * 0.9, cy + (y - cy) * 0.9] as [number, number]);
  const xs = inner.map(([x]) => x);
  const ys = inner.map(([, y]) => y);
  const found: Array<{ x0: number; y0: number; mean: number; variance: number }> = [];
  const step = PATCH / 2;
  // the outline may reach a little past the photo's edge
  for (let y0 = Math.max(0, Math.ceil(Math.min(...ys))); y0 + PATCH <= Math.min(height, Math.max(...ys)); y0 += step) {
    for (let x0 = Math.max(0, Math.ceil(Math.min(...xs))); x0 + PATCH <= Math.min(width, Math.max(...xs)); x0 += step) {
      const corners: Array<[number, number]> = [[x0, y0], [x0 + PATCH, y0], [x0, y0 + PATCH], [x0 + PATCH, y0 + PATCH]];
      if (!corners.every(([x, y]) => insideConvex(inner, x, y))) continue;
      let sum = 0;
      let sumSquares = 0;
      for (let y = 0; y < PATCH; y += 2) {
        for (let x = 0; x < PATCH; x += 2) {
          const v = pixels[(y0 + y) * width + x0 + x]!;
          sum += v;
          sumSquares += v * v;
        }
      }
      const n = (PATCH / 2) * (PATCH / 2);
      const mean = sum / n;
      found.push({ x0, y0, mean, variance: sumSquares / n - mean * mean });
    }
  }
  found.sort((a, b) => b.variance - a.variance);
  // a patch must hold some ink: a fifth of the most textured one's contrast
  const least = (found[0]?.variance ?? 0) * 0.2;
  return found.filter((p) => p.variance > least && p.variance > 25).slice(0, MAX_PATCHES);
}

/** Is (x, y) inside the convex polygon (corners in order, either orientation)? */
function insideConvex(polygon: Array<[number, number]>, x: number, y: number): boolean {
  let sign = 0;
  for (let i = 0; i < polygon.length; i++) {
    const [ax, ay] = polygon[i]!;
    const [bx, by] = polygon[(i + 1) % polygon.length]!;
    const cross = (bx - ax) * (y - ay) - (by - ay) * (x - ax);
    if (cross === 0) continue;
    if (sign === 0) sign = Math.sign(cross);
    else if (Math.sign(cross) !== sign) return false;
  }
  return true;
}
