import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertCardScan } from '../../../electron/db/repositories/card-scans';
import { readCardImage } from '../../../electron/services/card-read-image';
import { openTempStore, type TempStore } from '../../support/temp-database';
import { TEST_CARD, testCard } from '../../support/test-cards';

let store: TempStore;
beforeEach(async () => {
  store = await openTempStore();
});
afterEach(() => store.dispose());

describe('readCardImage', () => {
  it('gives the straightened card the boxes belong to, and says whether they fit', async () => {
    // a photo of a card on a table, so the card must be found and straightened
    const { file } = await testCard(TEST_CARD.lightOnDarkPhoto);
    const id = '00000000-0000-4000-8000-000000000001';
    await insertCardScan(store.context.db, {
      id,
      lead_id: null,
      file_name: path.basename(file),
      image: fs.readFileSync(file),
      image_mime: 'image/jpeg',
      image_width: 0,
      image_height: 0,
      ocr_text: '',
      ocr_json: JSON.stringify({ page: { width: 0, height: 0 } }),
      scanned_by: 'Jo',
      scanned_at: '2026-11-28T10:00:00.000Z',
    });
    const read = await readCardImage(store.context, id);
    const meta = await sharp(Buffer.from(read.imageBase64, 'base64')).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', read.width, read.height]);
    expect(Math.max(read.width, read.height)).toBeGreaterThan(800);
    expect(read.matchesBoxes).toBe(false); // the stored page says another size

    store.database.sqlite.prepare('UPDATE card_scans SET ocr_json = ?').run(JSON.stringify({ page: { width: read.width + 4, height: read.height - 3 } }));
    expect(await readCardImage(store.context, id)).toMatchObject({ matchesBoxes: true, boxesWidth: read.width + 4 }); // the same crop, a pixel or two off
    store.database.sqlite.prepare('UPDATE card_scans SET ocr_json = ?').run(JSON.stringify({ page: { width: read.height, height: read.width } }));
    expect((await readCardImage(store.context, id)).matchesBoxes).toBe(false); // a turned copy
  });
});
