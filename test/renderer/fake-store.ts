import { vi } from 'vitest';
import { CHANNEL_NAMES } from '../../shared/ipc/channels';
import type { ApiClient } from '../../shared/ipc/client';
import type { ShowEvent } from '../../shared/domain/event';
import type { Lead } from '../../shared/domain/lead';
import { createAppStore, type AppStore } from '../../renderer/src/store/app-store';
import { makeLead } from '../support/lead-fixture';

export const SHOW: ShowEvent = {
  id: '7b0c8a56-3f0e-4c1e-9a53-2f4d8f1e6a10',
  name: 'Hannover Messe 2026',
  location: 'Hannover',
  startsOn: '',
  endsOn: '',
  qualificationFramework: 'BANT',
  followupSubject: '',
  followupBody: '',
  timeZone: 'Europe/Berlin',
  currency: 'EUR',
  cost: null,
  createdAt: '2026-03-01T08:00:00.000Z',
};

/** An API where every channel fails loudly unless the test says what it returns. */
export function fakeApi(overrides: Partial<ApiClient> = {}): ApiClient {
  const api: Partial<Record<string, unknown>> = {};
  for (const channel of CHANNEL_NAMES) {
    api[channel] = vi.fn(overrides[channel] ?? (async () => Promise.reject(new Error(`Unexpected call to ${channel}`))));
  }
  // Filled from the same channel list the type maps over.
  return api as ApiClient;
}

/** A store that is past start-up: staff name and show set, as after first-run setup. */
export function readyStore(api: ApiClient): AppStore {
  const store = createAppStore({ api, bridge: { on: () => () => {} }, draftSaveDelayMs: 20, searchDelayMs: 5 });
  store.setState({ startupStatus: 'ready', settings: { staffName: 'Dana Booth', currentEventId: SHOW.id, fastScan: false }, events: [SHOW] });
  return store;
}

/** A lead of the current show, captured by the staff member of readyStore. */
export function leadWith(fields: Partial<Lead>): Lead {
  return makeLead({ id: crypto.randomUUID(), eventId: SHOW.id, capturedBy: 'Dana Booth', ...fields });
}
