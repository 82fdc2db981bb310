import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../electron/ipc/dispatch';
import { createApiClient } from '../../../shared/ipc/client';
import { openAppServices } from '../../../electron/app-services';
import { makeTempDir } from '../../support/temp-database';
import { runLeadbooth } from '../../support/cli-run';
import { canMountTmpfs, mountTmpfs } from '../../support/tmpfs';

let dir: string;
let db: string;
beforeEach(() => {
  dir = makeTempDir();
  db = path.join(dir, 'data', 'leadbooth.db');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const leadbooth = (...args: string[]) => runLeadbooth(['--db', db, ...args]);
const lastNames = async () => (await leadbooth('leads', 'list', '--json')).stdout.map((line) => (JSON.parse(line) as { lastName: string }).lastName);

describe('leadbooth backup and restore', () => {
  it('makes one backup, not two, when it is the first of the day', async () => {
    await leadbooth('staff', 'Jo');
    await leadbooth('events', 'add', 'CES 2027');
    await leadbooth('leads', 'add', '--json', '{"lastName":"Only"}');
    // The commands above made the day's backup; a new day starts with none.
    fs.rmSync(path.join(dir, 'data', 'backups'), { recursive: true, force: true });
    const backedUp = await leadbooth('backup');
    expect(backedUp.code).toBe(0);
    expect(fs.readdirSync(path.join(dir, 'data', 'backups')).filter((name) => name.endsWith('.db'))).toHaveLength(1);
  });

  it('backs up to a file, restores it with the current data kept, and restores over a file that cannot be opened', async () => {
    await leadbooth('staff', 'Jo');
    await leadbooth('events', 'add', 'CES 2027');
    await leadbooth('leads', 'add', '--json', '{"lastName":"Before"}');
    const out = path.join(dir, 'usb', 'monday.db');
    const backedUp = await leadbooth('backup', '--out', out);
    expect([backedUp.code, backedUp.stdout[0]]).toEqual([0, expect.stringMatching(/^Backed up to .*monday\.db/)]);
    await leadbooth('leads', 'add', '--json', '{"lastName":"After"}');

    const restored = await leadbooth('restore', out);
    expect([restored.code, restored.stdout[0]]).toEqual([0, expect.stringMatching(/^Restored 1 lead\(s\) from monday\.db\. What was there before is kept as .*before-restore\.db/)]);
    expect(await lastNames()).toEqual(['Before']);

    // A damaged current file: set aside whole, the backup goes in its place.
    fs.writeFileSync(db, 'SQLite format 3\0' + 'garbage'.repeat(1000));
    fs.rmSync(`${db}-wal`, { force: true });
    fs.rmSync(`${db}-shm`, { force: true });
    const rescued = await leadbooth('restore', out);
    expect([rescued.code, rescued.stdout[0]]).toEqual([0, expect.stringMatching(/could not be opened was moved to .*unopenable-/)]);
    expect(await lastNames()).toEqual(['Before']);

    const refused = await leadbooth('restore', path.join(dir, 'missing.db'));
    expect([refused.code, refused.stderr[0]]).toEqual([1, expect.stringMatching(/cannot be read/)]);
  });

  // A real full (or read-only) disk is a tmpfs mount, which needs root: CI and these machines have it; elsewhere skipped.
  it.skipIf(!canMountTmpfs())('says the disk is full in one line, instead of SQLite\'s text, and leaves no half backup', async () => {
    await leadbooth('staff', 'Jo');
    await leadbooth('events', 'add', 'CES 2027');
    // About 100 KB of leads: more than the 32 KB disk holds.
    for (let index = 0; index < 25; index++) expect((await leadbooth('leads', 'add', '--json', JSON.stringify({ lastName: 'Kept', notes: 'booth note '.repeat(350) }))).code).toBe(0);
    const { mountPoint, unmount } = mountTmpfs('32k');
    try {
      const full = await leadbooth('backup', '--out', path.join(mountPoint, 'monday.db'));
      expect([full.code, full.stderr]).toEqual([
        1,
        [`leadbooth: The disk is full: no backup was made and nothing was left half written (${mountPoint}). Free some space, or back up to another disk, and back up again. Your data is unchanged.`],
      ]);
      expect(fs.readdirSync(mountPoint)).toEqual([]);
    } finally {
      unmount();
    }
    expect(await lastNames()).toEqual(Array(25).fill('Kept'));
  });

  it('serves backups over the contract, restoring by name from the backups folder only', async () => {
    await leadbooth('staff', 'Jo');
    await leadbooth('events', 'add', 'CES 2027');
    await leadbooth('leads', 'add', '--json', '{"lastName":"Kept"}');
    const services = await openAppServices({ dbPath: db, mode: 'browser', withScanner: false });
    try {
      const dispatch = createDispatcher(services.handlers);
      const client = createApiClient(dispatch);
      const made = await client['backups.create']({});
      expect(made.name).toMatch(/^leadbooth-.*\.db$/);
      const listed = await client['backups.list']({});
      expect(listed.folder).toBe(path.join(path.dirname(db), 'backups'));
      // The start-up backup of the day is there too (the store holds a lead), and only one: the CLI
      // commands before also started LeadBooth today, but the store had no lead yet, or had its backup.
      expect(listed.backups.map((backup) => backup.name)).toContain(made.name);
      expect(listed.backups.filter((backup) => backup.name !== made.name)).toHaveLength(1);
      for (const name of ['../leadbooth.db', '/etc/passwd', 'leadbooth-x.db/../../a.db']) {
        expect(await dispatch('backups.restore', { name })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      }
      expect(await client['backups.restore']({ name: made.name })).toMatchObject({ leads: 1, restoredFrom: made.name });
    } finally {
      await services.close();
    }
  });
});
