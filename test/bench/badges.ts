import sharp from 'sharp';
import { readBadgePhoto } from '../../electron/badge/read-badge-photo';
import { loadLocalZxingWasm } from '../../electron/badge/local-zxing-wasm';
import { BARCODE_DECODE_MAX_SIDE, BARCODE_QUICK_MAX_SIDE, decodeBarcodes } from '../../shared/parsing/barcode-decode';
import { barcodePng } from '../support/barcode-images';
import { median, printFigure, timeMsAsync } from './stats';

const CARET = 'A1029384^Ana^Müller^ana@acme.example^CTO^Acme GmbH^Berlin^BE^10115^+49 30 1234567';
const CODES = [
  ['QRCode', CARET],
  ['PDF417', CARET],
  ['Aztec', CARET],
  ['DataMatrix', CARET],
  ['Code128', 'A1029384'],
  ['Code39', 'REG-2026-004711'],
] as const;
const RUNS = 5;

/** A 12-MP phone photo (4000×3000 JPEG) of a badge: the code, tilted and softened, about a quarter of the width. */
async function twelveMegapixelPhoto(code: Buffer, width: number): Promise<Buffer> {
  const tilted = await sharp(code).resize({ width }).rotate(4, { background: '#f4f4f4' }).blur(1.5).png().toBuffer();
  return sharp({ create: { width: 4000, height: 3000, channels: 3, background: '#cfcfc6' } })
    .composite([{ input: tilted, left: 1500, top: 1100 }])
    .jpeg({ quality: 88 })
    .toBuffer();
}

/** A 1280×720 webcam frame with the code held up, as RGBA the renderer gets from its canvas (scaled like it). */
async function webcamFrame(code: Buffer, width: number): Promise<{ data: Uint8ClampedArray; width: number; height: number }> {
  const held = await sharp(code).resize({ width }).rotate(3, { background: '#f4f4f4' }).png().toBuffer();
  const composed = await sharp({ create: { width: 1280, height: 720, channels: 3, background: '#8a8a80' } })
    .composite([{ input: held, gravity: 'center' }])
    .png()
    .toBuffer();
  const frame = await sharp(composed)
    .resize({ width: BARCODE_QUICK_MAX_SIDE })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data: new Uint8ClampedArray(frame.data.buffer, frame.data.byteOffset, frame.data.length), width: frame.info.width, height: frame.info.height };
}

/**
 * `npm run bench -- badges`: decode time per code from a 12-MP photo (the photo read with
 * sharp, scaled and searched: goal ≤ 150 ms) and from a webcam frame (goal ≤ 50 ms), the
 * median of 5 after a warm-up; a 12-MP photo with no code at all, the slowest case.
 */
export async function runBadgesBench(): Promise<void> {
  loadLocalZxingWasm();
  for (const [format, text] of CODES) {
    const code = await barcodePng(text, format, { scale: 4 });
    // A 1D code runs across the badge; a 2D code is about a quarter of the photo's width.
    const linear = format === 'Code128' || format === 'Code39';
    const photo = await twelveMegapixelPhoto(code, linear ? 1800 : 1000);
    const read = await readBadgePhoto(photo); // warm-up, and the check that it reads at all
    const ok = read?.kind === 'badge' && read.code.text === text;
    const photoMs: number[] = [];
    for (let run = 0; run < RUNS; run++) photoMs.push(await timeMsAsync(() => readBadgePhoto(photo)));
    printFigure(`badge_photo_12mp_${format}_ms`, median(photoMs), ok ? 'ms' : 'ms (NOT READ)');

    const frame = await webcamFrame(code, linear ? 900 : 480);
    const seen = await decodeBarcodes(frame, { quick: true });
    const frameMs: number[] = [];
    for (let run = 0; run < RUNS; run++) frameMs.push(await timeMsAsync(() => decodeBarcodes(frame, { quick: true })));
    printFigure(`badge_webcam_frame_${format}_ms`, median(frameMs), seen.some((found) => found.text === text) ? 'ms' : 'ms (NOT READ)');
  }
  // The part of each photo figure that is sharp's: decoding the 12-MP JPEG and scaling it.
  const photo = await twelveMegapixelPhoto(await barcodePng('x', 'QRCode'), 1000);
  const sharpMs: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    sharpMs.push(await timeMsAsync(() => sharp(photo).rotate().resize({ width: BARCODE_DECODE_MAX_SIDE, height: BARCODE_DECODE_MAX_SIDE, fit: 'inside' }).ensureAlpha().raw().toBuffer()));
  }
  printFigure('badge_photo_12mp_sharp_only_ms', median(sharpMs), 'ms');
  const empty = await sharp({ create: { width: 4000, height: 3000, channels: 3, background: '#cfcfc6' } }).jpeg().toBuffer();
  await readBadgePhoto(empty);
  const emptyMs: number[] = [];
  for (let run = 0; run < RUNS; run++) emptyMs.push(await timeMsAsync(() => readBadgePhoto(empty)));
  printFigure('badge_photo_12mp_no_code_ms', median(emptyMs), 'ms');
}
