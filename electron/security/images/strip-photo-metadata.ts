import sharp from 'sharp';
import { MAX_INPUT_PIXELS } from '../../ocr/preprocess/input-validation';

export interface StoredPhoto {
  bytes: Uint8Array;
  mime: string;
  width: number;
  height: number;
}

/**
 * The card photo as it is kept as evidence: the pixels, turned upright, and nothing else.
 *
 * A phone photo carries EXIF: GPS position, camera serial numbers, the time it was taken,
 * sometimes a thumbnail of the uncropped picture. None of it is evidence of what the card
 * said, all of it is personal data. The EXIF orientation is applied to the pixels first
 * (once it is gone nothing would say which way is up), then the image is encoded again
 * without any metadata (sharp writes none unless asked). JPEG, PNG and WebP keep their
 * format; TIFF, GIF and HEIF become JPEG, which every window can show.
 */
export async function stripPhotoMetadata(bytes: Uint8Array): Promise<StoredPhoto> {
  const image = sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error', pages: 1 }).autoOrient();
  const { format } = await sharp(bytes, { limitInputPixels: false }).metadata();
  const encoded =
    format === 'png'
      ? { pipeline: image.png({ compressionLevel: 9 }), mime: 'image/png' }
      : format === 'webp'
        ? { pipeline: image.webp({ quality: 92 }), mime: 'image/webp' }
        : // High quality: the photo is evidence, the small loss of one more encoding is acceptable, a blurred card is not.
          { pipeline: image.jpeg({ quality: 92, chromaSubsampling: '4:4:4' }), mime: 'image/jpeg' };
  const { data, info } = await encoded.pipeline.toBuffer({ resolveWithObject: true });
  return { bytes: data, mime: encoded.mime, width: info.width, height: info.height };
}
