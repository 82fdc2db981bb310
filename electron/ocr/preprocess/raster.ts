/** The plain pixel containers the pre-processing steps pass around, and small helpers on them. */

/** Decoded 8-bit image, `channels` interleaved, rows packed (stride = width · channels). */
export interface Raster {
  data: Uint8Array;
  width: number;
  height: number;
  channels: number;
}

/** Smallest value v with at least `p` of the `total` counts at or below it. */
export function percentile(hist: Uint32Array, total: number, p: number): number {
  const target = total * p;
  let acc = 0;
  for (let v = 0; v < 256; v++) {
    acc += hist[v]!;
    if (acc >= target) return v;
  }
  return 255;
}

/** A typed-array view of a Node Buffer (no copy). */
export function bytesOf(buf: Buffer): Uint8Array {
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

/**
 * An 8-bit binary PGM ("P5": "P5\nW H\n255\n" + W·H bytes) — the one shape of the gray image the
 * OCR reads: the pre-processing result, its quarter turns, the crops of later passes. tesseract
 * (leptonica) reads PNM natively, so handing it this costs no encoding.
 */
export interface PgmImage {
  /** The whole file: header + pixels. */
  image: Buffer;
  width: number;
  height: number;
}

/** A PGM being written: `pixels` is the pixel part of `image`, to be filled by the caller. */
export interface WritablePgm extends PgmImage {
  pixels: Uint8Array;
}

/** One 8-bit gray channel, rows packed (a crop before it becomes a PGM again). */
export type GrayRaster = Omit<Raster, 'channels'>;

export function allocPgm(width: number, height: number): WritablePgm {
  const header = `P5\n${width} ${height}\n255\n`;
  const image = Buffer.allocUnsafe(header.length + width * height);
  image.write(header, 0, 'ascii');
  return { image, pixels: image.subarray(header.length), width, height };
}

/** The pixels of a PGM (its tail: the header is before them). */
export function pgmPixels(pgm: PgmImage): Buffer {
  return pgm.image.subarray(pgm.image.length - pgm.width * pgm.height);
}
