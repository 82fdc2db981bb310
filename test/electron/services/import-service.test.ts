import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportBatch } from '../../../electron/services/export-service';
import { importFile, previewCsvImport } from '../../../electron/services/import-service';
import { cancelExchangeJob } from '../../../electron/services/exchange-jobs';
import { createEvent } from '../../../electron/services/events-service';
import { createLead } from '../../../electron/services/leads-service';
import { setStaffName } from '../../../electron/services/settings-service';
import { listTimeline } from '../../../electron/db/repositories/timeline';
import type { ExportResult } from '../../../shared/domain/exchange';
import { openTempStore, steppingClock, type TempStore } from '../../support/temp-database';
import { dumpTables, fillStore } from './exchange-fixture';

const stores: TempStore[] = [];
async function freshStore(): Promise<TempStore> {
  const store = await openTempStore({ clock: steppingClock() });
  stores.push(store);
  return store;
}
afterEach(async () => {
  for (const store of stores.splice(0)) await store.dispose();
});

const bytes = (text: string) => new TextEncoder().encode(text);
const schema = (store: TempStore) => store.database.sqlite.prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name").all();

function content(result: ExportResult): string {
  if (result.cancelled) throw new Error('cancelled');
  return result.files[0]?.content ?? '';
}

describe('bundle import', () => {
  let source: TempStore;
  let bundle: string;
  beforeEach(async () => {
    source = await freshStore();
    await fillStore(source);
    bundle = content(await exportBatch(source.context, { format: 'bundle', filter: {} }));
  });

  it('rebuilds the same data in a fresh database, and importing it again changes nothing', async () => {
    const target = await freshStore();
    const emptySchema = schema(target);
    const summary = await importFile(target.context, { fileName: 'laptop-a.leadbooth.json', bytes: bytes(bundle) });
    expect(summary).toMatchObject({ added: 4, updated: 0, skipped: 0, flagged: 0, cancelled: false });
    expect(dumpTables(target)).toEqual(dumpTables(source));
    // into an empty store the lead indexes are built at the end: every one of them is back
    expect(schema(target)).toEqual(emptySchema);
    expect(target.database.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    const before = dumpTables(target);
    const again = await importFile(target.context, { fileName: 'laptop-a.leadbooth.json', bytes: bytes(bundle) });
    expect(again).toMatchObject({ added: 0, updated: 0, skipped: 4, flagged: 0 });
    expect(dumpTables(target)).toEqual(before);
  });

  it('takes the newer version of a lead, joins a show of the same name, and flags a likely duplicate instead of merging', async () => {
    const target = await freshStore();
    await setStaffName(target.context, 'Sam');
    const show = await createEvent(target.context, { name: 'web summit 2026' });
    await createLead(target.context, { firstName: 'Chidi', lastName: 'Okafor', company: 'Northwind Ltd', eventId: show.id });
    const summary = await importFile(target.context, { fileName: 'b.json', bytes: bytes(bundle) });
    expect(summary).toMatchObject({ added: 4, flagged: 1 });
    expect(target.database.sqlite.prepare('SELECT count(*) FROM events').pluck().get()).toBe(2);
    expect(target.database.sqlite.prepare("SELECT count(*) FROM leads WHERE event_id = ?").pluck().get(show.id)).toBe(4);
    expect(target.database.sqlite.prepare('SELECT reasons, source FROM duplicate_flags').all()).toEqual([{ reasons: '["name+company"]', source: 'import' }]);

    // The other laptop edits a lead later: the newer one wins on import.
    source.database.sqlite.prepare("UPDATE leads SET title = 'CEO', updated_at = '2030-01-01T00:00:00.000Z' WHERE last_name = 'Okafor'").run();
    const newer = content(await exportBatch(source.context, { format: 'bundle', filter: {} }));
    expect(await importFile(target.context, { fileName: 'b.json', bytes: bytes(newer) })).toMatchObject({ added: 0, updated: 1, skipped: 3 });
    expect(target.database.sqlite.prepare("SELECT title FROM leads WHERE last_name = 'Okafor' AND company = 'Northwind'").pluck().get()).toBe('CEO');
  });

  it('rolls the whole import back at Cancel', async () => {
    const target = await freshStore();
    target.context.notify = (event) => {
      if (event === 'exchange.progress') cancelExchangeJob(target.context);
    };
    const emptySchema = schema(target);
    expect(await importFile(target.context, { fileName: 'a.json', bytes: bytes(bundle) })).toMatchObject({ cancelled: true, added: 0 });
    expect(schema(target)).toEqual(emptySchema);
    expect(target.database.sqlite.prepare('SELECT count(*) FROM leads').pluck().get()).toBe(0);
    expect(target.database.sqlite.prepare('SELECT count(*) FROM events').pluck().get()).toBe(0);
  });

  it('refuses a truncated or broken bundle naming the line or record, and writes nothing', async () => {
    const target = await freshStore();
    await expect(importFile(target.context, { fileName: 'cut.json', bytes: bytes(bundle.slice(0, bundle.length / 2)) })).rejects.toThrow(/cut\.json: Line 1: .*Nothing was imported/);
    const parsed = JSON.parse(bundle) as Record<string, Array<Record<string, unknown>>>;
    delete parsed.leads?.[2]?.captured_by;
    await expect(importFile(target.context, { fileName: 'bad.json', bytes: bytes(JSON.stringify(parsed, null, 1)) })).rejects.toThrow(/leads\[2\]: "captured_by" is missing/);
    const pretty = JSON.stringify(JSON.parse(bundle), null, 1).replace('"Okafor"', '"Okafor",,');
    await expect(importFile(target.context, { fileName: 'bad.json', bytes: bytes(pretty) })).rejects.toThrow(/Line \d+:/);
    expect(target.database.sqlite.prepare('SELECT count(*) FROM leads').pluck().get()).toBe(0);
    expect(target.database.sqlite.prepare('SELECT count(*) FROM events').pluck().get()).toBe(0);
  });
});

describe('CSV and vCard import', () => {
  let store: TempStore;
  let eventId: string;
  beforeEach(async () => {
    store = await freshStore();
    await setStaffName(store.context, 'Jo Booth');
    eventId = (await createEvent(store.context, { name: 'CES' })).id;
  });

  const badgeExport = 'Badge ID;Surname;First name;Organisation;E-Mail\r\nB-1;Müller;Ana;Acme GmbH;ana@acme.example\r\nB-2;Okafor;Chidi;Northwind;\r\n;;;;\r\n';

  it('guesses the mapping, imports the rows as "imported" leads with a timeline entry, and remembers a confirmed mapping', async () => {
    const preview = await previewCsvImport(store.context, { fileName: 'badges.csv', bytes: bytes(badgeExport) });
    expect(preview).toMatchObject({ headers: ['Badge ID', 'Surname', 'First name', 'Organisation', 'E-Mail'], remembered: false, rowCount: 2 });
    expect(preview.mapping).toEqual({ 'Badge ID': 'badgeId', Surname: 'lastName', 'First name': 'firstName', Organisation: 'company', 'E-Mail': 'email' });
    const mapping = { ...preview.mapping, 'Badge ID': 'ignore' };
    const summary = await importFile(store.context, { fileName: 'badges.csv', bytes: bytes(badgeExport), mapping, rememberMapping: true });
    expect(summary).toMatchObject({ added: 2, skipped: 0 });
    const rows = store.database.sqlite.prepare('SELECT id, last_name, capture_method, event_id, notes FROM leads ORDER BY seq').all() as Array<Record<string, string>>;
    expect(rows.map((row) => [row.last_name, row.capture_method, row.event_id, row.notes])).toEqual([
      ['Müller', 'imported', eventId, ''],
      ['Okafor', 'imported', eventId, ''],
    ]);
    const timeline = await listTimeline(store.context.db, rows[0]?.id as string);
    expect(timeline[0]).toMatchObject({ kind: 'captured', method: 'imported', eventName: 'CES' });
    expect((await previewCsvImport(store.context, { fileName: 'badges2.csv', bytes: bytes(badgeExport) })).mapping['Badge ID']).toBe('ignore');
    // The second file from the same source: Ana is there already → flagged, not merged.
    const second = await importFile(store.context, { fileName: 'badges2.csv', bytes: bytes(badgeExport) });
    expect(second).toMatchObject({ added: 2, flagged: 2 });
  });

  it('refuses a malformed CSV naming the line, and (strict) a bad value naming its line; nothing is written', async () => {
    const broken = 'Last Name,Company\r\nMüller,Acme\r\nOkafor,"Northwind\r\n';
    await expect(importFile(store.context, { fileName: 'x.csv', bytes: bytes(broken) })).rejects.toThrow(/x\.csv: Line 3: .*never closed/);
    const badEmail = 'Last Name,Email\r\nMüller,ana@acme.example\r\nOkafor,not-an-email\r\n';
    await expect(importFile(store.context, { fileName: 'y.csv', bytes: bytes(badEmail), problemRows: 'strict' })).rejects.toThrow(/y\.csv: 1 row holds .*line 3, Email: not a valid email address \(“not-an-email”\).*Nothing was imported/);
    expect(store.database.sqlite.prepare('SELECT count(*) FROM leads').pluck().get()).toBe(0);
  });

  it('reads our own Salesforce export back without duplicating it', async () => {
    await createLead(store.context, { firstName: 'Ana', lastName: 'Müller', company: 'Acme GmbH' });
    const csv = content(await exportBatch(store.context, { format: 'salesforce-leads', filter: {} }));
    expect(await importFile(store.context, { fileName: 'sf.csv', bytes: bytes(csv) })).toMatchObject({ added: 0, skipped: 1 });
  });

  it('imports a .vcf of vCard 3 and 4 cards and refuses a card without END naming its line', async () => {
    const vcf = [
      'BEGIN:VCARD', 'VERSION:3.0', 'N:Müller;Ana;;;', 'FN:Ana Müller', 'ORG:Acme GmbH', 'EMAIL;TYPE=work:ana@acme.example', 'END:VCARD',
      'BEGIN:VCARD', 'VERSION:4.0', 'FN:Chidi Okafor', 'N:Okafor;Chidi;;;', 'TEL;VALUE=text;TYPE=cell:+234 80 1234 5678', 'END:VCARD', '',
    ].join('\r\n');
    expect(await importFile(store.context, { fileName: 'cards.vcf', bytes: bytes(vcf) })).toMatchObject({ added: 2 });
    expect(store.database.sqlite.prepare('SELECT mobile FROM leads WHERE last_name = ?').pluck().get('Okafor')).toBe('+234 80 1234 5678');
    const cut = vcf.slice(0, vcf.lastIndexOf('END:VCARD'));
    await expect(importFile(store.context, { fileName: 'cut.vcf', bytes: bytes(cut) })).rejects.toThrow(/Line 8: .*no END:VCARD/);
    expect(store.database.sqlite.prepare('SELECT count(*) FROM leads').pluck().get()).toBe(2);
  });
});
