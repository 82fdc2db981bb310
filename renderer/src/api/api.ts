import { createApiClient, type ApiClient } from '../../../shared/ipc/client';
import type { LeadBoothBridge } from '../../../shared/ipc/contract';
import { createHttpBridge } from './http-bridge';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in browser mode. */
    leadbooth?: LeadBoothBridge;
  }
}

/**
 * Picks the transport once, at start-up: the preload's IPC bridge inside Electron, HTTP to
 * the loopback host in browser mode. Nothing else in the UI knows which one it got.
 */
function createBridge(): LeadBoothBridge {
  return window.leadbooth ?? createHttpBridge(window.location, window.history, window.sessionStorage);
}

export const bridge: LeadBoothBridge = createBridge();

export const api: ApiClient = createApiClient((channel, input) =>
  // Each bridge method takes its own channel's input; the client checks types at its edge.
  (bridge[channel] as (input: unknown) => ReturnType<LeadBoothBridge[typeof channel]>)(input),
);
