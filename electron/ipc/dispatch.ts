import { isChannelName } from '../../shared/ipc/channels';
import { contract, type Handlers } from '../../shared/ipc/contract';
import type { ApiErrorPayload, CallResult } from '../../shared/ipc/errors';
import { invalidInput } from '../../shared/ipc/validation';
import { toAppError } from './error-mapping';

export type Dispatcher = (channel: unknown, rawInput: unknown) => Promise<CallResult<unknown>>;

/**
 * Every call from outside the process goes through here: the channel must be one of the
 * contract's, its input is parsed by the contract's schema before any handler runs, and
 * every failure becomes a typed error payload (never a thrown exception across the boundary).
 */
export function createDispatcher(handlers: Handlers, onUnexpected: (error: unknown) => void = () => {}): Dispatcher {
  return async (channel, rawInput) => {
    if (!isChannelName(channel)) {
      return fail({ code: 'unknown_channel', message: `There is no channel called ${JSON.stringify(channel)}.` });
    }
    const parsed = contract[channel].input.safeParse(rawInput ?? {});
    if (!parsed.success) return fail(invalidInput(parsed.error).toPayload());
    try {
      // The contract ties each channel to its handler's input type; TypeScript cannot follow
      // the correlation through an indexed access, so the call goes through a widened signature.
      const handler = handlers[channel] as (input: unknown) => Promise<unknown>;
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      const appError = toAppError(error);
      if (appError.code === 'internal') onUnexpected(error);
      return fail(appError.toPayload());
    }
  };
}

function fail(error: ApiErrorPayload): CallResult<never> {
  return { ok: false, error };
}
