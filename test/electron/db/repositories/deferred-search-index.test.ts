import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { listLeads } from '../../../../electron/db/repositories/leads';
import { createEvent } from '../../../../electron/services/events-service';
import { cancelExchangeJob, SLICE_SIZE } from '../../../../electron/services/exchange-jobs';
import { exportBatch } from '../../../../electron/services/export-service';
import { importFile } from '../../../../electron/services/import-service';
import { createLead } from '../../../../electron/services/leads-service';
import { setStaffName } from '../../../../electron/services/settings-service';
import { openTempStore, type TempStore } from '../../../support/temp-database';

let store: TempStore | undefined;
afterEach(async () => store?.dispose());

const bytes = (text: string) => new TextEncoder().encode(text);
const crlf = (...lines: string[]) => `${lines.join('\r\n')}\r\n`;
const card = (...lines: string[]) => ['BEGIN:VCARD', 'VERSION:3.0', ...lines, 'END:VCARD'];

async function openStore(): Promise<TempStore> {
  const opened = await openTempStore();
  await setStaffName(opened.context, 'Jo');
  await createEvent(opened.context, { name: 'CES' });
  return opened;
}

/** FTS5 compares its index with the leads table and throws on any difference. */
function checkSearchIndex(opened: TempStore): void {
  opened.database.sqlite.exec(`INSERT INTO leads_fts (leads_fts, rank) VALUES ('integrity-check', 1)`);
}

const names = async (opened: TempStore, text: string) => (await listLeads(opened.context.db, { text, limit: 50 })).map(({ lead }) => `${lead.firstName} ${lead.lastName}`).sort();

const insertTrigger = (opened: TempStore) => opened.database.sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name = 'leads_fts_insert'`).get();

describe('the search index during an import (indexed after the rows, in one statement)', () => {
  it('finds every imported lead, matches the table exactly, and indexes leads saved afterwards again', async () => {
    store = await openStore();
    await createLead(store.context, { firstName: 'Lena', lastName: 'Fischer', company: 'Globex' });
    const rows = Array.from({ length: 1200 }, (_, index) => `Person${index},Zanetti${index % 7},Initech,p${index}@initech.example,met at booth ${index % 3}`);
    const summary = await importFile(store.context, { fileName: 'list.csv', bytes: bytes(['First Name,Last Name,Company,Email,Notes', ...rows].join('\n')) });
    expect(summary.added).toBe(1200);
    checkSearchIndex(store);
    expect(await names(store, 'person1199')).toEqual(['Person1199 Zanetti2']);
    expect((await listLeads(store.context.db, { text: 'zanetti3', limit: 500 })).length).toBe(rows.filter((row) => row.includes('Zanetti3,')).length);
    expect(await names(store, 'fischer')).toEqual(['Lena Fischer']);
    expect(insertTrigger(store)).toBeDefined();
    await createLead(store.context, { firstName: 'Mara', lastName: 'Bergström', company: 'Hooli' });
    expect(await names(store, 'bergstrom')).toEqual(['Mara Bergström']);
    checkSearchIndex(store);
  });

  it('indexes a card before a later card of the same UID in the same file updates it', async () => {
    store = await openStore();
    const file = crlf(...card('UID:ana-1', 'N:Müller;Ana;;;', 'ORG:Acme'), ...card('UID:bo-1', 'N:Berg;Bo;;;', 'ORG:Acme'), ...card('UID:ana-1', 'N:Müller-Lind;Ana;;;', 'ORG:Acme'));
    const summary = await importFile(store.context, { fileName: 'contacts.vcf', bytes: bytes(file) });
    expect(summary).toMatchObject({ added: 2, updated: 1 });
    checkSearchIndex(store);
    expect(await names(store, 'lind')).toEqual(['Ana Müller-Lind']);
    expect(await names(store, 'berg')).toEqual(['Bo Berg']);
  });

  it('a cancelled import leaves the trigger and the index as they were', async () => {
    store = await openStore();
    const opened = store;
    const rows = Array.from({ length: 5000 }, (_, index) => `Person${index},Zanetti,Initech`);
    opened.context.notify = (channel) => {
      if (channel === 'exchange.progress') cancelExchangeJob(opened.context);
    };
    const summary = await importFile(opened.context, { fileName: 'list.csv', bytes: bytes(['First Name,Last Name,Company', ...rows].join('\n')) });
    expect(summary.cancelled).toBe(true);
    expect(insertTrigger(opened)).toBeDefined();
    checkSearchIndex(opened);
    await createLead(opened.context, { firstName: 'Mara', lastName: 'Zanetti', company: 'Hooli' });
    expect(await names(opened, 'zanetti')).toEqual(['Mara Zanetti']);
  });
});

describe('the search index during a bundle import', () => {
  it('indexes the new leads after the rows and puts the trigger back; a lead the bundle gives twice (the later one in another slice) is found as last given', async () => {
    const source = await openStore();
    const template = await createLead(source.context, { firstName: 'Lena', lastName: 'Fischer', company: 'Globex' });
    const exported = await exportBatch(source.context, { format: 'bundle', filter: {} });
    if (exported.cancelled) throw new Error('the export was cancelled');
    const bundle = JSON.parse(exported.files[0]?.content ?? '') as Record<string, Array<Record<string, unknown>>>;
    await source.dispose();
    const record = bundle.leads?.[0] as Record<string, unknown>;
    // More leads than one slice of the import holds, then the first of them again, edited later.
    const leads: Array<Record<string, unknown>> = Array.from({ length: SLICE_SIZE + 10 }, (_, index) => ({ ...record, id: index === 0 ? template.lead.id : randomUUID(), first_name: `Person${index}`, last_name: `Zanetti${index % 7}` }));
    leads.push({ ...(leads[0] as Record<string, unknown>), last_name: 'Quaranta', updated_at: '2099-01-01T00:00:00.000Z' });
    bundle.leads = leads;

    store = await openStore();
    await createLead(store.context, { firstName: 'Mara', lastName: 'Bergström', company: 'Hooli' });
    const summary = await importFile(store.context, { fileName: 'laptop-a.leadbooth.json', bytes: bytes(JSON.stringify(bundle)) });
    expect(summary).toMatchObject({ added: SLICE_SIZE + 10, updated: 1 });
    checkSearchIndex(store);
    expect(insertTrigger(store)).toBeDefined();
    expect(await names(store, 'quaranta')).toEqual(['Person0 Quaranta']);
    expect(await names(store, 'person0')).toEqual(['Person0 Quaranta']);
    expect(await names(store, 'person2009')).toEqual(['Person2009 Zanetti0']);
    expect(await names(store, 'bergstrom')).toEqual(['Mara Bergström']);
  });
});
