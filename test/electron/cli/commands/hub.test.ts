import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HUB_ROUTES, pairResponseSchema, pullResponseSchema, type RecordChange } from '../../../../shared/sync/protocol';
import { freeLoopbackPort } from '../../../../electron/hub/free-port';
import { makeTempDir } from '../../../support/temp-database';
import { runLeadbooth, type CliRun } from '../../../support/cli-run';
import { hubRequest, sampleChange } from '../../../support/hub-requests';

// `hub start` runs in this process until SIGINT, as it does in a terminal; the other hub
// commands find its embedded PostgreSQL running on the same --data folder (one server start).
let dataDir: string;
let running: Promise<CliRun>;
let hubUrl = '';

beforeAll(async () => {
  dataDir = makeTempDir('leadbooth-hub-cli-');
  // The tests run as root, and then PostgreSQL runs as the user "postgres": it must pass through.
  fs.chmodSync(dataDir, 0o711);
  const port = await freeLoopbackPort();
  running = runLeadbooth(['hub', 'start', '--port', String(port), '--listen', '127.0.0.1', '--data', path.join(dataDir, 'hub')]);
  // Ready once it answers (a refusal: the request carries no token).
  const deadline = Date.now() + 100_000;
  hubUrl = `http://127.0.0.1:${port}`;
  while (Date.now() < deadline) {
    const status = await fetch(`${hubUrl}${HUB_ROUTES.status}`).then(
      (response) => response.status,
      () => 0,
    );
    if (status !== 0) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
});

afterAll(async () => {
  process.emit('SIGINT');
  await running;
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const hubArgs = (): string[] => ['--data', path.join(dataDir, 'hub')];

async function pairWith(code: string): Promise<{ token: string; role: string }> {
  const response = await hubRequest(hubUrl, 'POST', HUB_ROUTES.pair, { body: { code, deviceName: 'CLI test laptop' } });
  expect(response.status).toBe(200);
  return pairResponseSchema.parse(response.body);
}

async function pullAll(token: string): Promise<RecordChange[]> {
  const changes: RecordChange[] = [];
  for (let cursor = '', more = true; more; ) {
    const page = pullResponseSchema.parse((await hubRequest(hubUrl, 'GET', `${HUB_ROUTES.pull}?after=${cursor}`, { token })).body);
    changes.push(...page.changes);
    cursor = page.cursor;
    more = page.more;
  }
  return changes;
}

describe('leadbooth hub', () => {
  it('hub code prints a code of the requested role while the hub runs', async () => {
    const run = await runLeadbooth(['hub', 'code', '--role', 'manager', ...hubArgs()]);
    expect(run.code).toBe(0);
    const code = /: ([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})$/.exec(run.stdout.join('\n'))?.[1];
    expect(code).toBeDefined();
    expect((await pairWith(code ?? '')).role).toBe('manager');

    const wrongRole = await runLeadbooth(['hub', 'code', '--role', 'boss', ...hubArgs()]);
    expect(wrongRole.code).toBe(2);
    expect(wrongRole.stderr.join('\n')).toMatch(/--role is booth or manager, not "boss"/);
  });

  it('refuses a database URL that is not a PostgreSQL address', async () => {
    const run = await runLeadbooth(['hub', 'code', '--database-url', 'mysql://db/leads']);
    expect(run.code).toBe(2);
    expect(run.stderr.join('\n')).toMatch(/postgres:\/\//);
  });

  it('backs the hub up and restores it; deletions made after the backup stay deleted', async () => {
    // A manager device: it pulls every change (a booth pulls its shows' only).
    const code = /([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})$/.exec((await runLeadbooth(['hub', 'code', '--role', 'manager', ...hubArgs()])).stdout.join('\n'))?.[1] ?? '';
    const { token } = await pairWith(code);
    const kept = sampleChange();
    const forgotten = sampleChange({ recordId: 'forgotten-lead', fields: { email: 'grace@example.com' } });
    // Two card photos: one of a scan kept, one of a scan forgotten after the backup.
    const photos = ['kept scan', 'forgotten scan'].map((text) => {
      const bytes = Buffer.from(text);
      return { sha256: createHash('sha256').update(bytes).digest('hex'), mime: 'image/jpeg', data: bytes.toString('base64') };
    });
    const [keptPhoto, forgottenPhoto] = photos as [(typeof photos)[number], (typeof photos)[number]];
    await hubRequest(hubUrl, 'POST', HUB_ROUTES.photos, { token, body: { photos } });
    const scans = [keptPhoto, forgottenPhoto].map((photo) => sampleChange({ kind: 'card_scan', fields: { lead_id: kept.recordId, image_sha256: photo.sha256 } }));
    await hubRequest(hubUrl, 'POST', HUB_ROUTES.push, { token, body: { changes: [kept, forgotten, ...scans] } });

    const file = path.join(dataDir, 'hub-backup.jsonl');
    const backup = await runLeadbooth(['hub', 'backup', file, ...hubArgs()]);
    expect(backup.code).toBe(0);
    expect(backup.stdout.join('\n')).toMatch(/Backed up the hub to .*hub-backup\.jsonl \(\d+ rows\)/);

    const tombstone = sampleChange({ recordId: 'forgotten-lead', tombstone: true, fields: {} });
    const afterBackup = sampleChange();
    const scanTombstone = sampleChange({ kind: 'card_scan', recordId: scans[1]?.recordId ?? '', tombstone: true, fields: {} });
    await hubRequest(hubUrl, 'POST', HUB_ROUTES.push, { token, body: { changes: [tombstone, afterBackup, scanTombstone] } });

    const restore = await runLeadbooth(['hub', 'restore', file, ...hubArgs()]);
    expect(restore.code).toBe(0);
    expect(restore.stdout.join('\n')).toMatch(/2 deletion\(s\) made since the backup were kept/);

    const changes = await pullAll(token);
    const ids = changes.map((change) => change.changeId);
    expect(ids).toContain(kept.changeId);
    expect(ids).not.toContain(afterBackup.changeId);
    expect(changes.filter((change) => change.recordId === 'forgotten-lead')).toEqual([tombstone]);
    // The backup brought the kept scan's photo back, not the one forgotten since.
    const photosAfter = (await hubRequest(hubUrl, 'POST', HUB_ROUTES.missingPhotos, { token, body: { hashes: [keptPhoto.sha256, forgottenPhoto.sha256] } })).body;
    expect(photosAfter).toEqual({ missing: [forgottenPhoto.sha256] });

    // A new push after the restore is numbered after every seq handed out before it.
    const next = sampleChange();
    const lastCursor = pullResponseSchema.parse((await hubRequest(hubUrl, 'GET', `${HUB_ROUTES.pull}?after=0&limit=1000`, { token })).body).cursor;
    await hubRequest(hubUrl, 'POST', HUB_ROUTES.push, { token, body: { changes: [next] } });
    const page = pullResponseSchema.parse((await hubRequest(hubUrl, 'GET', `${HUB_ROUTES.pull}?after=${lastCursor}`, { token })).body);
    expect(page.changes.map((change) => change.changeId)).toEqual([next.changeId]);
  });

  it('refuses a cut backup file and leaves the hub as it was', async () => {
    const file = path.join(dataDir, 'whole.jsonl');
    expect((await runLeadbooth(['hub', 'backup', file, ...hubArgs()])).code).toBe(0);
    const lines = fs.readFileSync(file, 'utf8').trimEnd().split('\n');
    const cut = path.join(dataDir, 'cut.jsonl');
    fs.writeFileSync(cut, `${lines.slice(0, -2).join('\n')}\n`);
    const refused = await runLeadbooth(['hub', 'restore', cut, ...hubArgs()]);
    expect(refused.code).toBe(1);
    expect(refused.stderr.join('\n')).toMatch(/not a complete LeadBooth hub backup .*nothing was restored/);
    const again = path.join(dataDir, 'again.jsonl');
    await runLeadbooth(['hub', 'backup', again, ...hubArgs()]);
    const withoutHeader = (text: string) => text.split('\n').slice(1).join('\n');
    expect(withoutHeader(fs.readFileSync(again, 'utf8'))).toBe(withoutHeader(fs.readFileSync(file, 'utf8')));
  });
});

describe('leadbooth hub start', () => {
  it('printed the address and one pairing code for a booth and one for a manager', async () => {
    // Its output is complete once it stops; this test runs last and stops it itself.
    process.emit('SIGINT');
    const result = await running;
    expect(result.code).toBe(0);
    const text = result.stdout.join('\n');
    expect(text).toContain(hubUrl);
    expect(text).toMatch(/booth: {3}[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}/);
    expect(text).toMatch(/manager: [A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}/);
    expect(text).toContain('The hub stopped.');
    // It stopped the PostgreSQL it started.
    expect(fs.existsSync(path.join(dataDir, 'hub', 'postgres', 'postmaster.pid'))).toBe(false);
  });
});
