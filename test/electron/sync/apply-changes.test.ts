import { afterEach, describe, expect, it } from 'vitest';
import { listTimeline } from '../../../electron/db/repositories/timeline';
import { applyRemoteChanges } from '../../../electron/sync/apply-changes';
import { createEvent, useEvent } from '../../../electron/services/events-service';
import { forgetLead } from '../../../electron/services/forget-lead-service';
import { answerCriteria } from '../../../electron/services/qualification-service';
import { createLead, updateLead } from '../../../electron/services/leads-service';
import { setStaffName } from '../../../electron/services/settings-service';
import { describeTimelineEntry } from '../../../shared/domain/timeline';
import { MemoryHub, openLaptop, syncedData, syncWithMemoryHub, type Laptop } from '../../support/sync-laptops';

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

/** A small pseudo-random order per seed (a linear congruential generator: the same seed, the same orders). */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  let state = seed;
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index--) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const other = state % (index + 1);
    [copy[index], copy[other]] = [copy[other] as T, copy[index] as T];
  }
  return copy;
}

/** Syncs the laptops in a seed's orders, round after round, until none has anything left to push or pull. */
async function syncUntilQuiet(hub: MemoryHub, all: readonly Laptop[], seed: number): Promise<number> {
  let conflicts = 0;
  for (let round = 0; round < 10; round++) {
    const before = hub.changes.length;
    for (const laptop of shuffled(all, seed + round)) conflicts += (await syncWithMemoryHub(laptop, hub)).conflicts;
    const unpushed = all.some((laptop) => laptop.store.database.sqlite.prepare('SELECT count(*) FROM sync_changes WHERE pushed = 0').pluck().get() !== 0);
    if (!unpushed && hub.changes.length === before && all.every((laptop) => laptop.cursor === hub.changes.length)) return conflicts;
  }
  throw new Error('the laptops did not settle in 10 rounds');
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

    await forgetLead(b.store.context, saved.lead.id);
    const lateEdit = { ...hub.changes.find((change) => change.kind === 'lead'), changeId: crypto.randomUUID(), hlc: a.clock.now(), fields: { title: 'Countess' } };
    const late = await applyRemoteChanges(b.store.context.db, [lateEdit as (typeof hub.changes)[number]], { clock: b.clock, deviceId: b.name });
    expect(late.tombstoned).toBe(1);
    const reinsert = { ...hub.changes.find((change) => change.kind === 'lead'), changeId: crypto.randomUUID() };
    await applyRemoteChanges(b.store.context.db, [reinsert as (typeof hub.changes)[number]], { clock: b.clock, deviceId: b.name });
    expect(b.store.database.sqlite.prepare('SELECT count(*) FROM leads').pluck().get()).toBe(0);
  });

  it('three laptops running random edits, captures and forgets offline end identical, over several seeds', async () => {
    const titles = ['CEO', 'CTO', 'CFO', 'VP Sales', ''];
    const companies = ['Acme', 'Globex', 'Initech'];
    for (const seed of [7, 8, 9]) {
      let state = seed;
      const random = (below: number): number => {
        state = (state * 1103515245 + 12345) % 2 ** 31;
        return state % below;
      };
      const all = await threeLaptops();
      const hub = new MemoryHub();
      const show = await createEvent(all[0].store.context, { name: 'Random Expo' });
      for (let index = 0; index < 4; index++) await createLead(all[0].store.context, { lastName: `Seed${index}`, company: 'Acme' });
      await syncUntilQuiet(hub, all, seed);
      for (const laptop of all) await useEvent(laptop.store.context, show.id);

      for (let round = 0; round < 2; round++) {
        for (const laptop of all) {
          for (let step = 0; step < 8; step++) {
            const ids = laptop.store.database.sqlite.prepare('SELECT id FROM leads ORDER BY id').pluck().all() as string[];
            const target = ids[random(Math.max(ids.length, 1))];
            const operation = random(10);
            if (operation < 2 || !target) await createLead(laptop.store.context, { lastName: `${laptop.name}-${round}-${step}`, company: companies[random(3)] ?? '' });
            else if (operation < 9) await updateLead(laptop.store.context, target, random(2) === 0 ? { title: titles[random(5)] ?? '' } : { company: companies[random(3)] ?? '' });
            else await forgetLead(laptop.store.context, target);
          }
        }
        await syncUntilQuiet(hub, all, seed * 10 + round);
        const data = all.map((laptop) => syncedData(laptop.store));
        expect(data[1], `seed ${seed} round ${round}`).toEqual(data[0]);
        expect(data[2], `seed ${seed} round ${round}`).toEqual(data[0]);
      }
      for (const laptop of laptops) await laptop.store.dispose();
      laptops = [];
    }
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
});
