import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEvent } from '../../../electron/services/events-service';
import { exportBatch } from '../../../electron/services/export-service';
import { forgetLead } from '../../../electron/services/forget-lead-service';
import { importFile } from '../../../electron/services/import-service';
import { createLead } from '../../../electron/services/leads-service';
import { setStaffName } from '../../../electron/services/settings-service';
import { openTempStore, type TempStore } from '../../support/temp-database';

let store: TempStore;
beforeEach(async () => {
  store = await openTempStore();
  await setStaffName(store.context, 'Jo Booth');
  await createEvent(store.context, { name: 'Tombstone Expo' });
});
afterEach(() => store.dispose());

describe('a tombstone outlives an old bundle', () => {
  it('keeps a forgotten person and a deleted lead out when a bundle made before is imported', async () => {
    const forgotten = await createLead(store.context, { firstName: 'Zephyrine', lastName: 'Quaxleigh', company: 'Vortimax' });
    const kept = await createLead(store.context, { firstName: 'Ada', lastName: 'Lovelace', company: 'Engines' });
    const result = await exportBatch(store.context, { format: 'bundle', filter: {} });
    if (result.cancelled) throw new Error('cancelled');
    const bundle = new TextEncoder().encode(result.files[0]?.content ?? '');

    await forgetLead(store.context, forgotten.lead.id);
    store.database.sqlite.prepare('DELETE FROM leads WHERE id = ?').run(kept.lead.id);
    // A lead deleted without "Forget me" (a merge, a CLI delete) is a tombstone too.
    await importFile(store.context, { fileName: 'old.leadbooth.json', bytes: bundle });

    const sqlite = store.database.sqlite;
    expect(sqlite.prepare('SELECT count(*) FROM leads').pluck().get()).toBe(0);
    expect(sqlite.prepare("SELECT count(*) FROM lead_timeline WHERE lead_id = ?").pluck().get(forgotten.lead.id)).toBe(0);
  });
});
