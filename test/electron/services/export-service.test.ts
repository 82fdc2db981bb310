import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { convertLead, undoConversion } from '../../../electron/services/conversion-service';
import { setStage } from '../../../electron/services/crm-service';
import { updateEvent } from '../../../electron/services/events-service';
import { createLead } from '../../../electron/services/leads-service';
import { getSalesforceProfile, saveSalesforceProfile } from '../../../electron/services/salesforce-profile-service';
import { BATCH_LEADS_NAMED, DEFAULT_SALESFORCE_PROFILE } from '../../../shared/domain/exchange';
import { cancelExchangeJob } from '../../../electron/services/exchange-jobs';
import { confirmExport, exportBatch, exportBatchAgain, listBatches, previewExport, saveExportToChosenPlace } from '../../../electron/services/export-service';
import { latestExportOfLeads, leadExportedCondition, leadIdsExported, listBatchLeadIds } from '../../../electron/db/repositories/export-batches';
import { reviewLeadIds } from '../../../electron/db/repositories/review-query';
import { duplicateSnapshot } from '../../../electron/services/duplicate-groups-service';
import type { ReviewFilter } from '../../../shared/domain/review';
import {
  SALESFORCE_ACCOUNT_COLUMNS,
  SALESFORCE_CONTACT_COLUMNS,
  SALESFORCE_CONTACT_ROLE_COLUMNS,
  SALESFORCE_OPPORTUNITY_COLUMNS,
} from '../../../electron/exchange/salesforce-converted-csv';
import { parseVcards } from '../../../shared/parsing/contact-payload';
import type { ExportResult } from '../../../shared/domain/exchange';
import { AppError } from '../../../shared/ipc/errors';
import { openTempStore, steppingClock, type TempStore } from '../../support/temp-database';
import { fillStore } from './exchange-fixture';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createDispatcher } from '../../../electron/ipc/dispatch';
import { createHandlers } from '../../../electron/services/handlers';
import { createApiClient } from '../../../shared/ipc/client';

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

/** Produced and recorded, as once its file is written. */
async function producedAndRecorded(result: Promise<ExportResult>) {
  const produced = done(await result);
  await confirmExport(store.context, produced.batch.id);
  return produced;
}

const readCsv = (text: string) => parse(text, { bom: true, columns: true }) as Array<Record<string, string>>;

describe('export batches', () => {
  it('writes a Salesforce Leads CSV a CSV parser reads back, records the batch with its SHA-256 and marks the leads exported', async () => {
    const result = await producedAndRecorded(exportBatch(store.context, { format: 'salesforce-leads', filter: { eventId: fixture.eventId } }));
    const [file] = result.files;
    const rows = readCsv(file?.content ?? '');
    // Ana is converted: she goes out through the converted export, not as an open lead.
    expect(rows.map((row) => row.LastName)).toEqual(['Okafor', '']);
    expect(rows[0]).toMatchObject({ LeadBooth_Event__c: 'Web Summit 2026', Status: 'Open - Not Contacted', LeadBooth_Status__c: 'New', Rating: 'Hot' });
    expect(result.skipped).toEqual([{ reason: 'converted', count: 1 }]);
    expect(result.missingRequired).toEqual([{ leadId: fixture.leadIds[2], name: 'Émile', missing: ['LastName', 'Company'] }]);
    expect(result.batch).toMatchObject({ format: 'salesforce-leads', leadCount: 2, skippedCount: 1, createdBy: 'Jo Booth', fileName: file?.name, filter: { eventId: fixture.eventId } });
    expect(result.batch.sha256).toBe(createHash('sha256').update(file?.content ?? '', 'utf8').digest('hex'));
    const exported = await leadIdsExported(store.context.db, fixture.leadIds);
    expect([...exported].sort()).toEqual([fixture.leadIds[1], fixture.leadIds[2]].sort());
    const neverExported = await store.context.db.selectFrom('leads').select('id').where(leadExportedCondition(false)).execute();
    expect(neverExported.map((row) => row.id).sort()).toEqual([fixture.leadIds[0], fixture.leadIds[3]].sort());
    expect((await listBatches(store.context)).map((batch) => batch.id)).toEqual([result.batch.id]);
    const latest = await latestExportOfLeads(store.context.db, fixture.leadIds);
    expect(latest.get(fixture.leadIds[1] as string)).toEqual({ batchId: result.batch.id, exportedAt: result.batch.createdAt, format: 'salesforce-leads' });
    expect(latest.has(fixture.leadIds[3] as string)).toBe(false);
  });

  it('previews what Salesforce refuses and can skip it; "only new" leaves out what a batch carried', async () => {
    const preview = await previewExport(store.context, { format: 'salesforce-leads', filter: {} });
    expect(preview.leadCount).toBe(4);
    expect(preview.convertedCount).toBe(1);
    expect(preview.missingRequired).toEqual([{ leadId: fixture.leadIds[2], name: 'Émile', missing: ['LastName', 'Company'] }]);
    const first = await producedAndRecorded(exportBatch(store.context, { format: 'salesforce-leads', filter: {}, skipMissingRequired: true }));
    expect(first.batch).toMatchObject({ leadCount: 2, skippedCount: 2 });
    expect(first.skipped).toEqual([
      { reason: 'converted', count: 1 },
      { reason: 'missing_required', count: 1 },
    ]);
    const second = await producedAndRecorded(exportBatch(store.context, { format: 'hubspot', filter: { onlyNew: true } }));
    expect(readCsv(second.files[0]?.content ?? '').map((row) => row['Email'])).toEqual(['ana@acme.example', 'emile@example.fr']);
    await expect(exportBatch(store.context, { format: 'vcard', filter: { onlyNew: true } })).rejects.toThrow(AppError);
  });

  it('lists each batch with the names of its first leads in capture order, at most BATCH_LEADS_NAMED of a big batch, in one read for all batches', async () => {
    const hubspot = await producedAndRecorded(exportBatch(store.context, { format: 'hubspot', filter: {} }));
    const vcard = await producedAndRecorded(exportBatch(store.context, { format: 'vcard', filter: { eventId: fixture.eventId, status: 'New' } }));
    const history = await listBatches(store.context);
    expect(history.map((batch) => batch.id)).toEqual([vcard.batch.id, hubspot.batch.id]);
    // Émile has no last name and no company: the name the app shows everywhere else.
    expect(history[0]?.leads).toEqual([
      { leadId: fixture.leadIds[1], name: 'Chidi Okafor' },
      { leadId: fixture.leadIds[2], name: 'Émile' },
    ]);
    expect(history[1]?.leads.map((lead) => lead.name)).toEqual(['Ana Müller', 'Chidi Okafor', 'Émile', 'Bo Roe']);

    const many = await Promise.all(
      Array.from({ length: BATCH_LEADS_NAMED + 5 }, async (_, index) => (await createLead(store.context, { firstName: `Person${index}`, lastName: 'Many' })).lead.id),
    );
    const big = await producedAndRecorded(exportBatch(store.context, { format: 'vcard', filter: { leadIds: many } }));
    const [newest] = await listBatches(store.context);
    expect(newest?.id).toBe(big.batch.id);
    expect(newest?.leadCount).toBe(BATCH_LEADS_NAMED + 5);
    expect(newest?.leads).toHaveLength(BATCH_LEADS_NAMED);
    expect(new Set(newest?.leads.map((lead) => lead.leadId)).size).toBe(BATCH_LEADS_NAMED);
  });

  it('writes vCards the payload parser reads back', async () => {
    const result = done(await exportBatch(store.context, { format: 'vcard', filter: { status: 'Converted' } }));
    const cards = parseVcards(result.files[0]?.content ?? '');
    expect(cards).toHaveLength(1);
    expect(cards[0]?.fields).toMatchObject({ firstName: 'Ana', lastName: 'Müller', company: 'Acme GmbH', email: 'ana@acme.example' });
  });

  it('writes the converted records as four linked CSVs and the conversion can no longer be undone', async () => {
    await updateEvent(store.context, fixture.eventId, { currency: 'CHF' });
    const result = done(await exportBatch(store.context, { format: 'salesforce-converted', filter: {} }));
    // Produced but not written yet: the conversion can still be undone.
    expect((await store.context.db.selectFrom('conversions').select('exported_at').executeTakeFirstOrThrow()).exported_at).toBeNull();
    await confirmExport(store.context, result.batch.id);
    expect(result.files.map((file) => file.name)).toEqual(['Accounts.csv', 'Contacts.csv', 'Opportunities.csv', 'OpportunityContactRoles.csv']);
    const [accounts, contacts, opportunities, roles] = result.files.map((file) => readCsv(file.content));
    expect(Object.keys(accounts?.[0] ?? {})).toEqual([...SALESFORCE_ACCOUNT_COLUMNS]);
    expect(Object.keys(contacts?.[0] ?? {})).toEqual([...SALESFORCE_CONTACT_COLUMNS]);
    expect(Object.keys(opportunities?.[0] ?? {})).toEqual([...SALESFORCE_OPPORTUNITY_COLUMNS]);
    expect(Object.keys(roles?.[0] ?? {})).toEqual([...SALESFORCE_CONTACT_ROLE_COLUMNS]);
    expect(accounts?.[0]).toMatchObject({ Name: 'Acme GmbH', Phone: '+49 30 1234567' });
    const notes = '\'=HYPERLINK("http://x")\nsecond line, "quoted"';
    expect(contacts?.[0]).toMatchObject({ 'Account.LeadBooth_Id__c': accounts?.[0]?.LeadBooth_Id__c, Phone: '+49 30 1234567', Description: notes });
    expect(opportunities?.[0]).toMatchObject({
      'Account.LeadBooth_Id__c': accounts?.[0]?.LeadBooth_Id__c,
      StageName: 'Prospecting',
      CloseDate: '2027-03-31',
      Amount: '50000',
      CurrencyIsoCode: 'CHF',
      Probability: '10',
      Description: notes,
      LeadBooth_Loss_Reason__c: '',
    });
    expect(roles).toEqual([
      {
        'Opportunity.LeadBooth_Id__c': opportunities?.[0]?.LeadBooth_Id__c,
        'Contact.LeadBooth_Id__c': contacts?.[0]?.LeadBooth_Id__c,
        Role: 'Decision Maker',
        IsPrimary: 'true',
      },
    ]);
    expect(result.neutralized).toEqual({ Description: 2 });
    expect(result.skipped).toEqual([{ reason: 'not_converted', count: 3 }]);
    expect(result.batch).toMatchObject({ leadCount: 1, skippedCount: 3 });
    await expect(undoConversion(store.context, fixture.convertedLeadId)).rejects.toThrow();
  });

  it('carries an account’s website and a Closed Lost opportunity’s reason', async () => {
    const bo = fixture.leadIds[3] as string;
    await convertLead(store.context, {
      leadId: bo,
      account: { mode: 'new' },
      contact: { mode: 'new' },
      opportunity: { name: 'Zeta – MWC', stage: 'Prospecting', closeDate: '2027-01-15' },
    });
    const opportunity = await store.context.db.selectFrom('conversions').select('opportunity_id').where('lead_id', '=', bo).executeTakeFirstOrThrow();
    await setStage(store.context, opportunity.opportunity_id as string, 'Closed Lost', 'Went with a competitor: cheaper scanners');
    const result = done(await exportBatch(store.context, { format: 'salesforce-converted', filter: { leadIds: [bo] } }));
    const [accounts, , opportunities] = result.files.map((file) => readCsv(file.content));
    expect(accounts).toEqual([expect.objectContaining({ Name: 'Zeta 😀 Labs', Website: 'zeta.example' })]);
    expect(opportunities).toEqual([expect.objectContaining({ StageName: 'Closed Lost', LeadBooth_Loss_Reason__c: 'Went with a competitor: cheaper scanners' })]);
  });

  it('gives a contact two leads were converted into the notes of both, oldest first', async () => {
    const chidi = fixture.leadIds[1] as string;
    store.database.sqlite.prepare("UPDATE leads SET notes = 'Met again at the bar' WHERE id = ?").run(chidi);
    const ana = await store.context.db.selectFrom('conversions').select(['account_id', 'contact_id']).where('lead_id', '=', fixture.convertedLeadId).executeTakeFirstOrThrow();
    await convertLead(store.context, { leadId: chidi, account: { mode: 'existing', id: ana.account_id }, contact: { mode: 'existing', id: ana.contact_id }, opportunity: null });
    const result = done(await exportBatch(store.context, { format: 'salesforce-converted', filter: {} }));
    const contacts = readCsv(result.files[1]?.content ?? '');
    expect(contacts.map((row) => row.Description)).toEqual(['\'=HYPERLINK("http://x")\nsecond line, "quoted"\n\nMet again at the bar']);
    expect(result.batch).toMatchObject({ leadCount: 2, skippedCount: 2 });
  });

  it('remembers the org’s Salesforce profile and exports with it; a profile given for one export wins', async () => {
    expect(await getSalesforceProfile(store.context)).toEqual(DEFAULT_SALESFORCE_PROFILE);
    const profile = { statusValues: { ...DEFAULT_SALESFORCE_PROFILE.statusValues, New: 'Neu' }, neverAskedOptedOut: true };
    await saveSalesforceProfile(store.context, profile);
    expect(await getSalesforceProfile(store.context)).toEqual(profile);
    const chidi = fixture.leadIds[1] as string;
    const remembered = done(await exportBatch(store.context, { format: 'salesforce-leads', filter: { leadIds: [chidi] } }));
    expect(readCsv(remembered.files[0]?.content ?? '')[0]).toMatchObject({ Status: 'Neu', HasOptedOutOfEmail: 'true' });
    const given = done(await exportBatch(store.context, { format: 'salesforce-leads', filter: { leadIds: [chidi] }, salesforceProfile: DEFAULT_SALESFORCE_PROFILE }));
    expect(readCsv(given.files[0]?.content ?? '')[0]).toMatchObject({ Status: 'Open - Not Contacted', HasOptedOutOfEmail: 'false' });
    await expect(saveSalesforceProfile(store.context, { ...profile, statusValues: { ...profile.statusValues, Working: ' ' } })).rejects.toThrow(/Lead Status/);
  });

  it('dates each lead in its show’s time zone', async () => {
    const chidi = fixture.leadIds[1] as string;
    // 23:30 UTC: still the 10th in New York, already the 11th in Tokyo.
    store.database.sqlite.prepare("UPDATE leads SET captured_at = '2026-03-10T23:30:00.000Z' WHERE id = ?").run(chidi);
    await updateEvent(store.context, fixture.eventId, { timeZone: 'Asia/Tokyo' });
    const tokyo = done(await exportBatch(store.context, { format: 'salesforce-leads', filter: { leadIds: [chidi] } }));
    expect(readCsv(tokyo.files[0]?.content ?? '')[0]?.LeadBooth_Captured_At__c).toBe('2026-03-11');
    await updateEvent(store.context, fixture.eventId, { timeZone: 'America/New_York' });
    const newYork = done(await exportBatch(store.context, { format: 'salesforce-leads', filter: { leadIds: [chidi] } }));
    expect(readCsv(newYork.files[0]?.content ?? '')[0]?.LeadBooth_Captured_At__c).toBe('2026-03-10');
  });

  it('sends phone numbers to HubSpot untouched and counts the notes it had to neutralise', async () => {
    const result = done(await exportBatch(store.context, { format: 'hubspot', filter: { leadIds: [fixture.convertedLeadId] } }));
    const [row] = readCsv(result.files[0]?.content ?? '');
    expect(row).toMatchObject({ 'Phone Number': '+49 30 1234567', 'Note body': '\'=HYPERLINK("http://x")\nsecond line, "quoted"' });
    expect(result.neutralized).toEqual({ 'Note body': 1 });
  });

  it('exports a batch again from the history as a new batch naming the first', async () => {
    const first = await producedAndRecorded(exportBatch(store.context, { format: 'vcard', filter: { eventId: fixture.eventId } }));
    const again = await producedAndRecorded(exportBatchAgain(store.context, first.batch.id));
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

describe('an export counts only once its file is written', () => {
  const dispatcher = () => createDispatcher(createHandlers(store.context, { version: 'test', dataPath: store.dbPath, mode: 'browser' }));
  const newLeads = async () => (await store.context.db.selectFrom('leads').select('id').where(leadExportedCondition(false)).execute()).length;
  const conversionExportedAt = async () => (await store.context.db.selectFrom('conversions').select('exported_at').executeTakeFirstOrThrow()).exported_at;

  it('over the contract: produced without a confirm records nothing; the confirm records the exact leads once', async () => {
    const dispatch = dispatcher();
    const client = createApiClient(dispatch);
    const produced = await client['exchange.export']({ format: 'salesforce-converted', filter: {} });
    if (produced.cancelled) throw new Error('cancelled');
    // The files are there to save, but no batch, no "exported" mark, the conversion can still be undone.
    expect(produced.files.length).toBeGreaterThan(1);
    expect(await client['exchange.batches']({})).toEqual([]);
    expect(await newLeads()).toBe(4);
    expect(await conversionExportedAt()).toBeNull();
    // Until then, another export still finds every lead new.
    const later = await client['exchange.export']({ format: 'hubspot', filter: { onlyNew: true } });
    expect(later.cancelled ? 0 : later.batch.leadCount).toBe(4);

    expect(await client['exchange.confirmExport']({ batchId: produced.batch.id })).toEqual(produced.batch);
    expect(await newLeads()).toBe(3);
    expect(await conversionExportedAt()).not.toBeNull();
    expect(await dispatch('exchange.confirmExport', { batchId: produced.batch.id })).toMatchObject({ ok: false, error: { code: 'not_found', message: expect.stringMatching(/not waiting to be saved any more/) } });
    expect((await listBatches(store.context)).map((batch) => batch.id)).toEqual([produced.batch.id]);
  });

  it('refuses a confirm whose written bytes are not what was produced', async () => {
    const produced = done(await exportBatch(store.context, { format: 'vcard', filter: {} }));
    await expect(confirmExport(store.context, produced.batch.id, { sha256: '0'.repeat(64) })).rejects.toThrow(/not the export that was produced/);
    expect(await listBatches(store.context)).toEqual([]);
  });

  it('the desktop save: a cancelled dialog records nothing; a chosen place gets the file (0600) and then the batch', async () => {
    const asked: Array<{ suggestedName: string; folder: boolean }> = [];
    let answer: string | null = null;
    store.context.chooseSavePlace = async (request) => {
      asked.push(request);
      return answer;
    };
    const produced = done(await exportBatch(store.context, { format: 'vcard', filter: {} }));
    expect(await saveExportToChosenPlace(store.context, produced.batch.id)).toEqual({ saved: false });
    expect(await listBatches(store.context)).toEqual([]);
    expect(await newLeads()).toBe(4);

    answer = path.join(store.dir, 'no-such-folder', 'leads.vcf');
    await expect(saveExportToChosenPlace(store.context, produced.batch.id)).rejects.toThrow(/does not exist: create it or choose another place\. Nothing was recorded: the leads stay not exported\./);
    expect(await listBatches(store.context)).toEqual([]);

    answer = path.join(store.dir, 'leads.vcf');
    const saved = await saveExportToChosenPlace(store.context, produced.batch.id);
    expect(saved).toEqual({ saved: true, batch: produced.batch, path: answer });
    expect(fs.readFileSync(answer, 'utf8')).toBe(produced.files[0]?.content);
    if (process.platform !== 'win32') expect(fs.statSync(answer).mode & 0o777).toBe(0o600);
    expect(asked).toEqual(Array(3).fill({ suggestedName: produced.files[0]?.name, folder: false }));
    expect(await newLeads()).toBe(0);
    expect((await listBatches(store.context)).map((batch) => batch.sha256)).toEqual([createHash('sha256').update(fs.readFileSync(answer)).digest('hex')]);
  });

  it('the desktop save of several files asks for a folder and writes each file there before recording', async () => {
    const folder = path.join(store.dir, 'converted');
    store.context.chooseSavePlace = async (request) => (request.folder ? folder : null);
    const produced = done(await exportBatch(store.context, { format: 'salesforce-converted', filter: {} }));
    expect(await saveExportToChosenPlace(store.context, produced.batch.id)).toEqual({ saved: true, batch: produced.batch, path: folder });
    expect(fs.readdirSync(folder).sort()).toEqual(produced.files.map((file) => file.name).sort());
    for (const file of produced.files) expect(fs.readFileSync(path.join(folder, file.name), 'utf8')).toBe(file.content);
    expect(await conversionExportedAt()).not.toBeNull();
  });

  it('without a save dialog (browser mode) the save says to download instead', async () => {
    const produced = done(await exportBatch(store.context, { format: 'vcard', filter: {} }));
    await expect(saveExportToChosenPlace(store.context, produced.batch.id)).rejects.toThrow(/only in the desktop app/);
  });
});

describe('exporting the review list’s filter (“Export these N leads”)', () => {
  /** The leads the list shows for a filter, by its own query (the duplicate rule's groups when the filter asks). */
  async function listed(filter: ReviewFilter): Promise<string[]> {
    const duplicates = filter.duplicate ? (await duplicateSnapshot(store.context.db)).membership : null;
    return reviewLeadIds(store.context.db, filter, duplicates);
  }
  /** Exports the filter as vCards, records the batch, and gives back the lead ids it carried and the names in the file. */
  async function exported(review: ReviewFilter): Promise<{ ids: string[]; names: string[] }> {
    const result = await producedAndRecorded(exportBatch(store.context, { format: 'vcard', filter: { review } }));
    expect(result.batch.filter).toEqual({ review });
    const names = parseVcards(result.files[0]?.content ?? '').map((card) => `${card.fields.firstName ?? ''} ${card.fields.lastName ?? ''}`.trim());
    return { ids: (await listBatchLeadIds(store.context.db, result.batch.id)).sort(), names };
  }

  it('carries exactly the leads the list shows: words, show, rating, exported or not, possible duplicates', async () => {
    const [ana, chidi, emile, bo] = fixture.leadIds as [string, string, string, string];
    // Chidi met again (same name and company): the duplicate rule pairs the two.
    const again = (await createLead(store.context, { firstName: 'Chidi', lastName: 'Okafor', company: 'Northwind', email: 'chidi@northwind.example' })).lead.id;

    const cases: Array<[ReviewFilter, string[]]> = [
      [{ text: 'okafor' }, [chidi, again]],
      [{ text: 'northwind', eventId: fixture.eventId, rating: 'Hot' }, [chidi]],
      [{ text: 'acme' }, [ana]],
      // Ana's checklist answer suggested a rating; the Chidi met again was captured at the current show.
      [{ rating: 'none', eventId: fixture.eventId }, [emile, again]],
      [{ duplicate: 'yes' }, [chidi, again]],
      [{ duplicate: 'no', text: 'e' }, [ana, emile]],
      [{ capturedFrom: '2000-01-01T00:00:00.000Z', text: 'roe' }, [bo]],
    ];
    for (const [filter, expected] of cases) {
      expect(await previewExport(store.context, { format: 'vcard', filter: { review: filter } }), JSON.stringify(filter)).toMatchObject({ leadCount: expected.length });
      expect((await listed(filter)).sort(), JSON.stringify(filter)).toEqual([...expected].sort());
    }
    const first = await exported({ text: 'okafor', rating: 'Hot' });
    expect(first).toEqual({ ids: [chidi], names: ['Chidi Okafor'] });
    // Now that one went out, "not exported" leaves him out, and "exported" finds only him.
    expect(await exported({ text: 'okafor', exported: 'no' })).toEqual({ ids: [again], names: ['Chidi Okafor'] });
    expect((await exported({ exported: 'yes' })).ids).toEqual([chidi, again].sort());
    // Words made of punctuation match nothing in the list, so nothing goes out.
    await expect(exportBatch(store.context, { format: 'vcard', filter: { review: { text: '"*' } } })).rejects.toThrow(/No lead matches/);
  });

  it('narrows with the export’s own choices too, and a bundle of the filter holds only its leads', async () => {
    const [, chidi, emile] = fixture.leadIds as [string, string, string, string];
    const preview = await previewExport(store.context, { format: 'vcard', filter: { review: { eventId: fixture.eventId }, status: 'New' } });
    expect(preview.leadCount).toBe(2);
    const bundle = await producedAndRecorded(exportBatch(store.context, { format: 'bundle', filter: { review: { text: 'emile' } } }));
    // Sections sit at the top level of the bundle, beside its format and version.
    const leads = (JSON.parse(bundle.files[0]?.content ?? '{}') as { leads: Array<{ id: string }> }).leads;
    expect(leads.map((lead) => lead.id)).toEqual([emile]);
    expect(await listBatchLeadIds(store.context.db, bundle.batch.id)).toEqual([emile]);
    expect(chidi).not.toBe(emile);
  });

  it('over the contract, the review filter is checked like every payload: an unknown value or key is refused with what to fix', async () => {
    const dispatch = createDispatcher(createHandlers(store.context, { version: 'test', dataPath: store.dbPath, mode: 'browser' }));
    const refused = [
      { review: { rating: 'Lukewarm' } },
      { review: { colour: 'red' } },
      { review: { text: 'x'.repeat(201) } },
      { review: { capturedFrom: 'yesterday' } },
      { review: 'acme' },
    ];
    for (const filter of refused) {
      expect(await dispatch('exchange.preview', { format: 'vcard', filter }), JSON.stringify(filter)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    expect(await dispatch('exchange.preview', { format: 'vcard', filter: { review: { text: 'okafor', rating: 'Hot' } } })).toMatchObject({ ok: true, value: { leadCount: 1 } });
  });
});
