import fs from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import { openAppServices } from '../../../electron/app-services';
import { insertCardScan } from '../../../electron/db/repositories/card-scans';
import { insertQueueItem, markQueueItemReady } from '../../../electron/db/repositories/capture-queue';
import { backupsFolder, checkBackupFile, createBackup } from '../../../electron/services/backup-service';
import { getDraft, saveDraft } from '../../../electron/services/drafts-service';
import { convertLead } from '../../../electron/services/conversion-service';
import { createEvent } from '../../../electron/services/events-service';
import { forgetLead, previewForget } from '../../../electron/services/forget-lead-service';
import { forgetCleanupPending, startForgetCleanupRetry } from '../../../electron/services/forget-log-cleanup';
import { createLead } from '../../../electron/services/leads-service';
import { setStaffName } from '../../../electron/services/settings-service';
import { AppError } from '../../../shared/ipc/errors';
import { emptyParsedCard } from '../../../shared/parsing/card-fields';
import { openTempStore, type TempStore } from '../../support/temp-database';

let store: TempStore;
beforeEach(async () => {
  store = await openTempStore();
  await setStaffName(store.context, 'Jo Booth');
  await createEvent(store.context, { name: 'Privacy Expo' });
});
afterEach(() => store.dispose());

// Words no one else has, so finding any of them anywhere in the files means the person is still there.
const PERSON = {
  firstName: 'Zephyrine',
  lastName: 'Quaxleigh',
  company: 'Vortimax Quillworks',
  email: 'zephyrine.q@vortimax.example',
  phone: '+44 20 7946 0871',
  street: '17 Wobblethorpe Lane',
  notes: 'Allergic to pistachiomarzipan, prefers calls after lunch',
};
const SEARCHED = ['zephyrine', 'quaxleigh', 'vortimax', 'quillworks', 'pistachiomarzipan', 'wobblethorpe', '7946 0871'];

function filesContain(dbPath: string, needle: string): boolean {
  return [dbPath, `${dbPath}-wal`].some((file) => fs.existsSync(file) && fs.readFileSync(file).toString('latin1').toLowerCase().includes(needle));
}

describe('forgetLead', () => {
  it('a converted person: the contact made of them goes too, the account (the company) and the deal stay', async () => {
    const { lead } = await createLead(store.context, PERSON);
    const summary = await convertLead(store.context, { leadId: lead.id, account: { mode: 'new' }, contact: { mode: 'new' }, opportunity: { name: 'Vortimax deal', closeDate: '2027-03-31', stage: 'Prospecting', amount: null } });
    const sqlite = store.database.sqlite;
    expect(sqlite.prepare('SELECT count(*) FROM contacts').pluck().get()).toBe(1);

    expect(await forgetLead(store.context, lead.id)).toMatchObject({ contactsRemoved: 1 });
    expect(sqlite.prepare('SELECT count(*) FROM contacts').pluck().get()).toBe(0);
    expect(sqlite.prepare('SELECT count(*) FROM opportunity_contact_roles').pluck().get()).toBe(0);
    expect(sqlite.prepare('SELECT count(*) FROM accounts WHERE id = ?').pluck().get(summary.accountId)).toBe(1);
    expect(sqlite.prepare('SELECT count(*) FROM opportunities').pluck().get()).toBe(1);
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    expect(['zephyrine', 'quaxleigh', 'zephyrine.q@vortimax'].filter((needle) => filesContain(store.dbPath, needle))).toEqual([]);
    // The account is the company: its address and phone number (Salesforce's lead → account mapping) stay with it.
    expect(sqlite.prepare('SELECT street FROM accounts').pluck().get()).toBe(PERSON.street);
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);
  });


  it('a contact two leads were converted into stays until the second lead is forgotten too', async () => {
    const { lead: first } = await createLead(store.context, PERSON);
    const { lead: second } = await createLead(store.context, { ...PERSON, notes: 'second visit' });
    const made = await convertLead(store.context, { leadId: first.id, account: { mode: 'new' }, contact: { mode: 'new' }, opportunity: null });
    await convertLead(store.context, { leadId: second.id, account: { mode: 'existing', id: made.accountId }, contact: { mode: 'existing', id: made.contactId }, opportunity: null });
    const contacts = () => store.database.sqlite.prepare('SELECT count(*) FROM contacts').pluck().get();

    expect(await forgetLead(store.context, first.id)).toMatchObject({ contactsRemoved: 0 });
    expect(contacts()).toBe(1);
    expect(await forgetLead(store.context, second.id)).toMatchObject({ contactsRemoved: 1 });
    expect(contacts()).toBe(0);
    expect(store.database.sqlite.pragma('foreign_key_check')).toEqual([]);
  });

  it('leaves nothing of the person in the database files, and logs the forgetting without personal data', async () => {
    for (let index = 0; index < 30; index++) await createLead(store.context, { firstName: `Other${index}`, lastName: 'Person', company: 'Vortex Ltd', notes: 'met at the booth' });
    const { lead } = await createLead(store.context, PERSON);
    await insertCardScan(store.context.db, {
      id: store.context.newId(),
      lead_id: lead.id,
      file_name: 'zephyrine-card.jpg',
      image: Buffer.from('JPEG-PIXELS-OF-ZEPHYRINE-QUAXLEIGH'),
      image_mime: 'image/jpeg',
      image_width: 10,
      image_height: 10,
      ocr_text: 'Zephyrine Quaxleigh\nVortimax Quillworks',
      ocr_json: JSON.stringify({ lastName: 'Quaxleigh' }),
      scanned_by: 'Jo Booth',
      scanned_at: new Date().toISOString(),
    });
    const sqlite = store.database.sqlite;
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    // The test can fail: before forgetting, the person is in the file.
    expect(SEARCHED.filter((needle) => filesContain(store.dbPath, needle))).toEqual(SEARCHED);

    const result = await forgetLead(store.context, lead.id);
    expect(result).toMatchObject({ leadId: lead.id, inStore: true, photosRemoved: 1, contactsRemoved: 0, draftCleared: false, unclaimedScansRemoved: 0 });

    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    expect(SEARCHED.filter((needle) => filesContain(store.dbPath, needle))).toEqual([]);
    // FTS keeps terms prefix-compressed, so a byte search alone could miss one: ask the index itself.
    sqlite.exec("CREATE VIRTUAL TABLE temp.terms USING fts5vocab(main, 'leads_fts', 'row')");
    const terms = sqlite.prepare('SELECT term FROM temp.terms').pluck().all() as string[];
    expect(terms.filter((term) => SEARCHED.some((needle) => needle.startsWith(term) && term.length > 3))).toEqual([]);
    expect(terms).toContain('vortex'); // the others are still searchable
    expect(sqlite.prepare("SELECT count(*) FROM leads_fts WHERE leads_fts MATCH 'zephyrine OR quaxleigh'").pluck().get()).toBe(0);
    expect(sqlite.prepare('SELECT count(*) FROM leads').pluck().get()).toBe(30);
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');

    const log = sqlite.prepare('SELECT action, lead_id, done_by, photos_removed FROM privacy_log').all();
    expect(log).toEqual([{ action: 'forget', lead_id: lead.id, done_by: 'Jo Booth', photos_removed: 1 }]);
    expect(store.notifications.at(-1)).toEqual({ event: 'leads.changed', payload: { ids: [lead.id] } });
  });

  it('says so when the lead is not there, and logs nothing', async () => {
    const error = await forgetLead(store.context, '6f1c1d3e-8a0b-4c47-9d9e-2f3a4b5c6d7e').catch((caught: unknown) => caught);
    expect((error as AppError).code).toBe('not_found');
    expect(store.database.sqlite.prepare('SELECT count(*) FROM privacy_log').pluck().get()).toBe(0);
  });
});

async function scanOf(fields: Partial<Record<'firstName' | 'lastName' | 'company' | 'email', string>>, leadId: string | null): Promise<string> {
  const card = emptyParsedCard();
  for (const [field, value] of Object.entries(fields)) card[field as keyof typeof fields] = { value, confidence: 0.9, box: null };
  const id = store.context.newId();
  await insertCardScan(store.context.db, {
    id,
    lead_id: leadId,
    file_name: `${id}.jpg`,
    image: Buffer.from('JPEG'),
    image_mime: 'image/jpeg',
    image_width: 10,
    image_height: 10,
    ocr_text: Object.values(fields).join('\n'),
    ocr_json: JSON.stringify({ page: { width: 10, height: 10 }, fields: card }),
    scanned_by: 'Jo Booth',
    scanned_at: new Date().toISOString(),
  });
  return id;
}

async function queued(scanId: string): Promise<string> {
  const id = store.context.newId();
  await insertQueueItem(store.context.db, { id, fileName: 'IMG_0042.jpg', image: Buffer.from('JPEG'), addedBy: 'Jo Booth', now: new Date().toISOString() });
  await markQueueItemReady(store.context.db, id, scanId, new Date().toISOString());
  return id;
}

describe('forgetLead: every copy in the live store', () => {
  it('clears the saved draft holding the person, their queue items and unsaved scans of them; other people stay', async () => {
    const { lead } = await createLead(store.context, PERSON);
    const ownScan = await scanOf({ lastName: 'Quaxleigh' }, null);
    await store.database.sqlite.prepare('UPDATE card_scans SET lead_id = ? WHERE id = ?').run(lead.id, ownScan);
    const ownItem = await queued(ownScan);
    // Scanned again, not saved yet: the same email on the card.
    const unsaved = await scanOf({ firstName: 'Zephyrine', lastName: 'Quaxleigh', email: PERSON.email }, null);
    const unsavedItem = await queued(unsaved);
    const someoneElse = await scanOf({ firstName: 'Ben', lastName: 'Okafor', company: 'Northwind' }, null);
    const otherItem = await queued(someoneElse);
    // The booth form holds the person again (typed after the save).
    await saveDraft(store.context, { firstName: 'Zephyrine', lastName: 'Quaxleigh', company: 'Vortimax Quillworks' });

    const result = await forgetLead(store.context, lead.id);
    expect(result).toMatchObject({ photosRemoved: 1, draftCleared: true, unclaimedScansRemoved: 1, queueItemsRemoved: 2 });
    expect(await getDraft(store.context)).toBeNull();
    const queueIds = store.database.sqlite.prepare('SELECT id FROM capture_queue').pluck().all();
    expect(queueIds).toEqual([otherItem]);
    expect(queueIds).not.toContain(ownItem);
    expect(queueIds).not.toContain(unsavedItem);
    expect(store.database.sqlite.prepare('SELECT id FROM card_scans').pluck().all()).toEqual([someoneElse]);
    expect(store.database.sqlite.prepare('SELECT photos_removed FROM privacy_log').pluck().get()).toBe(2);
  });

  it("keeps a draft of someone else", async () => {
    const { lead } = await createLead(store.context, PERSON);
    await saveDraft(store.context, { firstName: 'Ben', lastName: 'Okafor', company: 'Northwind' });
    expect(await forgetLead(store.context, lead.id)).toMatchObject({ draftCleared: false });
    expect((await getDraft(store.context))?.fields.lastName).toBe('Okafor');
  });
});

describe('forgetLead: backups', () => {
  const withStore = () => ({ ...store.context, store: { db: store.database.db, sqlite: store.database.sqlite, path: store.dbPath } });
  const holdsPerson = (file: string) => fs.readFileSync(file).toString('latin1').toLowerCase().includes('quaxleigh');

  it("names the backups in the app's folder that hold the person, today's too, and rewrites them without the person on request", async () => {
    const context = withStore();
    const { lead } = await createLead(context, PERSON);
    await createLead(context, { firstName: 'Ben', lastName: 'Okafor', company: 'Northwind' });
    const before = await createBackup(context.store, { now: () => new Date('2026-11-20T08:00:00.000Z') });
    const today = await createBackup(context.store, { now: () => new Date() });
    const elsewhere = path.join(store.dir, 'usb-stick.db');
    await createBackup(context.store, context.clock, { out: elsewhere });

    const preview = previewForget(context, lead.id);
    expect(preview.backupsHolding.map((backup) => backup.name).sort()).toEqual([before.name, today.name].sort());
    expect(preview.backupsFolder).toBe(backupsFolder(store.dbPath));

    const asked = await forgetLead(context, lead.id);
    expect(asked.backupsCleaned).toEqual([]);
    expect(asked.backupsStillHolding).toHaveLength(2);
    expect(holdsPerson(path.join(backupsFolder(store.dbPath), today.name))).toBe(true);

    // Forgotten in the store already: --from-backups cleans what is left.
    const cleaned = await forgetLead(context, lead.id, { fromBackups: true });
    expect(cleaned).toMatchObject({ inStore: false, backupsStillHolding: [], backupErrors: [] });
    expect(cleaned.backupsCleaned.sort()).toEqual([before.name, today.name].sort());
    for (const name of [before.name, today.name]) {
      const file = path.join(backupsFolder(store.dbPath), name);
      expect(holdsPerson(file)).toBe(false);
      // Never deleted whole: the others are still in it, and it is a sound backup.
      expect(checkBackupFile(file).leads).toBe(1);
    }
    expect(fs.readdirSync(backupsFolder(store.dbPath)).sort()).toEqual([before.name, today.name].sort());
    // A copy kept elsewhere is not LeadBooth's to change.
    expect(holdsPerson(elsewhere)).toBe(true);
    await expect(forgetLead(context, lead.id, { fromBackups: true })).rejects.toMatchObject({ code: 'not_found' });
  });
});

/** The person's words found in any live store file: the database, its -wal and its -shm. */
function liveFilesHolding(dbPath: string): string[] {
  const bytes = ['', '-wal', '-shm']
    .map((suffix) => `${dbPath}${suffix}`)
    .filter((file) => fs.existsSync(file))
    .map((file) => fs.readFileSync(file).toString('latin1').toLowerCase())
    .join('\n');
  return SEARCHED.filter((needle) => bytes.includes(needle));
}

function walHolding(dbPath: string): string[] {
  const bytes = fs.readFileSync(`${dbPath}-wal`).toString('latin1').toLowerCase();
  return SEARCHED.filter((needle) => bytes.includes(needle));
}

/** Another connection (a second window, the CLI) in the middle of reading: it holds the snapshot it started with. */
function readerHoldingSnapshot(dbPath: string): BetterSqlite3.Database {
  const reader = new BetterSqlite3(dbPath);
  reader.exec('BEGIN');
  reader.prepare('SELECT count(*) FROM leads').get();
  return reader;
}

describe('forgetLead: the write-ahead log', () => {
  const storeHandle = () => ({ db: store.database.db, sqlite: store.database.sqlite, path: store.dbPath });
  const until = async (check: () => Promise<boolean>) => {
    for (let tries = 0; tries < 200 && !(await check()); tries++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await check()).toBe(true);
  };
  const personWithOthers = async () => {
    for (let index = 0; index < 20; index++) await createLead(store.context, { lastName: `Other${index}`, company: 'Vortex Ltd' });
    const { lead } = await createLead(store.context, PERSON);
    // The test can fail: the person is in the live files, the -wal among them.
    expect(walHolding(store.dbPath)).toEqual(SEARCHED);
    return lead;
  };

  it('without another reader: no live store file holds the person once forget returns', async () => {
    const context = { ...store.context, store: storeHandle() };
    const lead = await personWithOthers();
    const result = await forgetLead(context, lead.id);
    expect(result.cleanupPending).toBeNull();
    expect(liveFilesHolding(store.dbPath)).toEqual([]);
    expect(await forgetCleanupPending(store.context.db)).toBe(false);
  });

  it('while another connection holds an older snapshot: says so without waiting, and finishes once the reader is done, the app still running', async () => {
    const retry = startForgetCleanupRetry(storeHandle(), store.context.clock, { intervalMs: 10 });
    const context = { ...store.context, store: storeHandle() };
    const lead = await personWithOthers();
    const reader = readerHoldingSnapshot(store.dbPath);
    try {
      const started = performance.now();
      const result = await forgetLead(context, lead.id);
      // The busy wait (5 s) is off for the checkpoint: a reader never stops the process.
      expect(performance.now() - started).toBeLessThan(2_000);
      expect(result.cleanupPending).toMatch(/older view of the leads.*at the latest at the next start/);
      expect(walHolding(store.dbPath)).toEqual(SEARCHED);
      expect(await forgetCleanupPending(store.context.db)).toBe(true);
      // The reader still sees the person: its snapshot is older than the forget.
      expect(reader.prepare('SELECT count(*) FROM leads WHERE id = ?').pluck().get(lead.id)).toBe(1);

      reader.exec('COMMIT'); // done reading; the connection itself stays open
      await until(async () => !(await forgetCleanupPending(store.context.db)));
      expect(liveFilesHolding(store.dbPath)).toEqual([]);
      expect(store.database.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      reader.close();
      await retry.close();
    }
  });

  it('a clean-up held back in a process that ended (no retry ran) is finished by the next start', async () => {
    const context = { ...store.context, store: storeHandle() };
    const lead = await personWithOthers();
    const reader = readerHoldingSnapshot(store.dbPath);
    let restarted: Awaited<ReturnType<typeof openAppServices>> | undefined;
    try {
      expect((await forgetLead(context, lead.id)).cleanupPending).not.toBeNull();
      reader.exec('COMMIT');
      expect(liveFilesHolding(store.dbPath)).not.toEqual([]);
      // Another start on the same file (a window opened, a CLI command) reads the mark and finishes.
      restarted = await openAppServices({ dbPath: store.dbPath, mode: 'browser', withScanner: false, withDailyBackup: false });
      expect(await forgetCleanupPending(store.context.db)).toBe(false);
      expect(liveFilesHolding(store.dbPath)).toEqual([]);
    } finally {
      reader.close();
      await restarted?.close();
    }
  });
});
