import { z } from 'zod';
import type { ParsedCard } from '../../parsing/card-fields';
import { channel } from '../channel';

export interface CardScanResult {
  /** Pass as cardScanId when saving the lead, so the photo and OCR text stay with it. */
  scanId: string;
  /** What the scanner read, each field with its confidence and where on the card it was. */
  fields: ParsedCard;
  /** The raw OCR text. */
  text: string;
  ms: number;
  imageWidth: number;
  imageHeight: number;
}

/** Base64 of a card photo: 30 MB of image at most (a phone photo is 2–8 MB). */
export const MAX_CARD_IMAGE_BASE64_LENGTH = Math.ceil((30 * 1024 * 1024 * 4) / 3);

export interface CardPhoto {
  imageBase64: string;
  mime: string;
}

/** The card scanner. */
export const cardsChannels = {
  'cards.scan': channel<CardScanResult>()(
    z
      .object({
        imageBase64: z
          .string()
          .min(1, { message: 'The image is empty (0 bytes): take the photo again or pick another file.' })
          .max(MAX_CARD_IMAGE_BASE64_LENGTH, { message: 'The image is larger than 30 MB: use a smaller photo.' })
          .regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: 'The image must be sent as base64.' }),
        fileName: z.string().max(255),
      })
      .strict(),
  ),
  'cards.photo': channel<CardPhoto>()(z.object({ scanId: z.uuid() }).strict()),
};
