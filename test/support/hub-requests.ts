import { randomUUID } from 'node:crypto';
import { PROTOCOL_HEADER, SYNC_PROTOCOL_VERSION, type RecordChange } from '../../shared/sync/protocol';

/** One request to a hub as a laptop sends it; `protocol` overrides the version header (null: none). */
export async function hubRequest(
  baseUrl: string,
  method: 'GET' | 'POST',
  path: string,
  options: { token?: string; body?: unknown; protocol?: number | null } = {},
): Promise<{ status: number; body: unknown; protocolHeader: string | null }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const protocol = options.protocol === undefined ? SYNC_PROTOCOL_VERSION : options.protocol;
  if (protocol !== null) headers[PROTOCOL_HEADER] = String(protocol);
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  return { status: response.status, body: await response.json(), protocolHeader: response.headers.get(PROTOCOL_HEADER) };
}

let clockMs = Date.UTC(2026, 11, 7, 9, 0, 0);

/** A change as a laptop's log would push it, with a fresh change id and a later clock stamp. */
export function sampleChange(overrides: Partial<RecordChange> = {}): RecordChange {
  clockMs += 1;
  return {
    changeId: randomUUID(),
    kind: 'lead',
    recordId: randomUUID(),
    hlc: `${String(clockMs).padStart(13, '0')}-0000-laptop-a`,
    fields: { first_name: 'Ada', company: 'Analytical Engines' },
    tombstone: false,
    ...overrides,
  };
}
