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
});
