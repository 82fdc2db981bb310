import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main';
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

describe('leadbooth CLI', () => {
  it('says once that it waits when another program holds the write lock, then does its work', async () => {
    expect((await leadbooth('staff', 'Jo', 'Booth')).code).toBe(0);
    const other = new BetterSqlite3(db);
    other.exec('BEGIN IMMEDIATE');
    const stderr: string[] = [];
    // The lock is released once the command has said it waits (however long loading it took), or after 20 s.
    const release = (): void => {
      if (other.inTransaction) other.exec('COMMIT');
    };
    const fallback = setTimeout(release, 20_000);
    try {
      const code = await main(['--db', db, 'events', 'add', 'Waited Expo'], {
        stdout: () => {},
        stderr: (line) => {
          stderr.push(line);
          setTimeout(release, 300);
        },
      });
      expect(code).toBe(0);
      expect(stderr).toEqual(['leadbooth: waiting for another program that is writing to the lead store (an import, the app), up to 30 s…']);
    } finally {
      clearTimeout(fallback);
      release();
      other.close();
    }
  });

  it('runs the booth from the command line: staff, show, leads, list and search', async () => {
    expect((await leadbooth('staff', 'Jo', 'Booth')).code).toBe(0);
    expect((await leadbooth('events', 'add', 'Web Summit 2026', '--location', 'Lisbon')).stdout[0]).toMatch(/current show/);
    await leadbooth('events', 'add', 'CES 2027', '--time-zone', 'America/Los_Angeles');
    expect((await leadbooth('events', 'use', 'web summit 2026')).code).toBe(0);
    const events = (await leadbooth('events', 'list', '--json')).json();
    expect(events.find((event) => event.current)?.name).toBe('Web Summit 2026');
    expect(events.find((event) => event.name === 'CES 2027')?.timeZone).toBe('America/Los_Angeles');
    expect((await leadbooth('events', 'list')).stdout).toContain('  CES 2027  (America/Los_Angeles)');
    const unknownZone = await leadbooth('events', 'add', 'MWC 2027', '--time-zone', 'Europe/Atlantis');
    expect(unknownZone.code).not.toBe(0);
    expect(unknownZone.stderr.join('\n')).toMatch(/Europe\/Berlin/);

    const added = await leadbooth('leads', 'add', '--json', JSON.stringify({ firstName: 'Ana', lastName: 'Müller', company: 'Acme GmbH' }));
    expect(added.code).toBe(0);
    const lead = added.json()[0];
    expect(lead).toMatchObject({ firstName: 'Ana', leadSource: 'Trade Show', status: 'New', capturedBy: 'Jo Booth', eventId: events.find((event) => event.current)?.id });
    await leadbooth('leads', 'add', '--json', JSON.stringify({ lastName: 'Okafor', email: 'chidi@northwind.example' }));

    const listed = (await leadbooth('leads', 'list', '--json')).json();
    expect(listed.map((row) => row.lastName)).toEqual(['Okafor', 'Müller']);
    const found = (await leadbooth('leads', 'search', 'muller', '--json')).json();
    expect(found.map((row) => row.id)).toEqual([lead?.id]);
  });

  it('prints the default data file with "where"', async () => {
    const stdout: string[] = [];
    await main(['where'], { stdout: (line) => stdout.push(line), stderr: () => {} });
    expect(stdout[0]).toMatch(/leadbooth\.db$/);
  });

  it('reports a bad lead on stderr with a non-zero exit and stores nothing', async () => {
    await leadbooth('staff', 'Jo');
    await leadbooth('events', 'add', 'CES 2027');
    const bad = await leadbooth('leads', 'add', '--json', JSON.stringify({ lastName: 'Doe', email: 'not-an-email' }));
    expect(bad.code).toBe(1);
    expect(bad.stdout).toEqual([]);
    expect(bad.stderr.join('\n')).toMatch(/email: This does not look like an email address/);
    const notJson = await leadbooth('leads', 'add', '--json', '{lastName: Doe}');
    expect(notJson.code).toBe(2);
    expect(notJson.stderr[0]).toMatch(/not valid JSON/);
    expect((await leadbooth('leads', 'list', '--json')).stdout).toEqual([]);
  });

  it('exits 2 on usage errors', async () => {
    expect((await leadbooth('frobnicate')).code).toBe(2);
    expect((await leadbooth('leads', 'search')).code).toBe(2);
    expect((await leadbooth('leads', 'list', '--limit', 'many')).code).toBe(2);
    expect((await leadbooth('leads', 'add')).code).toBe(2);
  });

  it('refuses a file that is not a database and leaves it alone', async () => {
    fs.writeFileSync(db, 'not a database at all, just some text that is long enough');
    const result = await leadbooth('leads', 'list');
    expect(result.code).toBe(1);
    expect(result.stderr[0]).toMatch(/not a LeadBooth database/);
    expect(fs.readFileSync(db, 'utf8')).toMatch(/^not a database/);
  });

  it('works as a real process through bin.mjs', async () => {
    const bin = path.resolve('electron/cli/bin.mjs');
    const run = promisify(execFile);
    await run(process.execPath, [bin, '--db', db, 'events', 'add', 'CES 2027']);
    const { stdout } = await run(process.execPath, [bin, '--db', db, 'events', 'list', '--json']);
    expect(JSON.parse(stdout.trim())).toMatchObject({ name: 'CES 2027', current: true });
    const failure = await run(process.execPath, [bin, '--db', db, 'nonsense']).catch((error: { code: number; stderr: string }) => error);
    expect(failure).toMatchObject({ code: 2, stderr: expect.stringMatching(/unknown command/) });
  });
});
