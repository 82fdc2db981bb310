import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCaptureQueueRunner, dequeueCard, enqueueCard, listQueue, retryQueuedCard } from '../../../electron/services/capture-queue-service';
import type { CardReader } from '../../../electron/services/service-context';
import { createEvent } from '../../../electron/services/events-service';
import { createLead } from '../../../electron/services/leads-service';
import { setStaffName } from '../../../electron/services/settings-service';
import type { QueueProgress } from '../../../shared/ipc/contract';
import { emptyParsedCard } from '../../../shared/parsing/card-fields';
import { openTempStore, type TempStore } from '../../support/temp-database';

/** A real (tiny) photo: the store keeps photos re-encoded without their metadata. */
const jpeg = await sharp({ create: { width: 40, height: 20, channels: 3, background: { r: 200, g: 30, b: 30 } } }).jpeg().toBuffer();

/** Reads the surname from the file name; a PDF is refused like the real scanner does. */
const reader: CardReader = {
  scan: async ({ bytes, name }) => {
    const text = (name ?? '').replace(/\.\w+$/, '');
    if (name?.endsWith('.pdf')) {
      throw Object.assign(new Error(`${name} is not an image (a PDF): pick a photo of the card`), { name: 'ScanInputError', code: 'not_image' });
    }
    const fields = emptyParsedCard();
    fields.lastName = { value: text, confidence: 0.9, box: null };
    return { page: { width: 10, height: 10, text, lines: [] }, fields, ms: 5, image: { bytes, mime: 'image/jpeg', width: 10, height: 10 } };
  },
};

let store: TempStore;
beforeEach(async () => {
  store = await openTempStore();
  await setStaffName(store.context, 'Jo Booth');
  await createEvent(store.context, { name: 'CES 2027' });
});
afterEach(() => store.dispose());

const b64 = (_text: string) => jpeg.toString('base64');

describe('capture queue', () => {
  it('reads a batch in the background, keeps a failed item with its error, and retries it', async () => {
    const context = { ...store.context, cardReader: reader };
    const runner = createCaptureQueueRunner(context, { concurrency: 2 });
    context.captureQueue = runner;
    await enqueueCard(context, { imageBase64: b64('Okafor'), fileName: 'Okafor.jpg' });
    const bad = await enqueueCard(context, { imageBase64: b64('%PDF-1.4'), fileName: 'notes.pdf' });
    await enqueueCard(context, { imageBase64: b64('Müller'), fileName: 'Muller.jpg' });
    await runner.idle();

    const items = await listQueue(context);
    expect(items.map((item) => [item.fileName, item.status])).toEqual([
      ['Okafor.jpg', 'ready'],
      ['notes.pdf', 'failed'],
      ['Muller.jpg', 'ready'],
    ]);
    expect(items[1]?.error).toMatch(/notes.pdf is not an image/);
    // Every change went out as a cards.progress event; the last one shows the whole queue.
    const progress = store.notifications.filter((note) => note.event === 'cards.progress');
    expect(progress.length).toBeGreaterThanOrEqual(6);
    expect((progress.at(-1)?.payload as QueueProgress).items).toHaveLength(3);

    // Saving a lead with a queued scan takes its item out of the queue.
    await createLead(context, { lastName: 'Okafor', cardScanId: items[0]?.scanId ?? '' });
    expect((await listQueue(context)).map((item) => item.fileName)).toEqual(['notes.pdf', 'Muller.jpg']);

    await retryQueuedCard(context, bad.id);
    await runner.idle();
    expect((await listQueue(context)).find((item) => item.id === bad.id)?.status).toBe('failed');

    // Removing a read item drops its unsaved scan too.
    const last = (await listQueue(context)).at(-1);
    expect(await dequeueCard(context, last?.id ?? '')).toEqual({ removed: true });
    expect(store.database.sqlite.prepare('SELECT count(*) FROM card_scans WHERE lead_id IS NULL').pluck().get()).toBe(0);
    await runner.close();
  });

  it('survives a restart in the middle of a batch: items being read start again', async () => {
    await enqueueCard(store.context, { imageBase64: b64('Okafor'), fileName: 'Okafor.jpg' });
    store.database.sqlite.prepare("UPDATE capture_queue SET status = 'scanning'").run(); // the app died while reading it
    const context = { ...store.context, cardReader: reader };
    const runner = createCaptureQueueRunner(context);
    runner.kick();
    await runner.idle();
    expect((await listQueue(context)).map((item) => item.status)).toEqual(['ready']);
    await runner.close();
  });
});
