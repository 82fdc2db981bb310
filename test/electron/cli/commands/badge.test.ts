import fs from 'node:fs';
import path from 'node:path';
import QRCode from 'qrcode';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../../../electron/cli/main';
import { openScanSaver } from '../../../../electron/cli/commands/scan-save';
import { emptyParsedCard } from '../../../../shared/parsing/card-fields';
import { makeTempDir } from '../../../support/temp-database';

let dir: string;
let db: string;
beforeEach(() => {
  dir = makeTempDir();
  db = path.join(dir, 'leadbooth.db');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function leadbooth(...args: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await main(['--db', db, ...args], { stdout: (line) => stdout.push(line), stderr: (line) => stderr.push(line) });
  return { code, stdout, stderr, json: () => stdout.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

async function atTheBooth(): Promise<void> {
  await leadbooth('staff', 'Jo Booth');
  await leadbooth('events', 'add', 'CES 2027');
}

describe('leadbooth badge', () => {
  it('reads a QR photo holding a vCard and saves it as a badge scan', async () => {
    await atTheBooth();
    const photo = path.join(dir, 'badge.png');
    await QRCode.toFile(photo, 'BEGIN:VCARD\nVERSION:3.0\nN:Müller;Ana\nORG:Acme GmbH\nEMAIL:ana@acme.example\nEND:VCARD', { width: 500 });
    expect((await leadbooth('badge', '--file', photo)).json()).toEqual([
      { format: 'vcard', fields: { lastName: 'Müller', firstName: 'Ana', company: 'Acme GmbH', email: 'ana@acme.example' } },
    ]);
    const saved = await leadbooth('badge', '--file', photo, '--save');
    expect(saved.code).toBe(0);
    expect(saved.json()[0]).toMatchObject({ lastName: 'Müller', captureMethod: 'badge_scan', capturedBy: 'Jo Booth' });
  });

  it('keeps a registration id raw, and saves a lead with it alone', async () => {
    await atTheBooth();
    expect((await leadbooth('badge', 'REG-2026-004711')).json()).toEqual([{ badgeId: 'REG-2026-004711' }]);
    expect((await leadbooth('badge', 'REG-2026-004711', '--save')).json()[0]).toMatchObject({ badgeId: 'REG-2026-004711', captureMethod: 'badge_scan' });
    expect((await leadbooth('badge', 'MECARD:N:Okafor,Chidi;;')).json()[0]).toMatchObject({ format: 'mecard', fields: { lastName: 'Okafor' } });
  });

  it('says what to do for a photo without a code, and for wrong usage', async () => {
    const blank = path.join(dir, 'blank.png');
    // A 1×1 white PNG: an image with no code in it.
    fs.writeFileSync(blank, Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGP4DwABAQEAG7buVgAAAABJRU5ErkJggg==', 'base64'));
    const missing = await leadbooth('badge', '--file', blank);
    expect(missing.code).toBe(1);
    expect(missing.stderr[0]).toMatch(/No QR code found in .*blank.png/);
    expect((await leadbooth('badge')).code).toBe(2);
  });
});

describe('leadbooth scan --save', () => {
  it('saves a card read as a lead in the current show, with its photo and OCR text', async () => {
    await atTheBooth();
    const saver = await openScanSaver(db);
    try {
      const fields = emptyParsedCard();
      fields.fullName = { value: 'Tessa Hartmann', confidence: 0.9, box: null };
      fields.fax = { value: '+33 5 00 00 00 00', confidence: 0.9, box: null };
      fields.company = { value: 'Hallstrom SARL', confidence: 0.9, box: null };
      const line = await saver.save('/cards/card-001.jpg', {
        page: { width: 10, height: 10, text: 'Tessa Hartmann\nHallstrom SARL', lines: [] },
        fields,
        ms: 500,
        timings: { readMs: 0, preprocessMs: 0, ocrMs: 0, passes: 1 },
        image: { bytes: await QRCode.toBuffer('card', { width: 60 }), mime: 'image/png', width: 60, height: 60 },
      } as Parameters<typeof saver.save>[1]);
      expect(line).toMatchObject({
        file: '/cards/card-001.jpg',
        lead: { firstName: 'Tessa', lastName: 'Hartmann', company: 'Hallstrom SARL', notes: 'Fax: +33 5 00 00 00 00', captureMethod: 'card_scan' },
      });
    } finally {
      await saver.close();
    }
    const listed = (await leadbooth('leads', 'list', '--json')).json();
    expect(listed).toHaveLength(1);
  });
});
