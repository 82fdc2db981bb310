/**
 * Draws a generated card (generate-cards.ts) as an image: SVG text through sharp (librsvg with the
 * fonts fontconfig finds: Liberation and DejaVu here), logo marks, icons beside contact lines, a
 * QR-like code, then the photo degradations the card lists (lighting, shadow, glare, perspective,
 * rotation including sideways and upside down, a table with clutter around the card, blur, noise,
 * downscaling, JPEG). Test tooling only.
 */
import sharp, { type OverlayOptions } from 'sharp';
import { rng, type CardLine, type GeneratedCard } from './generate-cards';

const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function icon(kind: NonNullable<CardLine['icon']>, x: number, y: number, size: number, colour: string): string {
  const s = size * 0.9;
  const cx = x + s / 2;
  const cy = y + s / 2;
  switch (kind) {
    case 'pin':
      return `<path d="M${cx},${y + s} L${cx - s * 0.35},${cy} A${s * 0.35},${s * 0.35} 0 1 1 ${cx + s * 0.35},${cy} Z" fill="${colour}"/><circle cx="${cx}" cy="${cy - s * 0.05}" r="${s * 0.12}" fill="#fff"/>`;
    case 'phone':
      return `<rect x="${cx - s * 0.22}" y="${y}" width="${s * 0.44}" height="${s}" rx="${s * 0.08}" fill="${colour}"/>`;
    case 'mail':
      return `<rect x="${x}" y="${y + s * 0.18}" width="${s}" height="${s * 0.64}" fill="${colour}"/><path d="M${x},${y + s * 0.18} L${cx},${cy + s * 0.08} L${x + s},${y + s * 0.18}" stroke="#fff" stroke-width="${s * 0.08}" fill="none"/>`;
    case 'globe':
      return `<circle cx="${cx}" cy="${cy}" r="${s * 0.45}" fill="none" stroke="${colour}" stroke-width="${s * 0.1}"/><ellipse cx="${cx}" cy="${cy}" rx="${s * 0.18}" ry="${s * 0.45}" fill="none" stroke="${colour}" stroke-width="${s * 0.07}"/><line x1="${cx - s * 0.45}" y1="${cy}" x2="${cx + s * 0.45}" y2="${cy}" stroke="${colour}" stroke-width="${s * 0.07}"/>`;
  }
}

/** A QR-like square: three finder patterns and seeded modules (it need not decode; it must look like one). */
function qrCode(x: number, y: number, size: number, seed: number, ink: string): string {
  const n = 25;
  const m = size / n;
  const r = rng(seed);
  const parts: string[] = [];
  const finder = (fx: number, fy: number): void => {
    parts.push(`<rect x="${x + fx * m}" y="${y + fy * m}" width="${7 * m}" height="${7 * m}" fill="${ink}"/>`);
    parts.push(`<rect x="${x + (fx + 1) * m}" y="${y + (fy + 1) * m}" width="${5 * m}" height="${5 * m}" fill="#fff"/>`);
    parts.push(`<rect x="${x + (fx + 2) * m}" y="${y + (fy + 2) * m}" width="${3 * m}" height="${3 * m}" fill="${ink}"/>`);
  };
  parts.push(`<rect x="${x - m}" y="${y - m}" width="${size + 2 * m}" height="${size + 2 * m}" fill="#fff"/>`);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const inFinder = (i < 8 && j < 8) || (i < 8 && j >= n - 8) || (i >= n - 8 && j < 8);
      if (!inFinder && r() < 0.5) parts.push(`<rect x="${x + j * m}" y="${y + i * m}" width="${m}" height="${m}" fill="${ink}"/>`);
    }
  }
  finder(0, 0);
  finder(n - 7, 0);
  finder(0, n - 7);
  return parts.join('');
}

/** The clean card as SVG. */
function cardSvg(card: GeneratedCard): string {
  const [W, H] = card.style.cleanSize;
  const { ink, paper, accent, font, headFont } = card.style;
  const out: string[] = [`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">`, `<rect width="${W}" height="${H}" fill="${paper}"/>`];
  const r = rng(card.seed * 31 + Number(card.file.replace(/\D/g, '')));
  if (r() < 0.4) out.push(`<rect x="0" y="${H - 14}" width="${W}" height="14" fill="${accent}"/>`);
  const company = card.lines.find((l) => l.role === 'company');
  if (card.style.logo !== 'none' && company) {
    const initials = company.text.split(/\s+/).slice(0, 2).map((w) => w.charAt(0).toUpperCase()).join('');
    const s = Math.round(company.size * 1.8);
    const x = company.anchor === 'end' ? 40 : W - s - 40;
    const y = 36;
    out.push(card.style.logo === 'circle' ? `<circle cx="${x + s / 2}" cy="${y + s / 2}" r="${s / 2}" fill="${accent}"/>` : `<rect x="${x}" y="${y}" width="${s}" height="${s}" rx="${s * 0.12}" fill="${accent}"/>`);
    out.push(`<text x="${x + s / 2}" y="${y + s * 0.66}" font-family="${headFont}" font-weight="bold" font-size="${s * 0.45}" fill="#fff" text-anchor="middle">${escapeXml(initials)}</text>`);
  }
  if (card.style.qr) out.push(qrCode(W - 170, H - 180, 120, card.seed + H, ink));
  for (const l of card.lines) {
    const [x, y, w, h] = l.bbox;
    const tx = l.anchor === 'start' ? x : l.anchor === 'middle' ? x + w / 2 : x + w;
    const family = l.role === 'name' || l.role === 'company' ? headFont : font;
    const colour = l.role === 'company' && r() < 0.5 ? accent : ink;
    out.push(`<text x="${tx}" y="${y + h * 0.78}" font-family="${family}" font-size="${l.size}" ${l.bold ? 'font-weight="bold"' : ''} fill="${colour}" text-anchor="${l.anchor}">${escapeXml(l.text)}</text>`);
    if (l.icon) out.push(icon(l.icon, (l.anchor === 'start' ? x : tx - (l.anchor === 'middle' ? w / 2 : w)) - 30, y + h * 0.1, l.size, accent));
  }
  out.push('</svg>');
  return out.join('');
}

function backgroundSvg(W: number, H: number, kind: string, seed: number): string {
  const r = rng(seed);
  const colours: Record<string, [string, string]> = { wood: ['#8b5a2b', '#a0693a'], slate: ['#3b4148', '#4a5058'], desk: ['#c9c6bf', '#d6d3cc'], paper: ['#e9e6df', '#f4f2ec'] };
  const [a, b] = colours[kind] ?? ['#888', '#999'];
  const parts = [`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}">`, `<rect width="${W}" height="${H}" fill="${a}"/>`];
  if (kind === 'wood') for (let y = 0; y < H; y += 6 + Math.floor(r() * 18)) parts.push(`<rect x="0" y="${y}" width="${W}" height="${2 + Math.floor(r() * 5)}" fill="${b}" opacity="0.6"/>`);
  else for (let i = 0; i < 300; i++) parts.push(`<circle cx="${r() * W}" cy="${r() * H}" r="${1 + r() * 3}" fill="${b}" opacity="0.5"/>`);
  // clutter: other paper, a pen, printed text on a sheet under the card
  for (let i = 0; i < 2; i++) {
    const x = r() * W * 0.8;
    const y = r() * H * 0.8;
    parts.push(`<rect x="${x}" y="${y}" width="${W * 0.35}" height="${H * 0.4}" fill="#fbfbf8" transform="rotate(${r() * 30 - 15} ${x} ${y})"/>`);
    for (let k = 0; k < 6; k++) parts.push(`<rect x="${x + 20}" y="${y + 20 + k * 18}" width="${W * (0.1 + r() * 0.2)}" height="6" fill="#999"/>`);
  }
  parts.push(`<rect x="${r() * W}" y="${r() * H}" width="${W * 0.3}" height="10" rx="5" fill="#1a3a8a" transform="rotate(${r() * 180} ${W / 2} ${H / 2})"/>`);
  parts.push('</svg>');
  return parts.join('');
}

/** The card as a JPEG: clean, or photographed as its degradations say. */
export async function renderCard(card: GeneratedCard): Promise<Buffer> {
  const [W, H] = card.style.cleanSize;
  const overlays: OverlayOptions[] = [];
  let degrees = 0;
  let skew = 0;
  let blur = 0;
  let noise = 0;
  let downscale = 1;
  let quality = 92;
  let background: string | null = null;
  for (const d of card.degradations) {
    switch (d.type) {
      case 'glare':
        overlays.push({
          input: Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}"><defs><radialGradient id="g"><stop offset="0" stop-color="#fff" stop-opacity="${d.strength * 2.5}"/><stop offset="1" stop-color="#fff" stop-opacity="0"/></radialGradient></defs><circle cx="${d.x * W}" cy="${d.y * H}" r="${d.radius * W}" fill="url(#g)"/></svg>`),
        });
        break;
      case 'shadow': {
        const [x1, y1, x2, y2] = { left: [0, 0, 1, 0], right: [1, 0, 0, 0], top: [0, 0, 0, 1], bottom: [0, 1, 0, 0] }[d.side];
        overlays.push({
          input: Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}"><defs><linearGradient id="s" x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}"><stop offset="0" stop-color="#000" stop-opacity="${d.strength}"/><stop offset="0.6" stop-color="#000" stop-opacity="0"/></linearGradient></defs><rect width="${W}" height="${H}" fill="url(#s)"/></svg>`),
        });
        break;
      }
      case 'rotate':
        degrees = d.degrees;
        break;
      case 'perspective':
        skew = d.skew;
        break;
      case 'blur':
        blur = d.sigma;
        break;
      case 'noise':
        noise = d.amount;
        break;
      case 'downscale':
        downscale = d.factor;
        break;
      case 'jpeg':
        quality = d.quality;
        break;
      case 'clutter':
        background = d.background;
        break;
    }
  }
  let img = sharp(Buffer.from(cardSvg(card))).flatten({ background: '#ffffff' });
  if (overlays.length) img = sharp(await img.composite(overlays).png().toBuffer());
  if (!card.photo) return img.jpeg({ quality }).toBuffer();
  const bg = { r: 0, g: 0, b: 0, alpha: 0 };
  let buf = await img.ensureAlpha().png().toBuffer();
  if (skew) buf = await sharp(buf).affine([[1, skew], [skew * 0.5, 1]], { background: bg }).png().toBuffer();
  if (degrees) buf = await sharp(buf).rotate(degrees, { background: bg }).png().toBuffer();
  const meta = await sharp(buf).metadata();
  const cw = meta.width ?? W;
  const ch = meta.height ?? H;
  const BW = Math.round(cw * 1.3);
  const BH = Math.round(ch * 1.3);
  const r = rng(card.seed * 17 + Number(card.file.replace(/\D/g, '')));
  let photo = sharp(Buffer.from(backgroundSvg(BW, BH, background ?? 'desk', card.seed + cw))).composite([
    { input: buf, left: Math.round((BW - cw) * (0.3 + r() * 0.4)), top: Math.round((BH - ch) * (0.3 + r() * 0.4)) },
  ]);
  let raw = await photo.removeAlpha().raw().toBuffer({ resolveWithObject: true });
  if (noise > 0) {
    const data = raw.data;
    for (let i = 0; i < data.length; i++) data[i] = Math.max(0, Math.min(255, (data[i] ?? 0) + (r() + r() + r() - 1.5) * noise));
  }
  photo = sharp(raw.data, { raw: { width: raw.info.width, height: raw.info.height, channels: raw.info.channels } });
  if (blur >= 0.3) photo = photo.blur(blur);
  if (downscale < 1) photo = photo.resize(Math.round(raw.info.width * downscale));
  raw = { data: Buffer.alloc(0), info: raw.info };
  return photo.jpeg({ quality }).toBuffer();
}
