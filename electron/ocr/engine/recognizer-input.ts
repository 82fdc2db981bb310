/**
 * A line crop as the recognizer's network takes it (PaddleOCR's resize_norm_img): scaled to
 * LINE_HEIGHT, its width by aspect × WIDTH_STRETCH, written into a float32 N×3×H×W batch tensor,
 * each channel (v / 255 − 0.5) / 0.5, padded on the right with zeros.
 */
import type { GrayRaster } from '../preprocess/raster';

/** The height the network reads (PP-OCRv3/v4 recognition models). */
export const LINE_HEIGHT = 48;
/** Widest line fed at once (px at LINE_HEIGHT): ~40 characters; a longer crop is squeezed. */
const MAX_LINE_WIDTH = 1280;
/**
 * How much wider than its aspect a crop is fed. The network emits one step per 8 px of width, and
 * a doubled or narrow letter needs steps of its own ("ff" needs f, blank, f): at the aspect alone
 * the small contact lines lost them ("ofice", "granitefll", "whifield").
 */
const WIDTH_STRETCH = 1.5;

/** The crop at LINE_HEIGHT, its width by aspect × WIDTH_STRETCH (bilinear), at most MAX_LINE_WIDTH. */
export function scaledWidth(line: Pick<GrayRaster, 'width' | 'height'>): number {
  return Math.max(1, Math.min(MAX_LINE_WIDTH, Math.ceil((WIDTH_STRETCH * LINE_HEIGHT * line.width) / Math.max(1, line.height))));
}

/**
 * Write `line` scaled to LINE_HEIGHT × `width` into the batch tensor at image `n` (all three
 * channels alike: the crops are gray), normalised as PaddleOCR does; columns past `width` stay 0.
 */
export function writeLine(tensor: Float32Array, n: number, batchWidth: number, line: GrayRaster, width: number): void {
  const plane = LINE_HEIGHT * batchWidth;
  const base = n * 3 * plane;
  const sx = line.width / width;
  const sy = line.height / LINE_HEIGHT;
  for (let y = 0; y < LINE_HEIGHT; y++) {
    const fy = Math.max(0, Math.min(line.height - 1, (y + 0.5) * sy - 0.5));
    const y0 = Math.floor(fy);
    const y1 = Math.min(line.height - 1, y0 + 1);
    const wy = fy - y0;
    for (let x = 0; x < width; x++) {
      const fx = Math.max(0, Math.min(line.width - 1, (x + 0.5) * sx - 0.5));
      const x0 = Math.floor(fx);
      const x1 = Math.min(line.width - 1, x0 + 1);
      const wx = fx - x0;
      const top = line.data[y0 * line.width + x0]! * (1 - wx) + line.data[y0 * line.width + x1]! * wx;
      const bottom = line.data[y1 * line.width + x0]! * (1 - wx) + line.data[y1 * line.width + x1]! * wx;
      const v = (top * (1 - wy) + bottom * wy) / 127.5 - 1;
      const at = y * batchWidth + x;
      tensor[base + at] = v;
      tensor[base + plane + at] = v;
      tensor[base + 2 * plane + at] = v;
    }
  }
}
