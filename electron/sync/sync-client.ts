import type { z } from 'zod';
import {
  HUB_ROUTES,
  hubErrorSchema,
  pairResponseSchema,
  PROTOCOL_HEADER,
  pullResponseSchema,
  pushResponseSchema,
  statusResponseSchema,
  SYNC_PROTOCOL_VERSION,
  type RecordChange,
} from '../../shared/sync/protocol';

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
type PullAnswer = z.infer<typeof pullResponseSchema>;

/** The hub's four routes (shared/sync/protocol.ts) over HTTP(S). */
export interface HubClient {
  pair(code: string, deviceName: string): Promise<PairAnswer>;
  status(): Promise<StatusAnswer>;
  push(changes: readonly RecordChange[]): Promise<PushAnswer>;
  pull(after: string, limit: number): Promise<PullAnswer>;
}

/** A request that gets no answer in this time counts as unreachable (a cut connection, a hub gone to sleep). */
const REQUEST_TIMEOUT_MS = 60_000;

/**
 * A client of the hub at `hubUrl`, as the device `token` (none before pairing). Every request
 * carries the protocol version; an answer of another version, or the hub's refusal of ours, is
 * one clear line, and so is a hub that cannot be reached.
 */
export function hubClient(hubUrl: string, token: string | null, fetchImpl: typeof fetch = fetch): HubClient {
  const base = hubUrl.replace(/\/+$/, '');
  const request = async <Schema extends z.ZodType>(schema: Schema, method: 'GET' | 'POST', route: string, body?: unknown): Promise<z.output<Schema>> => {
    const headers: Record<string, string> = { [PROTOCOL_HEADER]: String(SYNC_PROTOCOL_VERSION), accept: 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    let text: string;
    try {
      response = await fetchImpl(`${base}${route}`, {
        method,
        headers,
        ...(body !== undefined && { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      text = await response.text();
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
      throw new HubRequestFailed('unreachable', `The hub at ${base} cannot be reached (${cause}); capture goes on here, sync again when the network is back.`);
    }
    const hubVersion = response.headers.get(PROTOCOL_HEADER);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    if (!response.ok) {
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
    if (!response.ok) throw new HubRequestFailed('refused', `The hub at ${base} refused the request (HTTP ${response.status}): is this the address of a LeadBooth hub?`);
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new HubRequestFailed('bad-answer', `The answer from ${base} is not a LeadBooth hub's: check the address.`);
    return parsed.data;
  };
  return {
    pair: (code, deviceName) => request(pairResponseSchema, 'POST', HUB_ROUTES.pair, { code, deviceName }),
    status: () => request(statusResponseSchema, 'GET', HUB_ROUTES.status),
    push: (changes) => request(pushResponseSchema, 'POST', HUB_ROUTES.push, { changes }),
    pull: (after, limit) => request(pullResponseSchema, 'GET', `${HUB_ROUTES.pull}?${new URLSearchParams({ after, limit: String(limit) }).toString()}`),
  };
}
