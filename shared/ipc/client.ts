import { CHANNEL_NAMES, type ChannelName } from './channels';
import type { ChannelInput, ChannelOutput } from './contract';
import { AppError, type CallResult } from './errors';

/** The contract as plain async functions that throw AppError: what UI code and the CLI call. */
export type ApiClient = {
  [K in ChannelName]: (input: ChannelInput<K>) => Promise<ChannelOutput<K>>;
};

/** Sends one call over some transport (IPC bridge, HTTP, or the dispatcher in-process). */
export type CallTransport = (channel: ChannelName, input: unknown) => Promise<CallResult<unknown>>;

export function createApiClient(send: CallTransport): ApiClient {
  const client: Partial<Record<ChannelName, (input: unknown) => Promise<unknown>>> = {};
  for (const channel of CHANNEL_NAMES) {
    client[channel] = async (input) => unwrap(await send(channel, input));
  }
  // Built from the same list the type is mapped over, so every channel is present.
  return client as ApiClient;
}

function unwrap<T>(result: CallResult<T>): T {
  if (result.ok) return result.value;
  throw AppError.fromPayload(result.error);
}
