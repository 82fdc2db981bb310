import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main';
import { makeTempDir } from '../../support/temp-database';

let dir: string;
let db: string;
beforeEach(() => {
  dir = makeTempDir();
  db = path.join(dir, 'leadbooth.db');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function leadbooth(...args: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await main(['--db', db, ...args], { stdout: (line) => stdout.push(line), stderr: (line) => stderr.push(line) });
  return { code, stdout, stderr };
}

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
});
