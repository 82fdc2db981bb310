import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { undoConversion } from '../../../electron/services/conversion-service';
import { cancelExchangeJob } from '../../../electron/services/exchange-jobs';
import { exportBatch, exportBatchAgain, listBatches, previewExport } from '../../../electron/services/export-service';
import { latestExportOfLeads, leadExportedCondition, leadIdsExported } from '../../../electron/db/repositories/export-batches';
import { SALESFORCE_ACCOUNT_COLUMNS, SALESFORCE_CONTACT_COLUMNS, SALESFORCE_OPPORTUNITY_COLUMNS } from '../../../electron/exchange/salesforce-converted-csv';
import { parseVcards } from '../../../shared/parsing/contact-payload';
import type { ExportResult } from '../../../shared/domain/exchange';
import { AppError } from '../../../shared/ipc/errors';
import { openTempStore, steppingClock, type TempStore } from '../../support/temp-database';
import { fillStore } from './exchange-fixture';
import { createHash } from 'node:crypto';

let store: TempStore;
let fixture: Awaited<ReturnType<typeof fillStore>>;
beforeEach(async () => {
  store = await openTempStore({ clock: steppingClock() });
  fixture = await fillStore(store);
});
afterEach(() => store.dispose());

function done(result: ExportResult) {
  if (result.cancelled) throw new Error('cancelled');
  return result;
}

const readCsv = (text: string) => parse(text, { bom: true, columns: true }) as Array<Record<string, string>>;

describe('export batches', () => {
  it('writes a Salesforce Leads CSV a CSV parser reads back, records the batch with its SHA-256 and marks the leads exported', async () => {
    const result = done(await exportBatch(store.context, { format: 'salesforce-leads', filter: { eventId: fixture.eventId } }));
    const [file] = result.files;
    const rows = readCsv(file?.content ?? '');
    expect(rows.map((row) => row.LastName)).toEqual(['Müller', 'Okafor', '']);
    expect(rows[0]?.Description).toBe('\'=HYPERLINK("http://x")\nsecond line, "quoted"');
    expect(rows[0]?.LeadBooth_Event__c).toBe('Web Summit 2026');
    expect(result.batch).toMatchObject({ format: 'salesforce-leads', leadCount: 3, createdBy: 'Jo Booth', fileName: file?.name, filter: { eventId: fixture.eventId } });
    expect(result.batch.sha256).toBe(createHash('sha256').update(file?.content ?? '', 'utf8').digest('hex'));
    const exported = await leadIdsExported(store.context.db, fixture.leadIds);
    expect(exported.size).toBe(3);
    expect(exported.has(fixture.leadIds[3] as string)).toBe(false);
    const neverExported = await store.context.db.selectFrom('leads').select('id').where(leadExportedCondition(false)).execute();
    expect(neverExported.map((row) => row.id)).toEqual([fixture.leadIds[3]]);
    expect((await listBatches(store.context)).map((batch) => batch.id)).toEqual([result.batch.id]);
    const latest = await latestExportOfLeads(store.context.db, fixture.leadIds);
    expect(latest.get(fixture.leadIds[0] as string)).toEqual({ batchId: result.batch.id, exportedAt: result.batch.createdAt, format: 'salesforce-leads' });
    expect(latest.has(fixture.leadIds[3] as string)).toBe(false);
  });

  it('previews what Salesforce refuses and can skip it; "only new" leaves out what a batch carried', async () => {
    const preview = await previewExport(store.context, { format: 'salesforce-leads', filter: {} });
    expect(preview.leadCount).toBe(4);
    expect(preview.missingRequired).toEqual([{ leadId: fixture.leadIds[2], name: 'Émile', missing: ['LastName', 'Company'] }]);
    const first = done(await exportBatch(store.context, { format: 'salesforce-leads', filter: {}, skipMissingRequired: true }));
    expect(first.batch).toMatchObject({ leadCount: 3, skippedCount: 1 });
    const second = done(await exportBatch(store.context, { format: 'hubspot', filter: { onlyNew: true } }));
    expect(readCsv(second.files[0]?.content ?? '').map((row) => row['Email'])).toEqual(['emile@example.fr']);
    await expect(exportBatch(store.context, { format: 'vcard', filter: { onlyNew: true } })).rejects.toThrow(AppError);
  });

  it('writes vCards the payload parser reads back', async () => {
    const result = done(await exportBatch(store.context, { format: 'vcard', filter: { status: 'Converted' } }));
    const cards = parseVcards(result.files[0]?.content ?? '');
    expect(cards).toHaveLength(1);
    expect(cards[0]?.fields).toMatchObject({ firstName: 'Ana', lastName: 'Müller', company: 'Acme GmbH', email: 'ana@acme.example' });
  });

  it('writes the converted records as three linked CSVs and the conversion can no longer be undone', async () => {
    const result = done(await exportBatch(store.context, { format: 'salesforce-converted', filter: {} }));
    expect(result.files.map((file) => file.name)).toEqual(['Accounts.csv', 'Contacts.csv', 'Opportunities.csv']);
    const [accounts, contacts, opportunities] = result.files.map((file) => readCsv(file.content));
    expect(Object.keys(accounts?.[0] ?? {})).toEqual([...SALESFORCE_ACCOUNT_COLUMNS]);
    expect(Object.keys(contacts?.[0] ?? {})).toEqual([...SALESFORCE_CONTACT_COLUMNS]);
    expect(Object.keys(opportunities?.[0] ?? {})).toEqual([...SALESFORCE_OPPORTUNITY_COLUMNS]);
    expect(accounts?.[0]).toMatchObject({ Name: 'Acme GmbH' });
    expect(contacts?.[0]?.['Account:LeadBooth_Id__c']).toBe(accounts?.[0]?.LeadBooth_Id__c);
    expect(opportunities?.[0]).toMatchObject({ 'Account:LeadBooth_Id__c': accounts?.[0]?.LeadBooth_Id__c, StageName: 'Prospecting', CloseDate: '2027-03-31', Amount: '50000', Probability: '10' });
    expect(result.batch).toMatchObject({ leadCount: 1, skippedCount: 3 });
    await expect(undoConversion(store.context, fixture.convertedLeadId)).rejects.toThrow();
  });

  it('exports a batch again from the history as a new batch naming the first', async () => {
    const first = done(await exportBatch(store.context, { format: 'vcard', filter: { eventId: fixture.eventId } }));
    const again = done(await exportBatchAgain(store.context, first.batch.id));
    expect(again.batch).toMatchObject({ format: 'vcard', leadCount: 3, repeatOf: first.batch.id });
    expect(again.files[0]?.content).toBe(first.files[0]?.content);
  });

  it('reports progress and stops at Cancel without recording anything', async () => {
    store.context.notify = (event) => {
      if (event === 'exchange.progress') cancelExchangeJob(store.context);
    };
    const result = await exportBatch(store.context, { format: 'hubspot', filter: {} });
    expect(result.cancelled).toBe(true);
    expect(await listBatches(store.context)).toEqual([]);
  });
});
