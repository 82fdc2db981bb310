/**
 * The built command (build/build-cli.mjs) run as a process, as a shell runs it: straight from
 * its file, and with a reader that stops early. Built into its own folder in out/, so it never
 * races another test rebuilding out/cli.
 */
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../support/child-process';
import { makeTempDir } from '../../support/temp-database';

const run = promisify(execFile);
const OUT = `out/cli-test-${process.pid}`;
const BUILT = path.join(REPO_ROOT, OUT, 'leadbooth.mjs');
let dir: string;

beforeAll(async () => {
  await run(process.execPath, [path.join(REPO_ROOT, 'build/build-cli.mjs'), '--outdir', OUT], { cwd: REPO_ROOT });
  dir = makeTempDir();
}, 120_000);
afterAll(() => {
  fs.rmSync(path.join(REPO_ROOT, OUT), { recursive: true, force: true });
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the built leadbooth command', () => {
  it('runs from its own file: node out/cli/leadbooth.mjs where', async () => {
    const db = path.join(dir, 'where.db');
    expect(await run(process.execPath, [BUILT, '--db', db, 'where'])).toEqual({ stdout: `${db}\n`, stderr: '' });
    expect((await run(process.execPath, [BUILT, 'where'])).stdout).toMatch(/leadbooth\.db\n$/);
    const usage = await run(process.execPath, [BUILT, 'nonsense']).catch((error: { code: number; stderr: string }) => error);
    expect(usage).toMatchObject({ code: 2, stderr: 'leadbooth: unknown command "nonsense"; see "leadbooth --help"\n' });
  }, 60_000);

  it('ends quietly with 0 when the reader of its output stops early (leads list --json | head -1)', async () => {
    const db = path.join(dir, 'many.db');
    const csv = path.join(dir, 'leads.csv');
    // More than a pipe holds (64 KB) and more than one page (500): the command is still writing when the reader goes.
    const rows = Array.from({ length: 3000 }, (_, index) => `Lead${index},Person${index},Company ${index % 97},lead${index}@example.com`);
    fs.writeFileSync(csv, ['First Name,Last Name,Company,Email', ...rows].join('\n'));
    await run(process.execPath, [BUILT, '--db', db, 'staff', 'Jo']);
    await run(process.execPath, [BUILT, '--db', db, 'events', 'add', 'Pipe Expo']);
    expect((await run(process.execPath, [BUILT, '--db', db, 'import', csv])).stdout).toMatch(/added 3000/);

    const child = spawn(process.execPath, [BUILT, '--db', db, 'leads', 'list', '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const firstLine = await new Promise<string>((resolve) => {
      let text = '';
      child.stdout.on('data', (chunk: Buffer) => {
        text += chunk.toString();
        const end = text.indexOf('\n');
        if (end === -1) return;
        // The reader closes its end, as head does after its first line.
        child.stdout.destroy();
        resolve(text.slice(0, end));
      });
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', (exitCode) => resolve(exitCode)));
    expect(JSON.parse(firstLine)).toMatchObject({ firstName: expect.stringMatching(/^Lead\d+$/) });
    expect(stderr).toBe('');
    expect(code).toBe(0);
  }, 120_000);
});
