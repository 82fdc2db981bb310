import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clearDuplicateFlags, insertDuplicateFlags, listDuplicateFlags } from '../../../electron/db/repositories/duplicate-flags';
import { createEvent } from '../../../electron/services/events-service';
import { createLead } from '../../../electron/services/leads-service';
import { setStaffName } from '../../../electron/services/settings-service';
import { openTempStore, type TempStore } from '../../support/temp-database';

let store: TempStore;
beforeEach(async () => {
  store = await openTempStore();
});
afterEach(() => store.dispose());

describe('duplicate flags', () => {
  it('are listed for either lead, kept once, and cleared for a pair', async () => {
    await setStaffName(store.context, 'Jo');
    await createEvent(store.context, { name: 'CES' });
    const [a, b, c] = await Promise.all(['Ana', 'Ben', 'Cy'].map(async (lastName) => (await createLead(store.context, { lastName })).lead.id));
    const flag = { leadId: a as string, otherLeadId: b as string, reasons: ['email' as const], source: 'import', flaggedAt: '2026-11-28T10:00:00.000Z' };
    await insertDuplicateFlags(store.context.db, [flag, flag]);
    expect(await listDuplicateFlags(store.context.db, [b as string])).toEqual([flag]);
    expect(await listDuplicateFlags(store.context.db, [c as string])).toEqual([]);
    await clearDuplicateFlags(store.context.db, b as string, a as string);
    expect(await listDuplicateFlags(store.context.db)).toEqual([]);
  });

  it('are written however many an import finds at once (more than one statement can bind)', async () => {
    await setStaffName(store.context, 'Jo');
    await createEvent(store.context, { name: 'CES' });
    const ids = await Promise.all(Array.from({ length: 90 }, async (_, index) => (await createLead(store.context, { lastName: `Lee${index}` })).lead.id));
    // 90 × 89 pairs, five values each: 40,050 values, over SQLite's 32,766 a statement.
    const flags = ids.flatMap((leadId) =>
      ids.filter((other) => other !== leadId).map((otherLeadId) => ({ leadId, otherLeadId, reasons: ['name+company' as const], source: 'import', flaggedAt: '2026-11-28T10:00:00.000Z' })),
    );
    await insertDuplicateFlags(store.context.db, flags);
    // One flag a pair, whichever way round it was found.
    expect(await listDuplicateFlags(store.context.db)).toHaveLength((90 * 89) / 2);
  });

  it('are one record per pair, the smaller id first, whichever lead was found first; a dismissed pair is not flagged again', async () => {
    await setStaffName(store.context, 'Jo');
    await createEvent(store.context, { name: 'CES' });
    const [first, second] = (await Promise.all(['Ana', 'Ben'].map(async (lastName) => (await createLead(store.context, { lastName })).lead.id))).sort() as [string, string];
    const flagged = { reasons: ['email' as const], source: 'import', flaggedAt: '2026-11-28T10:00:00.000Z' };
    await insertDuplicateFlags(store.context.db, [{ ...flagged, leadId: second, otherLeadId: first }]);
    await insertDuplicateFlags(store.context.db, [{ ...flagged, leadId: first, otherLeadId: second }]);
    expect(await listDuplicateFlags(store.context.db)).toEqual([{ ...flagged, leadId: first, otherLeadId: second }]);
    await clearDuplicateFlags(store.context.db, first, second);
    await insertDuplicateFlags(store.context.db, [{ ...flagged, leadId: second, otherLeadId: first }]);
    expect(await listDuplicateFlags(store.context.db)).toEqual([]);
  });
});
