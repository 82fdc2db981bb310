import { spawnSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import {
  HUB_ROUTES,
  devicesResponseSchema,
  hubErrorSchema,
  pairResponseSchema,
  pullResponseSchema,
  pushResponseSchema,
  revokeDevicePath,
  revokeResponseSchema,
  statusResponseSchema,
  type DeviceRole,
} from '../../../shared/sync/protocol';
import { startHub, type RunningHub } from '../../../electron/hub/start-hub';
import { HUB_LOCKS, HUB_LOCK_SPACE } from '../../../electron/hub/hub-locks';
import { assignShowsToStoredChanges } from '../../../electron/hub/change-shows';
import { openHubDatabase } from '../../../electron/hub/hub-database';
import { sql } from 'kysely';
import { WRONG_CODES_PER_WINDOW } from '../../../electron/hub/hub-devices';
import { makeTempDir } from '../../support/temp-database';
import { hubRequest, sampleChange } from '../../support/hub-requests';

// One embedded PostgreSQL for the whole file: a start costs seconds.
let dataDir: string;
let hub: RunningHub;
let startMs = 0;

beforeAll(async () => {
  dataDir = makeTempDir('leadbooth-hub-');
  const started = performance.now();
  hub = await startHub({ dataDir, port: 0, host: '127.0.0.1', onUnexpected: (error) => console.error(error) });
  startMs = performance.now() - started;
});

afterAll(async () => {
  await hub?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** The protocol's mechanics are tested with manager devices, which pull every change; a booth's pull, its shows only, has its own test. */
async function pair(role: DeviceRole, target: RunningHub = hub): Promise<{ deviceId: string; token: string }> {
  const code = await target.newPairingCode(role);
  const response = await hubRequest(target.url, 'POST', HUB_ROUTES.pair, { body: { code, deviceName: `${role} laptop` } });
  expect(response.status).toBe(200);
  return pairResponseSchema.parse(response.body);
}

describe('the team hub on an embedded PostgreSQL', () => {
  it('starts its own server in the data folder (start time logged)', () => {
    console.info(`hub start with a fresh embedded PostgreSQL: ${Math.round(startMs)} ms`);
    expect(hub.ownsDatabaseServer).toBe(true);
    expect(fs.existsSync(`${dataDir}/postgres/PG_VERSION`)).toBe(true);
    expect(hub.hubId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('pairs a device with a good code, once; the code decides the role', async () => {
    const code = await hub.newPairingCode('manager');
    const first = await hubRequest(hub.url, 'POST', HUB_ROUTES.pair, { body: { code: code.toLowerCase(), deviceName: 'Manager laptop' } });
    expect(first.status).toBe(200);
    const paired = pairResponseSchema.parse(first.body);
    expect(paired.role).toBe('manager');
    expect(paired.hubId).toBe(hub.hubId);

    const again = await hubRequest(hub.url, 'POST', HUB_ROUTES.pair, { body: { code, deviceName: 'Second laptop' } });
    expect(again.status).toBe(401);
    expect(hubErrorSchema.parse(again.body).message).toMatch(/already used/);

    const status = await hubRequest(hub.url, 'GET', HUB_ROUTES.status, { token: paired.token });
    expect(status.status).toBe(200);
    expect(statusResponseSchema.parse(status.body).device).toEqual({ id: paired.deviceId, name: 'Manager laptop', role: 'manager' });
  });

  it('refuses an expired code and an unknown one', async () => {
    const code = await hub.newPairingCode('booth', 1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const expired = await hubRequest(hub.url, 'POST', HUB_ROUTES.pair, { body: { code, deviceName: 'Late laptop' } });
    expect(expired.status).toBe(401);
    expect(hubErrorSchema.parse(expired.body).message).toMatch(/expired/);
    const unknown = await hubRequest(hub.url, 'POST', HUB_ROUTES.pair, { body: { code: 'AAAA-BBBB-CCCC', deviceName: 'Guessing laptop' } });
    expect(unknown.status).toBe(401);
  });

  it('refuses an address that tried 5 wrong codes within a minute, even with a good code, until the minute is over', async () => {
    await queryHub('DELETE FROM pairing_attempts');
    const good = await hub.newPairingCode('booth');
    for (let attempt = 0; attempt < WRONG_CODES_PER_WINDOW; attempt++) {
      const wrong = await hubRequest(hub.url, 'POST', HUB_ROUTES.pair, { body: { code: `WRNG-CODE-${String(attempt).padStart(4, '2')}`, deviceName: 'Guessing laptop' } });
      expect(wrong.status).toBe(401);
    }
    const refused = await hubRequest(hub.url, 'POST', HUB_ROUTES.pair, { body: { code: good, deviceName: 'Guessing laptop' } });
    expect(refused.status).toBe(429);
    expect(hubErrorSchema.parse(refused.body).message).toBe('Too many wrong pairing codes from this address (5 in a minute): wait a minute, then type the code again with care.');
    // A minute later (the attempts moved back in time), the good code was not used up by the refusal.
    await queryHub("UPDATE pairing_attempts SET at = at - interval '61 seconds'");
    expect((await hubRequest(hub.url, 'POST', HUB_ROUTES.pair, { body: { code: good, deviceName: 'Patient laptop' } })).status).toBe(200);
    await queryHub('DELETE FROM pairing_attempts');
  });

  it('keeps only hashes of device tokens and pairing codes', async () => {
    const code = await hub.newPairingCode('booth');
    const { token } = pairResponseSchema.parse((await hubRequest(hub.url, 'POST', HUB_ROUTES.pair, { body: { code, deviceName: 'Hashed laptop' } })).body);
    const everything = JSON.stringify([...(await queryHub('SELECT * FROM devices')), ...(await queryHub('SELECT * FROM pairing_codes'))]);
    expect(everything).not.toContain(token);
    expect(everything).not.toContain(code.replaceAll('-', ''));
    expect(everything).toContain(createHash('sha256').update(token).digest('hex'));
  });

  it('refuses another protocol version with one line, before looking at the token', async () => {
    const response = await hubRequest(hub.url, 'GET', HUB_ROUTES.status, { protocol: 2, token: 'x'.repeat(43) });
    expect(response.status).toBe(426);
    expect(response.protocolHeader).toBe('1');
    expect(hubErrorSchema.parse(response.body)).toEqual({
      error: 'protocol-mismatch',
      message: 'This hub speaks protocol 1 and this laptop 2: update LeadBooth on one of them.',
      hubProtocol: 1,
    });
    const none = await hubRequest(hub.url, 'GET', HUB_ROUTES.status, { protocol: null });
    expect(none.status).toBe(426);
    expect(hubErrorSchema.parse(none.body).message).toBe('This hub speaks protocol 1 and this request names none: update LeadBooth on one of them.');
  });

  it('refuses a missing or unknown token', async () => {
    expect((await hubRequest(hub.url, 'GET', HUB_ROUTES.status)).status).toBe(401);
    const unknown = await hubRequest(hub.url, 'GET', HUB_ROUTES.pull, { token: 'A'.repeat(43) });
    expect(unknown.status).toBe(401);
    expect(hubErrorSchema.parse(unknown.body).error).toBe('unauthorized');
  });

  it('refuses a push in the wrong shape with a message naming the field', async () => {
    const { token } = await pair('booth');
    const response = await hubRequest(hub.url, 'POST', HUB_ROUTES.push, { token, body: { changes: [{ ...sampleChange(), hlc: 'yesterday' }] } });
    expect(response.status).toBe(400);
    expect(hubErrorSchema.parse(response.body).message).toMatch(/changes\.0\.hlc/);
    for (const after of ['abc', '-1', '9223372036854775808']) {
      const badCursor = await hubRequest(hub.url, 'GET', `${HUB_ROUTES.pull}?after=${after}`, { token });
      expect(badCursor.status).toBe(400);
      expect(hubErrorSchema.parse(badCursor.body).message).toMatch(/"after" must be the cursor/);
    }
    expect((await hubRequest(hub.url, 'GET', `${HUB_ROUTES.pull}?limit=1001`, { token })).status).toBe(400);
  });

  it('stores a pushed change once, however often the push is retried', async () => {
    const { token } = await pair('manager');
    const before = await pullAll(token, '');
    const changes = [sampleChange(), sampleChange()];
    const first = pushResponseSchema.parse((await hubRequest(hub.url, 'POST', HUB_ROUTES.push, { token, body: { changes } })).body);
    expect(first).toEqual({ accepted: 2, alreadyStored: 0, discarded: 0 });
    const retry = pushResponseSchema.parse((await hubRequest(hub.url, 'POST', HUB_ROUTES.push, { token, body: { changes } })).body);
    expect(retry).toEqual({ accepted: 0, alreadyStored: 2, discarded: 0 });
    const doubled = sampleChange();
    const twiceInOneBatch = pushResponseSchema.parse((await hubRequest(hub.url, 'POST', HUB_ROUTES.push, { token, body: { changes: [doubled, doubled] } })).body);
    expect(twiceInOneBatch).toEqual({ accepted: 1, alreadyStored: 1, discarded: 0 });
    const after = await pullAll(token, before.cursor);
    expect(after.changes.map((change) => change.changeId)).toEqual([...changes, doubled].map((change) => change.changeId));
    expect(after.changes[0]).toEqual(changes[0]);
  });

  it('pages a pull and resumes it from the cursor, in push order', async () => {
    const { token } = await pair('manager');
    const start = (await pullAll(token, '')).cursor;
    const changes = Array.from({ length: 7 }, () => sampleChange());
    await hubRequest(hub.url, 'POST', HUB_ROUTES.push, { token, body: { changes } });
    const seen: string[] = [];
    let cursor = start;
    let pages = 0;
    for (let more = true; more; pages += 1) {
      const page = pullResponseSchema.parse((await hubRequest(hub.url, 'GET', `${HUB_ROUTES.pull}?after=${cursor}&limit=3`, { token })).body);
      seen.push(...page.changes.map((change) => change.changeId));
      cursor = page.cursor;
      more = page.more;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual(changes.map((change) => change.changeId));
  });

  it('lets a manager list and revoke devices; a revoked token stops working; a booth may not revoke', async () => {
    const manager = await pair('manager');
    const booth = await pair('booth');
    const boothTries = await hubRequest(hub.url, 'POST', revokeDevicePath(manager.deviceId), { token: booth.token });
    expect(boothTries.status).toBe(403);
    expect((await hubRequest(hub.url, 'GET', HUB_ROUTES.devices, { token: booth.token })).status).toBe(403);

    const revoked = await hubRequest(hub.url, 'POST', revokeDevicePath(booth.deviceId), { token: manager.token });
    expect(revoked.status).toBe(200);
    expect(revokeResponseSchema.parse(revoked.body).device.revokedAt).not.toBeNull();
    const refused = await hubRequest(hub.url, 'POST', HUB_ROUTES.push, { token: booth.token, body: { changes: [sampleChange()] } });
    expect(refused.status).toBe(401);
    expect(hubErrorSchema.parse(refused.body).message).toMatch(/removed from the team hub/);

    const list = devicesResponseSchema.parse((await hubRequest(hub.url, 'GET', HUB_ROUTES.devices, { token: manager.token })).body);
    const listed = list.devices.find((device) => device.id === booth.deviceId);
    expect(listed?.revokedAt).not.toBeNull();
    expect(list.devices.find((device) => device.id === manager.deviceId)?.lastSeenAt).not.toBeNull();
    expect((await hubRequest(hub.url, 'POST', revokeDevicePath('no-such-device'), { token: manager.token })).status).toBe(404);
  });

  it('purges the changes of a tombstoned record but keeps the tombstone; later changes of it are discarded', async () => {
    const { token } = await pair('manager');
    const recordId = 'lead-to-forget';
    const edits = [sampleChange({ recordId, fields: { email: 'ada@example.com' } }), sampleChange({ recordId, fields: { title: 'CTO' } })];
    const other = sampleChange();
    await hubRequest(hub.url, 'POST', HUB_ROUTES.push, { token, body: { changes: [...edits, other] } });
    const tombstone = sampleChange({ recordId, tombstone: true, fields: { email: 'ada@example.com' } });
    await hubRequest(hub.url, 'POST', HUB_ROUTES.push, { token, body: { changes: [tombstone] } });
    const late = pushResponseSchema.parse(
      (await hubRequest(hub.url, 'POST', HUB_ROUTES.push, { token, body: { changes: [sampleChange({ recordId, fields: { phone: '+49 30 1234' } })] } })).body,
    );
    expect(late).toEqual({ accepted: 0, alreadyStored: 0, discarded: 1 });

    const everything = await pullAll(token, '');
    const ofRecord = everything.changes.filter((change) => change.recordId === recordId);
    expect(ofRecord).toEqual([{ ...tombstone, fields: {} }]);
    expect(everything.changes.some((change) => change.changeId === other.changeId)).toBe(true);
    // Nowhere in the hub's tables, not only out of the pull.
    const rows = await queryHub(`SELECT count(*)::int AS n FROM changes WHERE fields::text LIKE '%ada@example.com%'`);
    expect(rows[0]?.n).toBe(0);
  });

  it('keeps one conversion per lead: the first pushed; a later one and its edits are refused with a tombstone, even pushed at once', async () => {
    const first = await pair('manager');
    const second = await pair('manager');
    const leadId = randomUUID();
    const conversion = (id: string) => sampleChange({ kind: 'conversion', recordId: id, fields: { id, lead_id: leadId, account_id: 'acc', contact_id: 'con', reviewed: 0 } });
    const [idA, idB] = [randomUUID(), randomUUID()];
    const pushes = await Promise.all([
      hubRequest(hub.url, 'POST', HUB_ROUTES.push, { token: first.token, body: { changes: [conversion(idA)] } }),
      hubRequest(hub.url, 'POST', HUB_ROUTES.push, { token: second.token, body: { changes: [conversion(idB), sampleChange({ kind: 'conversion', recordId: idB, fields: { reviewed: 1 } })] } }),
    ]);
    const outcomes = pushes.map((push) => pushResponseSchema.parse(push.body));
    // Whichever took the push lock first wins; the other is discarded whole.
    const winner = outcomes[0]?.accepted === 1 ? idA : idB;
    const loser = winner === idA ? idB : idA;
    expect(outcomes.map((outcome) => outcome.accepted + (outcome.discarded ?? 0))).toEqual([1, 2]);
    expect(outcomes.reduce((sum, outcome) => sum + outcome.accepted, 0)).toBe(1);

    const ofLead = (await pullAll(first.token, '')).changes.filter((change) => change.kind === 'conversion' && (change.recordId === idA || change.recordId === idB));
    expect(ofLead.map((change) => [change.recordId, change.tombstone])).toEqual([[winner, false], [loser, true]]);
    // A retried push of the refused one is discarded; once the winner is undone (its tombstone), the lead may be converted again.
    const retried = pushResponseSchema.parse((await hubRequest(hub.url, 'POST', HUB_ROUTES.push, { token: second.token, body: { changes: [conversion(loser)] } })).body);
    expect(retried).toMatchObject({ accepted: 0, discarded: 1 });
    await hubRequest(hub.url, 'POST', HUB_ROUTES.push, { token: first.token, body: { changes: [sampleChange({ kind: 'conversion', recordId: winner, tombstone: true })] } });
    const again = pushResponseSchema.parse((await hubRequest(hub.url, 'POST', HUB_ROUTES.push, { token: second.token, body: { changes: [conversion(randomUUID())] } })).body);
    expect(again).toMatchObject({ accepted: 1, discarded: 0 });
  });

  it("gives a booth device every show and its shows' changes only; one that pushes at another show pulls again from the start", async () => {
    const north = await pair('booth');
    const south = await pair('booth');
    const manager = await pair('manager');
    const [northShow, southShow, northLead, southLead] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const [account, contact, conversion] = [randomUUID(), randomUUID(), randomUUID()];
    const push = (token: string, changes: ReturnType<typeof sampleChange>[]) => hubRequest(hub.url, 'POST', HUB_ROUTES.push, { token, body: { changes } });
    await push(north.token, [
      sampleChange({ kind: 'event', recordId: northShow, fields: { id: northShow, name: 'North' } }),
      sampleChange({ recordId: northLead, fields: { id: northLead, event_id: northShow, first_name: 'Nora' } }),
      sampleChange({ kind: 'timeline_entry', recordId: randomUUID(), fields: { lead_id: northLead, kind: 'captured' } }),
    ]);
    await push(south.token, [
      sampleChange({ kind: 'event', recordId: southShow, fields: { id: southShow, name: 'South' } }),
      sampleChange({ recordId: southLead, fields: { id: southLead, event_id: southShow, first_name: 'Sam' } }),
    ]);
    // The manager converts North's lead: the account and contact, pushed first, go with the conversion's show.
    await push(manager.token, [
      sampleChange({ kind: 'account', recordId: account, fields: { id: account, name: 'Fjord AS' } }),
      sampleChange({ kind: 'contact', recordId: contact, fields: { id: contact, account_id: account } }),
      sampleChange({ kind: 'conversion', recordId: conversion, fields: { id: conversion, lead_id: northLead, account_id: account, contact_id: contact } }),
      sampleChange({ recordId: northLead, fields: { status: 'Converted' } }),
    ]);
    const records = async (token: string, after = '') => {
      const pulled = await pullAll(token, after);
      const mine = new Set<string>([northShow, southShow, northLead, southLead, account, contact, conversion]);
      return { ids: pulled.changes.filter((change) => mine.has(change.recordId)).map((change) => change.recordId), cursor: pulled.cursor };
    };
    expect((await records(north.token)).ids).toEqual([northShow, northLead, southShow, account, contact, conversion, northLead]);
    const southFirst = await records(south.token);
    expect(southFirst.ids).toEqual([northShow, southShow, southLead]);
    expect((await records(manager.token)).ids).toEqual([northShow, northLead, southShow, southLead, account, contact, conversion, northLead]);

    // South captures at North's show: its next pull is sent back to the start (an empty page, cursor 0), then brings North's show.
    await push(south.token, [sampleChange({ recordId: randomUUID(), fields: { event_id: northShow, first_name: 'Stig' } })]);
    const restart = pullResponseSchema.parse((await hubRequest(hub.url, 'GET', `${HUB_ROUTES.pull}?after=${southFirst.cursor}`, { token: south.token })).body);
    expect(restart).toEqual({ changes: [], cursor: '0', more: true });
    expect((await records(south.token, '0')).ids).toEqual([northShow, northLead, southShow, southLead, account, contact, conversion, northLead]);
    // Once it pulled from the start, it is not sent back again.
    const after = pullResponseSchema.parse((await hubRequest(hub.url, 'GET', `${HUB_ROUTES.pull}?after=${southFirst.cursor}`, { token: south.token })).body);
    expect(after.cursor).not.toBe('0');
  });

  it('stores a photo once by its hash, refuses bytes that are not the hash\'s, and answers which it lacks', async () => {
    const { token } = await pair('booth');
    const bytes = Buffer.from(`photo ${randomUUID()}`);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const photo = { sha256, mime: 'image/jpeg', data: bytes.toString('base64') };
    const ask = async () => (await hubRequest(hub.url, 'POST', HUB_ROUTES.missingPhotos, { token, body: { hashes: [sha256] } })).body;
    expect(await ask()).toEqual({ missing: [sha256] });
    const wrong = await hubRequest(hub.url, 'POST', HUB_ROUTES.photos, { token, body: { photos: [{ ...photo, data: Buffer.from('other bytes').toString('base64') }] } });
    expect(wrong.status).toBe(400);
    for (const expected of [1, 0]) {
      expect((await hubRequest(hub.url, 'POST', HUB_ROUTES.photos, { token, body: { photos: [photo] } })).body).toEqual({ stored: expected });
    }
    expect(await ask()).toEqual({ missing: [] });
    expect((await hubRequest(hub.url, 'GET', `${HUB_ROUTES.photos}?hash=${sha256}`, { token })).body).toEqual({ photos: [photo] });
    expect((await hubRequest(hub.url, 'GET', `${HUB_ROUTES.photos}?hash=${sha256}`, {})).status).toBe(401);
  });

  it('keeps a tombstone for good, of every kind: a whole record pushed after it (a criterion, a lead) is discarded', async () => {
    // A criterion removed from a checklist is marked removed, not deleted (migration 0017): its
    // tombstone comes only with its show's deletion, after which nothing brings it back.
    const { token } = await pair('manager');
    const show = randomUUID();
    const push = async (changes: ReturnType<typeof sampleChange>[]) => pushResponseSchema.parse((await hubRequest(hub.url, 'POST', HUB_ROUTES.push, { token, body: { changes } })).body);
    const criterion = (fields: Record<string, string | number>) => sampleChange({ kind: 'criterion', recordId: `${show}/budget`, fields });
    // Without its event_id, as the leads here have none: a show would follow the record into the
    // next describe's re-working of shows, where a tombstone whose record was purged has none.
    const whole = { key: 'budget', label: 'Budget', position: 0, removed: 0 };
    await push([criterion(whole)]);
    // Deleted and sent whole again within one push, then alone: both discarded.
    expect(await push([{ ...criterion({}), tombstone: true, fields: {} }, criterion({ ...whole, label: 'Budget again' })])).toMatchObject({ accepted: 1, discarded: 1 });
    expect(await push([criterion({ ...whole, label: 'Budget once more' })])).toMatchObject({ accepted: 0, discarded: 1 });
    const ofCriterion = (await pullAll(token, '')).changes.filter((change) => change.recordId === `${show}/budget`);
    expect(ofCriterion.map((change) => change.tombstone)).toEqual([true]);

    const lead = randomUUID();
    await push([sampleChange({ recordId: lead, fields: { id: lead, first_name: 'Gone' } })]);
    await push([sampleChange({ recordId: lead, tombstone: true, fields: {} })]);
    expect(await push([sampleChange({ recordId: lead, fields: { id: lead, first_name: 'Back?' } })])).toMatchObject({ accepted: 0, discarded: 1 });
  });

  it('serves one team from two hub processes on one database', async () => {
    const second = await startHub({ dataDir, port: 0, host: '127.0.0.1' });
    try {
      expect(second.ownsDatabaseServer).toBe(false);
      expect(second.hubId).toBe(hub.hubId);
      const { token } = await pair('manager', second);
      const start = (await pullAll(token, '')).cursor;
      const change = sampleChange();
      expect((await hubRequest(second.url, 'POST', HUB_ROUTES.push, { token, body: { changes: [change] } })).status).toBe(200);
      const pulled = pullResponseSchema.parse((await hubRequest(hub.url, 'GET', `${HUB_ROUTES.pull}?after=${start}`, { token })).body);
      expect(pulled.changes).toEqual([change]);
    } finally {
      await second.close();
    }
    // Closing the second hub left the first one's server running.
    expect((await hubRequest(hub.url, 'GET', HUB_ROUTES.status, { token: (await pair('booth')).token })).status).toBe(200);
  });
});

describe('shows of changes stored before hub migration 0003', () => {
  it('are worked out in the hub\'s order as the pushes gave them', async () => {
    const pushedShows = await queryHub('SELECT seq, show_id FROM changes ORDER BY seq');
    expect(pushedShows.filter((row) => row.show_id !== null).length).toBeGreaterThan(0);
    const password = fs.readFileSync(`${dataDir}/postgres-password`, 'utf8').trim();
    const port = Number(fs.readFileSync(`${dataDir}/postgres/postmaster.pid`, 'utf8').split('\n')[3]);
    const db = await openHubDatabase(`postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/leadbooth_hub`, 1);
    try {
      await db.transaction().execute(async (trx) => {
        await sql`UPDATE changes SET show_id = NULL`.execute(trx);
        await assignShowsToStoredChanges(trx);
        const worked = await sql<{ seq: string; show_id: string | null }>`SELECT seq, show_id FROM changes ORDER BY seq`.execute(trx);
        expect(worked.rows).toEqual(pushedShows);
      });
    } finally {
      await db.destroy();
    }
  });
});

describe('pushes from many laptops at once, through two hub processes', () => {
  it('never lets a concurrent pull skip a change (pushes are serialized by an advisory lock)', async () => {
    const password = fs.readFileSync(`${dataDir}/postgres-password`, 'utf8').trim();
    const port = Number(fs.readFileSync(`${dataDir}/postgres/postmaster.pid`, 'utf8').split('\n')[3]);
    // The second process reaches the database by URL, as with a company PostgreSQL.
    const second = await startHub({ dataDir, databaseUrl: `postgres://postgres:${password}@127.0.0.1:${port}/leadbooth_hub`, port: 0, host: '127.0.0.1' });
    try {
      expect(second.hubId).toBe(hub.hubId);
      const laptops = await Promise.all(Array.from({ length: 4 }, (_, i) => pair('manager', i % 2 === 0 ? hub : second)));
      const reader = await pair('manager');
      let cursor = (await pullAll(reader.token, '')).cursor;
      const pushed: string[] = [];
      const seen: string[] = [];
      let pushing = true;
      const pushes = Promise.all(
        laptops.map(async (laptop, i) => {
          for (let batch = 0; batch < 4; batch += 1) {
            const changes = Array.from({ length: 15 }, () => sampleChange());
            pushed.push(...changes.map((change) => change.changeId));
            const target = i % 2 === 0 ? hub : second;
            expect((await hubRequest(target.url, 'POST', HUB_ROUTES.push, { token: laptop.token, body: { changes } })).status).toBe(200);
          }
        }),
      ).finally(() => {
        pushing = false;
      });
      // The reader pulls while the pushes run, as a laptop syncing at that moment would, and
      // once more after they ended; it must have seen every change exactly once.
      for (let last = false; !last; ) {
        last = !pushing;
        const page = pullResponseSchema.parse((await hubRequest(hub.url, 'GET', `${HUB_ROUTES.pull}?after=${cursor}&limit=50`, { token: reader.token })).body);
        seen.push(...page.changes.map((change) => change.changeId));
        cursor = page.cursor;
        if (page.more) last = false;
      }
      await pushes;
      expect(seen.length).toBe(pushed.length);
      expect(new Set(seen)).toEqual(new Set(pushed));
    } finally {
      await second.close();
    }
  });
});

describe('a push still being committed', () => {
  it('holds back a later push, so a pull never moves its cursor past a change not yet committed', async () => {
    const pusher = await pair('manager');
    const reader = await pair('manager');
    const cursor = (await pullAll(reader.token, '')).cursor;
    // Another hub process's push, stopped between drawing its seq and committing (as the
    // protocol of pushChanges: the advisory lock first).
    const slow = await hubClient();
    const slowChange = sampleChange();
    await slow.query('BEGIN');
    await slow.query('SELECT pg_advisory_xact_lock($1, $2)', [HUB_LOCK_SPACE, HUB_LOCKS.changes]);
    await slow.query(
      `INSERT INTO changes (change_id, device_id, kind, record_id, hlc, fields, tombstone) VALUES ($1, $2, 'lead', $3, $4, '{}', false)`,
      [slowChange.changeId, pusher.deviceId, slowChange.recordId, slowChange.hlc],
    );
    const fast = sampleChange();
    let fastDone = false;
    const fastPush = hubRequest(hub.url, 'POST', HUB_ROUTES.push, { token: pusher.token, body: { changes: [fast] } }).then((response) => {
      fastDone = true;
      return response;
    });
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(fastDone).toBe(false);
    const meanwhile = pullResponseSchema.parse((await hubRequest(hub.url, 'GET', `${HUB_ROUTES.pull}?after=${cursor}`, { token: reader.token })).body);
    expect(meanwhile.changes).toEqual([]);
    await slow.query('COMMIT');
    await slow.end();
    expect((await fastPush).status).toBe(200);
    const after = await pullAll(reader.token, cursor);
    expect(after.changes.map((change) => change.changeId)).toEqual([slowChange.changeId, fast.changeId]);
  });
});

describe('TLS', () => {
  it('serves HTTPS with one certificate made once and kept in the database, for every hub process', async () => {
    const first = await startHub({ dataDir, port: 0, host: '127.0.0.1', tls: true });
    const second = await startHub({ dataDir, port: 0, host: '127.0.0.1', tls: true });
    try {
      expect(first.url).toMatch(/^https:/);
      expect(first.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
      expect(second.fingerprint).toBe(first.fingerprint);
      const code = await first.newPairingCode('booth');
      const paired = await hubRequest(second.url, 'POST', HUB_ROUTES.pair, { pin: first.fingerprint ?? '', body: { code, deviceName: 'TLS laptop' } });
      expect(paired.status).toBe(200);
      const { token } = pairResponseSchema.parse(paired.body);
      expect((await hubRequest(first.url, 'GET', HUB_ROUTES.status, { pin: first.fingerprint ?? '', token })).status).toBe(200);
      // A laptop that pinned another certificate sends nothing, its token least of all.
      await expect(hubRequest(first.url, 'GET', HUB_ROUTES.status, { pin: 'AA:BB', token })).rejects.toThrow(/another certificate/);
    } finally {
      await first.close();
      await second.close();
    }
  });
});

// Last in the file: it stops the file's server.
describe('a server left running by a hub process that died', () => {
  it('is taken over by the next hub on the folder, which stops it when it closes', async () => {
    // The starter's pid replaced by one of a process that has ended, as after a SIGKILL.
    const ended = spawnSync(process.execPath, ['-e', '']).pid;
    fs.writeFileSync(`${dataDir}/postgres-owner`, `${ended}\n`);
    const heir = await startHub({ dataDir, port: 0, host: '127.0.0.1' });
    expect(heir.ownsDatabaseServer).toBe(true);
    expect(heir.hubId).toBe(hub.hubId);
    expect(Number(fs.readFileSync(`${dataDir}/postgres-owner`, 'utf8'))).toBe(process.pid);
    await heir.close();
    expect(fs.existsSync(`${dataDir}/postgres/postmaster.pid`)).toBe(false);
  });
});

async function pullAll(token: string, after: string) {
  const changes = [];
  let cursor = after;
  for (let more = true; more; ) {
    const page = pullResponseSchema.parse((await hubRequest(hub.url, 'GET', `${HUB_ROUTES.pull}?after=${cursor}`, { token })).body);
    changes.push(...page.changes);
    cursor = page.cursor;
    more = page.more;
  }
  return { changes, cursor };
}

/** A plain connection to the hub's embedded database, to look at its tables directly. */
async function hubClient(): Promise<pg.Client> {
  const password = fs.readFileSync(`${dataDir}/postgres-password`, 'utf8').trim();
  const port = Number(fs.readFileSync(`${dataDir}/postgres/postmaster.pid`, 'utf8').split('\n')[3]);
  const client = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', password, database: 'leadbooth_hub' });
  await client.connect();
  return client;
}

async function queryHub(text: string): Promise<Array<Record<string, unknown>>> {
  const client = await hubClient();
  try {
    return (await client.query(text)).rows;
  } finally {
    await client.end();
  }
}
