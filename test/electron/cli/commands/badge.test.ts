import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import QRCode from 'qrcode';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openScanSaver } from '../../../../electron/cli/commands/scan-save';
import { openCliSession } from '../../../../electron/cli/open-client';
import { emptyParsedCard } from '../../../../shared/parsing/card-fields';
import { makeTempDir } from '../../../support/temp-database';
import { runLeadbooth } from '../../../support/cli-run';
import { barcodePng, photographed } from '../../../support/barcode-images';

let dir: string;
let db: string;
beforeEach(() => {
  dir = makeTempDir();
  db = path.join(dir, 'leadbooth.db');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const leadbooth = (...args: string[]) => runLeadbooth(['--db', db, ...args]);

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
      { format: 'vcard', fields: { lastName: 'Müller', firstName: 'Ana', company: 'Acme GmbH', email: 'ana@acme.example' }, raw: expect.stringMatching(/^BEGIN:VCARD/) },
    ]);
    const saved = await leadbooth('badge', '--file', photo, '--save');
    expect(saved.code).toBe(0);
    expect(saved.json()[0]).toMatchObject({ lastName: 'Müller', captureMethod: 'badge_scan', capturedBy: 'Jo Booth' });
  });

  it('keeps a registration id raw, and saves a lead with it alone', async () => {
    await atTheBooth();
    expect((await leadbooth('badge', 'REG-2026-004711')).json()).toEqual([{ badgeId: 'REG-2026-004711', raw: 'REG-2026-004711' }]);
    expect((await leadbooth('badge', 'REG-2026-004711', '--save')).json()[0]).toMatchObject({ badgeId: 'REG-2026-004711', captureMethod: 'badge_scan' });
    expect((await leadbooth('badge', 'MECARD:N:Okafor,Chidi;;')).json()[0]).toMatchObject({ format: 'mecard', fields: { lastName: 'Okafor' } });
  });

  it('reads a PDF417 photo with the caret record, keeps the raw payload on the lead, and flags an unknown layout', async () => {
    await atTheBooth();
    const caret = 'A1029384^Ana^Müller^ana@acme.example^CTO^Acme GmbH^Berlin^BE^10115^+49 30 1234567';
    const photo = path.join(dir, 'badge.jpg');
    fs.writeFileSync(photo, await photographed(await barcodePng(caret, 'PDF417'), { degrees: 3 }));
    const saved = await leadbooth('badge', '--file', photo, '--save');
    expect(saved.code).toBe(0);
    const lead = saved.json()[0];
    expect(lead).toMatchObject({ badgeId: 'A1029384', firstName: 'Ana', lastName: 'Müller', email: 'ana@acme.example', region: 'BE', phone: '+49 30 1234567' });
    const stored = new Database(db, { readonly: true });
    try {
      expect(stored.prepare('SELECT badge_payload FROM leads WHERE id = ?').pluck().get(lead?.id)).toBe(caret);
    } finally {
      stored.close();
    }

    const odd = await leadbooth('badge', 'X1~Ana~Müller~ana@acme.example');
    expect(odd.json()[0]).toEqual({ badgeId: 'X1~Ana~Müller~ana@acme.example', unrecognised: true, raw: 'X1~Ana~Müller~ana@acme.example' });
    expect(odd.stderr[0]).toMatch(/No badge profile fits/);
    // The show's own profile reads that layout from then on.
    const added = await leadbooth('events', 'badge-profile', 'Tilde Reg', '--delimiter', '~', '--fields', 'refId,firstName,lastName,email');
    expect(added.stdout[0]).toMatch(/Badge profile saved: Tilde Reg/);
    expect((await leadbooth('badge', 'X1~Ana~Müller~ana@acme.example')).json()[0]).toMatchObject({ format: 'profile', profile: 'Tilde Reg', badgeId: 'X1', fields: { lastName: 'Müller' } });
    expect((await leadbooth('events', 'badge-profiles')).stdout).toEqual(["Tilde Reg: refId~firstName~lastName~email (delimiter '~', id refId)"]);
    const wrong = await leadbooth('events', 'badge-profile', 'Bad', '--delimiter', '~', '--fields', 'refId,surname');
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr.join('\n')).toMatch(/firstName/);
  });

  it("fills ID-only badge leads from the organiser's attendee list after the show, never over what staff typed", async () => {
    await atTheBooth();
    const idOnly = (await leadbooth('badge', 'REG-1001', '--save')).json()[0];
    const typed = (await leadbooth('leads', 'add', '--json', JSON.stringify({ badgeId: 'REG-1002', lastName: 'Okafor-Typed', captureMethod: 'badge_scan' }))).json()[0];
    const list = path.join(dir, 'attendees.csv');
    fs.writeFileSync(
      list,
      'Registration ID;First Name;Last Name;Company;Email\r\n' +
        'REG-1001;Ana;Müller;Acme GmbH;ana@acme.example\r\n' +
        'REG-1002;Chidi;Okafor;Northwind;not-an-email\r\n' +
        'REG-9999;Sven;Jensen;Globex;sven@globex.example\r\n' +
        ';No;Id;Nowhere;\r\n',
    );
    const done = await leadbooth('badge', '--reconcile', list);
    expect(done.code).toBe(0);
    expect(done.stdout).toEqual([
      '2 of 3 badge ids matched a lead; 2 leads filled (6 fields); what staff typed or scanned was kept.\nNot scanned at the booth: REG-9999.\n1 row without a badge id was skipped.',
    ]);
    const stored = new Database(db, { readonly: true });
    try {
      const lead = (id: unknown) => stored.prepare('SELECT first_name, last_name, company, email FROM leads WHERE id = ?').get(id);
      expect(lead(idOnly?.id)).toEqual({ first_name: 'Ana', last_name: 'Müller', company: 'Acme GmbH', email: 'ana@acme.example' });
      // The typed last name stays; a value that is not a valid email is not taken.
      expect(lead(typed?.id)).toEqual({ first_name: 'Chidi', last_name: 'Okafor-Typed', company: 'Northwind', email: '' });
      const entry = stored.prepare("SELECT details FROM lead_timeline WHERE lead_id = ? AND kind = 'filled_from_attendee_list'").pluck().get(idOnly?.id) as string;
      expect(JSON.parse(entry)).toMatchObject({ file: 'attendees.csv', badgeId: 'REG-1001', filled: [{ field: 'firstName', to: 'Ana' }, { field: 'lastName' }, { field: 'company' }, { field: 'email' }] });
    } finally {
      stored.close();
    }
    const noId = path.join(dir, 'no-id.csv');
    fs.writeFileSync(noId, 'First Name,Last Name\nAna,Müller\n');
    const refused = await leadbooth('badge', '--reconcile', noId);
    expect([refused.code, refused.stderr[0]]).toEqual([1, expect.stringMatching(/No column of no-id\.csv holds the badge id/)]);
  });

  it('import --reconcile-badges does the same with the attendee list, and reports as JSON when asked', async () => {
    await atTheBooth();
    const idOnly = (await leadbooth('badge', 'REG-2001', '--save')).json()[0];
    const list = path.join(dir, 'attendees.csv');
    fs.writeFileSync(list, 'Registration ID,First Name,Last Name,Company\nREG-2001,Lena,Fischer,Umbrella AG\nREG-2002,Raj,Patel,Initech\n');
    const done = await leadbooth('import', list, '--reconcile-badges', '--json');
    expect(done.code).toBe(0);
    expect(done.json()[0]).toMatchObject({ matchedIds: ['REG-2001'], unmatchedIds: ['REG-2002'] });
    expect((await leadbooth('leads', 'list', '--json')).json().find((lead) => lead.id === idOnly?.id)).toMatchObject({ firstName: 'Lena', company: 'Umbrella AG' });
    // No lead was added from the list: only the badge lead is there.
    expect((await leadbooth('leads', 'list', '--json')).json()).toHaveLength(1);
    const mixed = await leadbooth('import', list, '--reconcile-badges', '--strict');
    expect(mixed.code).toBe(2);
  });

  it("refuses a photo of a product's EAN clearly", async () => {
    await atTheBooth();
    const book = path.join(dir, 'book.png');
    fs.writeFileSync(book, await barcodePng('9780306406157', 'EAN13'));
    const refused = await leadbooth('badge', '--file', book, '--save');
    expect([refused.code, refused.stderr[0]]).toEqual([1, expect.stringMatching(/product's barcode \(EAN13\), not a badge/)]);
  });

  it('says what to do for a photo without a code, and for wrong usage', async () => {
    const blank = path.join(dir, 'blank.png');
    // A 1×1 white PNG: an image with no code in it.
    fs.writeFileSync(blank, Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGP4DwABAQEAG7buVgAAAABJRU5ErkJggg==', 'base64'));
    const missing = await leadbooth('badge', '--file', blank);
    expect(missing.code).toBe(1);
    expect(missing.stderr[0]).toMatch(/No badge code found in .*blank.png/);
    expect((await leadbooth('badge')).code).toBe(2);
  });
});

describe('leadbooth scan --save', () => {
  it('saves a card read as a lead in the current show, with its photo and OCR text', async () => {
    await atTheBooth();
    const saver = await openScanSaver(() => openCliSession(db, { stdout: () => {}, stderr: () => {} }));
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
