/** Intermediate images as PNG files, for looking at what each step did (debugging only). */
import sharp from 'sharp';
import { bufferOf, type Raster } from './raster';

export async function writeDebugImage(prefix: string | undefined, tag: string, img: Raster): Promise<void> {
  if (!prefix) return;
  await sharp(bufferOf(img.data), { raw: { width: img.width, height: img.height, channels: img.channels as 1 | 3 } })
    .png({ compressionLevel: 1 })
    .toFile(`${prefix}-${tag}.png`);
}
