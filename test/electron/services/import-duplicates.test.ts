import { afterEach, describe, expect, it } from 'vitest';
import { listDuplicateFlags } from '../../../electron/db/repositories/duplicate-flags';
import { createEvent } from '../../../electron/services/events-service';
import { createLead } from '../../../electron/services/leads-service';
import { addSubject, importDuplicates, subjectColumns } from '../../../electron/services/duplicate-index';
import { searchImportDuplicates } from '../../../electron/services/import-duplicates';
import { importFile, previewCsvImport } from '../../../electron/services/import-service';
import { setStaffName } from '../../../electron/services/settings-service';
import { duplicateReasons, type DuplicateSubject } from '../../../shared/domain/duplicates';
import { openTempStore, type TempStore } from '../../support/temp-database';

let store: TempStore | undefined;
afterEach(async () => store?.dispose());

const bytes = (text: string) => new TextEncoder().encode(text);

const columnsOf = (subjects: readonly DuplicateSubject[]) => {
  const columns = subjectColumns();
  for (const subject of subjects) addSubject(columns, subject.id, subject, subject.badgeId);
  return columns;
};

describe('duplicates found by an import', () => {
  it('in a big company, a namesake with a typo or swapped names is flagged exactly as the shared rule says, and nobody else', async () => {
    store = await openTempStore();
    await setStaffName(store.context, 'Jo');
    await createEvent(store.context, { name: 'CES' });
    const here = await createLead(store.context, { firstName: 'Margarete', lastName: 'Fischer', company: 'Globex GmbH', phone: '+49 40 1234567' });
    // Three hundred colleagues of one company: each is a candidate by company, none is the same person.
    // Their names differ from each other by two letters at least: one typo is all the rule forgives.
    const code = (index: number) => String.fromCharCode(97 + (index % 26), 97 + Math.floor(index / 26));
    const colleagues = Array.from({ length: 300 }, (_, index) => `Pe${code(index).repeat(2)}ra,Ko${code(index).repeat(2)}berg,Globex GmbH,+49 30 ${5550000 + index}`);
    const alike = [
      'Margarete,Fsicher,Globex AG,', // a transposed pair of letters, same company (legal form ignored)
      'Fischer,Margarete,,+49 40 1234567', // first and last swapped, same number
      'Margarete,Fischler,Globex GmbH,', // one letter more
      'Margarete,Fischerova,Globex GmbH,', // two letters more: not alike
      'Marta,Fischer,Globex GmbH,', // another first name: not alike
    ];
    const csv = ['First Name,Last Name,Company,Phone', ...colleagues, ...alike].join('\n');
    const summary = await importFile(store.context, { fileName: 'globex.csv', bytes: bytes(csv) });
    expect(summary.added).toBe(305);

    const flags = await listDuplicateFlags(store.context.db, [here.lead.id]);
    const flaggedNames = await Promise.all(
      flags.map(async (flag) => {
        // A flag names a pair, the smaller id first: the lead flagged with this one is the other of the two.
        const flaggedId = flag.leadId === here.lead.id ? flag.otherLeadId : flag.leadId;
        const row = await store!.context.db.selectFrom('leads').select(['first_name', 'last_name']).where('id', '=', flaggedId).executeTakeFirstOrThrow();
        return `${row.first_name} ${row.last_name}`;
      }),
    );
    expect(flaggedNames.sort()).toEqual(['Fischer Margarete', 'Margarete Fischler', 'Margarete Fsicher']);
    // The same answers as the shared rule, pair by pair.
    expect(duplicateReasons(here.lead, { id: 'x', firstName: 'Margarete', lastName: 'Fischerova', company: 'Globex GmbH', email: '', phone: '', mobile: '', country: '' })).toEqual([]);
    // No colleague is anybody's likely duplicate: sharing the company is not enough.
    const all = await listDuplicateFlags(store.context.db);
    const colleagueIds = new Set(
      (await store.context.db.selectFrom('leads').select('id').where('first_name', 'like', 'Pe%ra').execute()).map((row) => row.id),
    );
    expect(all.filter((flag) => colleagueIds.has(flag.leadId) || colleagueIds.has(flag.otherLeadId))).toEqual([]);
  });

  it('flags within one file exactly the pairs the shared rule matches, while a company grows from a few leads to many', async () => {
    store = await openTempStore();
    await setStaffName(store.context, 'Jo');
    await createEvent(store.context, { name: 'CES' });
    // Rows of one company, a few at first (compared one by one), then many (looked up by name),
    // with typos, swapped names and last names first seen after a look-up by a similar name.
    const rows: string[] = [];
    const people: ReadonlyArray<readonly [string, string]> = [
      ['Margarete', 'Fischer'], ['Jonathan', 'Schmidt'], ['Fischer', 'Margarete'], ['Katharina', 'Weber'],
      ['Margarete', 'Fsicher'], ['Jonathan', 'Schmitd'], ['Katarina', 'Weber'], ['Wei', 'Chen'], ['Wei', 'Chan'], ['Chen', 'Wei'],
    ];
    for (let round = 0; round < 6; round++) {
      for (const [index, [first, last]] of people.entries()) {
        const phone = index % 3 === 0 ? `+49 30 ${5550000 + index}` : '';
        const email = round % 2 === 0 && index % 4 === 0 ? `${first.toLowerCase()}@globex.example` : '';
        rows.push(`${first},${last}${round > 2 ? String.fromCharCode(97 + round) : ''},Globex ${round % 2 === 0 ? 'GmbH' : 'AG'},${phone},${email}`);
      }
    }
    const csv = ['First Name,Last Name,Company,Phone,Email', ...rows].join('\n');
    const summary = await importFile(store.context, { fileName: 'globex.csv', bytes: bytes(csv) });
    expect(summary.added).toBe(rows.length);

    const leads = await store.context.db.selectFrom('leads').selectAll().orderBy('seq').execute();
    const subject = (row: (typeof leads)[number]) => ({ id: row.id, firstName: row.first_name, lastName: row.last_name, company: row.company, email: row.email, phone: row.phone, mobile: row.mobile, country: row.country });
    const expected: string[] = [];
    for (let later = 0; later < leads.length; later++) {
      for (let earlier = 0; earlier < later; earlier++) {
        const reasons = duplicateReasons(subject(leads[later]!), subject(leads[earlier]!));
        if (reasons.length > 0) expected.push(`${later} ${earlier} ${reasons.join('+')}`);
      }
    }
    const position = new Map(leads.map((row, index) => [row.id, index]));
    // A flag names a pair (the smaller id first): written here as later, earlier.
    const flagged = (await listDuplicateFlags(store.context.db)).map((flag) => {
      const [one, other] = [position.get(flag.leadId) ?? -1, position.get(flag.otherLeadId) ?? -1];
      return `${Math.max(one, other)} ${Math.min(one, other)} ${flag.reasons.join('+')}`;
    });
    expect(expected.length).toBeGreaterThan(100);
    expect(flagged.sort()).toEqual(expected.sort());
  });

  it('a large file is searched on a worker thread, which flags exactly what the search on this thread finds, and lists the same problems', async () => {
    store = await openTempStore();
    await setStaffName(store.context, 'Jo');
    await createEvent(store.context, { name: 'CES' });
    // 6,000 rows (a worker is started from 5,000 new leads): 60 companies, 1,500 people who come
    // back with swapped names, a typo, another email or the same phone, and a problem value every 97th row.
    const first = ['Margarete', 'Jonathan', 'Katharina', 'Wei', 'Amara', 'Lucas', 'Ines', 'Tomasz'];
    const last = ['Fischer', 'Schmidt', 'Weber', 'Chen', 'Okafor', 'Martin', 'Silva', 'Nowak', 'Rossi', 'Dubois', 'Haas', 'Berg'];
    const fileOf = (rounds: number, from: number) => {
      const rows: string[] = [];
      for (let index = from; index < from + rounds; index++) {
        const person = index % 1_500;
        const given = first[person % first.length]!;
        const family = `${last[Math.floor(person / first.length) % last.length]!}${person >= 96 ? String.fromCharCode(97 + (person % 26), 97 + (Math.floor(person / 26) % 26)) : ''}`;
        const variant = Math.floor(index / 1_500) % 4;
        const [firstName, lastName] = variant === 1 ? [family, given] : variant === 2 ? [given, `${family}e`] : [given, family];
        const email = variant === 3 ? `${given.toLowerCase()}.${index}@mail.example` : `${given.toLowerCase()}.${family.toLowerCase()}@company${person % 60}.example`;
        const phone = index % 5 === 0 ? `+49 30 ${5550000 + person}` : '';
        const bad = index % 97 === 0 ? 'x'.repeat(60) : firstName;
        rows.push(`${bad},${lastName},Company ${person % 60} GmbH,${phone},${index % 89 === 0 ? 'not-an-email' : email}`);
      }
      return bytes(['First Name,Last Name,Company,Phone,Email', ...rows].join('\n'));
    };
    const subjectsInOrder = async () =>
      (await store!.context.db.selectFrom('leads').select(['id', 'first_name', 'last_name', 'company', 'email', 'phone', 'mobile', 'country', 'badge_id']).orderBy('seq').execute()).map((row) => ({
        id: row.id, firstName: row.first_name, lastName: row.last_name, company: row.company, email: row.email, phone: row.phone, mobile: row.mobile, country: row.country, badgeId: row.badge_id,
      }));
    // A flag is stored as a pair, the smaller id first (one record per pair at team sync).
    const asStored = (flag: string): string => {
      const [leadId = '', otherLeadId = '', reasons = ''] = flag.split(' ');
      return leadId < otherLeadId ? flag : `${otherLeadId} ${leadId} ${reasons}`;
    };
    const flagsOf = async () => (await listDuplicateFlags(store!.context.db)).map((flag) => `${flag.leadId} ${flag.otherLeadId} ${flag.reasons.join('+')}`).sort();

    // Into an empty store, then a second file into the store the first one filled.
    const firstFile = fileOf(6_000, 0);
    const preview = await previewCsvImport(store.context, { fileName: 'first.csv', bytes: firstFile });
    const summary = await importFile(store.context, { fileName: 'first.csv', bytes: firstFile });
    expect(summary.added).toBe(6_000);
    expect(summary.problems).toEqual(preview.problems);
    expect(summary.problems.length).toBeGreaterThan(100);
    const afterFirst = await subjectsInOrder();
    const here = importDuplicates(subjectColumns(), columnsOf(afterFirst)).map((found) => `${found.leadId} ${found.otherLeadId} ${found.reasons.join('+')}`).sort();
    expect(here.length).toBeGreaterThan(1_000);
    expect(here.length).toBeLessThan(20_000);
    expect(await flagsOf()).toEqual(here.map(asStored).sort());
    expect(summary.flagged).toBe(new Set(here.map((flag) => flag.split(' ')[0])).size);

    const second = await importFile(store.context, { fileName: 'second.csv', bytes: fileOf(6_000, 6_000) });
    expect(second.added).toBe(6_000);
    const all = await subjectsInOrder();
    const existing = all.slice(0, 6_000).map(({ badgeId: _, ...subject }) => subject);
    const secondHere = importDuplicates(columnsOf(existing), columnsOf(all.slice(6_000))).map((found) => `${found.leadId} ${found.otherLeadId} ${found.reasons.join('+')}`);
    expect(await flagsOf()).toEqual([...here, ...secondHere].map(asStored).sort());
    const existingIds = new Set(existing.map((lead) => lead.id));
    expect(secondHere.filter((flag) => existingIds.has(flag.split(' ')[1] ?? '')).length).toBeGreaterThan(1_000);
  });

  it('the worker thread finds what the search on this thread finds, and stops when told', async () => {
    const subject = (index: number) => ({ id: `n${index}`, firstName: ['Ana', 'Ann', 'Bo'][index % 3]!, lastName: `Name${Math.floor(index / 3) % 2_000}`, company: `Co ${index % 50}`, email: '', phone: index % 7 === 0 ? `+1 555 ${1000 + (index % 300)}` : '', mobile: '', country: '' });
    const existing = Array.from({ length: 500 }, (_, index) => ({ ...subject(index), id: `e${index}` }));
    const added = Array.from({ length: 5_000 }, (_, index) => subject(index));
    const found = await searchImportDuplicates(columnsOf(existing), columnsOf(added)).found;
    expect(found.length).toBeGreaterThan(1_000);
    expect(found).toEqual(importDuplicates(columnsOf(existing), columnsOf(added)));
    const stopped = searchImportDuplicates(columnsOf(existing), columnsOf(added));
    stopped.stop();
    await expect(stopped.found).rejects.toThrow(/stopped/);
  });
});
