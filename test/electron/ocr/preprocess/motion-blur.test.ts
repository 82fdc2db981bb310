import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { Quad } from '../../../../electron/ocr/preprocess/card-detection';
import { measureMotionBlur, removeMotionBlur } from '../../../../electron/ocr/preprocess/motion-blur';

const TABLE = { width: 1300, height: 800 };
const CARD: Quad = [[150, 120], [1150, 120], [1150, 700], [150, 700]];

/** A card of real text (several sizes, as on a business card) lying on a plain table, as gray pixels. */
async function cardPhoto(): Promise<Buffer> {
  const lines = [
    [60, 'Tessa Hartmann'], [36, 'Head of Procurement'], [28, 'Nordlicht Maschinenbau GmbH'],
    [24, 'tessa.hartmann@nordlicht.example'], [24, '+49 30 901820 44'], [24, 'www.nordlicht.example'],
    [22, 'Friedrichstraße 123, 10117 Berlin'],
  ] as const;
  let y = 190;
  const text = lines.map(([size, words]) => {
    y += size * 1.45;
    return `<text x="210" y="${y}" font-family="DejaVu Sans" font-size="${size}" fill="#1a1a1a">${words}</text>`;
  });
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${TABLE.width}" height="${TABLE.height}">
    <rect width="100%" height="100%" fill="#6f6a64"/><rect x="150" y="120" width="1000" height="580" fill="#f6f4ef"/>${text.join('')}</svg>`;
  return sharp(Buffer.from(svg)).grayscale().png().toBuffer();
}

/** A straight smear of `taps` pixels, horizontal or diagonal (down and right), as a hand moving while the shutter is open. */
function smear(taps: number, direction: 'horizontal' | 'diagonal'): { width: number; height: number; kernel: number[] } {
  const kernel = new Array<number>(taps * taps).fill(0);
  const centre = (taps - 1) / 2;
  for (let i = 0; i < taps; i++) kernel[(direction === 'horizontal' ? centre : i) * taps + i] = 1;
  return { width: taps, height: taps, kernel };
}

async function grayPixels(image: Buffer): Promise<Uint8Array> {
  const { data } = await sharp(image).grayscale().raw().toBuffer({ resolveWithObject: true });
  return new Uint8Array(data);
}

/** Mean absolute difference inside the card. */
function difference(a: Uint8Array, b: Uint8Array): number {
  let sum = 0;
  let count = 0;
  for (let y = 130; y < 690; y++) {
    for (let x = 160; x < 1140; x++) {
      sum += Math.abs(a[y * TABLE.width + x]! - b[y * TABLE.width + x]!);
      count++;
    }
  }
  return sum / count;
}

describe('motion blur', () => {
  it('measures a horizontal smear along its direction and length, and undoing it brings the card closer to the sharp one', async () => {
    const sharpCard = await cardPhoto();
    const blurred = await grayPixels(await sharp(sharpCard).convolve(smear(7, 'horizontal')).jpeg({ quality: 90 }).toBuffer());
    const found = measureMotionBlur(blurred, TABLE.width, TABLE.height, CARD)!;
    expect(Math.abs(found.dy)).toBeLessThan(1.5);
    expect(Math.abs(Math.hypot(found.dx, found.dy) - 7)).toBeLessThanOrEqual(1);
    const original = await grayPixels(sharpCard);
    const before = difference(blurred, original);
    expect(removeMotionBlur(blurred, TABLE.width, TABLE.height, CARD)).not.toBeNull();
    expect(difference(blurred, original)).toBeLessThan(before * 0.8);
  });

  it('measures a diagonal smear as diagonal', async () => {
    const blurred = await grayPixels(await sharp(await cardPhoto()).convolve(smear(5, 'diagonal')).jpeg({ quality: 90 }).toBuffer());
    const found = measureMotionBlur(blurred, TABLE.width, TABLE.height, CARD)!;
    const degrees = (Math.atan2(found.dy, found.dx) * 180) / Math.PI;
    expect(Math.abs(degrees - 45)).toBeLessThan(12);
    expect(removeMotionBlur(blurred, TABLE.width, TABLE.height, CARD)).not.toBeNull();
  });

  it('leaves a sharp photo and a photo out of focus (no smear) as they are', async () => {
    for (const image of [await sharp(await cardPhoto()).jpeg({ quality: 90 }).toBuffer(), await sharp(await cardPhoto()).blur(1.5).jpeg({ quality: 90 }).toBuffer()]) {
      const pixels = await grayPixels(image);
      const copy = Uint8Array.from(pixels);
      expect(removeMotionBlur(pixels, TABLE.width, TABLE.height, CARD)).toBeNull();
      expect(Buffer.from(pixels).equals(Buffer.from(copy))).toBe(true);
    }
  });
});
