import { setImmediate as nextTurn } from 'node:timers/promises';
import { z } from 'zod';
import {
  devicesResponseSchema,
  fetchPhotosResponseSchema,
  missingPhotosResponseSchema,
  uploadPhotosResponseSchema,
  HUB_ROUTES,
  hubErrorSchema,
  MAX_CHANGES_PER_BATCH,
  pairResponseSchema,
  PROTOCOL_HEADER,
  pullResponseSchema,
  pushResponseSchema,
  recordChangeSchema,
  revokeDevicePath,
  revokeResponseSchema,
  statusResponseSchema,
  SYNC_PROTOCOL_VERSION,
  type RecordChange,
} from '../../shared/sync/protocol';
import { CertificateMismatch, pinnedRequest } from './pinned-https';

/** Why a request to the hub failed: `unreachable` (no answer at all) is the one a laptop shrugs off and retries later. */
export type HubFailure = 'unreachable' | 'protocol-mismatch' | 'unauthorized' | 'refused' | 'bad-answer';

/** A failed request to the hub; the message is one line a person can act on. */
export class HubRequestFailed extends Error {
  constructor(
    readonly failure: HubFailure,
    message: string,
  ) {
    super(message);
    this.name = 'HubRequestFailed';
  }
}

export type PairAnswer = z.infer<typeof pairResponseSchema>;
type StatusAnswer = z.infer<typeof statusResponseSchema>;
type PushAnswer = z.infer<typeof pushResponseSchema>;
/** A page of a pull: its changes checked (checkChanges), its cursor, whether more follow. */
export type PullPage = z.infer<typeof pullResponseSchema>;
type DevicesAnswer = z.infer<typeof devicesResponseSchema>;
type RevokeAnswer = z.infer<typeof revokeResponseSchema>;

/** The hub's routes (shared/sync/protocol.ts) over HTTP(S); `devices` and `revoke` answer manager devices only. */
export interface HubClient {
  pair(code: string, deviceName: string): Promise<PairAnswer>;
  status(): Promise<StatusAnswer>;
  push(changes: readonly RecordChange[]): Promise<PushAnswer>;
  pull(after: string, limit: number): Promise<PullPage>;
  devices(): Promise<DevicesAnswer>;
  revoke(deviceId: string): Promise<RevokeAnswer>;
  /** Which of these photos the hub lacks (card-photos.ts). */
  missingPhotos(hashes: readonly string[]): Promise<string[]>;
  uploadPhotos(photos: readonly Photo[]): Promise<number>;
  /** The photos asked for that the hub holds (at most MAX_PHOTOS_PER_REQUEST). */
  fetchPhotos(hashes: readonly string[]): Promise<Photo[]>;
}

/** A card photo on the wire: its SHA-256, its type, its bytes as base64. */
export type Photo = z.infer<typeof fetchPhotosResponseSchema>['photos'][number];

interface Answer {
  status: number;
  header(name: string): string | null;
  text: string;
}

/** A pull's answer with its changes not checked yet: they are checked a slice at a time (checkChanges). */
const pullEnvelopeSchema = pullResponseSchema.extend({ changes: z.array(z.unknown()).max(MAX_CHANGES_PER_BATCH) });

/** Changes checked between two turns of the event loop: a few milliseconds of zod's work here. */
const CHANGES_CHECKED_AT_ONCE = 500;

/**
 * Checks a pulled page's changes against the protocol, a slice at a time with a turn of the event
 * loop between slices: a 1,000-change page checked at once held the process for 60–100 ms.
 * Null when one does not fit.
 */
async function checkChanges(changes: readonly unknown[]): Promise<RecordChange[] | null> {
  const checked: RecordChange[] = [];
  for (let start = 0; start < changes.length; start += CHANGES_CHECKED_AT_ONCE) {
    if (start > 0) await nextTurn();
    const slice = z.array(recordChangeSchema).safeParse(changes.slice(start, start + CHANGES_CHECKED_AT_ONCE));
    if (!slice.success) return null;
    checked.push(...slice.data);
  }
  return checked;
}

function notAHub(base: string): HubRequestFailed {
  return new HubRequestFailed('bad-answer', `The answer from ${base} is not a LeadBooth hub's: check the address.`);
}

/** A request that gets no answer in this time counts as unreachable (a cut connection, a hub gone to sleep). */
const REQUEST_TIMEOUT_MS = 60_000;

/**
 * A client of the hub at `hubUrl`, as the device `token` (none before pairing). Every request
 * carries the protocol version; an answer of another version, or the hub's refusal of ours, is
 * one clear line, and so is a hub that cannot be reached. An https:// hub is reached only when
 * its certificate has the `pin`ned fingerprint (pinned-https.ts), checked before the token is sent.
 */
export function hubClient(hubUrl: string, token: string | null, options: { pin?: string | null } = {}): HubClient {
  const base = hubUrl.replace(/\/+$/, '');
  const send = async (method: string, route: string, headers: Record<string, string>, body: string | undefined): Promise<Answer> => {
    const url = new URL(`${base}${route}`);
    if (url.protocol === 'https:') {
      if (!options.pin) throw new HubRequestFailed('refused', `No certificate is pinned for ${base}: join the hub again (leadbooth hub join URL CODE).`);
      try {
        return await pinnedRequest(url, { method, headers, ...(body !== undefined && { body }), pin: options.pin, timeoutMs: REQUEST_TIMEOUT_MS });
      } catch (error) {
        if (!(error instanceof CertificateMismatch)) throw error;
        throw new HubRequestFailed(
          'refused',
          `The hub at ${base} presents certificate ${error.presented}, not the pinned ${error.pinned}: nothing was sent. If the hub's certificate really changed, join again.`,
        );
      }
    }
    const response = await fetch(url, { method, headers, ...(body !== undefined && { body }), signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    const text = await response.text();
    return { status: response.status, header: (name) => response.headers.get(name), text };
  };
  const request = async <Schema extends z.ZodType>(schema: Schema, method: 'GET' | 'POST', route: string, body?: unknown): Promise<z.output<Schema>> => {
    const headers: Record<string, string> = { [PROTOCOL_HEADER]: String(SYNC_PROTOCOL_VERSION), accept: 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Answer;
    try {
      response = await send(method, route, headers, body === undefined ? undefined : JSON.stringify(body));
    } catch (error) {
      if (error instanceof HubRequestFailed) throw error;
      const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
      throw new HubRequestFailed('unreachable', `The hub at ${base} cannot be reached (${cause}); capture goes on here, sync again when the network is back.`);
    }
    const hubVersion = response.header(PROTOCOL_HEADER);
    const ok = response.status >= 200 && response.status < 300;
    let json: unknown;
    try {
      json = JSON.parse(response.text);
    } catch {
      json = undefined;
    }
    if (!ok) {
      const refusal = hubErrorSchema.safeParse(json);
      if (refusal.success) {
        const failure: HubFailure =
          refusal.data.error === 'protocol-mismatch' ? 'protocol-mismatch' : refusal.data.error === 'unauthorized' ? 'unauthorized' : 'refused';
        throw new HubRequestFailed(failure, refusal.data.message);
      }
    }
    if (hubVersion !== null && hubVersion !== String(SYNC_PROTOCOL_VERSION)) {
      throw new HubRequestFailed(
        'protocol-mismatch',
        `The hub at ${base} speaks sync protocol ${hubVersion} and this LeadBooth ${SYNC_PROTOCOL_VERSION}: update LeadBooth on the older one.`,
      );
    }
    if (!ok) throw new HubRequestFailed('refused', `The hub at ${base} refused the request (HTTP ${response.status}): is this the address of a LeadBooth hub?`);
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw notAHub(base);
    return parsed.data;
  };
  return {
    pair: (code, deviceName) => request(pairResponseSchema, 'POST', HUB_ROUTES.pair, { code, deviceName }),
    status: () => request(statusResponseSchema, 'GET', HUB_ROUTES.status),
    push: (changes) => request(pushResponseSchema, 'POST', HUB_ROUTES.push, { changes }),
    pull: async (after, limit) => {
      const page = await request(pullEnvelopeSchema, 'GET', `${HUB_ROUTES.pull}?${new URLSearchParams({ after, limit: String(limit) }).toString()}`);
      const changes = await checkChanges(page.changes);
      if (!changes) throw notAHub(base);
      return { ...page, changes };
    },
    devices: () => request(devicesResponseSchema, 'GET', HUB_ROUTES.devices),
    revoke: (deviceId) => request(revokeResponseSchema, 'POST', revokeDevicePath(deviceId), {}),
    missingPhotos: async (hashes) => (await request(missingPhotosResponseSchema, 'POST', HUB_ROUTES.missingPhotos, { hashes })).missing,
    uploadPhotos: async (photos) => (await request(uploadPhotosResponseSchema, 'POST', HUB_ROUTES.photos, { photos })).stored,
    fetchPhotos: async (hashes) =>
      (await request(fetchPhotosResponseSchema, 'GET', `${HUB_ROUTES.photos}?${new URLSearchParams(hashes.map((hash): [string, string] => ['hash', hash])).toString()}`)).photos,
  };
}
