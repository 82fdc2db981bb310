import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../support/temp-database';

const run = promisify(execFile);
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the built command line', () => {
  it('is bundled to out/cli and bin.mjs runs it with the store and the services', async () => {
    await run(process.execPath, ['build/build-cli.mjs']);
    expect(fs.existsSync('out/cli/leadbooth.mjs')).toBe(true);
    const dir = makeTempDir();
    dirs.push(dir);
    const db = path.join(dir, 'leadbooth.db');
    const leadbooth = (...args: string[]) => run(process.execPath, ['electron/cli/bin.mjs', '--db', db, ...args]);
    expect((await leadbooth('where')).stdout.trim()).toBe(db);
    await leadbooth('staff', 'Jo');
    await leadbooth('events', 'add', 'CES');
    await leadbooth('leads', 'add', '--json', '{"lastName":"Müller","company":"Acme"}');
    const out = path.join(dir, 'x.vcf');
    expect((await leadbooth('export', '--format', 'vcard', '--out', out)).stdout).toMatch(/exported 1 lead/);
    expect(fs.readFileSync(out, 'utf8')).toMatch(/^BEGIN:VCARD\r\nVERSION:4\.0/);
    // The bundle is the command itself, as bin.mjs runs it.
    const direct = await run(process.execPath, ['out/cli/leadbooth.mjs', '--db', db, 'leads', 'list', '--json']);
    expect(JSON.parse(direct.stdout.trim())).toMatchObject({ lastName: 'Müller', company: 'Acme' });
  }, 120_000);
});
