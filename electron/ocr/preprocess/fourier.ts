/**
 * The discrete Fourier transform of gray images, for the motion-blur step (motion-blur.ts): an
 * in-place radix-2 FFT of complex rows, and the 2-D transform as rows then columns. Sizes are
 * powers of two; the caller pads.
 */

/** Smallest power of two ≥ n. */
export function powerOfTwoAtLeast(n: number): number {
  let p = 1;
  while (p < n) p <<= 1;
  return p;
}

/** Sine/cosine tables and the bit-reversal permutation of one transform length, built once per length. */
interface Plan {
  cos: Float64Array;
  sin: Float64Array;
  reversed: Uint32Array;
}

const plans = new Map<number, Plan>();

function planFor(n: number): Plan {
  let plan = plans.get(n);
  if (plan) return plan;
  const half = n >> 1;
  const cos = new Float64Array(half);
  const sin = new Float64Array(half);
  for (let k = 0; k < half; k++) {
    cos[k] = Math.cos((2 * Math.PI * k) / n);
    sin[k] = Math.sin((2 * Math.PI * k) / n);
  }
  const reversed = new Uint32Array(n);
  let bits = 0;
  while (1 << bits < n) bits++;
  for (let i = 0; i < n; i++) {
    let r = 0;
    for (let b = 0; b < bits; b++) if (i & (1 << b)) r |= 1 << (bits - 1 - b);
    reversed[i] = r;
  }
  plan = { cos, sin, reversed };
  plans.set(n, plan);
  return plan;
}

/**
 * In-place FFT of `n` complex values at re[offset + i·stride], im[…] (inverse: the conjugate
 * transform, not scaled — the caller divides by the size). Used for the rows (stride 1).
 */
function transform(re: Float64Array, im: Float64Array, n: number, offset: number, stride: number, inverse: boolean, scratchRe: Float64Array, scratchIm: Float64Array): void {
  const { cos, sin, reversed } = planFor(n);
  // gather in bit-reversed order into contiguous scratch (columns are strided)
  for (let i = 0; i < n; i++) {
    const from = offset + reversed[i]! * stride;
    scratchRe[i] = re[from]!;
    scratchIm[i] = im[from]!;
  }
  const sign = inverse ? 1 : -1;
  for (let size = 2; size <= n; size <<= 1) {
    const half = size >> 1;
    const step = n / size;
    for (let start = 0; start < n; start += size) {
      for (let k = 0; k < half; k++) {
        const wr = cos[k * step]!;
        const wi = sign * sin[k * step]!;
        const a = start + k;
        const b = a + half;
        const br = scratchRe[b]! * wr - scratchIm[b]! * wi;
        const bi = scratchRe[b]! * wi + scratchIm[b]! * wr;
        scratchRe[b] = scratchRe[a]! - br;
        scratchIm[b] = scratchIm[a]! - bi;
        scratchRe[a] = scratchRe[a]! + br;
        scratchIm[a] = scratchIm[a]! + bi;
      }
    }
  }
  for (let i = 0; i < n; i++) {
    re[offset + i * stride] = scratchRe[i]!;
    im[offset + i * stride] = scratchIm[i]!;
  }
}

/**
 * The FFT of every column at once: the same butterflies as `transform`, each on two whole rows
 * (every column shares its twiddle factor), so the memory is walked row by row instead of
 * gathering each column with a stride — several times faster on a large image.
 */
function transformColumns(re: Float64Array, im: Float64Array, width: number, height: number, inverse: boolean): void {
  const { cos, sin, reversed } = planFor(height);
  for (let i = 0; i < height; i++) {
    const j = reversed[i]!;
    if (j <= i) continue;
    for (let x = 0; x < width; x++) {
      const a = i * width + x;
      const b = j * width + x;
      const tr = re[a]!;
      re[a] = re[b]!;
      re[b] = tr;
      const ti = im[a]!;
      im[a] = im[b]!;
      im[b] = ti;
    }
  }
  const sign = inverse ? 1 : -1;
  for (let size = 2; size <= height; size <<= 1) {
    const half = size >> 1;
    const step = height / size;
    for (let start = 0; start < height; start += size) {
      for (let k = 0; k < half; k++) {
        const wr = cos[k * step]!;
        const wi = sign * sin[k * step]!;
        const rowA = (start + k) * width;
        const rowB = (start + k + half) * width;
        for (let x = 0; x < width; x++) {
          const a = rowA + x;
          const b = rowB + x;
          const br = re[b]! * wr - im[b]! * wi;
          const bi = re[b]! * wi + im[b]! * wr;
          re[b] = re[a]! - br;
          im[b] = im[a]! - bi;
          re[a] = re[a]! + br;
          im[a] = im[a]! + bi;
        }
      }
    }
  }
}

/**
 * In-place 2-D FFT of a width × height complex image (rows packed; both powers of two).
 * The inverse is scaled by 1 / (width · height), so inverse(forward(x)) = x.
 */
export function fourier2d(re: Float64Array, im: Float64Array, width: number, height: number, inverse = false): void {
  const scratchRe = new Float64Array(Math.max(width, height));
  const scratchIm = new Float64Array(Math.max(width, height));
  for (let y = 0; y < height; y++) transform(re, im, width, y * width, 1, inverse, scratchRe, scratchIm);
  transformColumns(re, im, width, height, inverse);
  if (inverse) {
    const scale = 1 / (width * height);
    for (let i = 0; i < re.length; i++) {
      re[i] = re[i]! * scale;
      im[i] = im[i]! * scale;
    }
  }
}
