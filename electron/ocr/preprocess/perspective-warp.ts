/**
 * Cutting the card out of the photo: the homography that maps the output rectangle onto
 * the card's quadrilateral, and a bilinear warp that samples the working image through
 * it. Scaling to the OCR size is folded into the same homography, so the card is
 * resampled exactly once; rows are produced on demand (see CardSource).
 */
import type { Quad } from './card-detection';
import type { CardSource } from './card-source';
import type { Raster } from './raster';

/** Solve the 3×3 homography (h33 = 1) mapping the rectangle (0,0)…(w,h) onto `src` (TL, TR, BR, BL). */
function homography(src: Quad, w: number, h: number): number[] {
  const dst: Quad = [
    [0, 0],
    [w, 0],
    [w, h],
    [0, h],
  ];
  // 8 equations in 8 unknowns, Gauss–Jordan elimination with partial pivoting
  const A: number[][] = [];
  const b: number[] = [];
  for (let i = 0; i < 4; i++) {
    const [x, y] = dst[i]!;
    const [u, v] = src[i]!;
    A.push([x, y, 1, 0, 0, 0, -u * x, -u * y]);
    b.push(u);
    A.push([0, 0, 0, x, y, 1, -v * x, -v * y]);
    b.push(v);
  }
  for (let c = 0; c < 8; c++) {
    let piv = c;
    for (let r = c + 1; r < 8; r++) if (Math.abs(A[r]![c]!) > Math.abs(A[piv]![c]!)) piv = r;
    [A[c], A[piv]] = [A[piv]!, A[c]!];
    [b[c], b[piv]] = [b[piv]!, b[c]!];
    for (let r = 0; r < 8; r++) {
      if (r === c) continue;
      const f = A[r]![c]! / A[c]![c]!;
      if (!f) continue;
      for (let k = c; k < 8; k++) A[r]![k]! -= f * A[c]![k]!;
      b[r]! -= f * b[c]!;
    }
  }
  const hv = b.map((v, i) => v / A[i]![i]!);
  return [...hv, 1];
}

/** Fixed-point precision of source coordinates in the warp (16.16). */
const FIX = 16;
const ONE = 1 << FIX;
/**
 * Source coordinates are computed exactly (with the perspective division) every CHUNK
 * output pixels and linearly in between: over 16 px the perspective curvature of a
 * card photo is far below 1/100 px, and the inner loop becomes integer adds.
 */
const CHUNK = 16;

/**
 * The card warped out of a gray photo: output (x, y) samples the photo bilinearly at
 * H·(x, y), where H maps the w×h rectangle onto `quad`. Samples outside the photo
 * repeat its edge.
 */
export function warpSource(src: Raster, quad: Quad, width: number, height: number): CardSource {
  const [a, b, c, d, e, f, g, k] = homography(quad, width, height) as [number, number, number, number, number, number, number, number];
  const sw = src.width;
  const sd = src.data;
  // clamp so that the 2×2 neighbourhood stays inside the photo
  const uMax = (sw - 1) * ONE - 1;
  const vMax = (src.height - 1) * ONE - 1;
  const buf = new Uint8Array(width);

  /** Bilinear sample at fixed-point (U, V), coordinates clamped into the photo. */
  const at = (U: number, V: number): number => {
    if (U < 0) U = 0;
    else if (U > uMax) U = uMax;
    if (V < 0) V = 0;
    else if (V > vMax) V = vMax;
    const i = (V >> FIX) * sw + (U >> FIX);
    const fx = (U >> 8) & 255;
    const fy = (V >> 8) & 255;
    const p00 = sd[i]!;
    const p01 = sd[i + sw]!;
    const top = (p00 << 8) + (sd[i + 1]! - p00) * fx;
    const bot = (p01 << 8) + (sd[i + sw + 1]! - p01) * fx;
    return ((top << 8) + (bot - top) * fy + 32768) >> 16;
  };

  return {
    width,
    height,
    row(y) {
      const nu = b * y + c;
      const nv = e * y + f;
      const den = k * y + 1;
      let u1 = nu / den;
      let v1 = nv / den;
      for (let x0 = 0; x0 < width; x0 += CHUNK) {
        const x1 = Math.min(width, x0 + CHUNK);
        const u0 = u1;
        const v0 = v1;
        const dn = den + g * x1;
        u1 = (nu + a * x1) / dn;
        v1 = (nv + d * x1) / dn;
        const n = x1 - x0;
        let U = Math.round(u0 * ONE);
        let V = Math.round(v0 * ONE);
        const dU = Math.round(((u1 - u0) * ONE) / n);
        const dV = Math.round(((v1 - v0) * ONE) / n);
        const Ue = U + dU * (n - 1);
        const Ve = V + dV * (n - 1);
        if ((U < Ue ? U : Ue) >= 0 && (U > Ue ? U : Ue) <= uMax && (V < Ve ? V : Ve) >= 0 && (V > Ve ? V : Ve) <= vMax) {
          // the whole chunk lies inside the photo (the usual case): no clamping, and the
          // bilinear sample of `at` written out inline, because a call per pixel is the
          // slowest part of the warp on a 1150 px card
          for (let x = x0; x < x1; x++, U += dU, V += dV) {
            const i = (V >> FIX) * sw + (U >> FIX);
            const fx = (U >> 8) & 255;
            const fy = (V >> 8) & 255;
            const p00 = sd[i]!;
            const p01 = sd[i + sw]!;
            const top = (p00 << 8) + (sd[i + 1]! - p00) * fx;
            const bot = (p01 << 8) + (sd[i + sw + 1]! - p01) * fx;
            buf[x] = ((top << 8) + (bot - top) * fy + 32768) >> 16;
          }
        } else {
          for (let x = x0; x < x1; x++, U += dU, V += dV) buf[x] = at(U, V);
        }
      }
      return buf;
    },
    sample(y, offset, step, dst) {
      const nu = b * y + c;
      const nv = e * y + f;
      const den = k * y + 1;
      for (let x = offset, j = 0; x < width; x += step, j++) {
        const dn = den + g * x;
        dst[j] = at(Math.round(((nu + a * x) / dn) * ONE), Math.round(((nv + d * x) / dn) * ONE));
      }
    },
  };
}

const dist = (p: [number, number], q: [number, number]): number => Math.hypot(p[0] - q[0], p[1] - q[1]);

/** Output size for a quad: its mean side lengths, scaled so the long side is `targetLong`. */
export function rectifiedSize(quad: Quad, targetLong: number): { width: number; height: number } {
  const [tl, tr, br, bl] = quad;
  const qw = (dist(tl, tr) + dist(bl, br)) / 2;
  const qh = (dist(tl, bl) + dist(tr, br)) / 2;
  const s = targetLong / Math.max(qw, qh);
  return { width: Math.max(16, Math.round(qw * s)), height: Math.max(16, Math.round(qh * s)) };
}
