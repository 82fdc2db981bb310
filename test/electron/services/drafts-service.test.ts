import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readSetting, writeSetting } from '../../../electron/db/repositories/settings';
import { getDraft, saveDraft } from '../../../electron/services/drafts-service';
import { openTempStore, type TempStore } from '../../support/temp-database';

let store: TempStore;
beforeEach(async () => {
  store = await openTempStore();
});
afterEach(async () => {
  await store.dispose();
});

const draftPath = (): string => `${store.dbPath}-draft.json`;

describe('the entry form draft', () => {
  it('is written at once while another program holds the store write lock', async () => {
    const other = new BetterSqlite3(store.dbPath);
    other.exec('BEGIN IMMEDIATE');
    try {
      // The lock is held until after this: a draft that waited for it would fail as busy.
      await saveDraft(store.context, { lastName: 'Waiting', email: 'w@example.com' });
      expect((await getDraft(store.context))?.fields.lastName).toBe('Waiting');
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
  });

  it('is a private file beside the store, replaced whole, with no temporary file left', async () => {
    await saveDraft(store.context, { firstName: 'Ana' });
    await saveDraft(store.context, { firstName: 'Ana', lastName: 'Lima' });
    if (process.platform !== 'win32') expect(fs.statSync(draftPath()).mode & 0o777).toBe(0o600);
    expect(JSON.parse(fs.readFileSync(draftPath(), 'utf8')).fields).toEqual({ firstName: 'Ana', lastName: 'Lima' });
    expect(fs.readdirSync(path.dirname(draftPath())).filter((name) => name.includes('.partial'))).toEqual([]);
    await saveDraft(store.context, null);
    expect(fs.existsSync(draftPath())).toBe(false);
  });

  it('a damaged draft file is no draft: the form starts empty instead of failing', async () => {
    fs.writeFileSync(draftPath(), '{"fields": {"firstName": "An');
    expect(await getDraft(store.context)).toBeNull();
    fs.writeFileSync(draftPath(), JSON.stringify({ fields: { firstName: 3 }, savedAt: 'x' }));
    expect(await getDraft(store.context)).toBeNull();
  });

  it("reads an older version's draft from the settings table, and moves it out with the next write", async () => {
    await writeSetting(store.context.db, 'draft', { fields: { lastName: 'From before' }, savedAt: '2026-11-01T10:00:00.000Z' }, '2026-11-01T10:00:00.000Z');
    expect((await getDraft(store.context))?.fields.lastName).toBe('From before');
    await saveDraft(store.context, { lastName: 'From before', email: 'b@example.com' });
    expect(await readSetting(store.context.db, 'draft')).toBeNull();
    expect((await getDraft(store.context))?.fields.email).toBe('b@example.com');
  });
});
