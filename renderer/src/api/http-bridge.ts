import { CHANNEL_NAMES, EVENT_NAMES, isEventName, type ChannelName, type EventName } from '../../../shared/ipc/channels';
import type { EventPayload, LeadBoothBridge } from '../../../shared/ipc/contract';
import type { CallResult } from '../../../shared/ipc/errors';
// The browser-mode wire format lives in shared/ so the host and this bridge cannot drift apart.
import { API_PREFIX, EVENTS_PATH, TOKEN_HEADER, TOKEN_QUERY } from '../../../shared/ipc/http-protocol';

const TOKEN_STORAGE_KEY = 'leadbooth.token';

/**
 * Browser mode's bridge: the same methods the Electron preload exposes, over HTTP to the
 * loopback host. The per-run token arrives in the address fragment (#token=…); it is kept
 * for this tab only and removed from the address bar.
 */
export function createHttpBridge(location: Location, history: History, storage: Storage): LeadBoothBridge {
  const token = takeToken(location, history, storage);
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let source: EventSource | null = null;

  function send(channel: ChannelName, input: unknown): Promise<CallResult<unknown>> {
    return fetch(`${API_PREFIX}${channel}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: token },
      body: JSON.stringify(input ?? {}),
    }).then(
      async (response) => {
        if (response.headers.get('content-type')?.startsWith('application/json')) return (await response.json()) as CallResult<unknown>;
        if (response.status === 401) {
          return {
            ok: false,
            error: { code: 'forbidden', message: 'LeadBooth was restarted: open the new address it printed (with its #token=…) in this tab.' },
          };
        }
        return { ok: false, error: { code: 'internal', message: `${await response.text()} (HTTP ${response.status})` } };
      },
      () => ({
        ok: false,
        error: { code: 'internal', message: 'LeadBooth is not running any more. Start it again ("npm start"), then reload this page.' },
      }),
    );
  }

  function connectEvents(): void {
    if (source) return;
    source = new EventSource(`${EVENTS_PATH}?${TOKEN_QUERY}=${encodeURIComponent(token)}`);
    for (const event of EVENT_NAMES) {
      source.addEventListener(event, (message) => {
        const payload: unknown = JSON.parse((message as MessageEvent<string>).data);
        for (const listener of listeners.get(event) ?? []) listener(payload);
      });
    }
  }

  const methods: Partial<Record<ChannelName, (input: unknown) => Promise<CallResult<unknown>>>> = {};
  for (const channel of CHANNEL_NAMES) methods[channel] = (input) => send(channel, input);

  const on = <E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) => {
    if (!isEventName(event)) throw new Error(`Unknown event ${String(event)}`);
    connectEvents();
    // The host sends each event name with its own payload type.
    const untyped = listener as (payload: unknown) => void;
    const set = listeners.get(event) ?? new Set();
    set.add(untyped);
    listeners.set(event, set);
    return () => set.delete(untyped);
  };

  // Every channel was added above from the same list the bridge type maps over.
  return { ...(methods as Omit<LeadBoothBridge, 'on'>), on };
}

function takeToken(location: Location, history: History, storage: Storage): string {
  const fragment = new URLSearchParams(location.hash.replace(/^#/, ''));
  const fromAddress = fragment.get(TOKEN_QUERY);
  if (fromAddress) {
    storage.setItem(TOKEN_STORAGE_KEY, fromAddress);
    history.replaceState(null, '', location.pathname + location.search);
    return fromAddress;
  }
  return storage.getItem(TOKEN_STORAGE_KEY) ?? '';
}
