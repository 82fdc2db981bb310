import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findCardScansOfLead } from '../../../electron/db/repositories/card-scans';
import { getCardScan, pruneUnsavedScans, scanCard, UNSAVED_SCAN_LIFETIME_MS } from '../../../electron/services/card-scan-service';
import type { CardReader } from '../../../electron/services/service-context';
import { saveDraft } from '../../../electron/services/drafts-service';
import { DRAFT_SCAN_KEY } from '../../../shared/ipc/contract';
import { createEvent } from '../../../electron/services/events-service';
import { createLead } from '../../../electron/services/leads-service';
import { getSettings, setFastScan, setStaffName } from '../../../electron/services/settings-service';
import { AppError } from '../../../shared/ipc/errors';
import { emptyParsedCard } from '../../../shared/parsing/card-fields';
import { openTempStore, type TempStore } from '../../support/temp-database';

// The OCR itself is tested on real images in test/electron/ocr; here a reader that returns
// a known reading shows what the capture flow keeps, on a real database.
const reading = (() => {
  const fields = emptyParsedCard();
  fields.lastName = { value: 'Okafor', confidence: 0.93, box: { x0: 10, y0: 10, x1: 200, y1: 40 } };
  fields.email = { value: 'chidi@northwind.example', confidence: 0.88, box: { x0: 10, y0: 50, x1: 300, y1: 70 } };
  return fields;
})();
// A real photo as a phone writes it: 40×20 pixels stored sideways (EXIF orientation 6), with GPS, camera serial and date.
const photo = await sharp({ create: { width: 40, height: 20, channels: 3, background: { r: 200, g: 30, b: 30 } } })
  .jpeg()
  .withExif({
    IFD0: { Make: 'PhoneCo', Model: 'Snap 9' },
    IFD2: { DateTimeOriginal: '2026:11:27 10:11:12', BodySerialNumber: 'SERIAL-9988776655' },
    IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '38/1 42/1 0/1', GPSLongitudeRef: 'W', GPSLongitude: '9/1 8/1 0/1' },
  })
  .withMetadata({ orientation: 6 })
  .toBuffer();
const reader: CardReader = {
  scan: async ({ bytes }) => {
    if (bytes.length === 0) throw Object.assign(new Error('card.jpg is empty (0 bytes): take the photo again.'), { name: 'ScanInputError', code: 'empty_file' });
    return {
      page: { width: 1000, height: 600, text: 'Chidi Okafor\nchidi@northwind.example', lines: [] },
      fields: reading,
      ms: 420,
      image: { bytes, mime: 'image/jpeg', width: 1000, height: 600 },
    };
  },
};

let store: TempStore;
beforeEach(async () => {
  store = await openTempStore();
  await setStaffName(store.context, 'Jo Booth');
  await createEvent(store.context, { name: 'CES 2027' });
});
afterEach(() => store.dispose());

describe('scanCard and saving the lead it became', () => {
  it('keeps the photo (upright, without its EXIF) and the OCR text with the saved lead', async () => {
    const scan = await scanCard(store.context, reader, { imageBase64: photo.toString('base64'), fileName: 'card.jpg' });
    expect(scan.fields.lastName.value).toBe('Okafor');
    const saved = await createLead(store.context, { lastName: 'Okafor', email: 'chidi@northwind.example', cardScanId: scan.scanId });
    expect(saved.lead.captureMethod).toBe('card_scan');
    const evidence = await findCardScansOfLead(store.context.db, saved.lead.id);
    expect(evidence).toHaveLength(1);
    const stored = Buffer.from(evidence[0]?.image ?? []);
    // The pixels, upright (the sideways 40×20 becomes 20×40), and none of the metadata.
    const meta = await sharp(stored).metadata();
    expect([meta.format, meta.width, meta.height, meta.exif, meta.orientation]).toEqual(['jpeg', 20, 40, undefined, undefined]);
    expect([evidence[0]?.image_width, evidence[0]?.image_height, evidence[0]?.image_mime]).toEqual([20, 40, 'image/jpeg']);
    for (const secret of ['SERIAL-9988776655', 'PhoneCo', '2026:11:27', 'Exif']) expect(stored.includes(secret)).toBe(false);
    // The test photo did carry all of it.
    expect([photo.includes('SERIAL-9988776655'), (await sharp(photo).metadata()).orientation]).toEqual([true, 6]);
    expect(evidence[0]?.ocr_text).toContain('chidi@northwind.example');
    expect(JSON.parse(evidence[0]?.ocr_json ?? '{}').fields.email.confidence).toBe(0.88);
    expect(evidence[0]?.scanned_by).toBe('Jo Booth');
  });

  it('refuses to reuse a scan for a second lead, and saves neither half', async () => {
    const scan = await scanCard(store.context, reader, { imageBase64: photo.toString('base64'), fileName: 'card.jpg' });
    await createLead(store.context, { lastName: 'Okafor', cardScanId: scan.scanId });
    const error = await createLead(store.context, { lastName: 'Someone Else', cardScanId: scan.scanId }).catch((caught: unknown) => caught);
    expect((error as AppError).code).toBe('not_found');
    expect(store.database.sqlite.prepare("SELECT count(*) FROM leads WHERE last_name = 'Someone Else'").pluck().get()).toBe(0);
  });

  it('passes the scanner\'s own message on for a bad image and stores nothing', async () => {
    const error = await scanCard(store.context, reader, { imageBase64: '', fileName: 'card.jpg' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('invalid_input');
    expect((error as AppError).fieldErrors?.image).toMatch(/empty/);
    expect(store.database.sqlite.prepare('SELECT count(*) FROM card_scans').pluck().get()).toBe(0);
  });

  it('forgets scans no lead claimed after a day, never the evidence of a saved lead', async () => {
    const saved = await scanCard(store.context, reader, { imageBase64: photo.toString('base64'), fileName: 'kept.jpg' });
    await createLead(store.context, { lastName: 'Okafor', cardScanId: saved.scanId });
    await scanCard(store.context, reader, { imageBase64: photo.toString('base64'), fileName: 'abandoned.jpg' });
    expect(await pruneUnsavedScans(store.context)).toBe(0); // not a day old yet
    const aDayLater = { ...store.context, clock: { now: () => new Date(Date.now() + UNSAVED_SCAN_LIFETIME_MS + 60_000) } };
    expect(await pruneUnsavedScans(aDayLater)).toBe(1);
    expect(store.database.sqlite.prepare('SELECT file_name FROM card_scans').pluck().all()).toEqual(['kept.jpg']);
  });

  it('never forgets a scan the draft or the capture queue still holds', async () => {
    const drafted = await scanCard(store.context, reader, { imageBase64: photo.toString('base64'), fileName: 'drafted.jpg' });
    const queued = await scanCard(store.context, reader, { imageBase64: photo.toString('base64'), fileName: 'queued.jpg' });
    await scanCard(store.context, reader, { imageBase64: photo.toString('base64'), fileName: 'abandoned.jpg' });
    await saveDraft(store.context, { lastName: 'Okafor', [DRAFT_SCAN_KEY]: drafted.scanId });
    store.database.sqlite
      .prepare("INSERT INTO capture_queue (id, position, status, scan_id, added_at, updated_at) VALUES ('q1', 1, 'ready', ?, 'now', 'now')")
      .run(queued.scanId);
    const aDayLater = { ...store.context, clock: { now: () => new Date(Date.now() + UNSAVED_SCAN_LIFETIME_MS + 60_000) } };
    expect(await pruneUnsavedScans(aDayLater)).toBe(1);
    expect(store.database.sqlite.prepare('SELECT file_name FROM card_scans ORDER BY file_name').pluck().all()).toEqual(['drafted.jpg', 'queued.jpg']);
  });

  it('gives a stored scan back with its photo, and a message that says what to do for an unknown one', async () => {
    const scan = await scanCard(store.context, reader, { imageBase64: photo.toString('base64'), fileName: 'card.jpg' });
    const stored = await getCardScan(store.context, scan.scanId);
    expect(stored).toMatchObject({ scanId: scan.scanId, fileName: 'card.jpg', imageMime: 'image/jpeg', leadId: null, text: expect.stringContaining('Okafor') });
    expect((await sharp(Buffer.from(stored.imageBase64, 'base64')).metadata()).format).toBe('jpeg');
    expect(stored.fields.lastName.value).toBe('Okafor');
    const error = await getCardScan(store.context, '00000000-0000-4000-8000-000000000000').catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'not_found', message: expect.stringMatching(/Remove the photo/) });
  });

  it('passes the scanner\'s notice on and keeps it with the stored scan (a card in a script it cannot read)', async () => {
    const notice = 'This card looks like it is printed in a script LeadBooth cannot read yet — type the fields in.';
    const noticing: CardReader = { scan: async (input) => ({ ...(await reader.scan(input)), notice }) };
    const scan = await scanCard(store.context, noticing, { imageBase64: photo.toString('base64'), fileName: 'card.jpg' });
    expect(scan.notice).toBe(notice);
    expect((await getCardScan(store.context, scan.scanId)).notice).toBe(notice);
    const plain = await scanCard(store.context, reader, { imageBase64: photo.toString('base64'), fileName: 'card.jpg' });
    expect(plain.notice).toBeUndefined();
  });

  it('says so when no scanner runs in this process', async () => {
    const error = await scanCard(store.context, undefined, { imageBase64: photo.toString('base64'), fileName: 'x.jpg' }).catch((caught: unknown) => caught);
    expect((error as AppError).code).toBe('scan_failed');
  });
});

describe('the "fast scan" setting', () => {
  it('is off until turned on, is announced, and each scan asks the reader for it', async () => {
    const asked: Array<boolean | undefined> = [];
    const recording: CardReader = { scan: async (input, options) => (asked.push(options?.fast), reader.scan(input, options)) };
    expect((await getSettings(store.context)).fastScan).toBe(false);
    await scanCard(store.context, recording, { imageBase64: photo.toString('base64'), fileName: 'card.jpg' });
    const turnedOn = await setFastScan(store.context, true);
    expect(turnedOn.fastScan).toBe(true);
    expect(store.notifications.some((note) => note.event === 'settings.changed' && (note.payload as { fastScan: boolean }).fastScan)).toBe(true);
    await scanCard(store.context, recording, { imageBase64: photo.toString('base64'), fileName: 'card.jpg' });
    expect(asked).toEqual([false, true]);
    expect((await setFastScan(store.context, false)).fastScan).toBe(false);
  });
});
