import { z } from 'zod';

/**
 * The wire protocol between a laptop and the team hub (issue 18). The laptop side lives in
 * `electron/sync/`, the hub in `electron/hub/`; both read only these shapes, so a change here is
 * a protocol change: raise the version, and old laptops and hubs refuse each other with one line.
 */
export const SYNC_PROTOCOL_VERSION = 1;

/** Every request and every response carries the protocol version in this header. */
export const PROTOCOL_HEADER = 'leadbooth-protocol';

export const deviceRoleSchema = z.enum(['booth', 'manager']);
export type DeviceRole = z.infer<typeof deviceRoleSchema>;

/**
 * A hybrid-logical-clock stamp, `<ms since 1970, 13 digits>-<counter, 4 digits>-<device id>`.
 * Fixed widths make the string order the clock order, so both stores compare stamps as text.
 */
export const hlcSchema = z.string().regex(/^\d{13}-\d{4}-[0-9A-Za-z-]{1,64}$/);

/** A JSON value as a record field carries it (SQLite and PostgreSQL both store these). */
type FieldValue = string | number | boolean | null;

const FIELD_NAME = /^[a-z][a-z0-9_]{0,63}$/;
const MAX_FIELD_TEXT = 1_000_000;

function isFieldValue(value: unknown): value is FieldValue {
  return value === null || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && value.length <= MAX_FIELD_TEXT);
}

/**
 * A change's fields, `{ column: value }`, checked by one plain loop: as `z.record(name, union)`
 * zod ran a regex and a four-way union per field, 15–25 µs of a lead's ~30 fields, the most of a
 * first sync's check of 200,000 changes (about 3 µs now). A wrong field is still named.
 */
const fieldsSchema = z
  .custom<Record<string, FieldValue>>((value) => typeof value === 'object' && value !== null && !Array.isArray(value), 'fields must be an object of column: value')
  .superRefine((fields, context) => {
    for (const name of Object.keys(fields)) {
      if (!FIELD_NAME.test(name)) context.addIssue({ code: 'custom', path: [name], message: 'a field name is lower case letters, digits and _' });
      else if (!isFieldValue(fields[name])) context.addIssue({ code: 'custom', path: [name], message: `a field value is text (at most ${MAX_FIELD_TEXT} characters), a number, true/false or null` });
    }
  });

/**
 * One change of one record: the fields it set, or a tombstone (a delete or a forget) that removes
 * the record everywhere. `changeId` makes a push idempotent: the hub stores each id once.
 */
export const recordChangeSchema = z
  .object({
    changeId: z.string().uuid(),
    /** The record kind, e.g. `lead`, `event`, `timeline_entry` (the sync registry lists them). */
    kind: z.string().regex(/^[a-z][a-z_]{0,39}$/),
    recordId: z.string().min(1).max(200),
    hlc: hlcSchema,
    fields: fieldsSchema,
    tombstone: z.boolean(),
  })
  .strict();
export type RecordChange = z.infer<typeof recordChangeSchema>;

/** Batches are bounded both ways so a cut connection loses at most one batch's work. */
export const MAX_CHANGES_PER_BATCH = 1000;

export const pairRequestSchema = z
  .object({ code: z.string().min(4).max(64), deviceName: z.string().min(1).max(120) })
  .strict();
export const pairResponseSchema = z
  .object({
    hubId: z.string(),
    deviceId: z.string(),
    /** Shown once; the hub keeps only its hash. */
    token: z.string(),
    role: deviceRoleSchema,
  })
  .strict();

export const pushRequestSchema = z
  .object({ changes: z.array(recordChangeSchema).max(MAX_CHANGES_PER_BATCH) })
  .strict();
export const pushResponseSchema = z
  .object({
    /** Changes stored by this push. */
    accepted: z.number().int().nonnegative(),
    /** Changes the hub already had (a retried push). */
    alreadyStored: z.number().int().nonnegative(),
    /**
     * Changes of records the hub holds a tombstone for: dropped, not stored (the record was
     * deleted or forgotten; the tombstone reaches the laptop at its next pull). Added by the hub.
     */
    discarded: z.number().int().nonnegative().optional(),
  })
  .strict();

/** `GET /v1/changes?after=<cursor>&limit=<n>`: the hub's changes in its own order. */
export const pullResponseSchema = z
  .object({
    changes: z.array(recordChangeSchema).max(MAX_CHANGES_PER_BATCH),
    /** Opaque to the laptop: it sends it back as `after` to resume where it stopped. */
    cursor: z.string(),
    more: z.boolean(),
  })
  .strict();

export const statusResponseSchema = z
  .object({
    hubId: z.string(),
    protocol: z.number().int(),
    device: z.object({ id: z.string(), name: z.string(), role: deviceRoleSchema }).strict(),
  })
  .strict();

/** A device as the hub's manager sees it (`GET /v1/devices`); times are ISO 8601. */
const hubDeviceSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    role: deviceRoleSchema,
    createdAt: z.string(),
    lastSeenAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
    /** Changes this device pushed that the hub stored, and changes it pulled. */
    pushed: z.number().int().nonnegative(),
    pulled: z.number().int().nonnegative(),
  })
  .strict();
export type HubDevice = z.infer<typeof hubDeviceSchema>;

/** `GET /v1/devices` (manager devices only). */
export const devicesResponseSchema = z.object({ devices: z.array(hubDeviceSchema) }).strict();

/** `POST /v1/devices/<id>/revoke` (manager devices only): the device as it is now. */
export const revokeResponseSchema = z.object({ device: hubDeviceSchema }).strict();

/** Every refusal has this body; `message` is one line a person can act on. */
export const hubErrorSchema = z
  .object({
    error: z.enum(['protocol-mismatch', 'unauthorized', 'forbidden', 'bad-request', 'not-found', 'hub-error']),
    message: z.string(),
    hubProtocol: z.number().int().optional(),
  })
  .strict();
export type HubError = z.infer<typeof hubErrorSchema>;

/** A photo's address: the SHA-256 of its bytes, lower-case hex. */
export const photoHashSchema = z.string().regex(/^[0-9a-f]{64}$/);

/** Photos asked about or fetched at once: a request stays far below the 32 MB a hub reads. */
export const MAX_PHOTO_HASHES = 1000;
export const MAX_PHOTOS_PER_REQUEST = 8;
/** A photo's base64 text at most (≈ 18 MB of image); a request's photos together at most this too. */
export const MAX_PHOTO_BASE64 = 24_000_000;

/** `POST /v1/photos/missing`: which of these photos the hub does not hold. */
export const missingPhotosRequestSchema = z.object({ hashes: z.array(photoHashSchema).max(MAX_PHOTO_HASHES) }).strict();
export const missingPhotosResponseSchema = z.object({ missing: z.array(photoHashSchema) }).strict();

/** A card photo on the wire: its bytes as base64 (the hub checks them against the hash). */
const photoSchema = z
  .object({ sha256: photoHashSchema, mime: z.string().regex(/^image\/[a-z0-9.+-]{1,40}$/), data: z.string().max(MAX_PHOTO_BASE64) })
  .strict();

/** `POST /v1/photos`: photos the hub lacks; each is stored once, by its hash. */
export const uploadPhotosRequestSchema = z.object({ photos: z.array(photoSchema).min(1).max(MAX_PHOTOS_PER_REQUEST) }).strict();
export const uploadPhotosResponseSchema = z.object({ stored: z.number().int().nonnegative() }).strict();

/** `GET /v1/photos?hash=…&hash=…`: the photos asked for that the hub holds (a forgotten one it no longer does). */
export const fetchPhotosResponseSchema = z.object({ photos: z.array(photoSchema) }).strict();

/** The hub's routes, in one place for the server and the client. */
export const HUB_ROUTES = {
  pair: '/v1/pair',
  status: '/v1/status',
  push: '/v1/changes',
  pull: '/v1/changes',
  devices: '/v1/devices',
  missingPhotos: '/v1/photos/missing',
  photos: '/v1/photos',
} as const;

/** The path revoking one device (`POST`, manager devices only). */
export const revokeDevicePath = (deviceId: string): string => `${HUB_ROUTES.devices}/${encodeURIComponent(deviceId)}/revoke`;
