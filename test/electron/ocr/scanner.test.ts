/**
 * The scanner with real tesseract.js on cards the project's renderer made (test/support/test-cards.ts),
 * every kind of bad input, worker replacement and cancellation; one dev-card example when the optional
 * extra set is there (LEADBOOTH_CARDS_DIR). One scanner for the whole file keeps it fast.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScanner, type Scanner, type ScanProgress } from '../../../electron/ocr/scanner';
import { ScanInputError } from '../../../electron/ocr/preprocess/input-validation';
import { tesseractEngineFactory, type OcrEngine } from '../../../electron/ocr/engine/worker-pool';
import { resolveTesseractPaths } from '../../../electron/ocr/engine/tesseract-paths';

import { extraCardSet, TEST_CARD, testCard, testCardSet } from '../../support/test-cards';

const EXTRA = extraCardSet();

interface Truth {
  fields: { email: string; phone: string };
}

async function extraTruth(n: string): Promise<Truth> {
  return JSON.parse(await fs.readFile(path.join(EXTRA.dir!, `card-${n}.json`), 'utf8')) as Truth;
}

const squash = (s: string): string => s.toLowerCase().replace(/\s+/g, '');
const digits = (s: string): string => s.replace(/\D+/g, '');

let tmp: string;
let scanner: Scanner;

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'leadbooth-scan-test-'));
  scanner = createScanner({ dataDir: path.join(tmp, 'data'), poolSize: 2 });
  await Promise.all([scanner.warmUp(), testCardSet()]);
});

afterAll(async () => {
  await scanner?.close();
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});

describe('scanner on rendered cards', () => {
  // light ink on dark paper photographed in perspective, a dark blurred downscaled photo, a photo with glare
  it.each([TEST_CARD.lightOnDarkPhoto, TEST_CARD.darkBlurredPhoto, TEST_CARD.photoWithGlare])('test card %i: the OCR text holds the printed email and phone', async (n) => {
    const { file, fields: gt } = await testCard(n);
    const stages: ScanProgress['stage'][] = [];
    const r = await scanner.scan({ path: file }, { onProgress: (p) => stages.push(p.stage) });
    expect(squash(r.page.text)).toContain(squash(gt.email));
    expect(digits(r.page.text)).toContain(digits(gt.phone));
    expect(stages[0]).toBe('queued');
    expect(stages).toContain('recognizing');
    expect(stages.at(-1)).toBe('done');
    // the original file is kept as evidence
    expect(Buffer.compare(Buffer.from(r.image.bytes), await fs.readFile(file))).toBe(0);
    expect(r.image.mime).toBe('image/jpeg');
    expect(r.page.lines.length).toBeGreaterThan(3);
    for (const line of r.page.lines) {
      expect(line.confidence).toBeGreaterThanOrEqual(0);
      expect(line.confidence).toBeLessThanOrEqual(1);
      expect(line.box.x1).toBeLessThanOrEqual(r.page.width);
    }
    expect(Object.keys(r.fields)).toHaveLength(15);
  });

  // An example of the contact re-read (missing-contacts.ts): on this photo the first reading cuts the
  // e-mail line short ("e ryan.von-hohen"), so the parser finds no e-mail; the re-read line holds it whole.
  // Skipped without the optional dev cards (LEADBOOTH_CARDS_DIR): this photo's cut e-mail line is a dev card's;
  // the rendered test cards have no line the first reading cuts short.
  it.skipIf(!EXTRA.dir)(`dev card-052: an e-mail the first reading lost is found by re-reading the doubtful contact line${EXTRA.skipReason ? ` (skipped: ${EXTRA.skipReason})` : ''}`, async () => {
    const gt = await extraTruth('052');
    const r = await scanner.scan({ path: path.join(EXTRA.dir!, 'card-052.jpg') });
    expect(r.timings.refinedLines).toBeGreaterThanOrEqual(1);
    expect(r.fields.email.value.toLowerCase()).toBe(gt.fields.email.toLowerCase());
  });

  it('honours the EXIF orientation of a phone photo (no extra OCR passes)', async () => {
    const { file, fields: gt } = await testCard(TEST_CARD.clean);
    // pixels stored sideways, EXIF says "rotate 90° clockwise to display"
    const bytes = await sharp(file).rotate(-90).withMetadata({ orientation: 6 }).jpeg().toBuffer();
    expect((await sharp(bytes).metadata()).orientation).toBe(6);
    const r = await scanner.recognize({ bytes, name: 'phone.jpg' });
    expect(r.timings.passes).toBe(1);
    expect(squash(r.page.text)).toContain(squash(gt.email));
  });

  it.each([180, 270])('reads a card photographed rotated by %i° (other orientations are tried only when unreadable)', async (angle) => {
    const { file, fields: gt } = await testCard(TEST_CARD.photoWithGlare);
    const bytes = await sharp(file).rotate(angle).jpeg().toBuffer();
    const r = await scanner.scan({ bytes, name: 'turned.jpg' });
    expect(squash(r.page.text)).toContain(squash(gt.email));
  });
});

describe('bad input', () => {
  const good = async (): Promise<void> => {
    const { file, fields } = await testCard(TEST_CARD.clean);
    const r = await scanner.scan({ path: file });
    expect(squash(r.page.text)).toContain(squash(fields.email));
  };

  async function expectInputError(p: Promise<unknown>, code: string, text: RegExp): Promise<void> {
    const err = await p.then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ScanInputError);
    expect((err as ScanInputError).code).toBe(code);
    expect((err as ScanInputError).message).toMatch(text);
  }

  it('each bad file gets a clear error, and the next file scans normally', async () => {
    const empty = path.join(tmp, 'card.jpg');
    await fs.writeFile(empty, '');
    const jpeg = await fs.readFile((await testCard(TEST_CARD.clean)).file);
    const truncated = path.join(tmp, 'truncated.jpg');
    await fs.writeFile(truncated, jpeg.subarray(0, Math.floor(jpeg.length / 3)));
    const text = path.join(tmp, 'notes.jpg');
    await fs.writeFile(text, 'Jane Doe, ACME — call back on Monday\n');
    const pdf = path.join(tmp, 'card.pdf');
    await fs.writeFile(
      pdf,
      '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
    );

    await expectInputError(scanner.scan({ path: empty }), 'empty_file', /card\.jpg is empty \(0 bytes\).*take the photo again/);
    await good();
    await expectInputError(scanner.scan({ path: truncated }), 'corrupt_image', /truncated\.jpg.*damaged or incomplete/);
    await good();
    await expectInputError(scanner.scan({ path: text }), 'not_an_image', /notes\.jpg is not an image/);
    await expectInputError(scanner.scan({ path: pdf }), 'unsupported_format', /PDF.*JPEG or PNG/);
    await expectInputError(scanner.scan({ path: path.join(tmp, 'missing.jpg') }), 'unreadable', /does not exist/);
    await expectInputError(scanner.scan({ path: tmp }), 'unreadable', /is a folder/);
    await expectInputError(scanner.scan({ bytes: new Uint8Array(0), name: 'photo.png' }), 'empty_file', /photo\.png is empty/);
    await good();
  });

  it('a 12000×9000 photo is downscaled and read; a 400 MP one is refused before decoding', async () => {
    const big = path.join(tmp, 'huge.jpg');
    // white page with a black bar: cheap to encode, still a real 108 MP JPEG
    await sharp({ create: { width: 12000, height: 9000, channels: 3, background: '#ffffff' } })
      .composite([{ input: { create: { width: 6000, height: 600, channels: 3, background: '#000000' } }, top: 4000, left: 3000 }])
      .jpeg({ quality: 50 })
      .toFile(big);
    const r = await scanner.scan({ path: big });
    expect(r.image.width).toBe(12000);
    expect(r.image.height).toBe(9000);
    expect(r.page.width).toBeLessThanOrEqual(2000);

    // a PNG whose header claims 20000×20000: refused from the header alone
    const chunk = (type: string, body: Buffer): Buffer => {
      const len = Buffer.alloc(4);
      len.writeUInt32BE(body.length);
      const crc = Buffer.alloc(4);
      crc.writeUInt32BE(zlib.crc32(Buffer.concat([Buffer.from(type, 'ascii'), body])));
      return Buffer.concat([len, Buffer.from(type, 'ascii'), body, crc]);
    };
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(20000, 0);
    ihdr.writeUInt32BE(20000, 4);
    ihdr[8] = 8; // bit depth
    ihdr[9] = 2; // RGB
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', ihdr),
      chunk('IDAT', zlib.deflateSync(Buffer.alloc(16))),
      chunk('IEND', Buffer.alloc(0)),
    ]);
    await expectInputError(scanner.scan({ bytes: png, name: 'giant.png' }), 'image_too_large', /giant\.png is 20000×20000.*lower resolution/);
    await good();
  });
});

describe('workers', () => {
  it('a killed worker is replaced and the scan still succeeds', async () => {
    const paths = resolveTesseractPaths(path.join(tmp, 'data'));
    const real = tesseractEngineFactory(paths);
    let made = 0;
    // the first worker dies under the first job (its thread is terminated mid-use)
    const factory = async (): Promise<OcrEngine> => {
      const engine = await real();
      made++;
      if (made === 1) await engine.terminate();
      return engine;
    };
    const s = createScanner({ dataDir: path.join(tmp, 'data'), poolSize: 1, engineFactory: factory });
    try {
      const { file, fields } = await testCard(TEST_CARD.clean);
      const r = await s.scan({ path: file });
      expect(squash(r.page.text)).toContain(squash(fields.email));
      expect(made).toBe(2);
    } finally {
      await s.close();
    }
  });

  it('cancels a queued scan and a running one', async () => {
    const { file } = await testCard(TEST_CARD.lightOnDarkPhoto);
    const a = scanner.scan({ path: file });
    const b = scanner.scan({ path: file });
    const ac = new AbortController();
    const c = scanner.scan({ path: file }, { signal: ac.signal }); // queued behind a and b
    ac.abort();
    await expect(c).rejects.toMatchObject({ name: 'AbortError' });
    const running = new AbortController();
    const d = scanner.scan(
      { path: file },
      {
        signal: running.signal,
        onProgress: (p) => {
          if (p.stage === 'recognizing') running.abort();
        },
      },
    );
    await expect(d).rejects.toMatchObject({ name: 'AbortError' });
    await expect(Promise.all([a, b])).resolves.toHaveLength(2);
    // the pool is healthy afterwards
    await expect(scanner.scan({ path: file })).resolves.toMatchObject({ ms: expect.any(Number) });
  });
});
