import { afterEach, describe, expect, it } from 'vitest';
import { listTimeline } from '../../../electron/db/repositories/timeline';
import { applyRemoteChanges } from '../../../electron/sync/apply-changes';
import { readRecordClocks } from '../../../electron/sync/field-clocks';
import { convertLead } from '../../../electron/services/conversion-service';
import { createEvent, useEvent } from '../../../electron/services/events-service';
import { forgetLead } from '../../../electron/services/forget-lead-service';
import { answerCriteria } from '../../../electron/services/qualification-service';
import { createLead, updateLead } from '../../../electron/services/leads-service';
import { setStaffName } from '../../../electron/services/settings-service';
import { describeTimelineEntry } from '../../../shared/domain/timeline';
import { MemoryHub, openLaptop, runRandomConvergence, syncedData, syncUntilQuiet, syncWithMemoryHub, type Laptop } from '../../support/sync-laptops';

let laptops: Laptop[] = [];
afterEach(async () => {
  for (const laptop of laptops) await laptop.store.dispose();
  laptops = [];
});

async function threeLaptops(): Promise<[Laptop, Laptop, Laptop]> {
  const opened = [await openLaptop('laptop-a'), await openLaptop('laptop-b'), await openLaptop('laptop-c')] as const;
  laptops.push(...opened);
  for (const laptop of opened) await setStaffName(laptop.store.context, `Staff of ${laptop.name}`);
  return [...opened];
}

describe('applying the hub’s changes', () => {
  it('three laptops editing offline end with identical data in whatever order they sync, the losing title on the timeline', async () => {
    const outcomes: Array<Record<string, unknown[]>> = [];
    for (const seed of [1, 2, 3, 4]) {
      const [a, b, c] = await threeLaptops();
      const hub = new MemoryHub();
      const show = await createEvent(a.store.context, { name: 'Team Expo' });
      const shared = await createLead(a.store.context, { firstName: 'Ada', lastName: 'Lovelace', company: 'Engines', title: 'Director' });
      const doomed = await createLead(a.store.context, { firstName: 'Zephyrine', lastName: 'Quaxleigh', company: 'Vortimax' });
      await syncUntilQuiet(hub, [a, b, c], seed);
      // The current show is each laptop's own setting.
      await useEvent(b.store.context, show.id);

      // Offline: one field edited on two laptops, another field on a third; a forget against an edit.
      await updateLead(a.store.context, shared.lead.id, { title: 'CEO' });
      await answerCriteria(a.store.context, { leadId: shared.lead.id, answers: [{ key: 'budget', state: 'met', value: '50k' }] });
      await updateLead(c.store.context, shared.lead.id, { notes: 'Met at the booth' });
      await updateLead(b.store.context, shared.lead.id, { title: 'CTO' });
      await updateLead(b.store.context, doomed.lead.id, { title: 'Head of Quills' });
      await forgetLead(c.store.context, doomed.lead.id);
      await createLead(b.store.context, { firstName: 'Grace', lastName: 'Hopper', company: 'Navy' });

      const conflicts = await syncUntilQuiet(hub, [a, b, c], seed);
      expect(conflicts, `seed ${seed}`).toBeGreaterThanOrEqual(1);
      const data = [a, b, c].map((laptop) => syncedData(laptop.store));
      expect(data[1]).toEqual(data[0]);
      expect(data[2]).toEqual(data[0]);

      expect(data[0]?.criterion_answer).toEqual([expect.objectContaining({ lead_id: shared.lead.id, criterion_key: 'budget', state: 'met', value: '50k' })]);
      const leads = data[0]?.lead as Array<{ id: string; title: string; notes: string; last_name: string }>;
      expect(leads.map((lead) => lead.last_name).sort()).toEqual(['Hopper', 'Lovelace']);
      // B's edit was the later one: it wins everywhere, A's lost value is on the lead's timeline once.
      expect(leads.find((lead) => lead.id === shared.lead.id)).toMatchObject({ title: 'CTO', notes: 'Met at the booth' });
      for (const laptop of [a, b, c]) {
        const lines = (await listTimeline(laptop.store.context.db, shared.lead.id)).filter((entry) => entry.kind === 'sync_conflict').map(describeTimelineEntry);
        expect(lines).toEqual(['Sync conflict: Job title “CEO” (laptop laptop-a) lost to “CTO” (laptop laptop-b)']);
        // The forget reached every laptop: nothing of the person is left, not even in the change log.
        const sqlite = laptop.store.database.sqlite;
        expect(sqlite.prepare("SELECT count(*) FROM sync_changes WHERE fields LIKE '%Quaxleigh%'").pluck().get()).toBe(0);
        expect(sqlite.prepare('SELECT count(*) FROM lead_timeline WHERE lead_id = ?').pluck().get(doomed.lead.id)).toBe(0);
        // And the -wal file's old page images are marked for the checkpoint "Forget me" runs.
        expect(sqlite.prepare("SELECT count(*) FROM settings WHERE key = 'forgetCleanupPending'").pluck().get()).toBe(1);
      }
      outcomes.push(data[0] ?? {});
      for (const laptop of laptops) await laptop.store.dispose();
      laptops = [];
    }
    // Every order gave the same values (ids differ per run: compare what the people see).
    const titles = outcomes.map((data) => (data.lead as Array<{ last_name: string; title: string }>).map((lead) => `${lead.last_name}:${lead.title}`).sort());
    for (const each of titles) expect(each).toEqual(titles[0]);
  });

  it('skips a batch delivered twice and an update of a forgotten record, and never brings the record back', async () => {
    const [a, b] = await threeLaptops();
    const hub = new MemoryHub();
    await createEvent(a.store.context, { name: 'Team Expo' });
    const saved = await createLead(a.store.context, { firstName: 'Ada', lastName: 'Lovelace', company: 'Engines' });
    await syncWithMemoryHub(a, hub);
    const first = await applyRemoteChanges(b.store.context.db, hub.changes, { clock: b.clock, deviceId: b.name });
    const again = await applyRemoteChanges(b.store.context.db, hub.changes, { clock: b.clock, deviceId: b.name });
    expect(first.applied).toBe(hub.changes.length);
    expect(again).toMatchObject({ applied: 0, alreadyKnown: hub.changes.length });
    // Each change brought its record whole: known again by its stamp on the record, no id kept —
    // but for records of a two-column key (the show's checklist criteria), kept by id as before.
    const keptIds = () => (b.store.database.sqlite.prepare('SELECT change_id FROM sync_applied_changes').pluck().all() as string[]).sort();
    const criteria = hub.changes.filter((change) => change.kind === 'criterion').map((change) => change.changeId);
    expect(criteria.length).toBeGreaterThan(0);
    expect(keptIds()).toEqual([...criteria].sort());
    // The same after a tombstone in the batch, from which on every question goes to the store.
    const unrelatedTombstone = { ...hub.changes.find((change) => change.kind === 'lead'), changeId: crypto.randomUUID(), recordId: crypto.randomUUID(), fields: {}, tombstone: true };
    const afterTombstone = await applyRemoteChanges(b.store.context.db, [unrelatedTombstone as (typeof hub.changes)[number], ...hub.changes], { clock: b.clock, deviceId: b.name });
    expect(afterTombstone).toMatchObject({ applied: 0, tombstoned: 1, alreadyKnown: hub.changes.length });
    // An edit is known by its id, kept as before.
    const before = hub.changes.length;
    await updateLead(a.store.context, saved.lead.id, { title: 'Countess' });
    await syncWithMemoryHub(a, hub);
    await applyRemoteChanges(b.store.context.db, hub.changes, { clock: b.clock, deviceId: b.name });
    // (A new record among them, such as a timeline entry, is known by its stamp.)
    const edits = hub.changes.slice(before).filter((change) => !('id' in change.fields));
    expect(edits.map((change) => change.fields)).toContainEqual(expect.objectContaining({ title: 'Countess' }));
    expect(keptIds()).toEqual([...criteria, unrelatedTombstone.changeId, ...edits.map((change) => change.changeId)].sort());
    expect(await applyRemoteChanges(b.store.context.db, hub.changes, { clock: b.clock, deviceId: b.name })).toMatchObject({ applied: 0, alreadyKnown: hub.changes.length });

    await forgetLead(b.store.context, saved.lead.id);
    const lateEdit = { ...hub.changes.find((change) => change.kind === 'lead'), changeId: crypto.randomUUID(), hlc: a.clock.now(), fields: { title: 'Countess' } };
    const late = await applyRemoteChanges(b.store.context.db, [lateEdit as (typeof hub.changes)[number]], { clock: b.clock, deviceId: b.name });
    expect(late.tombstoned).toBe(1);
    const reinsert = { ...hub.changes.find((change) => change.kind === 'lead'), changeId: crypto.randomUUID() };
    await applyRemoteChanges(b.store.context.db, [reinsert as (typeof hub.changes)[number]], { clock: b.clock, deviceId: b.name });
    expect(b.store.database.sqlite.prepare('SELECT count(*) FROM leads').pluck().get()).toBe(0);
  });

  it('keeps the stamp of a record received whole on the record, not as a field-clock row, and merges later edits by it', async () => {
    const [a, b] = await threeLaptops();
    const hub = new MemoryHub();
    await createEvent(a.store.context, { name: 'Team Expo' });
    const saved = await createLead(a.store.context, { firstName: 'Ada', lastName: 'Lovelace', company: 'Engines', title: 'Director' });
    await syncWithMemoryHub(a, hub);
    await syncWithMemoryHub(b, hub);
    const sqliteOfB = b.store.database.sqlite;
    const insertStamp = a.store.database.sqlite.prepare("SELECT hlc FROM sync_changes WHERE kind = 'lead' AND record_id = ?").pluck().get(saved.lead.id);
    // One row for the lead (the lead itself), none in the field clocks: the sender's stamp is the lead's column.
    expect(sqliteOfB.prepare('SELECT sync_record_hlc FROM leads WHERE id = ?').pluck().get(saved.lead.id)).toBe(insertStamp);
    expect(sqliteOfB.prepare('SELECT count(*) FROM sync_field_clocks').pluck().get()).toBe(0);
    expect((await readRecordClocks(b.store.context.db, 'lead', saved.lead.id)).of('title')).toBe(insertStamp);

    // An edit made before the insert's stamp loses to it; one made after wins and gets a row of its own.
    const older = { ...hub.changes.find((change) => change.kind === 'lead'), changeId: crypto.randomUUID(), hlc: '0000000000001-0000-laptop-c', fields: { title: 'Clerk' } };
    await applyRemoteChanges(b.store.context.db, [older as (typeof hub.changes)[number]], { clock: b.clock, deviceId: b.name });
    expect(sqliteOfB.prepare('SELECT title FROM leads WHERE id = ?').pluck().get(saved.lead.id)).toBe('Director');
    await updateLead(a.store.context, saved.lead.id, { title: 'CEO' });
    await syncWithMemoryHub(a, hub);
    await syncWithMemoryHub(b, hub);
    expect(sqliteOfB.prepare('SELECT title FROM leads WHERE id = ?').pluck().get(saved.lead.id)).toBe('CEO');
    expect(sqliteOfB.prepare("SELECT field FROM sync_field_clocks WHERE kind = 'lead'").pluck().all()).toEqual(expect.arrayContaining(['title']));
    expect(sqliteOfB.prepare("SELECT count(*) FROM sync_field_clocks WHERE field = '*'").pluck().get()).toBe(0);
  });

  it('three laptops running random edits, captures, conversions, forgets, rules, duplicate flags and checklist removals offline end identical, over several seeds', async () => {
    let accountsMerged = 0;
    let flagsHeld = 0;
    let rulesHeld = 0;
    let criteriaRemoved = 0;
    for (const seed of [7, 8, 9]) {
      const rounds = await runRandomConvergence(seed);
      for (const round of rounds) {
        expect(round.data[1], `seed ${seed} round ${round.round}`).toEqual(round.data[0]);
        expect(round.data[2], `seed ${seed} round ${round.round}`).toEqual(round.data[0]);
      }
      const timeline = (rounds.at(-1)?.data[0]?.timeline_entry ?? []) as Array<{ kind: string }>;
      accountsMerged += timeline.filter((entry) => entry.kind === 'accounts_merged').length;
      for (const round of rounds) {
        flagsHeld += round.data[0]?.duplicate_flag?.length ?? 0;
        rulesHeld += round.data[0]?.conversion_rule?.length ?? 0;
        criteriaRemoved += ((round.data[0]?.criterion ?? []) as Array<{ removed: number }>).filter((criterion) => criterion.removed === 1).length;
      }
    }
    // The new kinds were there to compare.
    expect(flagsHeld).toBeGreaterThan(0);
    expect(rulesHeld).toBeGreaterThan(0);
    expect(criteriaRemoved).toBeGreaterThan(0);
    // The laptops converted leads of one company into accounts of their own: the runs merged some.
    expect(accountsMerged).toBeGreaterThan(0);
  });

  it('indexes a large batch’s new leads for search as the import does, edits and forgets in the same batch included', async () => {
    const [a, b] = await threeLaptops();
    const hub = new MemoryHub();
    const show = await createEvent(a.store.context, { name: 'Search Expo' });
    const made = [];
    for (let index = 0; index < 120; index++) made.push(await createLead(a.store.context, { firstName: `Quorra${index}`, lastName: 'Indexed', company: 'Lumen' }));
    const [edited, forgotten] = made;
    if (!edited || !forgotten) throw new Error('no leads made');
    await updateLead(a.store.context, edited.lead.id, { company: 'Zyxwvut' });
    await forgetLead(a.store.context, forgotten.lead.id);
    await syncWithMemoryHub(a, hub);
    // One batch: 120 inserts, an edit and a forget.
    await syncWithMemoryHub(b, hub);
    const matches = (query: string) => b.store.database.sqlite.prepare('SELECT count(*) FROM leads_fts WHERE leads_fts MATCH ?').pluck().get(query);
    expect(matches('Indexed')).toBe(119);
    expect(matches('Zyxwvut')).toBe(1);
    expect(matches('Lumen')).toBe(118);
    expect(matches('Quorra0')).toBe(1);
    expect(matches('Quorra1')).toBe(0);
    // The trigger is back: a lead captured later is found too.
    await useEvent(b.store.context, show.id);
    await createLead(b.store.context, { firstName: 'Later', lastName: 'Indexed', company: 'Lumen' });
    expect(matches('Indexed')).toBe(120);
  });

  it('keeps both shows two laptops set up offline under one name, the one with the greater id renamed the same everywhere, with their leads', async () => {
    const all = await threeLaptops();
    const [a, b] = all;
    const hub = new MemoryHub();
    const showA = await createEvent(a.store.context, { name: 'CES 2027' });
    const showB = await createEvent(b.store.context, { name: 'ces 2027' });
    await createLead(a.store.context, { lastName: 'Hopper', company: 'Navy' });
    await createLead(b.store.context, { lastName: 'Lovelace', company: 'Engines' });
    // Not a conflict of a lead's field: nothing on a timeline.
    expect(await syncUntilQuiet(hub, all, 5)).toBe(0);
    const data = all.map((laptop) => syncedData(laptop.store));
    expect(data[1]).toEqual(data[0]);
    expect(data[2]).toEqual(data[0]);
    const [first, second] = [showA, showB].sort((x, y) => (x.id < y.id ? -1 : 1));
    const names = Object.fromEntries((data[0]?.event as Array<{ id: string; name: string }>).map((show) => [show.id, show.name]));
    expect(names[first?.id ?? '']).toBe(first?.name);
    expect(names[second?.id ?? '']).toBe(`${second?.name} (${second?.id.slice(0, 8)})`);
    expect((data[0]?.lead as unknown[]).length).toBe(2);
  });

  it('merges the accounts two laptops made offline for one company into the older, with both contacts and opportunities, the same on every laptop', async () => {
    for (const seed of [11, 12, 13, 14]) {
      const all = await threeLaptops();
      const [a, b, c] = all;
      const hub = new MemoryHub();
      const show = await createEvent(a.store.context, { name: 'Account Expo' });
      const fromA = await createLead(a.store.context, { firstName: 'Ada', lastName: 'Lovelace', company: 'Acme GmbH', email: 'ada@acme.example' });
      await syncUntilQuiet(hub, all, seed);
      await useEvent(b.store.context, show.id);
      const fromB = await createLead(b.store.context, { firstName: 'Grace', lastName: 'Hopper', company: 'Acme GmbH', email: 'grace@acme.example' });
      await syncUntilQuiet(hub, all, seed);

      // Offline, each converts its lead, each making "Acme GmbH"; A's account is the older.
      const opportunity = (name: string) => ({ name, closeDate: '2027-03-31', stage: 'Prospecting' as const, amount: null });
      const byA = await convertLead(a.store.context, { leadId: fromA.lead.id, account: { mode: 'new' }, contact: { mode: 'new' }, opportunity: opportunity('Deal of A') });
      await new Promise((resolve) => setTimeout(resolve, 5));
      const byB = await convertLead(b.store.context, { leadId: fromB.lead.id, account: { mode: 'new' }, contact: { mode: 'new' }, opportunity: opportunity('Deal of B') });
      expect(byB.accountId).not.toBe(byA.accountId);
      // B's account knows a phone A's lacks: filled in.
      b.store.database.sqlite.prepare("UPDATE accounts SET phone = '+49 30 1234' WHERE id = ?").run(byB.accountId);

      expect(await syncUntilQuiet(hub, all, seed)).toBeGreaterThanOrEqual(1);
      const data = all.map((laptop) => syncedData(laptop.store));
      expect(data[1], `seed ${seed}`).toEqual(data[0]);
      expect(data[2], `seed ${seed}`).toEqual(data[0]);
      expect(data[0]?.account).toEqual([expect.objectContaining({ id: byA.accountId, name: 'Acme GmbH', phone: '+49 30 1234' })]);
      expect((data[0]?.contact as Array<{ account_id: string }>).map((contact) => contact.account_id)).toEqual([byA.accountId, byA.accountId]);
      expect((data[0]?.opportunity as Array<{ account_id: string }>).map((deal) => deal.account_id)).toEqual([byA.accountId, byA.accountId]);
      // B's conversion no longer made its account: undoing it leaves the survivor.
      const conversions = (data[0]?.conversion as Array<{ id: string; account_id: string; account_created: number }>).map(({ id, account_id, account_created }) => ({ id, account_id, account_created }));
      expect(conversions.sort((x, y) => (x.id < y.id ? -1 : 1))).toEqual(
        [
          { id: byA.id, account_id: byA.accountId, account_created: 1 },
          { id: byB.id, account_id: byA.accountId, account_created: 0 },
        ].sort((x, y) => (x.id < y.id ? -1 : 1)),
      );
      for (const laptop of [a, b, c]) {
        const merged = (await listTimeline(laptop.store.context.db, fromB.lead.id)).filter((entry) => entry.kind === 'accounts_merged');
        expect(merged.map(describeTimelineEntry), `${laptop.name} seed ${seed}`).toEqual([
          'Accounts merged at sync: “Acme GmbH” (laptop laptop-b) into “Acme GmbH” (laptop laptop-a), made for one company on two laptops',
        ]);
        // The lead whose account stayed has nothing to say.
        expect((await listTimeline(laptop.store.context.db, fromA.lead.id)).filter((entry) => entry.kind === 'accounts_merged')).toEqual([]);
        expect(laptop.store.database.sqlite.prepare("SELECT count(*) FROM sync_tombstones WHERE kind = 'account' AND record_id = ?").pluck().get(byB.accountId)).toBe(1);
      }
      // A laptop that merged keeps where B's account went (B's records arriving after are pointed there); one
      // that received the merge's tombstone in the batch that brought the account did not need to.
      const kept = [a, b, c].map((laptop) => laptop.store.database.sqlite.prepare('SELECT into_account_id FROM sync_merged_accounts WHERE account_id = ?').pluck().get(byB.accountId));
      expect(kept.filter((into) => into !== undefined).length, `seed ${seed}`).toBeGreaterThanOrEqual(1);
      for (const into of kept) if (into !== undefined) expect(into).toBe(byA.accountId);
      for (const laptop of laptops) await laptop.store.dispose();
      laptops = [];
    }
  });
});
