import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main';
import { openCliSession } from '../../../electron/cli/open-client';
import { makeTempDir } from '../../support/temp-database';

let dir: string;
let db: string;
beforeEach(() => {
  dir = makeTempDir();
  db = path.join(dir, 'leadbooth.db');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const quiet = { stdout: () => {}, stderr: () => {} };

describe('leadbooth duplicates list', () => {
  it('prints every group through the contract, biggest first, and the contract pages them by offset', async () => {
    await main(['--db', db, 'staff', 'Jo'], quiet);
    await main(['--db', db, 'events', 'add', 'Expo'], quiet);
    const people = [
      ...Array.from({ length: 3 }, () => ({ firstName: 'Ana', lastName: 'Müller', company: 'Acme', email: 'ana@acme.example' })),
      ...Array.from({ length: 2 }, () => ({ firstName: 'Chidi', lastName: 'Okafor', company: 'Northwind', email: 'chidi@northwind.example' })),
      ...Array.from({ length: 2 }, () => ({ firstName: 'Lena', lastName: 'Fischer', company: 'Umbrella', email: 'lena@umbrella.example' })),
      { firstName: 'Raj', lastName: 'Patel', company: 'Initech', email: 'raj@initech.example' },
    ];
    for (const person of people) expect(await main(['--db', db, 'leads', 'add', '--json', JSON.stringify(person)], quiet)).toBe(0);

    const stdout: string[] = [];
    expect(await main(['--db', db, 'duplicates', 'list', '--json'], { stdout: (line) => stdout.push(line), stderr: () => {} })).toBe(0);
    const groups = stdout.map((line) => JSON.parse(line) as { leadIds: string[]; links: Array<{ reasons: string[] }> });
    expect(groups.map((group) => group.leadIds.length)).toEqual([3, 2, 2]);
    expect(groups[0]?.links[0]?.reasons).toContain('email');

    const session = await openCliSession(db, quiet);
    try {
      const pages = await Promise.all([0, 1, 2, 3].map((offset) => session.client['duplicates.groups']({ offset, limit: 1 })));
      expect(pages.map((page) => page.groups.map((group) => group.leads.length))).toEqual([[3], [2], [2], []]);
      expect(pages.every((page) => page.totalGroups === 3)).toBe(true);
      expect(new Set(pages.flatMap((page) => page.groups.flatMap((group) => group.leads.map((lead) => lead.id)))).size).toBe(7);
    } finally {
      await session.close();
    }
  });
});
