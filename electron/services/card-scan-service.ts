import { DRAFT_SCAN_KEY, type CardScanResult, type StoredCardScan } from '../../shared/ipc/contract';
import { AppError } from '../../shared/ipc/errors';
import type { ParsedCard } from '../../shared/parsing/card-fields';
import { deleteUnattachedCardScans, findCardScan, insertCardScan } from '../db/repositories/card-scans';
import { readDraft } from './drafts-service';
import { stripPhotoMetadata } from '../security/images/strip-photo-metadata';
import { nowIso, type CardReader, type ServiceContext } from './service-context';
import { getSettings } from './settings-service';

/** What the capture flow needs of the OCR scanner (electron/ocr/scanner.ts provides it). */
/** The scanner's own input errors carry a code and a message that says what to do. */
function isScanInputError(error: unknown): error is Error & { code: string } {
  return error instanceof Error && error.name === 'ScanInputError';
}

/**
 * Reads a card photo and keeps it, with what the OCR read, as evidence. The scan is not a
 * lead yet: the person checks the fields first, then saving the lead ties the two together.
 */
export async function scanCard(
  context: ServiceContext,
  reader: CardReader | undefined,
  input: { imageBase64: string; fileName: string },
): Promise<CardScanResult> {
  return scanCardBytes(context, reader, Buffer.from(input.imageBase64, 'base64'), input.fileName);
}

/** scanCard on bytes already at hand (the capture queue keeps its photos as bytes). */
export async function scanCardBytes(
  context: ServiceContext,
  reader: CardReader | undefined,
  bytes: Uint8Array,
  fileName: string,
): Promise<CardScanResult> {
  if (!reader) throw new AppError('scan_failed', 'The card scanner is not available in this window. Type the lead instead.');
  const input = { fileName };
  let result: Awaited<ReturnType<CardReader['scan']>>;
  try {
    const { fastScan } = await getSettings(context);
    result = await reader.scan({ bytes, name: input.fileName }, { fast: fastScan });
  } catch (error) {
    if (isScanInputError(error)) throw new AppError('invalid_input', error.message, { image: error.message });
    // The engine's own text (paths, wasm errors) goes to the log through `cause`, not to the screen.
    throw new AppError('scan_failed', 'The card could not be read (error scan_failed). Try again, or type the lead.', undefined, { cause: error });
  }
  // Kept as evidence: the pixels, upright, without the photo's EXIF (GPS, camera serial, dates).
  const photo = await stripPhotoMetadata(result.image.bytes).catch((error: unknown) => {
    throw new AppError('scan_failed', 'The card photo could not be stored (error scan_failed). Try another photo, or type the lead.', undefined, { cause: error });
  });
  const scanId = context.newId();
  const scannedAt = nowIso(context);
  await insertCardScan(context.db, {
    id: scanId,
    lead_id: null,
    file_name: input.fileName,
    image: photo.bytes,
    image_mime: photo.mime,
    image_width: photo.width,
    image_height: photo.height,
    ocr_text: result.page.text,
    ocr_json: JSON.stringify({ page: result.page, fields: result.fields, ...(result.notice ? { notice: result.notice } : {}) }),
    scanned_by: (await getSettings(context)).staffName,
    scanned_at: scannedAt,
  });
  return { scanId, fields: result.fields, text: result.page.text, ms: result.ms, imageWidth: photo.width, imageHeight: photo.height, ...(result.notice ? { notice: result.notice } : {}) };
}

export const SCAN_GONE_MESSAGE =
  'This card photo is no longer stored (unsaved scans are removed after a day). Remove the photo and scan the card again, or save the lead without it.';

/** A stored scan with its photo, for a restored draft or a queue item. */
export async function getCardScan(context: ServiceContext, scanId: string): Promise<StoredCardScan> {
  const row = await findCardScan(context.db, scanId);
  if (!row) throw new AppError('not_found', SCAN_GONE_MESSAGE, { cardScanId: SCAN_GONE_MESSAGE });
  // We wrote this JSON ourselves when the card was read.
  const stored = JSON.parse(row.ocr_json) as { fields: ParsedCard; notice?: string };
  return {
    scanId: row.id,
    fields: stored.fields,
    ...(stored.notice ? { notice: stored.notice } : {}),
    text: row.ocr_text,
    ms: 0,
    imageWidth: row.image_width,
    imageHeight: row.image_height,
    fileName: row.file_name,
    imageBase64: Buffer.from(row.image).toString('base64'),
    imageMime: row.image_mime,
    leadId: row.lead_id,
  };
}

/** How long a scan that was never saved as a lead is kept (re-scans, cleared forms, crashes). */
export const UNSAVED_SCAN_LIFETIME_MS = 24 * 60 * 60 * 1000;

/**
 * Photos are kept from the moment a card is read, before anyone saves the lead; the ones
 * no lead ever claimed would otherwise pile up (a few MB each) until the disk is full.
 */
export async function pruneUnsavedScans(context: ServiceContext, lifetimeMs = UNSAVED_SCAN_LIFETIME_MS): Promise<number> {
  const before = new Date(context.clock.now().getTime() - lifetimeMs).toISOString();
  // The entry form's draft remembers its scan: a lead half-typed yesterday still saves with its photo.
  const draftScanId = (await readDraft(context.db))?.fields[DRAFT_SCAN_KEY];
  return deleteUnattachedCardScans(context.db, before, draftScanId ? [draftScanId] : []);
}
