import { z } from 'zod';
import type { ParsedCard } from '../../parsing/card-fields';
import { channel, noInput } from '../channel';

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
  /**
   * Said above the form when the reading as a whole is doubtful, e.g. a card printed in a script the
   * scanner cannot read (its text fields are left empty and marked Check). Absent otherwise.
   */
  notice?: string;
}

/** A stored scan again: after a restart, a restored draft or a queue item shows its photo and fields. */
export interface StoredCardScan extends CardScanResult {
  fileName: string;
  imageBase64: string;
  imageMime: string;
  /** The lead it was saved with, or null while it waits for one. */
  leadId: string | null;
}

/** The card as the scanner read it (straightened): the scan result's boxes are in its pixels. */
export interface CardReadImage {
  /** JPEG, grayscale. */
  imageBase64: string;
  width: number;
  height: number;
  /** The size the boxes were measured in (the OCR's copy): outlines are drawn in proportion to it. */
  boxesWidth: number;
  boxesHeight: number;
  /** False when the OCR read a turned or uncropped copy instead: the boxes do not fit this image. */
  matchesBoxes: boolean;
}

/** One photo in the capture queue, as lists and progress events show it (without the photo). */
export interface QueueItem {
  id: string;
  position: number;
  fileName: string;
  /** waiting → scanning → ready (or failed, with its error and a Retry). */
  status: 'waiting' | 'scanning' | 'ready' | 'failed';
  error: string;
  /** Set once read: open it with cards.get and save the lead with it. */
  scanId: string | null;
  addedAt: string;
}

/** The `cards.progress` event: the whole queue after each change (items carry no photos, so it stays small). */
export interface QueueProgress {
  items: QueueItem[];
}

/** Base64 of a card photo: 30 MB of image at most (a phone photo is 2–8 MB). */
export const MAX_CARD_IMAGE_BASE64_LENGTH = Math.ceil((30 * 1024 * 1024 * 4) / 3);

const cardImageBase64 = z
  .string()
  .min(1, { message: 'The image is empty (0 bytes): take the photo again or pick another file.' })
  .max(MAX_CARD_IMAGE_BASE64_LENGTH, { message: 'The image is larger than 30 MB: use a smaller photo.' })
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: 'The image must be sent as base64.' });

export interface CardPhoto {
  imageBase64: string;
  mime: string;
}

/** The card scanner. */
export const cardsChannels = {
  'cards.scan': channel<CardScanResult>()(
    z
      .object({
        imageBase64: cardImageBase64,
        fileName: z.string().max(255),
      })
      .strict(),
  ),
  'cards.photo': channel<CardPhoto>()(z.object({ scanId: z.uuid() }).strict()),
  'cards.get': channel<StoredCardScan>()(z.object({ scanId: z.uuid() }).strict()),
  /** The straightened card the boxes refer to, for outlining where a field was read. */
  'cards.readImage': channel<CardReadImage>()(z.object({ scanId: z.uuid() }).strict()),
  /** Adds one photo to the capture queue (a batch is one call per photo); it is read in the background. */
  'cards.enqueue': channel<QueueItem>()(z.object({ imageBase64: cardImageBase64, fileName: z.string().max(255) }).strict()),
  'cards.queue': channel<QueueItem[]>()(noInput),
  /** A failed item is read again. */
  'cards.retry': channel<QueueItem>()(z.object({ itemId: z.uuid() }).strict()),
  /** Takes an item out of the queue (its photo goes too unless a lead was saved with it). */
  'cards.dequeue': channel<{ removed: boolean }>()(z.object({ itemId: z.uuid() }).strict()),
};
