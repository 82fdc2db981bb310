/**
 * Finding the card on the table: Sobel edges on the small colour copy → Hough lines in
 * two families (near-vertical, near-horizontal) → the four lines whose sides are best
 * backed by real edge pixels (or, when no four are, three of them and the fourth placed at the
 * farthest a card's aspect allows). Works on a ~360 px image, so it is cheap; the corners are
 * scaled up to the working image by the caller.
 */
import type { Raster } from './raster';

/** Corners TL, TR, BR, BL (x, y). */
export type Quad = [[number, number], [number, number], [number, number], [number, number]];

type Point = [number, number];

interface Line {
  /** normal angle (radians) and distance: x·cos φ + y·sin φ = ρ */
  phi: number;
  rho: number;
  votes: number;
}

/** Edge pixels and their gradient direction. */
interface EdgeMap {
  width: number;
  height: number;
  /** 1 where the gradient magnitude is at least EDGE_MAGNITUDE */
  isEdge: Uint8Array;
  /** gradient direction folded to [0, π); 0 where the gradient is weaker than STRONG_MAGNITUDE */
  angle: Float32Array;
}

const DEG = Math.PI / 180;
/** Sobel magnitude of an edge: ≈ a 10-level step after the downscale blur. */
const EDGE_MAGNITUDE = 28;
/** Only gradients at least this strong get a direction (weaker edges keep angle 0). */
const STRONG_MAGNITUDE = 40;
/** Hough angle step and the span around each family's axis (cards lie within ±30° of the photo axes). */
const STEP = 0.5 * DEG;
const SPAN = 30 * DEG;
/** An edge pixel votes for lines within ±TOL of its gradient direction. */
const TOL = 6 * DEG;
/** Lines kept per family. */
const MAX_LINES = 8;

/**
 * Find the card outline. Cards lie within ±30° of the photo axes (sideways photos are
 * still axis-aligned). Returns null when no side set is convincing, e.g. when the photo
 * is already just the card.
 */
export function findCardQuad(img: Raster): Quad | null {
  if (img.width < 32 || img.height < 32) return null;
  const edges = edgeMap(img);
  const verts = houghLines(edges, 0);
  if (verts.length < 2) return null;
  const hors = houghLines(edges, Math.PI / 2);
  if (hors.length < 2) return null;
  return bestQuad(img, edges, verts, hors);
}

/** Sobel on every colour channel, keeping the strongest: a card can differ from the table in hue only. */
function edgeMap(img: Raster): EdgeMap {
  const { width: W, height: H, channels: C, data } = img;
  const isEdge = new Uint8Array(W * H);
  const angle = new Float32Array(W * H);
  const nc = Math.min(C, 3);
  const row = W * C;
  const edge2 = EDGE_MAGNITUDE * EDGE_MAGNITUDE;
  const strong2 = STRONG_MAGNITUDE * STRONG_MAGNITUDE;
  for (let y = 1; y < H - 1; y++) {
    for (let x = 1; x < W - 1; x++) {
      let best = -1;
      let bgx = 0;
      let bgy = 0;
      const base = (y * W + x) * C;
      for (let c = 0; c < nc; c++) {
        const o = base + c;
        const tl = data[o - row - C]!;
        const tr = data[o - row + C]!;
        const bl = data[o + row - C]!;
        const br = data[o + row + C]!;
        const gx = tr + 2 * data[o + C]! + br - tl - 2 * data[o - C]! - bl;
        const gy = bl + 2 * data[o + row]! + br - tl - 2 * data[o - row]! - tr;
        const m = gx * gx + gy * gy;
        if (m > best) {
          best = m;
          bgx = gx;
          bgy = gy;
        }
      }
      if (best < edge2) continue;
      const i = y * W + x;
      isEdge[i] = 1;
      if (best >= strong2) {
        let a = Math.atan2(bgy, bgx);
        if (a < 0) a += Math.PI;
        if (a >= Math.PI) a -= Math.PI;
        angle[i] = a;
      }
    }
  }
  return { width: W, height: H, isEdge, angle };
}

/**
 * Hough transform for lines whose normal lies within ±SPAN of `center` (0: near-vertical
 * lines, π/2: near-horizontal), in STEP angle bins and 1 px distance bins; returns the
 * strongest local maxima.
 */
function houghLines(edges: EdgeMap, center: number): Line[] {
  const { width: W, height: H, isEdge, angle } = edges;
  const NA = Math.round((2 * SPAN) / STEP) + 1;
  const diag = Math.ceil(Math.hypot(W, H));
  const NR = 2 * diag + 1;
  const acc = new Uint16Array(NA * NR);
  const cosT = new Float64Array(NA);
  const sinT = new Float64Array(NA);
  for (let k = 0; k < NA; k++) {
    const phi = center - SPAN + k * STEP;
    // rounded to float32 as the votes were always computed with float32 tables
    cosT[k] = Math.fround(Math.cos(phi));
    sinT[k] = Math.fround(Math.sin(phi));
  }
  const halfPi = Math.PI / 2;
  for (let y = 1; y < H - 1; y++) {
    for (let x = 1; x < W - 1; x++) {
      const i = y * W + x;
      if (!isEdge[i]) continue;
      // signed angular difference to the family's axis, folded to (-π/2, π/2]
      let d = angle[i]! - center;
      if (d > halfPi) d -= Math.PI;
      if (d <= -halfPi) d += Math.PI;
      if (d > SPAN + TOL || d < -(SPAN + TOL)) continue;
      const k0 = Math.max(0, Math.ceil((d - TOL + SPAN) / STEP));
      const k1 = Math.min(NA - 1, Math.floor((d + TOL + SPAN) / STEP));
      for (let k = k0; k <= k1; k++) {
        const rho = Math.round(x * cosT[k]! + y * sinT[k]!) + diag;
        acc[k * NR + rho]!++;
      }
    }
  }
  const minVotes = 0.2 * (center === 0 ? H : W);
  return localMaxima(acc, NA, NR, minVotes).map(([k, r, votes]) => ({ phi: center - SPAN + k * STEP, rho: r - diag, votes }));
}

/**
 * Accumulator cells with at least `minVotes` that are the maximum of their ±3° × ±4 px
 * neighbourhood (ties go to the first cell), strongest first, at most MAX_LINES.
 */
function localMaxima(acc: Uint16Array, NA: number, NR: number, minVotes: number): Array<[number, number, number]> {
  const found: Array<[number, number, number]> = [];
  for (let k = 0; k < NA; k++) {
    const rowK = k * NR;
    for (let r = 0; r < NR; r++) {
      const v = acc[rowK + r]!;
      if (v < minVotes || !isLocalMax(acc, NA, NR, k, r, v)) continue;
      found.push([k, r, v]);
    }
  }
  // stable sort: equal votes keep scan order, as before
  found.sort((a, b) => b[2] - a[2]);
  return found.slice(0, MAX_LINES);
}

function isLocalMax(acc: Uint16Array, NA: number, NR: number, k: number, r: number, v: number): boolean {
  const kLo = Math.max(0, k - 6);
  const kHi = Math.min(NA - 1, k + 6);
  const rLo = Math.max(0, r - 4);
  const rHi = Math.min(NR - 1, r + 4);
  for (let kk = kLo; kk <= kHi; kk++) {
    const base = kk * NR;
    for (let rr = rLo; rr <= rHi; rr++) {
      const w = acc[base + rr]!;
      if (w < v) continue;
      if (kk === k && rr === r) continue;
      // a stronger neighbour, or an equal one earlier in scan order, wins
      if (w > v || kk < k || (kk === k && rr < r)) return false;
    }
  }
  return true;
}

function intersect(l1: Line, l2: Line): Point | null {
  const a1 = Math.cos(l1.phi);
  const b1 = Math.sin(l1.phi);
  const a2 = Math.cos(l2.phi);
  const b2 = Math.sin(l2.phi);
  const det = a1 * b2 - a2 * b1;
  if (Math.abs(det) < 1e-6) return null;
  return [(l1.rho * b2 - l2.rho * b1) / det, (a1 * l2.rho - a2 * l1.rho) / det];
}

/**
 * Fraction of the segment p→q backed by an edge pixel (within 1 px) whose gradient is
 * normal to it (±20°); 0 when less than half the segment lies inside the image.
 */
function sideSupport(edges: EdgeMap, p: Point, q: Point): number {
  const { width: W, height: H, isEdge, angle } = edges;
  const len = Math.hypot(q[0] - p[0], q[1] - p[1]);
  const n = Math.max(2, Math.round(len));
  let dir = Math.atan2(q[1] - p[1], q[0] - p[0]) + Math.PI / 2; // normal direction
  dir = ((dir % Math.PI) + Math.PI) % Math.PI;
  const maxDiff = 20 * DEG;
  let hit = 0;
  let inside = 0;
  for (let s = 0; s <= n; s++) {
    const xi = Math.round(p[0] + ((q[0] - p[0]) * s) / n);
    const yi = Math.round(p[1] + ((q[1] - p[1]) * s) / n);
    if (xi < 1 || yi < 1 || xi >= W - 1 || yi >= H - 1) continue;
    inside++;
    search: for (let dy = -1; dy <= 1; dy++) {
      for (let dx = -1; dx <= 1; dx++) {
        const i = (yi + dy) * W + xi + dx;
        if (!isEdge[i]) continue;
        let d = Math.abs(angle[i]! - dir);
        if (d > Math.PI / 2) d = Math.PI - d;
        if (d < maxDiff) {
          hit++;
          break search;
        }
      }
    }
  }
  return inside < n * 0.5 ? 0 : hit / (n + 1);
}

/** Pixels either side of a side where the surfaces it separates are sampled. */
const SURFACE_OFFSET = 3;
/**
 * Least colour difference (mean over the side, strongest channel) between the two surfaces of a
 * card's edge. A rule printed on the card (a divider between two columns) is a dark line with the
 * same paper on both sides, so it never separates two surfaces; a card's edge always does
 * (table, other paper, or at least the card's own shadow).
 */
const MIN_SURFACE_DIFFERENCE = 8;

/**
 * How different the surfaces either side of the segment p→q are: the mean over the segment of
 * the strongest channel's difference between the pixels SURFACE_OFFSET to the left and to the
 * right of it (points whose samples fall outside the image are skipped; Infinity when none is
 * inside: nothing to compare, so nothing to reject).
 */
function surfaceDifference(img: Raster, p: Point, q: Point): number {
  const { width: W, height: H, channels: C, data } = img;
  const len = Math.hypot(q[0] - p[0], q[1] - p[1]);
  if (len < 1) return Infinity;
  const nx = -(q[1] - p[1]) / len;
  const ny = (q[0] - p[0]) / len;
  const n = Math.max(2, Math.round(len));
  const nc = Math.min(C, 3);
  let sum = 0;
  let count = 0;
  for (let s = 1; s < n; s++) {
    const x = p[0] + ((q[0] - p[0]) * s) / n;
    const y = p[1] + ((q[1] - p[1]) * s) / n;
    const ax = Math.round(x + nx * SURFACE_OFFSET);
    const ay = Math.round(y + ny * SURFACE_OFFSET);
    const bx = Math.round(x - nx * SURFACE_OFFSET);
    const by = Math.round(y - ny * SURFACE_OFFSET);
    if (ax < 0 || ay < 0 || bx < 0 || by < 0 || ax >= W || bx >= W || ay >= H || by >= H) continue;
    let d = 0;
    for (let c = 0; c < nc; c++) d = Math.max(d, Math.abs(data[(ay * W + ax) * C + c]! - data[(by * W + bx) * C + c]!));
    sum += d;
    count++;
  }
  return count ? sum / count : Infinity;
}

/**
 * The best card among all pairs of vertical × pairs of horizontal lines: plausible
 * spacing and parallelism, corners near the image, area ≥ 12 % of the photo, every side
 * at least 45 % backed by edges and separating two surfaces (not a rule printed on the card);
 * score = summed side support + the weakest side + a bonus for area (the card, not a logo box on it).
 */
function bestQuad(img: Raster, edges: EdgeMap, verts: Line[], hors: Line[]): Quad | null {
  const { width: W, height: H } = edges;
  // a side is fixed by its line and the two lines that cut it: memoise its support,
  // since many quads share sides
  const memo = new Map<string, number>();
  const support = (key: string, p: Point, q: Point): number => {
    let s = memo.get(key);
    if (s === undefined) {
      s = sideSupport(edges, p, q);
      if (s >= 0.45 && surfaceDifference(img, p, q) < MIN_SURFACE_DIFFERENCE) s = 0;
      memo.set(key, s);
    }
    return s;
  };
  let best: { quad: Quad; score: number } | null = null;
  const margin = 0.03 * Math.max(W, H);
  for (let a = 0; a < verts.length; a++) {
    for (let b = a + 1; b < verts.length; b++) {
      const [li, ri] = verts[a]!.rho <= verts[b]!.rho ? [a, b] : [b, a];
      const L = verts[li]!;
      const R = verts[ri]!;
      if (Math.abs(L.phi - R.phi) > 20 * DEG || R.rho - L.rho < 0.25 * W) continue;
      for (let c = 0; c < hors.length; c++) {
        for (let d = c + 1; d < hors.length; d++) {
          const [ti, bi] = hors[c]!.rho <= hors[d]!.rho ? [c, d] : [d, c];
          const T = hors[ti]!;
          const B = hors[bi]!;
          if (Math.abs(T.phi - B.phi) > 20 * DEG || B.rho - T.rho < 0.2 * H) continue;
          const tl = intersect(L, T);
          const tr = intersect(R, T);
          const br = intersect(R, B);
          const bl = intersect(L, B);
          if (!tl || !tr || !br || !bl) continue;
          const quad: Quad = [tl, tr, br, bl];
          if (quad.some(([x, y]) => x < -margin || y < -margin || x > W + margin || y > H + margin)) continue;
          const area = 0.5 * Math.abs((tl[0] - br[0]) * (tr[1] - bl[1]) - (tr[0] - bl[0]) * (tl[1] - br[1]));
          if (area < 0.12 * W * H) continue;
          const sides = [
            support(`t${ti}:${li}:${ri}`, tl, tr),
            support(`r${ri}:${ti}:${bi}`, tr, br),
            support(`b${bi}:${ri}:${li}`, br, bl),
            support(`l${li}:${bi}:${ti}`, bl, tl),
          ];
          if (sides.some((s) => s < 0.45)) continue;
          const minSide = Math.min(...sides);
          const score = sides.reduce((s, v) => s + v, 0) + minSide + 2 * (area / (W * H));
          if (!best || score > best.score) best = { quad, score };
        }
      }
    }
  }
  return best ? best.quad : threeSidedQuad(img, W, H, verts, hors, support);
}

/**
 * Longest and shortest side ratios of business cards (85 × 55 mm to 3.5 × 2 in): where the fourth
 * side is not seen, it is placed as far as the card could reach, so that the text is never cut off
 * (a strip of table beyond it costs the OCR nothing).
 */
const CARD_ASPECTS = { least: 1.55, most: 1.75 };

/**
 * No outline with four sides backed: a card lying partly on a sheet of its own colour shows no edge
 * there. Three backed sides — two parallel, one across them — and the fourth placed parallel to the
 * one across, at the farthest a card's aspect allows (CARD_ASPECTS); both parallel sides must be
 * backed up to it.
 */
function threeSidedQuad(img: Raster, W: number, H: number, verts: Line[], hors: Line[], support: (key: string, p: Point, q: Point) => number): Quad | null {
  let best: { quad: Quad; score: number } | null = null;
  const margin = 0.03 * Math.max(W, H);
  for (const [family, across, name] of [[verts, hors, 'v'], [hors, verts, 'h']] as const) {
    for (let a = 0; a < family.length; a++) {
      for (let b = a + 1; b < family.length; b++) {
        const A = family[a]!;
        const B = family[b]!;
        if (Math.abs(A.phi - B.phi) > 20 * DEG) continue;
        const gap = Math.abs(A.rho - B.rho);
        if (gap < 0.2 * Math.min(W, H)) continue;
        for (let c = 0; c < across.length; c++) {
          const C = across[c]!;
          const ca = intersect(C, A);
          const cb = intersect(C, B);
          if (!ca || !cb) continue;
          const acrossSupport = support(`${name}c${c}:${a}:${b}`, ca, cb);
          if (acrossSupport < 0.45) continue;
          const length = Math.hypot(cb[0] - ca[0], cb[1] - ca[1]);
          // the side across is the card's short side or its long one; the card lies on either side of it
          for (const reach of [length * CARD_ASPECTS.most, length / CARD_ASPECTS.least]) {
            for (const sign of [1, -1]) {
              const far: Line = { phi: C.phi, rho: C.rho + sign * reach, votes: 0 };
              const fa = intersect(far, A);
              const fb = intersect(far, B);
              if (!fa || !fb) continue;
              if ([fa, fb].some(([x, y]) => x < -margin || y < -margin || x > W + margin || y > H + margin)) continue;
              const sideA = support(`${name}a${a}:${c}:${sign * reach}`, ca, fa);
              const sideB = support(`${name}b${b}:${c}:${sign * reach}`, cb, fb);
              if (sideA < 0.45 || sideB < 0.45) continue;
              const area = length * reach;
              if (area < 0.12 * W * H) continue;
              const score = acrossSupport + sideA + sideB + Math.min(acrossSupport, sideA, sideB) + 2 * (area / (W * H));
              if (best && score <= best.score) continue;
              const corners = [ca, cb, fb, fa];
              best = { quad: clockwiseFromTopLeft(corners), score };
            }
          }
        }
      }
    }
  }
  return best ? best.quad : null;
}

/** Corners ordered TL, TR, BR, BL (as the four-sided search returns them). */
function clockwiseFromTopLeft(corners: Point[]): Quad {
  const cx = corners.reduce((s, [x]) => s + x, 0) / 4;
  const cy = corners.reduce((s, [, y]) => s + y, 0) / 4;
  const sorted = [...corners].sort((p, q) => Math.atan2(p[1] - cy, p[0] - cx) - Math.atan2(q[1] - cy, q[0] - cx));
  // atan2 order starts at the left (−π) and runs through the top (y up is negative): TL is the one with the least x + y
  const start = sorted.reduce((best, p, i) => (p[0] + p[1] < sorted[best]![0] + sorted[best]![1] ? i : best), 0);
  return [0, 1, 2, 3].map((k) => sorted[(start + k) % 4]!) as Quad;
}

/** Move the corners towards the centre by `frac` of the size (drops the card's edge and shadow). */
export function insetQuad(q: Quad, frac: number): Quad {
  const cx = (q[0][0] + q[1][0] + q[2][0] + q[3][0]) / 4;
  const cy = (q[0][1] + q[1][1] + q[2][1] + q[3][1]) / 4;
  return q.map(([x, y]) => [x + (cx - x) * frac, y + (cy - y) * frac]) as Quad;
}

/** Scale corners found on one image to another image's coordinates. */
export function scaleQuad(q: Quad, sx: number, sy: number): Quad {
  return q.map(([x, y]) => [x * sx, y * sy]) as Quad;
}
