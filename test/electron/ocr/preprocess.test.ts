import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { preprocessImage, rotatePgm, ScanInputError } from '../../../electron/ocr/preprocess';
import { findCardQuad } from '../../../electron/ocr/preprocess/card-detection';
import { sniffFormat } from '../../../electron/ocr/preprocess/input-validation';

/** A white "card" with dark text bars, rotated on a wood-brown table. */
async function syntheticPhoto(angle: number): Promise<Buffer> {
  const bars = Array.from({ length: 6 }, (_, i) => ({
    input: { create: { width: 300 + 40 * (i % 3), height: 18, channels: 3 as const, background: '#222222' } },
    top: 60 + i * 60,
    left: 80,
  }));
  const card = await sharp({ create: { width: 1050, height: 600, channels: 3, background: '#f4f1ea' } })
    .composite(bars)
    .png()
    .toBuffer();
  const turned = await sharp(card).rotate(angle, { background: '#7a5230' }).png().toBuffer();
  const meta = await sharp(turned).metadata();
  return sharp({ create: { width: meta.width! + 300, height: meta.height! + 260, channels: 3, background: '#7a5230' } })
    .composite([{ input: turned, top: 130, left: 150 }])
    .jpeg({ quality: 85 })
    .toBuffer();
}

/**
 * A divided card: a left column, a dark rule from top to bottom, a right column; its right edge
 * half lies on a sheet of paper of nearly its own colour, so that edge is only partly seen.
 */
async function dividedCardPhoto(): Promise<Buffer> {
  const bar = (left: number, top: number, width: number) => ({
    input: { create: { width, height: 18, channels: 3 as const, background: '#222222' } },
    top,
    left,
  });
  const card = await sharp({ create: { width: 1050, height: 600, channels: 3, background: '#f4f1ea' } })
    .composite([
      bar(70, 200, 300),
      bar(70, 260, 250),
      bar(70, 320, 280),
      ...[0, 1, 2, 3, 4].map((i) => bar(540, 150 + i * 60, 300 + 30 * (i % 2))),
      { input: { create: { width: 4, height: 600, channels: 3, background: '#2d4e9b' } }, top: 0, left: 470 },
    ])
    .png()
    .toBuffer();
  return sharp({ create: { width: 1350, height: 860, channels: 3, background: '#7a5230' } })
    .composite([
      { input: { create: { width: 400, height: 400, channels: 3, background: '#f2efe8' } }, top: 420, left: 1000 },
      { input: card, top: 130, left: 150 },
    ])
    .jpeg({ quality: 85 })
    .toBuffer();
}

describe('sniffFormat', () => {
  it('knows images by their bytes, not their names', () => {
    expect(sniffFormat(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpeg');
    expect(sniffFormat(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe('png');
    expect(sniffFormat(new TextEncoder().encode('RIFF\0\0\0\0WEBPVP8 '))).toBe('webp');
    expect(sniffFormat(new TextEncoder().encode('\0\0\0\x18ftypheic'))).toBe('heif');
  });

  it.each([
    ['', 'empty_file'],
    ['%PDF-1.7', 'unsupported_format'],
    ['<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>', 'unsupported_format'],
    ['BM6\0\0\0', 'unsupported_format'],
    ['hello, this is text', 'not_an_image'],
  ])('%j → %s', (content, code) => {
    let err: unknown;
    try {
      sniffFormat(new TextEncoder().encode(content), 'x.jpg');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ScanInputError);
    expect((err as ScanInputError).code).toBe(code);
    expect((err as ScanInputError).message).toMatch(/^x\.jpg /);
  });
});

describe('card detection and straightening', () => {
  it.each([-6, 0, 4])('finds a card rotated by %i° on a table and straightens it', async (angle) => {
    const photo = await syntheticPhoto(angle);
    const { data, info } = await sharp(photo).resize(360, 360, { fit: 'inside' }).raw().toBuffer({ resolveWithObject: true });
    const quad = findCardQuad({ data, width: info.width, height: info.height, channels: info.channels });
    expect(quad).not.toBeNull();
    const [tl, tr] = quad!;
    const skew = (Math.atan2(tr[1] - tl[1], tr[0] - tl[0]) * 180) / Math.PI;
    // sharp turns clockwise for positive angles (y points down): the top edge slopes the same way
    expect(Math.abs(skew - angle)).toBeLessThan(1.5);
    const pre = await preprocessImage(photo, 'synthetic.jpg');
    expect(pre.steps.cropped).toBe(true);
    expect(pre.width / pre.height).toBeGreaterThan(1.6);
    expect(pre.width / pre.height).toBeLessThan(1.9);
    expect(pre.image.subarray(0, 2).toString('latin1')).toBe('P5');
  });

  it('takes the whole card, not the part beside a rule printed across it', async () => {
    const photo = await dividedCardPhoto();
    const { data, info } = await sharp(photo).resize(360, 360, { fit: 'inside' }).raw().toBuffer({ resolveWithObject: true });
    const quad = findCardQuad({ data, width: info.width, height: info.height, channels: info.channels });
    expect(quad).not.toBeNull();
    const [tl, tr, , bl] = quad!;
    const aspect = Math.hypot(tr[0] - tl[0], tr[1] - tl[1]) / Math.hypot(bl[0] - tl[0], bl[1] - tl[1]);
    expect(aspect).toBeGreaterThan(1.6);
    expect(aspect).toBeLessThan(1.9);
  });

  it('finds a card whose one side lies on a sheet of its own colour, and keeps all of the card', async () => {
    const bars = [0, 1, 2, 3, 4].map((i) => ({
      input: { create: { width: 320 + 60 * (i % 3), height: 18, channels: 3 as const, background: '#222222' } },
      top: 140 + i * 70,
      left: 560,
    }));
    const card = await sharp({ create: { width: 1050, height: 600, channels: 3, background: '#f4f1ea' } }).composite(bars).png().toBuffer();
    // the card's whole right side (x = 1200) lies on a sheet of the same paper
    const photo = await sharp({ create: { width: 1500, height: 860, channels: 3, background: '#7a5230' } })
      .composite([
        { input: { create: { width: 400, height: 860, channels: 3, background: '#f4f1ea' } }, top: 0, left: 1100 },
        { input: card, top: 130, left: 150 },
      ])
      .jpeg({ quality: 85 })
      .toBuffer();
    const { data, info } = await sharp(photo).resize(360, 360, { fit: 'inside' }).raw().toBuffer({ resolveWithObject: true });
    const quad = findCardQuad({ data, width: info.width, height: info.height, channels: info.channels });
    expect(quad).not.toBeNull();
    const scale = info.width / 1500;
    const xs = quad!.map(([x]) => x / scale);
    const ys = quad!.map(([, y]) => y / scale);
    // the left, top and bottom sides where they are; the right one at or beyond the card's (its text is never cut off)
    expect(Math.min(...xs)).toBeCloseTo(150, -1.5);
    expect(Math.min(...ys)).toBeCloseTo(130, -1.5);
    expect(Math.max(...ys)).toBeCloseTo(730, -1.5);
    expect(Math.max(...xs)).toBeGreaterThan(1190);
    expect(Math.max(...xs)).toBeLessThan(1300);
  });

  it('leaves a photo that is only the card uncropped, and inverts light-on-dark cards', async () => {
    const dark = await sharp({ create: { width: 1050, height: 600, channels: 3, background: '#1b2a41' } })
      .composite([{ input: { create: { width: 400, height: 30, channels: 3, background: '#e8e2d0' } }, top: 100, left: 100 }])
      .png()
      .toBuffer();
    const pre = await preprocessImage(dark, 'dark.png');
    expect(pre.steps.cropped).toBe(false);
    expect(pre.steps.inverted).toBe(true);
    expect(pre.mime).toBe('image/png');
  });
});

describe('rotatePgm', () => {
  it.each([90, 180, 270] as const)('turns the OCR image by %i° like sharp does', async (angle) => {
    const w = 7;
    const h = 4;
    const pixels = Uint8Array.from({ length: w * h }, (_, i) => (i * 37) % 256);
    const pgm = Buffer.concat([Buffer.from(`P5\n${w} ${h}\n255\n`, 'ascii'), Buffer.from(pixels)]);
    const turned = rotatePgm({ image: pgm, width: w, height: h }, angle);
    const expected = await sharp(Buffer.from(pixels), { raw: { width: w, height: h, channels: 1 } })
      .rotate(angle)
      .toColourspace('b-w')
      .raw()
      .toBuffer({ resolveWithObject: true });
    expect([turned.width, turned.height]).toEqual([expected.info.width, expected.info.height]);
    expect(turned.image.subarray(0, 2).toString('latin1')).toBe('P5');
    expect([...turned.image.subarray(turned.image.length - w * h)]).toEqual([...expected.data]);
  });
});

describe('lighting', () => {
  it('evens out a shadow across the card: paper comes out white on both sides, text dark', async () => {
    // paper darkening from 235 on the left to 90 on the right, dark text bars on both halves
    const w = 1050;
    const h = 600;
    const px = new Uint8Array(w * h);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const paper = 235 - (145 * x) / w;
        const ink = y % 100 >= 40 && y % 100 < 58 && (x % 500) >= 60 && (x % 500) < 420;
        px[y * w + x] = Math.round(ink ? paper * 0.25 : paper);
      }
    }
    const png = await sharp(Buffer.from(px), { raw: { width: w, height: h, channels: 1 } }).png().toBuffer();
    const pre = await preprocessImage(png, 'shadow.png');
    expect(pre.steps.inverted).toBe(false);
    const out = pre.image.subarray(pre.image.length - pre.width * pre.height);
    const at = (fx: number, fy: number): number => out[Math.round(fy * (pre.height - 1)) * pre.width + Math.round(fx * (pre.width - 1))]!;
    // paper between the bars (y = 80 of every 100), left and right
    expect(at(0.1, 80 / h)).toBeGreaterThan(200);
    expect(at(0.9, 80 / h)).toBeGreaterThan(200);
    // ink (y = 50 of every 100), left and right
    expect(at(0.2, 0.25)).toBeLessThan(90);
    expect(at(0.7, 0.25)).toBeLessThan(90);
  });
});
