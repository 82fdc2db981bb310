/**
 * The badge code in a photo (main process and CLI): every code zxing finds, and the one to
 * read chosen as shared/parsing/badge-payload.ts says (a contact first; a product's EAN refused).
 */
import sharp from 'sharp';
import { BARCODE_DECODE_MAX_SIDE, decodeBarcodes } from '../../shared/parsing/barcode-decode';
import { chooseBadgeCode, type BadgePhotoCode } from '../../shared/parsing/badge-payload';
import { loadLocalZxingWasm } from './local-zxing-wasm';

/** null when the bytes are not an image sharp can read (a .vcf or a text file). */
export async function readBadgePhoto(bytes: Buffer): Promise<BadgePhotoCode | null> {
  const image = await sharp(bytes, { failOn: 'none' })
    .rotate()
    .resize({ width: BARCODE_DECODE_MAX_SIDE, height: BARCODE_DECODE_MAX_SIDE, fit: 'inside', withoutEnlargement: true })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true })
    .catch(() => null);
  if (!image) return null;
  loadLocalZxingWasm();
  const codes = await decodeBarcodes({
    data: new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length),
    width: image.info.width,
    height: image.info.height,
  });
  return chooseBadgeCode(codes);
}
