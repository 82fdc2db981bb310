import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { markAllUnpushed } from './change-log';
import { startChangeLog } from './sync-capture';
import { hubClient, HubRequestFailed, type HubClient, type PairAnswer } from './sync-client';
import { readMembership, saveMembership } from './sync-state';

/** The address a person typed: http(s) only, so a typo is named before anything is sent. */
function checkHubUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new HubRequestFailed('refused', `"${text}" is not an address: give the hub's address as the hub printed it, e.g. http://192.168.1.20:8787.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new HubRequestFailed('refused', `"${text}" is not an http:// or https:// address: give the hub's address as the hub printed it.`);
  }
  return url.toString().replace(/\/+$/, '');
}

/**
 * Joins a team hub with a one-time pairing code: the hub answers with this device's id and
 * token, which are stored; the change log starts (what the laptop holds is logged, to be pushed
 * at the first sync). Joining another hub sends everything again to it, from the start.
 */
export async function joinHub(
  db: Kysely<Database>,
  request: { url: string; code: string; deviceName: string; joinedAt: string },
  clientFor: (url: string) => HubClient = (url) => hubClient(url, null),
): Promise<PairAnswer & { hubUrl: string }> {
  const hubUrl = checkHubUrl(request.url);
  const answer = await clientFor(hubUrl).pair(request.code.trim(), request.deviceName);
  await db.transaction().execute(async (trx) => {
    const before = await readMembership(trx);
    if (before && before.hubId !== answer.hubId) await markAllUnpushed(trx);
    await saveMembership(trx, { hubUrl, hubId: answer.hubId, deviceId: answer.deviceId, deviceName: request.deviceName, role: answer.role, token: answer.token, joinedAt: request.joinedAt });
    await startChangeLog(trx);
  });
  return { ...answer, hubUrl };
}
