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

/** A Node Buffer view of a typed array (no copy). */
export function bufferOf(data: Uint8Array): Buffer {
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
}

/**
 * An 8-bit binary PGM ("P5") whose pixels are written in place: tesseract (leptonica)
 * reads PNM natively, so handing it this costs no encoding, and the header is tiny.
 */
export interface PgmImage {
  /** The whole file: header + pixels. */
  file: Buffer;
  /** The pixel part of `file` (width × height bytes), to be filled by the caller. */
  pixels: Uint8Array;
  width: number;
  height: number;
}

export function allocPgm(width: number, height: number): PgmImage {
  const header = `P5\n${width} ${height}\n255\n`;
  const file = Buffer.allocUnsafe(header.length + width * height);
  file.write(header, 0, 'ascii');
  return { file, pixels: file.subarray(header.length), width, height };
}

/** The pixels of a PGM made by allocPgm (or any P5 file whose pixels fill its tail). */
export function pgmPixels(file: Buffer, width: number, height: number): Uint8Array {
  return file.subarray(file.length - width * height);
}
