import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import {
  HUB_ROUTES,
  MAX_CHANGES_PER_BATCH,
  PROTOCOL_HEADER,
  SYNC_PROTOCOL_VERSION,
  missingPhotosRequestSchema,
  pairRequestSchema,
  photoHashSchema,
  pushRequestSchema,
  uploadPhotosRequestSchema,
  type HubDevice,
  type HubError,
} from '../../shared/sync/protocol';
import type { HubDatabase } from './hub-schema';
import { HubRequestError } from './hub-errors';
import { deviceOfToken, listDevices, pairDevice, recordDeviceVisit, revokeDevice } from './hub-devices';
import { pullChanges, pullPageJson, pushChanges } from './hub-changes';
import { fetchPhotos, missingPhotos, storePhotos } from './hub-photos';

/** A full push batch of long text fields fits; anything bigger is refused before it is read. */
const MAX_REQUEST_BYTES = 32 * 1024 * 1024;

const REVOKE_PATH = /^\/v1\/devices\/([^/]+)\/revoke$/;
const CURSOR = /^\d{0,19}$/;
/** A cursor is a bigint seq; a bigger number would make PostgreSQL fail instead of answering 400. */
const LARGEST_CURSOR = 9223372036854775807n;

/**
 * Answers one request of a laptop. Order of the checks: the protocol version first (a laptop of
 * another version gets the one line that says what to do, even before its token is looked at),
 * then the token (all routes but pairing), the role, the body's size and shape.
 */
export function hubRequestHandler(db: Kysely<HubDatabase>, hubId: string, onUnexpected: (error: unknown) => void) {
  return (request: IncomingMessage, response: ServerResponse): void => {
    answer(db, hubId, request)
      .then((answered) => send(response, answered.status, 'json' in answered ? answered.json : JSON.stringify(answered.body)))
      .catch((error: unknown) => {
        if (error instanceof HubRequestError) return send(response, error.status, JSON.stringify(refusal(error.code, error.message)));
        onUnexpected(error);
        send(response, 500, JSON.stringify(refusal('hub-error', 'The hub failed to answer: try again; if it keeps failing, look at the hub\'s output.')));
      });
  };
}

/** What a route answers: a value to serialize, or (a pull) the JSON text already written. */
type Answer = { status: number; body: unknown } | { status: number; json: string };

async function answer(db: Kysely<HubDatabase>, hubId: string, request: IncomingMessage): Promise<Answer> {
  checkProtocol(request);
  const url = new URL(request.url ?? '/', 'http://hub');
  const route = `${request.method ?? 'GET'} ${url.pathname}`;
  if (route === `POST ${HUB_ROUTES.pair}`) {
    const pairing = parseBody(pairRequestSchema, await readJsonBody(request), 'pairing request');
    const device = await pairDevice(db, pairing.code, pairing.deviceName, request.socket.remoteAddress ?? 'unknown');
    return { status: 200, body: { hubId, deviceId: device.deviceId, token: device.token, role: device.role } };
  }
  const device = await authenticate(db, request);
  if (route === `GET ${HUB_ROUTES.status}`) {
    await recordDeviceVisit(db, device.id);
    return { status: 200, body: { hubId, protocol: SYNC_PROTOCOL_VERSION, device: { id: device.id, name: device.name, role: device.role } } };
  }
  if (route === `POST ${HUB_ROUTES.push}`) {
    const push = parseBody(pushRequestSchema, await readJsonBody(request), 'push');
    const outcome = await pushChanges(db, device.id, push.changes);
    await recordDeviceVisit(db, device.id, { pushed: outcome.accepted });
    return { status: 200, body: outcome };
  }
  if (route === `GET ${HUB_ROUTES.pull}`) {
    const after = url.searchParams.get('after') ?? '';
    if (!CURSOR.test(after) || (after !== '' && BigInt(after) > LARGEST_CURSOR)) throw new HubRequestError(400, 'bad-request', `"after" must be the cursor of the hub's last answer (digits), not "${after.slice(0, 40)}".`);
    const limitText = url.searchParams.get('limit');
    const limit = limitText === null ? MAX_CHANGES_PER_BATCH : Number(limitText);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_CHANGES_PER_BATCH) {
      throw new HubRequestError(400, 'bad-request', `"limit" must be a whole number from 1 to ${MAX_CHANGES_PER_BATCH}.`);
    }
    const page = await pullChanges(db, after, limit, device);
    await recordDeviceVisit(db, device.id, { pulled: page.changes.length });
    return { status: 200, json: pullPageJson(page) };
  }
  if (route === `POST ${HUB_ROUTES.missingPhotos}`) {
    const asked = parseBody(missingPhotosRequestSchema, await readJsonBody(request), 'photo question');
    return { status: 200, body: { missing: await missingPhotos(db, asked.hashes) } };
  }
  if (route === `POST ${HUB_ROUTES.photos}`) {
    const upload = parseBody(uploadPhotosRequestSchema, await readJsonBody(request), 'photo upload');
    return { status: 200, body: { stored: await storePhotos(db, upload.photos) } };
  }
  if (route === `GET ${HUB_ROUTES.photos}`) {
    const hashes = url.searchParams.getAll('hash');
    if (!hashes.every((hash) => photoHashSchema.safeParse(hash).success)) throw new HubRequestError(400, 'bad-request', '"hash" must be a photo\'s SHA-256, 64 hex digits.');
    return { status: 200, body: { photos: await fetchPhotos(db, hashes) } };
  }
  if (route === `GET ${HUB_ROUTES.devices}`) {
    requireManager(device);
    await recordDeviceVisit(db, device.id);
    return { status: 200, body: { devices: await listDevices(db) } };
  }
  const revoke = REVOKE_PATH.exec(url.pathname);
  if (request.method === 'POST' && revoke) {
    requireManager(device);
    await recordDeviceVisit(db, device.id);
    return { status: 200, body: { device: await revokeDevice(db, decodeURIComponent(revoke[1] ?? '')) } };
  }
  throw new HubRequestError(404, 'not-found', `This hub has no route ${route}: update LeadBooth, or check the hub's address.`);
}

function checkProtocol(request: IncomingMessage): void {
  const header = request.headers[PROTOCOL_HEADER];
  const laptopVersion = Number(Array.isArray(header) ? header[0] : header);
  if (laptopVersion === SYNC_PROTOCOL_VERSION) return;
  const laptop = Number.isInteger(laptopVersion) && laptopVersion > 0 ? `this laptop ${laptopVersion}` : 'this request names none';
  throw new HubRequestError(426, 'protocol-mismatch', `This hub speaks protocol ${SYNC_PROTOCOL_VERSION} and ${laptop}: update LeadBooth on one of them.`);
}

async function authenticate(db: Kysely<HubDatabase>, request: IncomingMessage): Promise<HubDevice> {
  const match = /^Bearer ([A-Za-z0-9_-]{16,200})$/.exec(request.headers.authorization ?? '');
  if (!match?.[1]) throw new HubRequestError(401, 'unauthorized', 'This request carries no device token: join the hub first ("leadbooth hub join URL CODE").');
  return deviceOfToken(db, match[1]);
}

function requireManager(device: HubDevice): void {
  if (device.role !== 'manager') throw new HubRequestError(403, 'forbidden', 'Only a manager device may list or revoke devices: pair one with a manager code ("leadbooth hub code --role manager").');
}

function parseBody<Schema extends z.ZodType>(schema: Schema, value: unknown, what: string): z.output<Schema> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue?.path.map(String).join('.') || 'body';
  throw new HubRequestError(400, 'bad-request', `This ${what} is not in the expected shape: ${path}: ${issue?.message ?? 'invalid'}.`);
}

function readJsonBody(request: IncomingMessage): Promise<unknown> {
  const tooLarge = () => new HubRequestError(413, 'bad-request', `The request is larger than ${MAX_REQUEST_BYTES / (1024 * 1024)} MB: send fewer changes per batch.`);
  if (Number(request.headers['content-length'] ?? 0) > MAX_REQUEST_BYTES) {
    request.resume();
    return Promise.reject(tooLarge());
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_REQUEST_BYTES) {
        request.destroy();
        reject(tooLarge());
      } else chunks.push(chunk);
    });
    request.on('error', reject);
    request.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch {
        reject(new HubRequestError(400, 'bad-request', 'The request body is not JSON.'));
      }
    });
  });
}

function refusal(error: HubError['error'], message: string): HubError {
  return error === 'protocol-mismatch' ? { error, message, hubProtocol: SYNC_PROTOCOL_VERSION } : { error, message };
}

function send(response: ServerResponse, status: number, text: string): void {
  if (response.headersSent || response.destroyed) return;
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    [PROTOCOL_HEADER]: String(SYNC_PROTOCOL_VERSION),
    'Cache-Control': 'no-store',
  });
  response.end(text);
}
