import { afterEach, describe, expect, it } from 'vitest';
import { listDuplicateFlags } from '../../../electron/db/repositories/duplicate-flags';
import { createEvent } from '../../../electron/services/events-service';
import { createLead } from '../../../electron/services/leads-service';
import { importFile } from '../../../electron/services/import-service';
import { setStaffName } from '../../../electron/services/settings-service';
import { duplicateReasons } from '../../../shared/domain/duplicates';
import { openTempStore, type TempStore } from '../../support/temp-database';

let store: TempStore | undefined;
afterEach(async () => store?.dispose());

const bytes = (text: string) => new TextEncoder().encode(text);

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
        const row = await store!.context.db.selectFrom('leads').select(['first_name', 'last_name']).where('id', '=', flag.leadId).executeTakeFirstOrThrow();
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
    const flagged = (await listDuplicateFlags(store.context.db)).map((flag) => `${position.get(flag.leadId)} ${position.get(flag.otherLeadId)} ${flag.reasons.join('+')}`);
    expect(expected.length).toBeGreaterThan(100);
    expect(flagged.sort()).toEqual(expected.sort());
  });
});
