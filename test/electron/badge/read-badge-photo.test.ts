import fs from 'node:fs';
import sharp from 'sharp';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readBadgePhoto } from '../../../electron/badge/read-badge-photo';
import { zxingReaderWasmPath } from '../../../electron/badge/local-zxing-wasm';
import { barcodePng, photographed, sideBySide } from '../../support/barcode-images';

const CARET = 'A1029384^Ana^Müller^ana@acme.example^CTO^Acme GmbH^Berlin^BE^10115^+49 30 1234567';
const VCARD = 'BEGIN:VCARD\nVERSION:3.0\nN:Müller;Ana\nORG:Acme GmbH\nEMAIL:ana@acme.example\nEND:VCARD';

afterEach(() => vi.unstubAllGlobals());

describe('readBadgePhoto', () => {
  it('finds its .wasm in node_modules and never touches the network', async () => {
    expect(fs.statSync(zxingReaderWasmPath()).size).toBeGreaterThan(100_000);
    const fetchSpy = vi.fn(() => Promise.reject(new Error('no network at the booth')));
    vi.stubGlobal('fetch', fetchSpy);
    const read = await readBadgePhoto(await barcodePng('REG-2026-004711', 'QRCode'));
    expect(read).toEqual({ kind: 'badge', code: { text: 'REG-2026-004711', format: 'QRCode' } });
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it.each([
    ['QRCode', CARET],
    ['PDF417', CARET],
    ['Aztec', CARET],
    ['DataMatrix', CARET],
    ['Code128', 'A1029384'],
    ['Code39', 'REG-2026-004711'],
  ] as const)('reads %s from a clean image and from a tilted, blurred photo', async (format, text) => {
    const png = await barcodePng(text, format);
    expect(await readBadgePhoto(png)).toEqual({ kind: 'badge', code: { text, format } });
    // Stacked and 1D codes are read along their rows: a few degrees, as a badge held up to the camera.
    const photo = await photographed(png, { degrees: format === 'QRCode' || format === 'Aztec' || format === 'DataMatrix' ? 9 : 4 });
    expect(await readBadgePhoto(photo)).toMatchObject({ kind: 'badge', code: { text } });
  });

  it.each(['QRCode', 'DataMatrix', 'PDF417'] as const)('reads %s under a glare on the laminate', async (format) => {
    const photo = await photographed(await barcodePng(CARET, format, { scale: 4 }), { degrees: 3, glare: true });
    expect(await readBadgePhoto(photo)).toMatchObject({ kind: 'badge', code: { text: CARET } });
  });

  it('reads the code holding a contact first when a photo holds several', async () => {
    const sheet = await sideBySide([await barcodePng('REG-2026-004711', 'Code128'), await barcodePng(VCARD, 'QRCode')]);
    expect(await readBadgePhoto(sheet)).toEqual({ kind: 'badge', code: { text: VCARD, format: 'QRCode' } });
  });

  it("refuses a product's EAN by name, says when there is no code, and leaves non-images to the caller", async () => {
    expect(await readBadgePhoto(await barcodePng('9780306406157', 'EAN13'))).toEqual({ kind: 'product', format: 'EAN13' });
    const plain = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#e0e0e0' } }).jpeg().toBuffer();
    expect(await readBadgePhoto(plain)).toEqual({ kind: 'none' });
    expect(await readBadgePhoto(Buffer.from('BEGIN:VCARD\nEND:VCARD'))).toBeNull();
  });
});
