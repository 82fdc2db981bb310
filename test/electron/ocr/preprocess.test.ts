import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { findCardQuad, preprocessImage, ScanInputError, sniffFormat } from '../../../electron/ocr/preprocess';

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
