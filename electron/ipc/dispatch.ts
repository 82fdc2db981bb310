import { isChannelName } from '../../shared/ipc/channels';
import { contract, type Handlers } from '../../shared/ipc/contract';
import type { ApiErrorPayload, CallResult } from '../../shared/ipc/errors';
import { invalidInput } from '../../shared/ipc/validation';
import { hasPrototypeKey } from './prototype-keys';
import { describeForLog, newErrorReference, toAppError } from './error-mapping';

export type Dispatcher = (channel: unknown, rawInput: unknown) => Promise<CallResult<unknown>>;

/**
 * Every call from outside the process goes through here: the channel must be one of the
 * contract's, its input is parsed by the contract's schema before any handler runs, and
 * every failure becomes a typed error payload (never a thrown exception across the boundary).
 */
export function createDispatcher(handlers: Handlers, onUnexpected: (error: unknown) => void = () => {}): Dispatcher {
  return async (channel, rawInput) => {
    if (!isChannelName(channel)) {
      // Echo at most a short, printable piece of what was asked for: the name comes from outside.
      const asked = JSON.stringify(typeof channel === 'string' ? channel.slice(0, 60) : typeof channel);
      return fail({ code: 'unknown_channel', message: `There is no channel called ${asked}.` });
    }
    if (hasPrototypeKey(rawInput)) {
      return fail({ code: 'invalid_input', message: 'Field names such as "__proto__" or "constructor" are not accepted.' });
    }
    // Only a missing input means "no input" (a call without arguments); null is malformed like any other non-object.
    const parsed = contract[channel].input.safeParse(rawInput === undefined ? {} : rawInput);
    if (!parsed.success) return fail(invalidInput(parsed.error).toPayload());
    try {
      // The contract ties each channel to its handler's input type; TypeScript cannot follow
      // the correlation through an indexed access, so the call goes through a widened signature.
      const handler = handlers[channel] as (input: unknown) => Promise<unknown>;
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      const reference = newErrorReference();
      const appError = toAppError(error, reference);
      // The person sees a message with a code; what went wrong inside (SQL, paths) goes to the log only.
      if (appError.code === 'internal' || appError.cause !== undefined) onUnexpected(describeForLog(appError.cause ?? error, reference));
      return fail(appError.toPayload());
    }
  };
}

function fail(error: ApiErrorPayload): CallResult<never> {
  return { ok: false, error };
}
