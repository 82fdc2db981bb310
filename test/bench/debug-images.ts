/**
 * Intermediate pre-processing images as PNG files, for looking at what each step did (benchmarks
 * only). They are computed here by calling the pre-processing's own steps, so the shipped
 * pre-processing carries no hook for them.
 */
import sharp from 'sharp';
import { preprocessImage } from '../../electron/ocr/preprocess';
import type { CardSource } from '../../electron/ocr/preprocess/card-source';
import { decodePhoto } from '../../electron/ocr/preprocess/decode';
import { cardIn } from '../../electron/ocr/preprocess/locate-card';
import { pgmPixels, type Raster } from '../../electron/ocr/preprocess/raster';

async function writeImage(prefix: string, stage: string, img: Raster): Promise<void> {
  const data = Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength);
  await sharp(data, { raw: { width: img.width, height: img.height, channels: img.channels as 1 | 3 } })
    .png({ compressionLevel: 1 })
    .toFile(`${prefix}-${stage}.png`);
}

/** All rows of a card source as one image. */
function materialise(source: CardSource): Raster {
  const data = new Uint8Array(source.width * source.height);
  for (let y = 0; y < source.height; y++) data.set(source.row(y), y * source.width);
  return { data, width: source.width, height: source.height, channels: 1 };
}

/**
 * `<prefix>-0-gray.png` (the decoded photo at the working size), `-small.png` (the colour copy the
 * card is looked for in), `-1-card.png` (the card found and warped flat) and `-2-norm.png` (the
 * image tesseract reads).
 */
export async function writePreprocessingImages(prefix: string, bytes: Uint8Array, name: string): Promise<void> {
  const photo = await decodePhoto(bytes, name, 0);
  await writeImage(prefix, '0-gray', photo.gray);
  await writeImage(prefix, 'small', photo.small);
  await writeImage(prefix, '1-card', materialise((await cardIn(photo)).source));
  const pre = await preprocessImage(bytes, name);
  await writeImage(prefix, '2-norm', { data: pgmPixels(pre), width: pre.width, height: pre.height, channels: 1 });
}
