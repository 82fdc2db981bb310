import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { Worker } from 'node:worker_threads';
import BetterSqlite3 from 'better-sqlite3';
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

  it('bundles each worker thread beside the command: an import of 5,000 rows or more runs its duplicate search there, a bulk import its checkpoint, a large pull its apply', async () => {
    await run(process.execPath, ['build/build-cli.mjs', '--outdir', 'out/cli-workers-test']);
    const worker = new Worker(path.resolve('out/cli-workers-test/import-duplicates-worker.mjs'));
    // Leads a column per field (SubjectColumns in electron/services/duplicate-index.ts).
    const person = (id: string, email: string) => ({ id: [id], firstName: ['Ana'], lastName: ['Müller'], company: ['Acme'], email: [email], phone: [''], mobile: [''], country: [''], badgeId: [''] });
    const found = new Promise((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    worker.postMessage({ existing: person('a', 'ana@acme.example'), added: person('b', 'ana@acme.example') });
    expect(await found).toEqual([{ leadId: 'b', otherLeadId: 'a', reasons: expect.arrayContaining(['email']) }]);
    await worker.terminate();

    const dir = makeTempDir();
    dirs.push(dir);
    const csv = path.join(dir, 'people.csv');
    // 2,500 people twice each; two people's names differ by two letters at least (one typo is all the rule forgives).
    const code = (index: number) => String.fromCharCode(97 + (index % 26), 97 + (Math.floor(index / 26) % 26), 97 + Math.floor(index / 676));
    const rows = Array.from({ length: 5_000 }, (_, index) => {
      const person = code(index % 2_500).repeat(2);
      return `Pe${person}ra,Ko${person}berg,person${index}@mail.example`;
    });
    fs.writeFileSync(csv, ['First Name,Last Name,Email', ...rows].join('\n'));
    const imported = await run(process.execPath, ['out/cli-workers-test/leadbooth.mjs', '--db', path.join(dir, 'leadbooth.db'), 'import', csv]);
    // The second of each pair is flagged (the same name at the same email domain), nobody else.
    expect(imported.stdout).toMatch(/added 5000, updated 0, flagged 2500, skipped 0/);

    // The checkpoint after a bulk import: the built worker copies a store's WAL into its file.
    const store = path.join(dir, 'wal.db');
    const sqlite = new BetterSqlite3(store);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('wal_autocheckpoint = 0');
    sqlite.exec('CREATE TABLE notes (text TEXT); WITH RECURSIVE row(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM row WHERE n < 1000) INSERT INTO notes SELECT hex(randomblob(1000)) FROM row');
    const fileBefore = fs.statSync(store).size;
    const checkpointer = new Worker(path.resolve('out/cli-workers-test/after-commit-worker.mjs'));
    const ended = new Promise((resolve, reject) => {
      checkpointer.once('exit', resolve);
      checkpointer.once('error', reject);
    });
    checkpointer.postMessage({ path: store });
    expect(await ended).toBe(0);
    expect(fs.statSync(store).size).toBeGreaterThan(fileBefore + 2_000_000);
    sqlite.close();

    // A large pull's worker (pull-worker.ts) from the bundle: opens the store the import made, asks for the
    // store's write turn, commits an empty last page with its cursor, and says so.
    const puller = new Worker(path.resolve('out/cli-workers-test/pull-worker.mjs'));
    const said: string[] = [];
    const pulled = new Promise((resolve, reject) => {
      puller.on('message', (message: { kind: string; progress?: { cursor: string } }) => {
        said.push(message.progress ? `${message.kind} ${message.progress.cursor}` : message.kind);
        if (message.kind === 'take-turn') puller.postMessage({ kind: 'turn' });
        if (message.kind === 'done' || message.kind === 'failed') resolve(message);
      });
      puller.once('error', reject);
    });
    puller.postMessage({ path: path.join(dir, 'leadbooth.db'), hubUrl: 'http://127.0.0.1:9', token: 'token', fingerprint: null, deviceId: 'device-1', first: { changes: [], cursor: '7', more: false }, lastStamp: '', wallClockOffsetMs: 0 });
    expect(await pulled).toEqual({ kind: 'done' });
    expect(said).toEqual(['take-turn', 'give-turn', 'committed 7', 'done']);
    await puller.terminate();
    fs.rmSync('out/cli-workers-test', { recursive: true, force: true });
  }, 120_000);
});
