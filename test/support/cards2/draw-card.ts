/**
 * Draws a second-renderer card (compose-card.ts) and photographs it (test tooling): SVG through
 * sharp (librsvg, fonts from fontconfig), then the damage the card lists — turned sideways or
 * upside down, tilted, keystoned, laid on a table among other papers (with printed text) and
 * sometimes another card, a hard shadow of a phone or hand, a glare spot, motion blur, dim light,
 * shrinking and JPEG.
 */
import sharp, { type OverlayOptions } from 'sharp';
import { seeded, type Rand } from './countries';
import type { Damage, SecondCard } from './compose-card';

const xml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A printed code that looks like a QR code (finder squares, timing, random modules). */
function qrSvg(x: number, y: number, size: number, r: Rand, ink: string): string {
  const n = 29;
  const u = size / n;
  const out = [`<rect x="${x - 2 * u}" y="${y - 2 * u}" width="${size + 4 * u}" height="${size + 4 * u}" fill="#fff"/>`];
  const finder = (i: number, j: number): void => {
    out.push(`<rect x="${x + j * u}" y="${y + i * u}" width="${7 * u}" height="${7 * u}" fill="${ink}"/>`, `<rect x="${x + (j + 1) * u}" y="${y + (i + 1) * u}" width="${5 * u}" height="${5 * u}" fill="#fff"/>`, `<rect x="${x + (j + 2) * u}" y="${y + (i + 2) * u}" width="${3 * u}" height="${3 * u}" fill="${ink}"/>`);
  };
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const reserved = (i < 8 && (j < 8 || j >= n - 8)) || (i >= n - 8 && j < 8);
      const timing = i === 6 || j === 6;
      if (reserved) continue;
      if (timing ? (i + j) % 2 === 0 : r() < 0.48) out.push(`<rect x="${x + j * u}" y="${y + i * u}" width="${u + 0.3}" height="${u + 0.3}" fill="${ink}"/>`);
    }
  }
  finder(0, 0);
  finder(0, n - 7);
  finder(n - 7, 0);
  return out.join('');
}

export function cardSvg2(card: SecondCard): string {
  const [W, H] = card.style.cleanSize;
  const s = card.style;
  const r = seeded(card.seed + card.lines.length * 101 + W);
  const out = [`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}"><rect width="${W}" height="${H}" fill="${s.paper}"/>`];
  if (s.band) out.push(`<rect x="0" y="0" width="${s.band}" height="${H}" fill="${s.accent}"/>`);
  if (s.rule) out.push(`<line x1="${s.rule}" y1="${H * 0.12}" x2="${s.rule}" y2="${H * 0.88}" stroke="${s.accent}" stroke-width="${r() < 0.5 ? 2 : 4}"/>`);
  if (!s.band && r() < 0.3) out.push(`<rect x="0" y="0" width="${W}" height="10" fill="${s.accent}"/>`);
  if (s.qr) out.push(qrSvg(s.qr.x, s.qr.y, s.qr.size, r, '#111'));
  for (const l of card.lines) {
    const [x, y, w, h] = l.bbox;
    const tx = l.anchor === 'start' ? x : l.anchor === 'middle' ? x + w / 2 : x + w;
    const font = l.role === 'name' || l.role === 'company' ? s.nameFont : s.bodyFont;
    const fill = l.colour === 'accent' ? s.accent : l.colour === 'paper' ? s.paper : s.ink;
    const attrs = [`x="${tx}"`, `y="${y + h * 0.8}"`, `font-family="${font}"`, `font-size="${l.size}"`, `fill="${fill}"`, `text-anchor="${l.anchor}"`];
    if (l.bold) attrs.push('font-weight="bold"');
    if (l.italic) attrs.push('font-style="italic"');
    if (s.letterSpacing && l.role !== 'email' && l.role !== 'website') attrs.push(`letter-spacing="${s.letterSpacing}"`);
    out.push(`<text ${attrs.join(' ')}>${xml(l.text)}</text>`);
  }
  out.push('</svg>');
  return out.join('');
}

const SURFACES: Record<string, [string, string]> = { oak: ['#9a6b3f', '#b5834f'], linen: ['#d8d2c4', '#c9c2b2'], laminate: ['#5d6670', '#6c757f'], felt: ['#2f4a3a', '#3b5a47'] };
const PAPER_WORDS = ['Agenda', 'Hall 4', 'Stand B12', 'Workshop 14:30', 'Keynote', 'Coffee', 'Registration', 'Thank you', 'Invoice', 'Total 24,90', 'Notes', 'Lunch 12:00', 'Follow up', 'Wi-Fi: expo2027'];

/** The table: its surface, other paper with printed text, perhaps another card, and a pen. */
function tableSvg(W: number, H: number, d: Extract<Damage, { kind: 'table' }>, r: Rand): string {
  const [a, b] = SURFACES[d.surface]!;
  const out = [`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}"><rect width="${W}" height="${H}" fill="${a}"/>`];
  if (d.surface === 'oak') for (let y = 0; y < H; y += 4 + Math.floor(r() * 14)) out.push(`<rect x="0" y="${y}" width="${W}" height="${1 + Math.floor(r() * 4)}" fill="${b}" opacity="0.5"/>`);
  else for (let i = 0; i < 220; i++) out.push(`<rect x="${r() * W}" y="${r() * H}" width="${2 + r() * 6}" height="${1 + r() * 3}" fill="${b}" opacity="0.6"/>`);
  for (let p = 0; p < d.papers; p++) {
    const x = r() * W * 0.85 - W * 0.1;
    const y = r() * H * 0.85 - H * 0.1;
    const angle = r() * 50 - 25;
    const texts = Array.from({ length: 5 }, (_v, k) => `<text x="${x + 24}" y="${y + 40 + k * 26}" font-family="DejaVu Sans" font-size="18" fill="#444">${xml(PAPER_WORDS[Math.floor(r() * PAPER_WORDS.length)]!)}</text>`);
    out.push(`<g transform="rotate(${angle} ${x} ${y})"><rect x="${x}" y="${y}" width="${W * 0.4}" height="${H * 0.5}" fill="#f8f8f4"/>${texts.join('')}</g>`);
  }
  if (d.otherCard) {
    const x = r() < 0.5 ? -W * 0.05 : W * 0.8;
    const y = r() * H * 0.7;
    out.push(`<g transform="rotate(${r() * 40 - 20} ${x} ${y})"><rect x="${x}" y="${y}" width="${W * 0.28}" height="${H * 0.18}" fill="#fff"/><text x="${x + 16}" y="${y + 34}" font-family="Liberation Serif" font-size="22" fill="#222">Other Card Co.</text><text x="${x + 16}" y="${y + 64}" font-family="Liberation Sans" font-size="15" fill="#333">+1 555 0100</text></g>`);
  }
  out.push(`<rect x="${r() * W * 0.8}" y="${r() * H}" width="${W * 0.25}" height="9" rx="4" fill="#111" transform="rotate(${r() * 180} ${W / 2} ${H / 2})"/></svg>`);
  return out.join('');
}

/** A 1-D box kernel along the blur's direction (sharp.convolve). */
function motionKernel(length: number, direction: 'horizontal' | 'vertical' | 'diagonal'): { width: number; height: number; kernel: number[] } {
  const n = length % 2 ? length : length + 1;
  const kernel = new Array<number>(n * n).fill(0);
  const c = (n - 1) / 2;
  for (let i = 0; i < n; i++) {
    const [row, col] = direction === 'horizontal' ? [c, i] : direction === 'vertical' ? [i, c] : [i, i];
    kernel[row * n + col] = 1;
  }
  return { width: n, height: n, kernel };
}

/** The card as a JPEG: as printed, or photographed with its damage. */
export async function drawCard2(card: SecondCard): Promise<Buffer> {
  const [W, H] = card.style.cleanSize;
  const find = <K extends Damage['kind']>(kind: K): Extract<Damage, { kind: K }> | undefined => card.damage.find((d): d is Extract<Damage, { kind: K }> => d.kind === kind);
  const quality = find('jpeg')?.quality ?? 92;
  const clean = await sharp(Buffer.from(cardSvg2(card))).flatten({ background: '#fff' }).png().toBuffer();
  if (!card.photo) return sharp(clean).jpeg({ quality }).toBuffer();
  const r = seeded(card.seed * 31 + W + H + card.text.length);
  const transparent = { r: 0, g: 0, b: 0, alpha: 0 };
  let cardImg = await sharp(clean).ensureAlpha().png().toBuffer();
  const keystone = find('keystone');
  if (keystone) cardImg = await sharp(cardImg).affine([[1, keystone.amount], [keystone.amount * 0.4, 1 - keystone.amount * 0.2]], { background: transparent }).png().toBuffer();
  const angle = (find('turn')?.degrees ?? 0) + (find('tilt')?.degrees ?? 0);
  if (angle) cardImg = await sharp(cardImg).rotate(angle, { background: transparent }).png().toBuffer();
  const meta = await sharp(cardImg).metadata();
  const cw = meta.width!;
  const ch = meta.height!;
  const TW = Math.round(cw * (1.25 + r() * 0.3));
  const TH = Math.round(ch * (1.25 + r() * 0.3));
  const table = find('table') ?? { kind: 'table', surface: 'linen', papers: 0, otherCard: false };
  const layers: OverlayOptions[] = [{ input: cardImg, left: Math.round((TW - cw) * (0.25 + r() * 0.5)), top: Math.round((TH - ch) * (0.25 + r() * 0.5)) }];
  const shadow = find('hard-shadow');
  if (shadow) {
    // a hard-edged shadow from a corner (a phone or a hand over the card)
    const [x0, y0] = ([[0, 0], [TW, 0], [TW, TH], [0, TH]] as const)[shadow.corner];
    const dx = (shadow.corner === 0 || shadow.corner === 3 ? 1 : -1) * TW * shadow.depth * 1.6;
    const dy = (shadow.corner < 2 ? 1 : -1) * TH * shadow.depth * 1.6;
    layers.push({ input: Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${TW}" height="${TH}"><polygon points="${x0},${y0} ${x0 + dx},${y0} ${x0 + dx * 0.6},${y0 + dy * 0.7} ${x0},${y0 + dy}" fill="#000" opacity="${shadow.opacity}"/></svg>`) });
  }
  const glare = find('glare');
  if (glare) {
    layers.push({ input: Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${TW}" height="${TH}"><defs><radialGradient id="g"><stop offset="0" stop-color="#fff" stop-opacity="${glare.opacity}"/><stop offset="0.55" stop-color="#fff" stop-opacity="${glare.opacity * 0.6}"/><stop offset="1" stop-color="#fff" stop-opacity="0"/></radialGradient></defs><ellipse cx="${glare.cx * TW}" cy="${glare.cy * TH}" rx="${glare.rx * TW}" ry="${glare.ry * TH}" fill="url(#g)"/></svg>`) });
  }
  let photo = await sharp(Buffer.from(tableSvg(TW, TH, table, r))).composite(layers).removeAlpha().png().toBuffer();
  const blur = find('motion-blur');
  if (blur) photo = await sharp(photo).convolve(motionKernel(blur.length, blur.direction)).png().toBuffer();
  const dim = find('dim');
  if (dim) photo = await sharp(photo).linear(dim.factor, 0).png().toBuffer();
  const shrink = find('shrink');
  let out = sharp(photo);
  if (shrink) out = out.resize(Math.round(TW * shrink.factor));
  return out.jpeg({ quality }).toBuffer();
}
