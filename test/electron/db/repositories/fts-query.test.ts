import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toFtsPrefixQuery } from '../../../../electron/db/repositories/fts-query';
import { createEvent } from '../../../../electron/services/events-service';
import { createLead, listLeads } from '../../../../electron/services/leads-service';
import { setStaffName } from '../../../../electron/services/settings-service';
import { openTempStore, type TempStore } from '../../../support/temp-database';

let store: TempStore;
beforeEach(async () => {
  store = await openTempStore();
  await setStaffName(store.context, 'Jo Booth');
  await createEvent(store.context, { name: 'Web Summit 2026', location: 'Lisbon' });
  await createLead(store.context, { firstName: 'Tessa', lastName: 'Hartmann', company: 'Hallström & Wexmoor SARL' });
});
afterEach(() => store.dispose());

const names = async (query: string) => (await listLeads(store.context, { query })).items.map((lead) => lead.lastName);

describe('toFtsPrefixQuery', () => {
  it('takes control characters (NUL, tab, escape) as word breaks, not as part of an FTS5 phrase', async () => {
    expect(toFtsPrefixQuery('hart\u0000tessa')).toBe('"hart"* "tessa"*');
    expect(toFtsPrefixQuery('\u0000\u001b')).toBeNull();
    // FTS5 reads its query as a C string: a NUL inside a phrase cut it short and made a syntax error.
    expect(await names('hart\u0000')).toEqual(['Hartmann']);
    expect(await names('\u0000hart')).toEqual(['Hartmann']);
    expect(await names('tessa\u0000hall')).toEqual(['Hartmann']);
    // Only control characters: like only punctuation, nothing to match, and no error.
    expect(await names('\u0000')).toEqual([]);
  });
});
