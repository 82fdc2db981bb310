import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkBackupFile } from '../../../electron/services/backup-service';
import { makeTempDir } from '../../support/temp-database';
import { runLeadbooth } from '../../support/cli-run';

let dir: string;
let db: string;
beforeEach(() => {
  dir = makeTempDir();
  db = path.join(dir, 'leadbooth.db');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const leadbooth = (...args: string[]) => runLeadbooth(['--db', db, ...args]);

describe('leadbooth leads forget', () => {
  it('forgets one person by id, says so without naming them, and refuses a second time', async () => {
    await leadbooth('staff', 'Jo');
    await leadbooth('events', 'add', 'CES 2027');
    const added = await leadbooth('leads', 'add', '--json', JSON.stringify({ firstName: 'Zephyrine', lastName: 'Quaxleigh' }));
    const id = (JSON.parse(added.stdout[0] ?? '{}') as { id: string }).id;
    const forgotten = await leadbooth('leads', 'forget', id);
    expect(forgotten.code).toBe(0);
    expect(forgotten.stdout.join('\n')).toMatch(new RegExp(`Forgot lead ${id}: the lead, 0 card photo`));
    expect(forgotten.stdout.join('\n')).not.toMatch(/Zephyrine|Quaxleigh/);
    expect((await leadbooth('leads', 'list', '--json')).stdout).toEqual([]);
    const again = await leadbooth('leads', 'forget', id);
    expect([again.code, again.stderr[0]]).toEqual([1, expect.stringMatching(/no longer exists/)]);
    expect((await leadbooth('leads', 'forget')).code).toBe(2);
  });

  it('says when another reader holds the old text in the -wal, and the next command finishes the clean-up', async () => {
    await leadbooth('staff', 'Jo');
    await leadbooth('events', 'add', 'CES 2027');
    const added = await leadbooth('leads', 'add', '--json', JSON.stringify({ firstName: 'Zephyrine', lastName: 'Quaxleigh' }));
    const id = (JSON.parse(added.stdout[0] ?? '{}') as { id: string }).id;
    const liveFilesHold = () => ['', '-wal', '-shm'].some((suffix) => fs.existsSync(`${db}${suffix}`) && fs.readFileSync(`${db}${suffix}`).toString('latin1').toLowerCase().includes('quaxleigh'));
    // A window in the middle of reading the list.
    const reader = new BetterSqlite3(db);
    try {
      reader.exec('BEGIN');
      reader.prepare('SELECT count(*) FROM leads').get();
      const forgotten = await leadbooth('leads', 'forget', id);
      expect(forgotten.code).toBe(0);
      expect(forgotten.stdout.join('\n')).toMatch(/still reads an older view of the leads.*at the latest at the next start/);
      reader.exec('COMMIT');
      expect(liveFilesHold()).toBe(true);
      expect((await leadbooth('leads', 'list', '--json')).code).toBe(0);
      expect(liveFilesHold()).toBe(false);
    } finally {
      reader.close();
    }
  });

  it("names the backups in the backups folder that hold the person, and --from-backups rewrites them without the person", async () => {
    await leadbooth('staff', 'Jo');
    await leadbooth('events', 'add', 'CES 2027');
    const added = await leadbooth('leads', 'add', '--json', JSON.stringify({ firstName: 'Zephyrine', lastName: 'Quaxleigh' }));
    await leadbooth('leads', 'add', '--json', JSON.stringify({ firstName: 'Ben', lastName: 'Okafor' }));
    const id = (JSON.parse(added.stdout[0] ?? '{}') as { id: string }).id;
    expect((await leadbooth('backup')).code).toBe(0);
    const folder = path.join(dir, 'backups');
    // The daily backup of an earlier command may be there too: every one of them holds the person.
    const backups = fs.readdirSync(folder).sort();
    const holding = () => backups.filter((name) => fs.readFileSync(path.join(folder, name)).toString('latin1').includes('Quaxleigh'));
    expect(holding()).toEqual(backups);

    const forgotten = await leadbooth('leads', 'forget', id);
    expect(forgotten.code).toBe(0);
    const printed = forgotten.stdout.join('\n');
    expect(printed).toContain(`Still in ${backups.length} backup(s) in the backups folder:`);
    for (const name of backups) expect(printed).toContain(`  ${path.join(folder, name)}`);
    expect(printed).toMatch(/kept elsewhere .* not changed/);
    expect(holding()).toEqual(backups);

    const cleaned = await leadbooth('leads', 'forget', id, '--from-backups');
    expect(cleaned.stderr).toEqual([]);
    expect(cleaned.code).toBe(0);
    expect(cleaned.stdout.join('\n')).toContain(`was forgotten before.\nRemoved from ${backups.length} backup(s)`);
    expect(holding()).toEqual([]);
    expect(fs.readdirSync(folder).sort()).toEqual(backups);
    // Rewritten, never deleted whole: each is a sound backup, and the one made after both leads keeps the other person.
    for (const name of backups) expect(() => checkBackupFile(path.join(folder, name))).not.toThrow();
    expect(checkBackupFile(path.join(folder, backups.at(-1) ?? '')).leads).toBe(1);
  });
});
