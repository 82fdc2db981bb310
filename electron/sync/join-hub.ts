import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { markAllUnpushed } from './change-log';
import { startChangeLog } from './sync-capture';
import { presentedFingerprint } from './pinned-https';
import { hubClient, HubRequestFailed, type PairAnswer } from './sync-client';
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
 *
 * An https:// hub's certificate is pinned here: the fingerprint the person gives (the hub prints
 * it at start) must match, else the one presented now is pinned and returned to be shown, for the
 * person to compare with the hub's. Every later request checks it before sending the token.
 */
export async function joinHub(
  db: Kysely<Database>,
  request: { url: string; code: string; deviceName: string; joinedAt: string; fingerprint?: string | undefined },
): Promise<PairAnswer & { hubUrl: string; fingerprint: string | null }> {
  const hubUrl = checkHubUrl(request.url);
  let fingerprint: string | null = null;
  if (hubUrl.startsWith('https:')) {
    try {
      fingerprint = request.fingerprint?.toUpperCase() ?? (await presentedFingerprint(new URL(hubUrl), 30_000));
    } catch (error) {
      throw new HubRequestFailed('unreachable', `The hub at ${hubUrl} cannot be reached (${(error as { code?: string }).code ?? (error as Error).message}); check the address and the network.`);
    }
  }
  const answer = await hubClient(hubUrl, null, { pin: fingerprint }).pair(request.code.trim(), request.deviceName);
  await db.transaction().execute(async (trx) => {
    const before = await readMembership(trx);
    if (before && before.hubId !== answer.hubId) await markAllUnpushed(trx);
    await saveMembership(trx, {
      hubUrl,
      hubId: answer.hubId,
      deviceId: answer.deviceId,
      deviceName: request.deviceName,
      role: answer.role,
      token: answer.token,
      fingerprint,
      joinedAt: request.joinedAt,
    });
    await startChangeLog(trx);
  });
  return { ...answer, hubUrl, fingerprint };
}
