/** Intermediate pre-processing images as PNG files, for looking at what each step did (benchmarks only). */
import sharp from 'sharp';
import type { Raster } from '../../electron/ocr/preprocess/raster';

export async function writeDebugImage(prefix: string, stage: string, img: Raster): Promise<void> {
  const data = Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength);
  await sharp(data, { raw: { width: img.width, height: img.height, channels: img.channels as 1 | 3 } })
    .png({ compressionLevel: 1 })
    .toFile(`${prefix}-${stage}.png`);
}
