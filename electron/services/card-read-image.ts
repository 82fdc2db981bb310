import sharp from 'sharp';
import type { CardReadImage } from '../../shared/ipc/contract';
import { AppError } from '../../shared/ipc/errors';
import type { OcrPage } from '../../shared/parsing/ocr-types';
import { findCardScan } from '../db/repositories/card-scans';
import { preprocessImage } from '../ocr/preprocess';
import { SCAN_GONE_MESSAGE } from './card-scan-service';
import type { ServiceContext } from './service-context';

/**
 * The card as the scanner read it — found on the table, straightened, evened out — so the
 * review screen can outline where each field was read: the boxes in the scan result are in
 * this image's pixels, not the photo's. Made again from the stored photo when asked (the
 * pre-processing is deterministic, ~100 ms), rather than stored with every scan.
 * `matchesBoxes` is false when the OCR read a turned or uncropped copy instead (a retry won):
 * then the outlines would point at the wrong place, and none are drawn.
 */
export async function readCardImage(context: ServiceContext, scanId: string): Promise<CardReadImage> {
  const row = await findCardScan(context.db, scanId);
  if (!row) throw new AppError('not_found', SCAN_GONE_MESSAGE);
  const pre = await preprocessImage(row.image, row.file_name);
  // Binary PGM: the pixels are the last width × height bytes, after the text header.
  const pixels = pre.image.subarray(pre.image.length - pre.width * pre.height);
  const jpeg = await sharp(pixels, { raw: { width: pre.width, height: pre.height, channels: 1 } }).jpeg({ quality: 80 }).toBuffer();
  // We wrote this JSON when the card was read.
  const { page } = JSON.parse(row.ocr_json) as { page?: Pick<OcrPage, 'width' | 'height'> };
  return {
    imageBase64: jpeg.toString('base64'),
    width: pre.width,
    height: pre.height,
    matchesBoxes: page?.width === pre.width && page.height === pre.height,
  };
}
