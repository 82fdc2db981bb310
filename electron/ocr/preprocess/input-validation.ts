/**
 * What we accept as input, decided from the file's bytes (never its name), and the
 * ScanInputError every refusal is reported with. Messages name the file and say what to
 * do next: they are shown to the user as they are.
 */

export type ScanInputErrorCode =
  | 'empty_file'
  | 'not_an_image'
  | 'unsupported_format'
  | 'image_too_large'
  | 'unreadable'
  | 'corrupt_image';

/** Why a file could not be scanned; the message says what is wrong and what to do. */
export class ScanInputError extends Error {
  override readonly name = 'ScanInputError';
  constructor(
    readonly code: ScanInputErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Largest picture we decode (150 MP, e.g. 12000×12000); checked from the header, before decoding. */
export const MAX_INPUT_PIXELS = 150_000_000;
/** Longest side we decode, whatever the pixel count (a 40000×100 strip is no card photo). */
const MAX_SIDE = 30_000;

export type ImageFormat = 'jpeg' | 'png' | 'webp' | 'tiff' | 'gif' | 'heif';

export const MIME: Record<ImageFormat, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  tiff: 'image/tiff',
  gif: 'image/gif',
  heif: 'image/heif',
};

function startsWith(b: Uint8Array, sig: readonly number[], at = 0): boolean {
  if (b.length < at + sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (b[at + i] !== sig[i]) return false;
  return true;
}

const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

/** Identify the file from its first bytes; throws ScanInputError for what we cannot read. */
export function sniffFormat(bytes: Uint8Array, name = 'the file'): ImageFormat {
  if (bytes.length === 0) {
    throw new ScanInputError('empty_file', `${name} is empty (0 bytes): take the photo again or pick another file`);
  }
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'webp';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'gif';
  if (startsWith(bytes, ascii('ftyp'), 4)) {
    // ISO media: HEIC/AVIF photos share the container with videos; the brand tells them apart
    const brand = String.fromCharCode(...bytes.subarray(8, 12));
    if (/^(heic|heix|heim|heis|hevc|hevx|mif1|msf1|avif|avis)$/.test(brand)) return 'heif';
    throw new ScanInputError(
      'unsupported_format',
      `${name} looks like a video or other media file (${brand.trim()}), not a photo: pick a JPEG or PNG photo of the card`,
    );
  }
  const what = describeNonImage(bytes);
  if (what) {
    throw new ScanInputError(
      'unsupported_format',
      `${name} is a ${what}, not a photo: save or export the card as a JPEG or PNG image and scan that`,
    );
  }
  throw new ScanInputError(
    'not_an_image',
    `${name} is not an image (its contents are not JPEG, PNG, WebP, TIFF, GIF or HEIC): pick a photo of the card`,
  );
}

/** Name the common non-photo files people pick by mistake, so the message can say what to do. */
function describeNonImage(b: Uint8Array): string | null {
  if (startsWith(b, ascii('%PDF'))) return 'PDF document';
  if (startsWith(b, ascii('BM'))) return 'BMP bitmap (not supported)';
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04])) return 'ZIP archive or Office document';
  const head = new TextDecoder('utf-8', { fatal: false }).decode(b.subarray(0, 256)).trimStart();
  if (/^<(\?xml|svg)/i.test(head) && /<svg/i.test(head)) return 'SVG drawing (not supported)';
  return null;
}

/** A decoder (sharp/libvips) failure as the user should see it: too large, or damaged. */
export function mapDecodeError(err: unknown, name: string): ScanInputError {
  const msg = err instanceof Error ? err.message : String(err);
  if (/pixel limit|exceeds|too large|dimensions/i.test(msg)) {
    return new ScanInputError(
      'image_too_large',
      `${name} is too large to read (${msg}): use a photo under ${MAX_INPUT_PIXELS / 1e6} megapixels`,
    );
  }
  return new ScanInputError(
    'corrupt_image',
    `${name} is damaged or incomplete (${msg.split('\n')[0]}): copy the file again or take a new photo`,
  );
}

/** Refuse a picture whose header says it is bigger than we decode (before any pixel is decoded). */
export function checkDimensions(width: number, height: number, name: string): void {
  if (!width || !height) {
    throw new ScanInputError('corrupt_image', `${name} has no readable picture in it: copy the file again or take a new photo`);
  }
  if (width * height > MAX_INPUT_PIXELS || width > MAX_SIDE || height > MAX_SIDE) {
    throw new ScanInputError(
      'image_too_large',
      `${name} is ${width}×${height} pixels (${Math.round((width * height) / 1e6)} MP), more than the ` +
        `${MAX_INPUT_PIXELS / 1e6} MP LeadBooth reads: resize it or take the photo at a lower resolution`,
    );
  }
}
