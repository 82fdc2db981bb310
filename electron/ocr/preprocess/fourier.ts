/**
 * The discrete Fourier transform of gray images, for the motion-blur step (motion-blur.ts): one
 * in-place radix-2 FFT over a stride, run on each row and then on all the columns at once (the 2-D
 * transform). Sizes are powers of two; the caller pads.
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
 * In-place FFTs of `lanes` side-by-side sequences of `n` complex values: element i of lane l is at
 * re/im[offset + i·stride + l] (inverse: the conjugate transform, not scaled — the caller divides by
 * the size). The columns of an image are its width's lanes over its rows (stride = width), so each
 * butterfly walks two whole rows and the memory is read in order; a row is one lane (stride 1).
 */
function transform(re: Float64Array, im: Float64Array, n: number, offset: number, stride: number, lanes: number, inverse: boolean): void {
  const { cos, sin, reversed } = planFor(n);
  for (let i = 0; i < n; i++) {
    const j = reversed[i]!;
    if (j <= i) continue;
    for (let l = 0; l < lanes; l++) {
      const a = offset + i * stride + l;
      const b = offset + j * stride + l;
      const tr = re[a]!;
      re[a] = re[b]!;
      re[b] = tr;
      const ti = im[a]!;
      im[a] = im[b]!;
      im[b] = ti;
    }
  }
  const sign = inverse ? 1 : -1;
  for (let size = 2; size <= n; size <<= 1) {
    const half = size >> 1;
    const step = n / size;
    for (let start = 0; start < n; start += size) {
      for (let k = 0; k < half; k++) {
        const wr = cos[k * step]!;
        const wi = sign * sin[k * step]!;
        const laneA = offset + (start + k) * stride;
        const laneB = offset + (start + k + half) * stride;
        for (let l = 0; l < lanes; l++) {
          const a = laneA + l;
          const b = laneB + l;
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
  for (let y = 0; y < height; y++) transform(re, im, width, y * width, 1, 1, inverse);
  transform(re, im, height, 0, width, width, inverse);
  if (inverse) {
    const scale = 1 / (width * height);
    for (let i = 0; i < re.length; i++) {
      re[i] = re[i]! * scale;
      im[i] = im[i]! * scale;
    }
  }
}
