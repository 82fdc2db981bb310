import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runLeadbooth } from '../../support/cli-run';
import { makeTempDir } from '../../support/temp-database';

let dir: string;
let dbPath: string;
beforeEach(() => {
  dir = makeTempDir();
  dbPath = path.join(dir, 'leadbooth.db');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const run = (...argv: string[]) => runLeadbooth(['--db', dbPath, ...argv]);

async function json<T>(...argv: string[]): Promise<T> {
  const result = await run(...argv);
  expect(result.stderr.join('\n')).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout.join('\n')) as T;
}

describe('leadbooth: qualify and convert from the command line', () => {
  it('qualifies, converts, refuses bad conversions with exit 1 and nothing changed, undoes, and lists the records with their links', async () => {
    await run('staff', 'Jo Booth');
    await run('events', 'add', 'Web Summit');
    const lead = await json<{ id: string }>('leads', 'add', '--json', '{"firstName":"Ana","lastName":"Silva","company":"Acme GmbH","email":"ana@acme.example"}');
    expect((await run('leads', 'qualify', lead.id, '--criterion', 'need=met', '--criterion', 'authority=met', '--note', 'wants a demo')).code).toBe(0);
    const shown = await json<{ status: string; criteria: Array<{ key: string; state: string }>; timeline: Array<{ kind: string }> }>('leads', 'show', lead.id, '--json');
    expect(shown.status).toBe('Qualified');
    expect(shown.criteria.find((criterion) => criterion.key === 'need')?.state).toBe('met');
    expect(shown.timeline.at(-1)?.kind).toBe('captured');

    const badDate = await run('leads', 'convert', lead.id, '--account', 'new', '--contact', 'new', '--opportunity-name', 'Acme', '--stage', 'Prospecting', '--close-date', '2027-02-30');
    expect(badDate.code).toBe(1);
    expect(badDate.stderr.join('\n')).toMatch(/close date must be a date/);
    const badStage = await run('leads', 'convert', lead.id, '--account', 'new', '--contact', 'new', '--opportunity-name', 'Acme', '--stage', 'Won-ish', '--close-date', '2027-02-28');
    expect(badStage.code).toBe(1);
    expect((await run('accounts', 'list', '--json')).stdout).toEqual([]);

    const summary = await json<{ accountId: string; contactId: string; opportunityId: string }>(
      'leads', 'convert', lead.id, '--account', 'new', '--contact', 'new', '--opportunity-name', 'Acme – Web Summit', '--stage', 'Prospecting', '--close-date', '2027-03-31', '--amount', '5000',
    );
    expect((await run('leads', 'convert', lead.id, '--account', 'new', '--contact', 'new', '--no-opportunity')).code).toBe(1);
    const opportunities = (await run('opportunities', 'list', '--json')).stdout.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(opportunities).toEqual([
      expect.objectContaining({ id: summary.opportunityId, accountId: summary.accountId, contactId: summary.contactId, convertedFromLeadId: lead.id, closeDate: '2027-03-31', amount: 5000 }),
    ]);
    const contacts = (await run('contacts', 'list', '--json')).stdout.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(contacts).toEqual([expect.objectContaining({ id: summary.contactId, accountId: summary.accountId, convertedFromLeadId: lead.id })]);

    expect((await run('opportunities', 'stage', summary.opportunityId, 'Closed Lost')).code).toBe(1);
    expect((await run('opportunities', 'stage', summary.opportunityId, 'Closed', 'Won')).stdout.join('')).toMatch(/Closed Won \(100 %\)/);

    expect((await run('leads', 'unconvert', lead.id)).code).toBe(0);
    expect((await run('accounts', 'list', '--json')).stdout).toEqual([]);
    expect((await json<{ status: string }>('leads', 'show', lead.id, '--json')).status).toBe('Qualified');
  });

  it('sets a show rule and converts automatically with `convert auto`, printing the counts', async () => {
    await run('staff', 'Jo Booth');
    await run('events', 'add', 'MWC');
    const ready = await json<{ id: string }>('leads', 'add', '--json', '{"lastName":"Silva","company":"Acme"}');
    await json<{ id: string }>('leads', 'add', '--json', '{"lastName":"Roe","company":"Globex"}');
    await run('leads', 'qualify', ready.id, '--criterion', 'budget=met', '--criterion', 'need=met');
    expect((await run('events', 'rule', 'MWC', '--min-met', '2', '--stage', 'Qualification', '--close-in-days', '30')).code).toBe(0);
    const result = await run('convert', 'auto', '--event', 'MWC');
    expect(result.stdout[0]).toBe('converted 1, skipped 1');
    expect((await run('events', 'rule', 'MWC', '--min-met', '2', '--stage', 'Nope')).code).toBe(1);
  });

  it('answers several --criterion as one change: a rule of 3 converts once, after all four are stored', async () => {
    await run('staff', 'Jo Booth');
    await run('events', 'add', 'MWC');
    expect((await run('events', 'rule', 'MWC', '--min-met', '3', '--stage', 'Qualification', '--close-in-days', '30')).code).toBe(0);
    const lead = await json<{ id: string }>('leads', 'add', '--json', '{"lastName":"Silva","company":"Acme"}');
    const result = await run('leads', 'qualify', lead.id, '--criterion', 'budget=met', '--criterion', 'authority=met', '--criterion', 'need=met', '--criterion', 'timeline=met');
    expect(result.stderr).toEqual([]);
    expect(result.code).toBe(0);
    expect(result.stdout.join('\n')).toMatch(/4 of 4 met · status Converted/);
    const shown = await json<{ status: string; criteria: Array<{ key: string; state: string }>; timeline: Array<{ kind: string; automatic?: boolean }> }>('leads', 'show', lead.id, '--json');
    expect(shown.criteria.map((criterion) => criterion.state)).toEqual(['met', 'met', 'met', 'met']);
    expect(shown.timeline.filter((entry) => entry.kind === 'criterion_answered')).toHaveLength(4);
    expect(shown.timeline.filter((entry) => entry.kind === 'converted')).toEqual([expect.objectContaining({ automatic: true })]);
  });
});

describe('leadbooth leads merge', () => {
  it('merges a duplicate into the kept lead and refuses an unknown id with exit 1', async () => {
    await run('staff', 'Jo Booth');
    await run('events', 'add', 'MWC');
    const keep = await json<{ id: string }>('leads', 'add', '--json', '{"firstName":"Ana","lastName":"Silva","company":"Acme","email":"ana@acme.example"}');
    const other = await json<{ id: string }>('leads', 'add', '--json', '{"firstName":"Ana","lastName":"Silva","company":"Acme GmbH","phone":"+49 30 1234567"}');
    const merged = await json<{ id: string; phone: string }>('leads', 'merge', keep.id, other.id, '--json');
    expect(merged).toMatchObject({ id: keep.id, phone: '+49 30 1234567' });
    expect((await run('leads', 'list', '--json')).stdout).toHaveLength(1);
    expect((await run('leads', 'merge', keep.id, other.id)).code).toBe(1);
  });
});
