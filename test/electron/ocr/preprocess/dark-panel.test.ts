import { describe, expect, it } from 'vitest';
import { imageSource } from '../../../../electron/ocr/preprocess/card-source';
import { extractDarkPanel, turnDarkPanel } from '../../../../electron/ocr/preprocess/dark-panel';
import { rotatePgm } from '../../../../electron/ocr/preprocess/orientation';
import { allocPgm, pgmPixels } from '../../../../electron/ocr/preprocess/raster';

/** A 640×320 light card's pixels; `band` paints x < 192 dark (60) with a light (230) bar of "text" in it. */
function cardPixels(band: boolean, qr = false): Uint8Array {
  const width = 640;
  const height = 320;
  const data = new Uint8Array(width * height).fill(235);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (band && x < 192) data[y * width + x] = y >= 40 && y < 56 && x >= 24 && x < 160 ? 230 : 60;
      // dark text strokes on the paper
      if (x >= 260 && x < 560 && y % 40 < 6 && (x >> 3) % 2 === 0) data[y * width + x] = 30;
      // a QR-like square: half its modules dark
      if (qr && x >= 500 && x < 580 && y >= 220 && y < 300) data[y * width + x] = ((x >> 2) + (y >> 2)) % 2 ? 20 : 235;
    }
  }
  return data;
}

const card = (band: boolean, qr = false) => imageSource({ data: cardPixels(band, qr), width: 640, height: 320, channels: 1 });

describe('a light-on-dark panel of the card', () => {
  it('is cut out inverted: the band white, its text black', () => {
    const panel = extractDarkPanel(card(true), false);
    expect(panel).not.toBeNull();
    expect([panel!.x, panel!.y]).toEqual([0, 0]);
    const px = pgmPixels(panel!.image);
    const at = (x: number, y: number): number => px[(y + panel!.pad) * panel!.image.width + x + panel!.pad]!;
    expect(at(100, 100)).toBeGreaterThan(200); // the band's colour
    expect(at(60, 48)).toBeLessThan(60); // its text
  });

  it('is not found on a card without one, nor in a QR code or text, nor on a card inverted as a whole', () => {
    expect(extractDarkPanel(card(false), false)).toBeNull();
    expect(extractDarkPanel(card(false, true), false)).toBeNull();
    expect(extractDarkPanel(card(true), true)).toBeNull();
  });
});

describe('the panel of a photo read turned', () => {
  it.each([90, 180, 270] as const)('lies where the turned card has it, turned alike (%i°)', (angle) => {
    const panel = extractDarkPanel(card(true), false)!;
    const whole = allocPgm(640, 320);
    whole.pixels.set(cardPixels(true));
    const turnedCard = rotatePgm(whole, angle);
    const cardPx = pgmPixels(turnedCard);
    const turned = turnDarkPanel(panel, angle, 640, 320);
    const panelPx = pgmPixels(turned.image);
    const innerW = turned.image.width - 2 * turned.pad;
    const innerH = turned.image.height - 2 * turned.pad;
    let text = 0;
    let band = 0;
    for (let j = 0; j < innerH; j++) {
      for (let i = 0; i < innerW; i++) {
        const under = cardPx[(turned.y + j) * turnedCard.width + turned.x + i]!;
        const got = panelPx[(j + turned.pad) * turned.image.width + i + turned.pad]!;
        // the band's text (light on the card) is dark in the panel, the band itself light
        if (under === 230) {
          text++;
          expect(got).toBeLessThan(60);
        } else if (under === 60) {
          band++;
          expect(got).toBeGreaterThan(200);
        }
      }
    }
    expect(text).toBe(136 * 16);
    expect(band).toBeGreaterThan(192 * 300);
  });
});

