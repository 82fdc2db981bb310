/**
 * The renderer's only door into the main process, exposed as `window.leadbooth`.
 *
 * Runs sandboxed, so it is bundled to one CommonJS file (out/preload/preload.cjs) that may
 * only require('electron'). It imports nothing else at run time but the channel names:
 * the zod schemas stay in the main process, which parses every input anyway.
 *
 * ipcRenderer itself is never exposed: the page gets one function per contract channel and
 * a subscription to the contract's events, nothing that could send on another channel.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CHANNEL_NAMES, isEventName, type ChannelName, type EventName } from '../shared/ipc/channels';
import type { ChannelInput, ChannelOutput, EventPayload, LeadBoothBridge } from '../shared/ipc/contract';
import type { CallResult } from '../shared/ipc/errors';

type Invoke<K extends ChannelName> = (input: ChannelInput<K>) => Promise<CallResult<ChannelOutput<K>>>;
type ChannelMethods = { [K in ChannelName]: Invoke<K> };

function invoker<K extends ChannelName>(channel: K): Invoke<K> {
  // The main process answers every channel with a CallResult envelope (register-ipc.ts).
  return (input) => ipcRenderer.invoke(channel, input);
}

// Built from CHANNEL_NAMES so no channel name is written twice; Object.fromEntries loses the
// key-to-type pairing, which `invoker` guarantees, hence the assertion.
const channelMethods = Object.fromEntries(CHANNEL_NAMES.map((channel) => [channel, invoker(channel)])) as ChannelMethods;

function on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  // The renderer is plain JavaScript at run time: check what the types promise.
  if (!isEventName(event)) throw new TypeError(`LeadBooth has no event called ${JSON.stringify(event)}.`);
  if (typeof listener !== 'function') throw new TypeError('Pass a function to listen to LeadBooth events.');
  // The page sees the payload only, never the IpcRendererEvent (whose `sender` is ipcRenderer).
  const forward = (_event: IpcRendererEvent, payload: EventPayload<E>): void => listener(payload);
  ipcRenderer.on(event, forward);
  return () => {
    ipcRenderer.removeListener(event, forward);
  };
}

const bridge = { ...channelMethods, on } satisfies LeadBoothBridge;

contextBridge.exposeInMainWorld('leadbooth', bridge);
