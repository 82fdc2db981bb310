/**
 * The scanner end to end with the learned recognizer and as a "fast scan", on a card of the
 * project's own generator (drawn here, so no dev card is needed): real tesseract.js, the real
 * PP-OCRv4 model.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScanner, type Scanner } from '../../../electron/ocr/scanner';
import { generateCards, type GeneratedCard } from '../../support/cards/generate-cards';
import { renderCard } from '../../support/cards/render-card';
import { normField } from '../../support/cards/score-cards';

let tmp: string;
let scanner: Scanner;
let card: GeneratedCard;
let image: Buffer;

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'leadbooth-scan-recognizer-'));
  // a flat scan (no photo damage) printing an e-mail, a website and a phone number
  card = generateCards(30, 5).find((c) => !c.photo && c.fields.email && c.fields.website && c.fields.phone)!;
  image = await renderCard(card);
  scanner = createScanner({ dataDir: path.join(tmp, 'data'), poolSize: 1, diacritics: false });
  await scanner.warmUp();
}, 120_000);

afterAll(async () => {
  await scanner?.close();
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});

describe('scanner with the learned recognizer', () => {
  it('reads the contact lines a second time and the readings agree on a clean card', async () => {
    const r = await scanner.scan({ bytes: image, name: card.file });
    expect(r.timings.recognizerLines).toBeGreaterThan(0);
    expect(r.timings.recognizerMs).toBeGreaterThan(0);
    for (const field of ['email', 'website', 'phone'] as const) expect(normField(field, r.fields[field].value)).toBe(normField(field, card.fields[field]!));
    // read twice alike: sure, and not marked for the weakest word alone
    expect(r.fields.email.confidence).toBeGreaterThan(0.9);
  }, 120_000);

  it('as a fast scan reads with tesseract alone', async () => {
    const r = await scanner.scan({ bytes: image, name: card.file }, { fast: true });
    expect(r.timings.recognizerLines).toBeUndefined();
    expect(r.timings.recognizerMs).toBeUndefined();
    expect(normField('email', r.fields.email.value)).toBe(normField('email', card.fields.email!));
  }, 120_000);

  it('set up without the recognizer never uses it, whatever the scan asks', async () => {
    const plain = createScanner({ dataDir: path.join(tmp, 'data'), poolSize: 1, diacritics: false, recognizer: false });
    try {
      const r = await plain.scan({ bytes: image, name: card.file });
      expect(r.timings.recognizerLines).toBeUndefined();
    } finally {
      await plain.close();
    }
  }, 120_000);
});
