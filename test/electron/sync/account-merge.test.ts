import { afterEach, describe, expect, it } from 'vitest';
import { MergedAccounts } from '../../../electron/sync/account-merge';
import { syncedTableOfKind } from '../../../electron/sync/synced-tables';
import { convertLead } from '../../../electron/services/conversion-service';
import { createEvent, useEvent } from '../../../electron/services/events-service';
import { createLead } from '../../../electron/services/leads-service';
import { setStaffName } from '../../../electron/services/settings-service';
import { MemoryHub, openLaptop, syncedData, syncUntilQuiet, type Laptop } from '../../support/sync-laptops';

let laptops: Laptop[] = [];
afterEach(async () => {
  for (const laptop of laptops) await laptop.store.dispose();
  laptops = [];
});

async function twoLaptops(): Promise<[Laptop, Laptop]> {
  const opened = [await openLaptop('laptop-a'), await openLaptop('laptop-b')] as const;
  laptops.push(...opened);
  for (const laptop of opened) await setStaffName(laptop.store.context, `Staff of ${laptop.name}`);
  return [...opened];
}

const newRecords = { account: { mode: 'new' }, contact: { mode: 'new' }, opportunity: null } as const;
const accountNames = (laptop: Laptop): string[] => laptop.store.database.sqlite.prepare('SELECT name FROM accounts ORDER BY name, id').pluck().all() as string[];

describe('accounts merged at sync', () => {
  it('merges two laptops’ accounts of one web domain under different names, and leaves two of one name made on one laptop two', async () => {
    const [a, b] = await twoLaptops();
    const hub = new MemoryHub();
    const show = await createEvent(a.store.context, { name: 'Domain Expo' });
    const first = await createLead(a.store.context, { lastName: 'One', company: 'Initech', email: 'one@initech.example' });
    const second = await createLead(a.store.context, { lastName: 'Two', company: 'Globex', email: 'two@globex.example' });
    const third = await createLead(a.store.context, { lastName: 'Three', company: 'Globex', email: 'three@globex.example' });
    await syncUntilQuiet(hub, [a, b], 1);
    await useEvent(b.store.context, show.id);
    const fourth = await createLead(b.store.context, { lastName: 'Four', company: 'Initech Software', email: 'four@initech.example' });
    const fifth = await createLead(b.store.context, { lastName: 'Five', company: 'Globex', email: 'five@globex.example' });
    await syncUntilQuiet(hub, [a, b], 1);

    // A makes two Globex accounts on purpose (the dialog would have offered the first), and Initech; B makes "Initech Software" and a third Globex.
    const initech = await convertLead(a.store.context, { leadId: first.lead.id, ...newRecords });
    await convertLead(a.store.context, { leadId: second.lead.id, ...newRecords });
    await convertLead(a.store.context, { leadId: third.lead.id, ...newRecords });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const software = await convertLead(b.store.context, { leadId: fourth.lead.id, ...newRecords });
    const globexOfB = await convertLead(b.store.context, { leadId: fifth.lead.id, ...newRecords });
    await syncUntilQuiet(hub, [a, b], 2);

    expect(syncedData(b.store)).toEqual(syncedData(a.store));
    // One domain, two laptops: the older account stays under its name. B's Globex went into A's
    // older one; A's second stays, on both laptops alike (it met only an account of its own laptop on B).
    expect(accountNames(a)).toEqual(['Globex', 'Globex', 'Initech']);
    expect(a.store.database.sqlite.prepare('SELECT count(*) FROM accounts WHERE id = ?').pluck().get(globexOfB.accountId)).toBe(0);
    const contactAccounts = a.store.database.sqlite.prepare('SELECT account_id FROM contacts WHERE id IN (?, ?)').pluck().all(initech.contactId, software.contactId);
    expect(contactAccounts).toEqual([initech.accountId, initech.accountId]);
  });

  it('points a record naming a merged account at where it went, through later merges too', async () => {
    const [a] = await twoLaptops();
    const db = a.store.context.db;
    await db
      .insertInto('sync_merged_accounts')
      .values([
        { account_id: 'merged-first', into_account_id: 'merged-then', merged_at_ms: 1 },
        { account_id: 'merged-then', into_account_id: 'survivor', merged_at_ms: 2 },
      ])
      .execute();
    const merged = await MergedAccounts.load(db);
    expect(merged.resolve('merged-first')).toBe('survivor');
    expect(merged.resolve('other')).toBe('other');
    const contacts = syncedTableOfKind('contact');
    if (!contacts) throw new Error('contacts do not sync');
    const change = { changeId: 'c1', kind: 'contact', recordId: 'contact-1', hlc: '0000000000001-0000-laptop-b', fields: { id: 'contact-1', account_id: 'merged-first', last_name: 'Kept' }, tombstone: false };
    expect(merged.redirect(contacts, change)).toEqual({ ...change, fields: { ...change.fields, account_id: 'survivor' } });
    const elsewhere = { ...change, fields: { ...change.fields, account_id: 'other' } };
    expect(merged.redirect(contacts, elsewhere)).toBe(elsewhere);

    // A later merge of the survivor moves what went into it.
    await merged.add(db, 'survivor', 'older', 3);
    expect(merged.resolve('merged-first')).toBe('older');
    expect((await MergedAccounts.load(db)).resolve('merged-then')).toBe('older');
  });
});
