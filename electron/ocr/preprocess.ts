/**
 * Card-photo pre-processing for OCR (sharp + a little plain-JS pixel work).
 *
 * 1. sniff the file type from its bytes (never trust the extension), refuse what is not a
 *    photo we can read, with a message that says what to do;
 * 2. decode with EXIF orientation applied, shrinking on load to a working size;
 * 3. find the card on the table (edge-based Hough lines → quadrilateral) and warp it
 *    flat (homography, bilinear), which also removes small rotation and perspective;
 * 4. flat-field the lighting (divide by a blurred background estimate), pick the text
 *    polarity (light text on a dark card is inverted), stretch the contrast;
 * 5. scale so that body text lands near tesseract's favourite size and hand tesseract
 *    an 8-bit grayscale PGM (no encoding cost; leptonica reads PNM natively).
 *
 * Huge images: anything up to MAX_INPUT_PIXELS (150 MP, e.g. 12000×12000) is decoded with
 * shrink-on-load / sequential access straight to the working size, so memory stays
 * small; larger ones are refused with `image_too_large` before decoding.
 */
import sharp, { type Metadata, type OutputInfo, type Sharp } from 'sharp';

export type ScanInputErrorCode =
  | 'empty_file'
  | 'not_an_image'
  | 'unsupported_format'
  | 'image_too_large'
  | 'unreadable'
  | 'corrupt_image';

/** Why a file could not be scanned; the message says what is wrong and what to do. */
export class ScanInputError extends Error {
  override readonly name = 'ScanInputError';
  constructor(
    readonly code: ScanInputErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export const MAX_INPUT_PIXELS = 150_000_000;
const MAX_SIDE = 30_000;
/** Long side of the decoded working image (card detection + warp source). */
const WORK_LONG_SIDE = 1800;
/** Long side of the image used to find the card. */
const DETECT_LONG_SIDE = 360;

export type ImageFormat = 'jpeg' | 'png' | 'webp' | 'tiff' | 'gif' | 'heif';

export interface PreprocessOptions {
  /** Extra rotation (clockwise degrees, multiple of 90) applied after EXIF; used for retries. */
  rotate?: 0 | 90 | 180 | 270;
  /** Target long side of the card in the OCR image (px). */
  targetLongSide?: number;
  /** Do not look for the card (use the whole photo); the scanner's fallback when the crop reads badly. */
  noCrop?: boolean;
  /** Write intermediate images here (debugging only). */
  debugPrefix?: string;
}

export interface PreprocessResult {
  /** 8-bit grayscale image for tesseract (binary PGM, "P5"). */
  image: Buffer;
  width: number;
  height: number;
  /** Source format and size as stored (before EXIF rotation). */
  format: ImageFormat;
  mime: string;
  originalWidth: number;
  originalHeight: number;
  /** What was done, for logs and tests. */
  steps: { cropped: boolean; inverted: boolean; corners: Array<[number, number]> | null };
}

const MIME: Record<ImageFormat, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  tiff: 'image/tiff',
  gif: 'image/gif',
  heif: 'image/heif',
};

function startsWith(b: Uint8Array, sig: number[], at = 0): boolean {
  if (b.length < at + sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (b[at + i] !== sig[i]) return false;
  return true;
}

const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

/** Identify the file from its first bytes. */
export function sniffFormat(bytes: Uint8Array, name = 'the file'): ImageFormat {
  if (bytes.length === 0) {
    throw new ScanInputError('empty_file', `${name} is empty (0 bytes): take the photo again or pick another file`);
  }
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'webp';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'gif';
  if (startsWith(bytes, ascii('ftyp'), 4)) {
    const brand = String.fromCharCode(...bytes.subarray(8, 12));
    if (/^(heic|heix|heim|heis|hevc|hevx|mif1|msf1|avif|avis)$/.test(brand)) return 'heif';
    throw new ScanInputError(
      'unsupported_format',
      `${name} looks like a video or other media file (${brand.trim()}), not a photo: pick a JPEG or PNG photo of the card`,
    );
  }
  const what = describeNonImage(bytes);
  if (what) {
    throw new ScanInputError(
      'unsupported_format',
      `${name} is a ${what}, not a photo: save or export the card as a JPEG or PNG image and scan that`,
    );
  }
  throw new ScanInputError(
    'not_an_image',
    `${name} is not an image (its contents are not JPEG, PNG, WebP, TIFF, GIF or HEIC): pick a photo of the card`,
  );
}

function describeNonImage(b: Uint8Array): string | null {
  if (startsWith(b, ascii('%PDF'))) return 'PDF document';
  if (startsWith(b, ascii('BM'))) return 'BMP bitmap (not supported)';
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04])) return 'ZIP archive or Office document';
  const head = new TextDecoder('utf-8', { fatal: false }).decode(b.subarray(0, 256)).trimStart();
  if (/^<(\?xml|svg)/i.test(head) && /<svg/i.test(head)) return 'SVG drawing (not supported)';
  return null;
}

function mapSharpError(err: unknown, name: string): ScanInputError {
  const msg = err instanceof Error ? err.message : String(err);
  if (/pixel limit|exceeds|too large|dimensions/i.test(msg)) {
    return new ScanInputError(
      'image_too_large',
      `${name} is too large to read (${msg}): use a photo under ${MAX_INPUT_PIXELS / 1e6} megapixels`,
    );
  }
  return new ScanInputError(
    'corrupt_image',
    `${name} is damaged or incomplete (${msg.split('\n')[0]}): copy the file again or take a new photo`,
  );
}

/** Decoded 8-bit image, `channels` interleaved. */
interface Raster {
  data: Uint8Array;
  width: number;
  height: number;
  channels: number;
}

/**
 * Validate and decode: returns the EXIF-rotated working-size RGB image.
 * Throws ScanInputError for anything we cannot read.
 */
async function decode(
  bytes: Uint8Array,
  name: string,
  rotate: 0 | 90 | 180 | 270,
): Promise<{ gray: Raster; small: Raster; format: ImageFormat; width: number; height: number }> {
  const format = sniffFormat(bytes, name);
  const input = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let meta: Metadata;
  try {
    meta = await sharp(input, { limitInputPixels: false }).metadata();
  } catch (err) {
    throw mapSharpError(err, name);
  }
  const width = meta.width ?? 0;
  const height = meta.height ?? 0;
  if (!width || !height) {
    throw new ScanInputError('corrupt_image', `${name} has no readable picture in it: copy the file again or take a new photo`);
  }
  if (width * height > MAX_INPUT_PIXELS || width > MAX_SIDE || height > MAX_SIDE) {
    throw new ScanInputError(
      'image_too_large',
      `${name} is ${width}×${height} pixels (${Math.round((width * height) / 1e6)} MP), more than the ` +
        `${MAX_INPUT_PIXELS / 1e6} MP LeadBooth reads: resize it or take the photo at a lower resolution`,
    );
  }
  try {
    // two pipelines in parallel (libvips threads): full-size gray for the warp, small colour
    // for finding the card (JPEG shrink-on-load makes that one cheap)
    const base = (): Sharp => {
      const img = sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, sequentialRead: true, failOn: 'error', pages: 1 }).autoOrient();
      return rotate ? img.rotate(rotate) : img;
    };
    const [g, c] = await Promise.all([
      base()
        .resize({ width: WORK_LONG_SIDE, height: WORK_LONG_SIDE, fit: 'inside', withoutEnlargement: true })
        .grayscale()
        .raw()
        .toBuffer({ resolveWithObject: true }),
      base()
        .resize({ width: DETECT_LONG_SIDE, height: DETECT_LONG_SIDE, fit: 'inside', withoutEnlargement: true, kernel: 'lanczos3' })
        .removeAlpha()
        .toColourspace('srgb')
        .raw()
        .toBuffer({ resolveWithObject: true }),
    ]);
    const raster = (r: { data: Buffer; info: OutputInfo }): Raster => ({
      data: new Uint8Array(r.data.buffer, r.data.byteOffset, r.data.byteLength),
      width: r.info.width,
      height: r.info.height,
      channels: r.info.channels,
    });
    return { gray: raster(g), small: raster(c), format, width, height };
  } catch (err) {
    throw mapSharpError(err, name);
  }
}

async function resizeRaw(src: Raster, width: number, height: number, kernel: 'nearest' | 'linear' | 'cubic' | 'lanczos3' = 'linear'): Promise<Raster> {
  const { data, info } = await sharp(Buffer.from(src.data.buffer, src.data.byteOffset, src.data.byteLength), {
    raw: { width: src.width, height: src.height, channels: src.channels as 1 | 2 | 3 | 4 },
  })
    .resize(width, height, { fit: 'fill', kernel })
    .toColourspace(src.channels === 1 ? 'b-w' : 'srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), width: info.width, height: info.height, channels: info.channels };
}

function percentile(hist: Uint32Array, total: number, p: number): number {
  const target = total * p;
  let acc = 0;
  for (let v = 0; v < 256; v++) {
    acc += hist[v]!;
    if (acc >= target) return v;
  }
  return 255;
}

// ---------------------------------------------------------------------------------------
// Card detection (filled in below): returns the 4 corners TL, TR, BR, BL in the
// coordinates of the given image, or null when no convincing card outline is found.
// ---------------------------------------------------------------------------------------
export type Quad = [[number, number], [number, number], [number, number], [number, number]];

interface Line {
  /** normal angle (radians) and distance: x·cos φ + y·sin φ = ρ */
  phi: number;
  rho: number;
  votes: number;
}

const DEG = Math.PI / 180;

/**
 * Find the card outline: Hough lines on colour edges, two near-horizontal and two
 * near-vertical families (cards lie within ±30° of the photo axes; sideways photos
 * are still axis-aligned), then the combination of four lines whose sides are best
 * supported by real edge pixels. Returns null when no side set is convincing (e.g.
 * the photo is already just the card).
 */
export function findCardQuad(img: Raster): Quad | null {
  const { width: W, height: H, channels: C, data } = img;
  if (W < 32 || H < 32) return null;
  // Sobel on every channel, keep the strongest
  const mag = new Float32Array(W * H);
  const ang = new Float32Array(W * H); // gradient direction folded to [0, π)
  const nc = Math.min(C, 3);
  const row = W * C;
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
      const i = y * W + x;
      mag[i] = Math.sqrt(best);
      if (best >= 1600) {
        let a = Math.atan2(bgy, bgx);
        if (a < 0) a += Math.PI;
        if (a >= Math.PI) a -= Math.PI;
        ang[i] = a;
      }
    }
  }
  const EDGE = 28; // ≈ a 10-level step after the downscale blur
  const isEdge = new Uint8Array(W * H);
  for (let i = 0; i < mag.length; i++) if (mag[i]! >= EDGE) isEdge[i] = 1;

  // Hough: φ ∈ [-30°, 30°] (vertical lines) and [60°, 120°] (horizontal lines), 0.5° steps
  const STEP = 0.5 * DEG;
  const SPAN = 30 * DEG;
  const NA = Math.round((2 * SPAN) / STEP) + 1;
  const diag = Math.ceil(Math.hypot(W, H));
  const NR = 2 * diag + 1;
  const families = [0, Math.PI / 2].map((center) => ({ center, acc: new Uint16Array(NA * NR) }));
  const TOL = 6 * DEG;
  const cosT = new Float32Array(2 * NA);
  const sinT = new Float32Array(2 * NA);
  for (let f = 0; f < 2; f++) {
    for (let k = 0; k < NA; k++) {
      const phi = families[f]!.center - SPAN + k * STEP;
      cosT[f * NA + k] = Math.cos(phi);
      sinT[f * NA + k] = Math.sin(phi);
    }
  }
  for (let y = 1; y < H - 1; y++) {
    for (let x = 1; x < W - 1; x++) {
      const i = y * W + x;
      if (!isEdge[i]) continue;
      const a = ang[i]!;
      for (let f = 0; f < 2; f++) {
        const center = families[f]!.center;
        // signed angular difference folded to (-π/2, π/2]
        let d = a - center;
        if (d > Math.PI / 2) d -= Math.PI;
        if (d <= -Math.PI / 2) d += Math.PI;
        if (Math.abs(d) > SPAN + TOL) continue;
        const k0 = Math.max(0, Math.ceil((d - TOL + SPAN) / STEP));
        const k1 = Math.min(NA - 1, Math.floor((d + TOL + SPAN) / STEP));
        const acc = families[f]!.acc;
        for (let k = k0; k <= k1; k++) {
          const rho = Math.round(x * cosT[f * NA + k]! + y * sinT[f * NA + k]!) + diag;
          acc[k * NR + rho]!++;
        }
      }
    }
  }
  // peaks per family (non-maximum suppression over ±3° × ±4 px)
  const peaks = families.map((fam, f) => {
    const { acc, center } = fam;
    const minVotes = 0.2 * (f === 0 ? H : W);
    const cands: Line[] = [];
    for (let k = 0; k < NA; k++) {
      for (let r = 0; r < NR; r++) {
        const v = acc[k * NR + r]!;
        if (v < minVotes) continue;
        let isMax = true;
        for (let dk = -6; dk <= 6 && isMax; dk++) {
          const kk = k + dk;
          if (kk < 0 || kk >= NA) continue;
          for (let dr = -4; dr <= 4; dr++) {
            const rr = r + dr;
            if (rr < 0 || rr >= NR || (dk === 0 && dr === 0)) continue;
            const w = acc[kk * NR + rr]!;
            if (w > v || (w === v && (dk < 0 || (dk === 0 && dr < 0)))) {
              isMax = false;
              break;
            }
          }
        }
        if (isMax) cands.push({ phi: center - SPAN + k * STEP, rho: r - diag, votes: v });
      }
    }
    cands.sort((a, b) => b.votes - a.votes);
    return cands.slice(0, 8);
  });
  const [verts, hors] = peaks as [Line[], Line[]];
  if (verts.length < 2 || hors.length < 2) return null;

  const intersect = (l1: Line, l2: Line): [number, number] | null => {
    const a1 = Math.cos(l1.phi);
    const b1 = Math.sin(l1.phi);
    const a2 = Math.cos(l2.phi);
    const b2 = Math.sin(l2.phi);
    const det = a1 * b2 - a2 * b1;
    if (Math.abs(det) < 1e-6) return null;
    return [(l1.rho * b2 - l2.rho * b1) / det, (a1 * l2.rho - a2 * l1.rho) / det];
  };
  // fraction of a segment backed by an edge pixel whose gradient is normal to it
  const support = (p: [number, number], q: [number, number]): number => {
    const len = Math.hypot(q[0] - p[0], q[1] - p[1]);
    const n = Math.max(2, Math.round(len));
    let dir = Math.atan2(q[1] - p[1], q[0] - p[0]) + Math.PI / 2; // normal direction
    dir = ((dir % Math.PI) + Math.PI) % Math.PI;
    let hit = 0;
    let inside = 0;
    for (let s = 0; s <= n; s++) {
      const x = p[0] + ((q[0] - p[0]) * s) / n;
      const y = p[1] + ((q[1] - p[1]) * s) / n;
      const xi = Math.round(x);
      const yi = Math.round(y);
      if (xi < 1 || yi < 1 || xi >= W - 1 || yi >= H - 1) continue;
      inside++;
      let ok = false;
      for (let dy = -1; dy <= 1 && !ok; dy++) {
        for (let dx = -1; dx <= 1 && !ok; dx++) {
          const i = (yi + dy) * W + xi + dx;
          if (!isEdge[i]) continue;
          let d = Math.abs(ang[i]! - dir);
          if (d > Math.PI / 2) d = Math.PI - d;
          if (d < 20 * DEG) ok = true;
        }
      }
      if (ok) hit++;
    }
    return inside < n * 0.5 ? 0 : hit / (n + 1);
  };

  let best: { quad: Quad; score: number } | null = null;
  const margin = 0.03 * Math.max(W, H);
  for (let a = 0; a < verts.length; a++) {
    for (let b = a + 1; b < verts.length; b++) {
      const [L, R] = verts[a]!.rho <= verts[b]!.rho ? [verts[a]!, verts[b]!] : [verts[b]!, verts[a]!];
      if (Math.abs(L.phi - R.phi) > 20 * DEG || R.rho - L.rho < 0.25 * W) continue;
      for (let c = 0; c < hors.length; c++) {
        for (let d = c + 1; d < hors.length; d++) {
          const [T, B] = hors[c]!.rho <= hors[d]!.rho ? [hors[c]!, hors[d]!] : [hors[d]!, hors[c]!];
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
          const sides: number[] = [];
          for (const [p, q] of [
            [tl, tr],
            [tr, br],
            [br, bl],
            [bl, tl],
          ] as const) {
            const sup = support(p, q);
            if (sup < 0.45) break;
            sides.push(sup);
          }
          if (sides.length < 4) continue;
          const minSide = Math.min(...sides);
          const score = sides.reduce((s, v) => s + v, 0) + minSide + 2 * (area / (W * H));
          if (!best || score > best.score) best = { quad, score };
        }
      }
    }
  }
  return best ? best.quad : null;
}

/** Move the corners towards the centre by `frac` of the size (drops the card's edge and shadow). */
function insetQuad(q: Quad, frac: number): Quad {
  const cx = (q[0][0] + q[1][0] + q[2][0] + q[3][0]) / 4;
  const cy = (q[0][1] + q[1][1] + q[2][1] + q[3][1]) / 4;
  return q.map(([x, y]) => [x + (cx - x) * frac, y + (cy - y) * frac]) as Quad;
}

/** Solve the 3×3 homography mapping unit-square-ish dst rect corners → src quad. */
function homography(src: Quad, w: number, h: number): number[] {
  // dst corners (0,0) (w,0) (w,h) (0,h) → src quad; solve 8 unknowns by Gaussian elimination
  const dst: Quad = [
    [0, 0],
    [w, 0],
    [w, h],
    [0, h],
  ];
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

/** Warp the quad of a gray raster to a w×h rectangle (bilinear). */
function warp(src: Raster, quad: Quad, w: number, h: number): Raster {
  const H = homography(quad, w, h);
  const [a, b, c, d, e, f, g, k] = H as [number, number, number, number, number, number, number, number];
  const out = new Uint8Array(w * h);
  const sw = src.width;
  const sh = src.height;
  const sd = src.data;
  for (let y = 0; y < h; y++) {
    let nu = b * y + c;
    let nv = e * y + f;
    let den = k * y + 1;
    const row = y * w;
    for (let x = 0; x < w; x++, nu += a, nv += d, den += g) {
      let u = nu / den;
      let v = nv / den;
      if (u < 0) u = 0;
      else if (u > sw - 1.001) u = sw - 1.001;
      if (v < 0) v = 0;
      else if (v > sh - 1.001) v = sh - 1.001;
      const x0 = u | 0;
      const y0 = v | 0;
      const fx = u - x0;
      const fy = v - y0;
      const i = y0 * sw + x0;
      const p00 = sd[i]!;
      const p10 = sd[i + 1]!;
      const p01 = sd[i + sw]!;
      const top = p00 + (p10 - p00) * fx;
      const bot = p01 + (sd[i + sw + 1]! - p01) * fx;
      out[row + x] = (top + (bot - top) * fy + 0.5) | 0;
    }
  }
  return { data: out, width: w, height: h, channels: 1 };
}

const dist = (p: [number, number], q: [number, number]): number => Math.hypot(p[0] - q[0], p[1] - q[1]);

/**
 * Even out the lighting and fix the polarity: returns dark text on a white-ish page.
 * Background = heavy blur of a max-filtered (text removed) downscale; out = I / bg.
 */
function normalise(gray: Raster): { img: Raster; inverted: boolean } {
  const { width: w, height: h } = gray;
  // polarity: is the card mostly dark? (central 80%, histogram median)
  const hist = new Uint32Array(256);
  let total = 0;
  for (let y = Math.floor(h * 0.1); y < h * 0.9; y += 2) {
    for (let x = Math.floor(w * 0.1); x < w * 0.9; x += 2) {
      hist[gray.data[y * w + x]!]!++;
      total++;
    }
  }
  const median = percentile(hist, total, 0.5);
  const lo = percentile(hist, total, 0.02);
  const hi = percentile(hist, total, 0.98);
  // the text is the minority at the far end: a page whose median sits nearer the dark end
  // than the bright end is a dark card with light text
  const inverted = median - lo < hi - median;
  const src = gray.data;
  const inv = new Uint8Array(src.length);
  if (inverted) for (let i = 0; i < src.length; i++) inv[i] = 255 - src[i]!;
  else inv.set(src);

  // background estimate on a 1/8 image (block means), max filter (removes text), box blur;
  // then out = I / bg with the background upsampled bilinearly on the fly (no extra copies)
  const F = 8;
  const sw = Math.max(2, Math.ceil(w / F));
  const sh = Math.max(2, Math.ceil(h / F));
  const acc = new Uint32Array(sw * sh);
  const cnt = new Uint32Array(sw * sh);
  const colBlock = new Int32Array(w);
  for (let x = 0; x < w; x++) colBlock[x] = (x / F) | 0;
  for (let y = 0; y < h; y++) {
    const rowS = ((y / F) | 0) * sw;
    const rowI = y * w;
    for (let x = 0; x < w; x++) {
      const k = rowS + colBlock[x]!;
      acc[k] = acc[k]! + inv[rowI + x]!;
      cnt[k] = cnt[k]! + 1;
    }
  }
  const sum = new Float32Array(sw * sh);
  for (let k = 0; k < sum.length; k++) sum[k] = acc[k]! / Math.max(1, cnt[k]!);
  const mx = maxFilter(sum, sw, sh, 2);
  const bgS = boxBlur(boxBlur(mx, sw, sh, 2), sw, sh, 2);
  const out = new Uint8Array(w * h);
  const h2 = new Uint32Array(256);
  const colX0 = new Int32Array(w);
  const colAx = new Float32Array(w);
  for (let x = 0; x < w; x++) {
    const fx = Math.min(sw - 1.001, Math.max(0, (x + 0.5) / F - 0.5));
    colX0[x] = fx | 0;
    colAx[x] = fx - (fx | 0);
  }
  const bgRow = new Float32Array(sw);
  for (let y = 0; y < h; y++) {
    const fy = Math.min(sh - 1.001, Math.max(0, (y + 0.5) / F - 0.5));
    const y0 = fy | 0;
    const ay = fy - y0;
    for (let k = 0; k < sw; k++) {
      const bg = bgS[y0 * sw + k]! + (bgS[(y0 + 1) * sw + k]! - bgS[y0 * sw + k]!) * ay;
      bgRow[k] = 255 / Math.max(24, bg);
    }
    const rowI = y * w;
    for (let x = 0; x < w; x++) {
      const x0 = colX0[x]!;
      const b0 = bgRow[x0]!;
      // bgRow holds 255 / background, so this is I · 255 / bg without a division
      const v = inv[rowI + x]! * (b0 + (bgRow[x0 + 1]! - b0) * colAx[x]!);
      const o = v > 255 ? 255 : v | 0;
      out[rowI + x] = o;
      h2[o]!++;
    }
  }
  // stretch: darkest 0.5% → 0, paper (p90) → 255
  const black = percentile(h2, out.length, 0.005);
  const paper = Math.max(black + 32, percentile(h2, out.length, 0.9));
  const scale = 255 / (paper - black);
  const lut = new Uint8Array(256);
  for (let v = 0; v < 256; v++) lut[v] = Math.max(0, Math.min(255, Math.round((v - black) * scale)));
  for (let i = 0; i < out.length; i++) out[i] = lut[out[i]!]!;
  return { img: { data: out, width: w, height: h, channels: 1 }, inverted };
}

/** (2r+1)² max filter on a float image. */
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

/** (2r+1)² box blur (edges clamped) on a float image. */
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

function toPgm(img: Raster): Buffer {
  const header = Buffer.from(`P5\n${img.width} ${img.height}\n255\n`, 'ascii');
  return Buffer.concat([header, Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength)]);
}

async function debugWrite(prefix: string | undefined, tag: string, img: Raster): Promise<void> {
  if (!prefix) return;
  await sharp(Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength), {
    raw: { width: img.width, height: img.height, channels: img.channels as 1 | 3 },
  })
    .png({ compressionLevel: 1 })
    .toFile(`${prefix}-${tag}.png`);
}

/** Default long side of the card in the OCR image. */
export const DEFAULT_TARGET_LONG_SIDE = 1150;

export async function preprocessImage(bytes: Uint8Array, name = 'the file', opts: PreprocessOptions = {}): Promise<PreprocessResult> {
  const { gray, small, format, width: originalWidth, height: originalHeight } = await decode(bytes, name, opts.rotate ?? 0);
  await debugWrite(opts.debugPrefix, '0-gray', gray);
  // find the card on the small colour copy
  const quadSmall = opts.noCrop ? null : findCardQuad(small);
  if (opts.debugPrefix) await debugWrite(opts.debugPrefix, 'small', small);
  const targetLong = opts.targetLongSide ?? DEFAULT_TARGET_LONG_SIDE;
  let card: Raster;
  let corners: Quad | null = null;
  if (quadSmall) {
    const sx = gray.width / small.width;
    const sy = gray.height / small.height;
    corners = insetQuad(quadSmall.map(([x, y]) => [x * sx, y * sy]) as Quad, 0.012);
    const [tl, tr, br, bl] = corners;
    const qw = (dist(tl, tr) + dist(bl, br)) / 2;
    const qh = (dist(tl, bl) + dist(tr, br)) / 2;
    const s = targetLong / Math.max(qw, qh);
    const ow = Math.max(16, Math.round(qw * s));
    const oh = Math.max(16, Math.round(qh * s));
    // warp straight from the working image (scale folded into the homography)
    card = warp(gray, corners, ow, oh);
  } else {
    const s = targetLong / Math.max(gray.width, gray.height);
    card = s < 0.98 || s > 1.02 ? await resizeRaw(gray, Math.round(gray.width * s), Math.round(gray.height * s), 'lanczos3') : gray;
  }
  await debugWrite(opts.debugPrefix, '1-card', card);
  const { img, inverted } = normalise(card);
  await debugWrite(opts.debugPrefix, '2-norm', img);
  return {
    image: toPgm(img),
    width: img.width,
    height: img.height,
    format,
    mime: MIME[format],
    originalWidth,
    originalHeight,
    steps: { cropped: corners !== null, inverted, corners },
  };
}
