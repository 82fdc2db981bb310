import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runLeadbooth } from '../../../support/cli-run';
import { startMemoryHubServer, type MemoryHubServer } from '../../../support/memory-hub-server';
import { makeTempDir } from '../../../support/temp-database';

let dir: string;
let server: MemoryHubServer;
beforeEach(async () => {
  dir = makeTempDir();
  server = await startMemoryHubServer();
});
afterEach(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const on = (laptop: string) => (...args: string[]) => runLeadbooth(['--db', path.join(dir, laptop, 'leadbooth.db'), ...args]);

describe('leadbooth hub join, hub status, sync', () => {
  it('joins two laptops to one hub and brings each one’s leads to the other', async () => {
    const a = on('a');
    const b = on('b');
    for (const laptop of [a, b]) await laptop('staff', 'Jo');
    await a('events', 'add', 'CES 2027');
    await a('leads', 'add', '--json', '{"lastName":"Hopper","company":"Navy"}');
    expect((await a('hub', 'status')).stdout).toEqual(['This laptop has not joined a team hub. Join one with: leadbooth hub join URL CODE']);

    const joined = await a('hub', 'join', server.url, '123456');
    expect(joined.code).toBe(0);
    expect(joined.stdout[0]).toMatch(/^Joined the hub at http:\/\/127\.0\.0\.1:\d+ as Jo on .+ \(manager\)/);
    expect((await a('hub', 'status')).stdout[0]).toMatch(/1 lead change\(s\) not on the hub yet .* not synced yet$/);
    const synced = await a('sync');
    expect(synced.code).toBe(0);
    // The show, its checklist's 4 criteria, the lead and its timeline entry.
    expect(synced.stdout[0]).toMatch(/^Synced with .*: sent 7 change\(s\), received 7 \(0 applied\)\.$/);

    await b('hub', 'join', server.url, '654321');
    expect((await b('sync', '--json')).json()[0]).toMatchObject({ applied: 7, status: { notOnHub: 0 } });
    await b('events', 'use', 'CES 2027');
    await b('leads', 'add', '--json', '{"lastName":"Lovelace","company":"Engines"}');
    await b('sync');
    await a('sync');
    const names = (await a('leads', 'list', '--json')).json().map((lead) => lead.lastName);
    expect(names.sort()).toEqual(['Hopper', 'Lovelace']);
    expect((await a('hub', 'status', '--json')).json()[0]).toMatchObject({ joined: true, notOnHub: 0, lastSyncAt: expect.any(String) });
  });

  it('exits non-zero with one line when the hub cannot be reached, and when the laptop never joined', async () => {
    const a = on('a');
    await a('staff', 'Jo');
    const notJoined = await a('sync');
    expect(notJoined.code).not.toBe(0);
    expect(notJoined.stderr).toEqual(['leadbooth: This laptop has not joined a team hub: run leadbooth hub join URL CODE first.']);
    await a('hub', 'join', server.url, '123456');
    await server.close();
    const offline = await a('sync');
    expect(offline.code).not.toBe(0);
    expect(offline.stderr).toHaveLength(1);
    expect(offline.stderr[0]).toMatch(/^leadbooth: The hub at http:\/\/127\.0\.0\.1:\d+ cannot be reached/);
    server = await startMemoryHubServer();
  });

  it('names what hub join needs', async () => {
    const joined = await on('a')('hub', 'join', server.url);
    expect(joined.code).not.toBe(0);
    expect(joined.stderr[0]).toMatch(/hub join needs the hub's address and the pairing code/);
  });
});
