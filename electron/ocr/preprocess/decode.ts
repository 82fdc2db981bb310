/**
 * Decoding with sharp (libvips): header check first, then the pixels, EXIF orientation
 * applied, shrunk on load to the sizes the later steps need. Every decoder failure
 * becomes a ScanInputError.
 */
import sharp, { type Metadata, type OutputInfo, type Sharp } from 'sharp';
import { checkDimensions, mapDecodeError, MAX_INPUT_PIXELS, sniffFormat, type ImageFormat } from './input-validation';
import { bytesOf, type Raster } from './raster';

/** Long side of the decoded working image (card detection + warp source). */
const WORK_LONG_SIDE = 1800;
/** Long side of the image used to find the card. */
const DETECT_LONG_SIDE = 360;

export type QuarterTurn = 0 | 90 | 180 | 270;

export interface DecodedPhoto {
  /** Gray working image (long side ≤ WORK_LONG_SIDE): what the card is cut from. */
  gray: Raster;
  /** Small colour copy (long side ≤ DETECT_LONG_SIDE, 3 channels): where the card is found. */
  small: Raster;
  format: ImageFormat;
  /** Size as stored in the file (before EXIF rotation). */
  width: number;
  height: number;
}

const toRaster = (r: { data: Buffer; info: OutputInfo }): Raster => ({
  data: bytesOf(r.data),
  width: r.info.width,
  height: r.info.height,
  channels: r.info.channels,
});

/**
 * Validate and decode. Throws ScanInputError for anything we cannot read: the format is
 * sniffed from the bytes, the size is checked from the header before decoding (so a
 * 12000×9000 photo costs no decode), and libvips errors (truncated, damaged) are mapped.
 */
export async function decodePhoto(bytes: Uint8Array, name: string, rotate: QuarterTurn): Promise<DecodedPhoto> {
  const format = sniffFormat(bytes, name);
  const input = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let meta: Metadata;
  try {
    meta = await sharp(input, { limitInputPixels: false }).metadata();
  } catch (err) {
    throw mapDecodeError(err, name);
  }
  const width = meta.width ?? 0;
  const height = meta.height ?? 0;
  checkDimensions(width, height, name);
  try {
    // two pipelines in parallel (libvips threads): the gray working image, and the small
    // colour copy (JPEG shrink-on-load makes that one cheap). Measured: converting the
    // colour image to gray in JS instead costs more than libvips' own conversion here.
    const base = (): Sharp => {
      const img = sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, sequentialRead: true, failOn: 'error', pages: 1 }).autoOrient();
      return rotate ? img.rotate(rotate) : img;
    };
    const [g, c] = await Promise.all([
      base()
        .resize({ width: WORK_LONG_SIDE, height: WORK_LONG_SIDE, fit: 'inside', withoutEnlargement: true })
        .grayscale()
        .raw()
        .toBuffer({ resolveWithObject: true }),
      base()
        .resize({ width: DETECT_LONG_SIDE, height: DETECT_LONG_SIDE, fit: 'inside', withoutEnlargement: true, kernel: 'lanczos3' })
        .removeAlpha()
        .toColourspace('srgb')
        .raw()
        .toBuffer({ resolveWithObject: true }),
    ]);
    return { gray: toRaster(g), small: toRaster(c), format, width, height };
  } catch (err) {
    throw mapDecodeError(err, name);
  }
}

/** Resize a gray raster (lanczos3: keeps glyph edges sharp when scaling the whole photo). */
export async function resizeGray(src: Raster, width: number, height: number): Promise<Raster> {
  const { data, info } = await sharp(Buffer.from(src.data.buffer, src.data.byteOffset, src.data.byteLength), {
    raw: { width: src.width, height: src.height, channels: 1 },
  })
    .resize(width, height, { fit: 'fill', kernel: 'lanczos3' })
    .toColourspace('b-w')
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data: bytesOf(data), width: info.width, height: info.height, channels: info.channels };
}

