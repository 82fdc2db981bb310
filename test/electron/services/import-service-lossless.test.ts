import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findLeadById } from '../../../electron/db/repositories/leads';
import { listTimeline } from '../../../electron/db/repositories/timeline';
import { createEvent } from '../../../electron/services/events-service';
import { exportBatch } from '../../../electron/services/export-service';
import { cancelExchangeJob } from '../../../electron/services/exchange-jobs';
import { importFile, previewCsvImport } from '../../../electron/services/import-service';
import { createLead } from '../../../electron/services/leads-service';
import { queryReview } from '../../../electron/services/review-service';
import { setStaffName } from '../../../electron/services/settings-service';
import { openTempStore, steppingClock, type TempStore } from '../../support/temp-database';
import { dumpTables } from './exchange-fixture';

const stores: TempStore[] = [];
async function freshStore(): Promise<TempStore> {
  const store = await openTempStore({ clock: steppingClock() });
  stores.push(store);
  await setStaffName(store.context, 'Jo Booth');
  return store;
}
afterEach(async () => {
  for (const store of stores.splice(0)) await store.dispose();
});

const bytes = (text: string) => new TextEncoder().encode(text);
const crlf = (...lines: string[]) => `${lines.join('\r\n')}\r\n`;

function leadRows(store: TempStore) {
  return store.database.sqlite.prepare('SELECT id, first_name, last_name, email, imported_fields, source_uid FROM leads ORDER BY seq').all() as Array<{
    id: string;
    first_name: string;
    last_name: string;
    email: string;
    imported_fields: string;
    source_uid: string;
  }>;
}

let store: TempStore;
beforeEach(async () => {
  store = await freshStore();
  await createEvent(store.context, { name: 'CES' });
});

describe('CSV import keeps the columns it does not map', () => {
  const connections = crlf(
    'First Name,Last Name,Company,LinkedIn Profile,Connected On',
    'Ana,Müller,Acme GmbH,https://www.linkedin.com/in/ana-mueller,12 Mar 2026',
    'Chidi,Okafor,Northwind,,03 Jan 2025',
  );

  it('stores them on each lead as imported fields, names them in the preview and the summary, and the lead reads them back', async () => {
    const preview = await previewCsvImport(store.context, { fileName: 'Connections.csv', bytes: bytes(connections) });
    expect(preview.keptColumns).toEqual(['LinkedIn Profile', 'Connected On']);
    expect(preview).toMatchObject({ needsMapping: '', problems: [], problemRows: 0, hasHeader: true });
    const summary = await importFile(store.context, { fileName: 'Connections.csv', bytes: bytes(connections) });
    expect(summary).toMatchObject({ added: 2, keptColumns: ['LinkedIn Profile', 'Connected On'], problems: [] });
    const [ana, chidi] = leadRows(store);
    expect(JSON.parse(ana?.imported_fields ?? '')).toEqual({ 'LinkedIn Profile': 'https://www.linkedin.com/in/ana-mueller', 'Connected On': '12 Mar 2026' });
    expect(JSON.parse(chidi?.imported_fields ?? '')).toEqual({ 'Connected On': '03 Jan 2025' });
    expect((await findLeadById(store.context.db, ana?.id ?? ''))?.importedFields).toEqual({ 'LinkedIn Profile': 'https://www.linkedin.com/in/ana-mueller', 'Connected On': '12 Mar 2026' });
    // A lead typed at the booth has none.
    expect((await createLead(store.context, { lastName: 'Roe', company: 'Zeta' })).lead.importedFields).toEqual({});
  });

  it('keeps a column the person left unmapped, drops one they chose to leave out', async () => {
    const summary = await importFile(store.context, {
      fileName: 'Connections.csv',
      bytes: bytes(connections),
      mapping: { 'First Name': 'firstName', 'Last Name': 'lastName', Company: 'company', 'Connected On': 'ignore' },
    });
    expect(summary.keptColumns).toEqual(['LinkedIn Profile']);
    expect(leadRows(store).map((row) => JSON.parse(row.imported_fields) as unknown)).toEqual([{ 'LinkedIn Profile': 'https://www.linkedin.com/in/ana-mueller' }, {}]);
  });

  it('travels in the bundle to another laptop', async () => {
    await importFile(store.context, { fileName: 'Connections.csv', bytes: bytes(connections) });
    const result = await exportBatch(store.context, { format: 'bundle', filter: {} });
    if (result.cancelled) throw new Error('cancelled');
    const other = await freshStore();
    await importFile(other.context, { fileName: 'a.leadbooth.json', bytes: bytes(result.files[0]?.content ?? '') });
    expect(leadRows(other).map((row) => row.imported_fields)).toEqual(leadRows(store).map((row) => row.imported_fields));
    expect(dumpTables(other).leads).toEqual(dumpTables(store).leads);
  });
});

describe('one bad value does not sink a CSV', () => {
  const longName = 'Maximiliane-Josephine Alexandra Theodora Wilhelmin'; // 50 characters: the field holds 40
  const google = crlf(
    'First Name,Last Name,E-mail 1 - Value,Organization 1 - Name',
    `${longName},von Hohenberg,max@hohenberg.example,Hohenberg AG`,
    'Ana,Müller,x@invalid,Acme GmbH',
    'Chidi,Okafor,chidi@northwind.example,Northwind',
  );
  const mapping = { 'First Name': 'firstName', 'Last Name': 'lastName', 'E-mail 1 - Value': 'email', 'Organization 1 - Name': 'company' };

  it('lists each problem value in the preview with what will happen to it', async () => {
    // Headers every version of the reader guesses, so the preview's own mapping finds the problems.
    const plain = google.replace('E-mail 1 - Value,Organization 1 - Name', 'Email,Company');
    const preview = await previewCsvImport(store.context, { fileName: 'plain.csv', bytes: bytes(plain) });
    expect(preview.problemRows).toBe(2);
    expect(preview.problems).toEqual([
      { line: 2, field: 'First Name', value: longName, why: '50 characters: longer than the 40 this field holds', whenKept: expect.stringMatching(/kept whole in the imported field “First Name”/) },
      { line: 3, field: 'Email', value: 'x@invalid', why: 'not a valid email address', whenKept: expect.stringMatching(/kept as text .*marked to check/) },
    ]);
  });

  it('imports every row by default, the problem values kept whole as imported fields and the lead with a bad email marked to check', async () => {
    const summary = await importFile(store.context, { fileName: 'google.csv', bytes: bytes(google), mapping });
    expect(summary).toMatchObject({ added: 3, skipped: 0, toReview: 1, skippedProblemRows: 0 });
    expect(summary.problems.map((problem) => [problem.line, problem.field, problem.value])).toEqual([
      [2, 'First Name', longName],
      [3, 'E-mail 1 - Value', 'x@invalid'],
    ]);
    const [max, ana, chidi] = leadRows(store);
    expect(max).toMatchObject({ first_name: '', last_name: 'von Hohenberg', email: 'max@hohenberg.example' });
    expect(JSON.parse(max?.imported_fields ?? '')).toEqual({ 'First Name': longName });
    expect(ana).toMatchObject({ first_name: 'Ana', email: '' });
    expect(JSON.parse(ana?.imported_fields ?? '')).toEqual({ 'E-mail 1 - Value': 'x@invalid' });
    expect(chidi?.imported_fields).toBe('{}');
    // The lead says on its timeline what to check.
    const [captured] = await listTimeline(store.context.db, ana?.id ?? '');
    expect(captured).toMatchObject({ kind: 'captured', problems: [expect.stringMatching(/^E-mail 1 - Value: not a valid email address/)] });
  });

  it('leaves the problem rows out when the person chooses so, and refuses the file when strict; one transaction either way', async () => {
    const skipped = await importFile(store.context, { fileName: 'google.csv', bytes: bytes(google), mapping, problemRows: 'skip' });
    expect(skipped).toMatchObject({ added: 1, skipped: 2, skippedProblemRows: 2, toReview: 0 });
    expect(skipped.problems.map((problem) => problem.whenKept)).toEqual(['the row is left out (as chosen)', 'the row is left out (as chosen)']);
    expect(leadRows(store).map((row) => row.last_name)).toEqual(['Okafor']);
    await expect(importFile(store.context, { fileName: 'google.csv', bytes: bytes(google), mapping, problemRows: 'strict' })).rejects.toThrow(
      /google\.csv: 2 rows hold values .*line 2, First Name: 50 characters.*line 3, E-mail 1 - Value: not a valid email address.*Nothing was imported/,
    );
    expect(leadRows(store)).toHaveLength(1);
  });

  it('keeps an over-long note, lead source or badge id whole instead of cutting it', async () => {
    const note = 'n'.repeat(32_001);
    const csv = crlf('Last Name,Notes,Lead Source,Badge ID', `Okafor,${note},${'s'.repeat(41)},B-1`);
    const summary = await importFile(store.context, { fileName: 'notes.csv', bytes: bytes(csv) });
    expect(summary.problems.map((problem) => problem.field)).toEqual(['Notes', 'Lead Source']);
    const row = store.database.sqlite.prepare('SELECT notes, lead_source, badge_id, imported_fields FROM leads').get() as Record<string, string>;
    expect(row).toMatchObject({ notes: '', lead_source: 'Trade Show', badge_id: 'B-1' });
    expect(JSON.parse(row.imported_fields ?? '')).toEqual({ Notes: note, 'Lead Source': 's'.repeat(41) });
  });
});

describe('a CSV whose columns are not recognised', () => {
  const headerless = crlf('Ana,Müller,ana@acme.example', 'Chidi,Okafor,chidi@northwind.example');

  it('asks for the mapping in the preview and is refused without one, never "accepted, 0 added"', async () => {
    const preview = await previewCsvImport(store.context, { fileName: 'list.csv', bytes: bytes(headerless) });
    expect(preview.needsMapping).toMatch(/choose the field of each column/);
    await expect(importFile(store.context, { fileName: 'list.csv', bytes: bytes(headerless) })).rejects.toThrow(/list\.csv: .*--map FILE.*"Column 1".*Nothing was imported/);
    expect(leadRows(store)).toHaveLength(0);
    const [first = '', second = '', third = ''] = preview.headers;
    const summary = await importFile(store.context, { fileName: 'list.csv', bytes: bytes(headerless), mapping: { [first]: 'firstName', [second]: 'lastName', [third]: 'email' } });
    expect(summary.added).toBe(preview.rowCount);
  });

  it('a mapping remembered for its columns applies the next time, in the preview and the import (the file is read whole to name them)', async () => {
    const mapping = { 'Column 1': 'firstName', 'Column 2': 'lastName', 'Column 3': 'email' };
    await importFile(store.context, { fileName: 'list.csv', bytes: bytes(headerless), mapping, rememberMapping: true });
    const preview = await previewCsvImport(store.context, { fileName: 'list2.csv', bytes: bytes(headerless) });
    expect(preview).toMatchObject({ remembered: true, mapping, needsMapping: '', rowCount: 2 });
    expect(preview.sample[0]).toEqual(['Ana', 'Müller', 'ana@acme.example']);
    expect(await importFile(store.context, { fileName: 'list2.csv', bytes: bytes(headerless) })).toMatchObject({ added: 2, flagged: 2 });
  });
});

describe('vCard import', () => {
  const card = (...lines: string[]) => ['BEGIN:VCARD', 'VERSION:3.0', ...lines, 'END:VCARD'];
  const file = crlf(
    ...card(
      'UID:urn:uuid:7b1d0c4e-1111-4c2b-9a53-0d5c6e2f0a01',
      'N:Müller;Ana;;;',
      'ORG:Acme GmbH',
      'EMAIL;TYPE=INTERNET,HOME,PREF:ana@gmail.example',
      'EMAIL;TYPE=INTERNET,WORK:ana@acme.example',
      'TEL;TYPE=HOME,VOICE,PREF:+49 30 111',
      'TEL;TYPE=WORK,VOICE:+49 30 222',
      'ADR;TYPE=HOME,PREF:;;Gartenweg 1;Potsdam;;14467;Germany',
      'ADR;TYPE=WORK:;;Friedrichstraße 10;Berlin;;10117;Germany',
    ),
    ...card('UID:chidi-1', 'N:Okafor;Chidi;;;', 'ORG:Northwind', 'EMAIL:x@invalid', 'this line is not a property'),
  );

  it('prefers the work email, phone and address over the preferred home ones and keeps the home ones; keeps the UID', async () => {
    const summary = await importFile(store.context, { fileName: 'contacts.vcf', bytes: bytes(file) });
    expect(summary).toMatchObject({ added: 2, toReview: 1 });
    const ana = await findLeadById(store.context.db, leadRows(store)[0]?.id ?? '');
    expect(ana).toMatchObject({ email: 'ana@acme.example', phone: '+49 30 222', street: 'Friedrichstraße 10', city: 'Berlin' });
    expect(ana?.importedFields).toEqual({
      'EMAIL;TYPE=home': 'ana@gmail.example',
      'TEL;TYPE=home,voice': '+49 30 111',
      'ADR;TYPE=home': 'Gartenweg 1, 14467 Potsdam, Germany',
    });
    expect(leadRows(store).map((row) => row.source_uid)).toEqual(['urn:uuid:7b1d0c4e-1111-4c2b-9a53-0d5c6e2f0a01', 'chidi-1']);
  });

  it('does not refuse the file for one bad card: the bad email and the unreadable line are kept and listed', async () => {
    const summary = await importFile(store.context, { fileName: 'contacts.vcf', bytes: bytes(file) });
    expect(summary.problems.map((problem) => [problem.line, problem.field, problem.value])).toEqual([
      [13, 'EMAIL', 'x@invalid'],
      [19, '', 'this line is not a property'],
    ]);
    const chidi = leadRows(store)[1];
    expect(chidi).toMatchObject({ last_name: 'Okafor', email: '' });
    expect(JSON.parse(chidi?.imported_fields ?? '')).toEqual({ EMAIL: 'x@invalid', 'line 7 of the card': 'this line is not a property' });
    await expect(importFile(store.context, { fileName: 'contacts.vcf', bytes: bytes(file), problemRows: 'strict' })).rejects.toThrow(/Nothing was imported/);
  });

  it('changes nothing when the same file comes again, and updates by UID field by field from a later file', async () => {
    await importFile(store.context, { fileName: 'contacts.vcf', bytes: bytes(file) });
    const before = dumpTables(store);
    expect(await importFile(store.context, { fileName: 'contacts.vcf', bytes: bytes(file) })).toMatchObject({ added: 0, updated: 0, skipped: 2, flagged: 0 });
    expect(dumpTables(store)).toEqual(before);

    const later = crlf(...card('UID:chidi-1', 'N:Okafor;Chidi;;;', 'ORG:Northwind Ltd', 'TITLE:CTO', 'EMAIL:chidi@northwind.example'));
    expect(await importFile(store.context, { fileName: 'later.vcf', bytes: bytes(later) })).toMatchObject({ added: 0, updated: 1, skipped: 0 });
    const chidi = await findLeadById(store.context.db, leadRows(store)[1]?.id ?? '');
    // What the later card holds replaces the old value; what it no longer holds stays.
    expect(chidi).toMatchObject({ company: 'Northwind Ltd', title: 'CTO', email: 'chidi@northwind.example' });
    expect(chidi?.importedFields).toMatchObject({ EMAIL: 'x@invalid' });
    const [edited] = await listTimeline(store.context.db, chidi?.id ?? '');
    expect(edited).toMatchObject({
      kind: 'edited',
      changes: [
        { field: 'company', from: 'Northwind', to: 'Northwind Ltd' },
        { field: 'title', from: '', to: 'CTO' },
        { field: 'email', from: '', to: 'chidi@northwind.example' },
      ],
    });
    expect(leadRows(store)).toHaveLength(2);
  });

  it('matches a card without UID by the duplicate rule and flags it', async () => {
    await importFile(store.context, { fileName: 'contacts.vcf', bytes: bytes(file) });
    const noUid = crlf(...card('N:Müller;Ana;;;', 'ORG:Acme GmbH', 'EMAIL;TYPE=WORK:ana@acme.example'));
    expect(await importFile(store.context, { fileName: 'again.vcf', bytes: bytes(noUid) })).toMatchObject({ added: 1, flagged: 1 });
  });
});

describe('a CSV into a store without leads', () => {
  const schema = (target: TempStore) => target.database.sqlite.prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name").all();
  const rows = crlf('Last Name,Company,Email', ...Array.from({ length: 2500 }, (_, index) => `Roe ${index},Zeta,bo${index}@zeta.example`));

  it('builds the lead indexes once at the end: every one is back, and a Cancel takes the whole import back', async () => {
    const emptySchema = schema(store);
    expect(await importFile(store.context, { fileName: 'many.csv', bytes: bytes(rows) })).toMatchObject({ added: 2500 });
    expect(schema(store)).toEqual(emptySchema);
    expect(store.database.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');

    const other = await freshStore();
    const otherSchema = schema(other);
    other.context.notify = (event) => {
      if (event === 'exchange.progress') cancelExchangeJob(other.context);
    };
    expect(await importFile(other.context, { fileName: 'many.csv', bytes: bytes(rows) })).toMatchObject({ cancelled: true, added: 0 });
    expect(schema(other)).toEqual(otherSchema);
    expect(leadRows(other)).toHaveLength(0);
  });
});

describe('a large CSV into a store that holds fewer leads (the indexes built once at the end)', () => {
  const schema = (target: TempStore) => target.database.sqlite.prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name").all();
  const people = (from: number, count: number) => Array.from({ length: count }, (_, index) => `Person${from + index},Roe${(from + index) % 97},Zeta ${(from + index) % 13},p${from + index}@zeta.example`);
  const csv = (lines: string[]) => bytes(crlf('First Name,Last Name,Company,Email', ...lines));
  // The new leads as written, without what differs between two imports of the same rows (ids, order, times).
  const newLeads = (target: TempStore) =>
    target.database.sqlite
      .prepare(
        `SELECT first_name, last_name, company, email, capture_method, status, imported_fields, name_key,
           (SELECT count(*) FROM lead_timeline WHERE lead_id = leads.id) AS entries,
           (SELECT count(*) FROM duplicate_flags WHERE lead_id = leads.id) AS flags
         FROM leads WHERE email LIKE 'p1%@zeta.example' AND length(email) = length('p10000@zeta.example') ORDER BY email`,
      )
      .all();
  const leadCount = (target: TempStore) => target.database.sqlite.prepare('SELECT count(*) FROM leads').pluck().get();

  it('leaves the store with exactly the migrations’ indexes, gives the same leads as the row-by-row way, and serves the review list meanwhile', async () => {
    const adding = people(10_000, 5000);
    // 300 leads before: 5,000 new ones are a bulk load
    await importFile(store.context, { fileName: 'first.csv', bytes: csv(people(0, 300)) });
    const before = schema(store);
    const seenDuringImport: Array<Promise<{ total: number; first: string }>> = [];
    store.context.notify = (event) => {
      if (event === 'exchange.progress') seenDuringImport.push(queryReview(store.context, { filter: {}, sort: { by: 'name', direction: 'asc' }, offset: 0, limit: 50 }).then((page) => ({ total: page.total, first: page.items[0]?.firstName ?? '' })));
    };
    expect(await importFile(store.context, { fileName: 'many.csv', bytes: csv(adding) })).toMatchObject({ added: 5000 });
    expect(schema(store)).toEqual(before);
    expect(store.database.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    // the review list during the import: the store as it was before it, read through the indexes
    expect(seenDuringImport.length).toBeGreaterThan(1);
    for (const seen of await Promise.all(seenDuringImport)) expect(seen).toEqual({ total: 300, first: 'Person0' });

    // 6,000 leads before: the same 5,000 rows go in with the indexes kept current
    const other = await freshStore();
    const strangers = Array.from({ length: 5700 }, (_, index) => `Other${index},Kim${index},Omega ${index},o${index}@omega.example`);
    await importFile(other.context, { fileName: 'first.csv', bytes: csv([...people(0, 300), ...strangers]) });
    expect(await importFile(other.context, { fileName: 'many.csv', bytes: csv(adding) })).toMatchObject({ added: 5000 });
    const written = newLeads(store);
    expect(written).toHaveLength(5000);
    expect(newLeads(other)).toEqual(written);
  });

  it('gives every index back at Cancel, with the leads that were there and nothing else', async () => {
    await importFile(store.context, { fileName: 'first.csv', bytes: csv(people(0, 300)) });
    const before = schema(store);
    store.context.notify = (event) => {
      if (event === 'exchange.progress') cancelExchangeJob(store.context);
    };
    expect(await importFile(store.context, { fileName: 'many.csv', bytes: csv(people(10_000, 5000)) })).toMatchObject({ cancelled: true, added: 0 });
    expect(schema(store)).toEqual(before);
    expect(leadCount(store)).toBe(300);
    expect(store.database.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
