import { CHANNEL_NAMES, type ChannelName } from '../../shared/ipc/channels';
import type { CallResult } from '../../shared/ipc/errors';
import { isTrustedUrl } from '../security/trusted-origins';
import type { Dispatcher } from './dispatch';

/**
 * The one place where IPC channels are registered with Electron. Every channel of the
 * contract goes through the same wrapper: first the sender is checked, then the
 * dispatcher parses the input with the contract's schema and runs the handler.
 *
 * Who may call: the top-level frame of one of our own pages (app://leadbooth, or the
 * dev server in an unpackaged run). Sub-frames are refused even when same-origin: the
 * UI has none, so an iframe calling in can only be something injected. A sender whose
 * frame is gone (navigated away or destroyed mid-call: `senderFrame` is null) is refused
 * too, since we can no longer tell what sent it.
 *
 * No `electron` import: ipcMain is passed in (only main.ts, preload.ts, window.ts and
 * security/ touch Electron), which also lets tests drive the wrapper with a fake.
 */

/** What the wrapper reads from an invoke event (Electron's IpcMainInvokeEvent has more). */
interface InvokeEventLike {
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

export interface IpcRegistration {
  /** Every channel registered, in registration order. */
  readonly channels: readonly ChannelName[];
  /**
   * Removes the handlers, then waits for calls already running to finish: on quit the
   * database closes right after, and a lead being saved must get its commit first.
   */
  dispose(): Promise<void>;
}

export interface RegisterIpcOptions {
  trustedOrigins: readonly string[];
  /** Refused calls are reported here (console.warn in the app). */
  log?: (message: string) => void;
}

const FORBIDDEN_MESSAGE = 'This page is not allowed to use LeadBooth. Restart LeadBooth if you see this in its own window.';

export function registerIpc(ipcMain: IpcMainLike, dispatch: Dispatcher, options: RegisterIpcOptions): IpcRegistration {
  const log = options.log ?? (() => {});
  const registered: ChannelName[] = [];
  const inFlight = new Set<Promise<CallResult<unknown>>>();
  for (const channel of CHANNEL_NAMES) {
    ipcMain.handle(channel, async (event, input) => {
      const refusal = senderRefusal(event, options.trustedOrigins);
      if (refusal !== null) {
        log(`Refused "${channel}": ${refusal}`);
        return forbidden();
      }
      // The preload sends exactly one argument; anything after it is ignored.
      const call = dispatch(channel, input);
      inFlight.add(call);
      try {
        return await call;
      } finally {
        inFlight.delete(call);
      }
    });
    registered.push(channel);
  }
  return {
    channels: registered,
    dispose: async () => {
      for (const channel of registered) ipcMain.removeHandler(channel);
      await Promise.allSettled([...inFlight]);
    },
  };
}

/** Why the sender may not call, or null when it may. */
function senderRefusal(event: InvokeEventLike, trustedOrigins: readonly string[]): string | null {
  const frame = event.senderFrame;
  if (frame === null) return 'the sending frame no longer exists';
  if (frame.parent !== null) return `a sub-frame (${frame.url}) is not allowed`;
  if (!isTrustedUrl(frame.url, trustedOrigins)) return `foreign page ${frame.url}`;
  return null;
}

function forbidden(): CallResult<never> {
  return { ok: false, error: { code: 'forbidden', message: FORBIDDEN_MESSAGE } };
}
