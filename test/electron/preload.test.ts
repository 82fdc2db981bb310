import fs from 'node:fs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNEL_NAMES, EVENT_NAMES } from '../../shared/ipc/channels';
import type { LeadBoothBridge } from '../../shared/ipc/contract';
import { contextBridge, fakeEvent, ipcRenderer } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

let bridge: LeadBoothBridge;
beforeAll(async () => {
  await import('../../electron/preload');
  expect([...contextBridge.exposed.keys()]).toEqual(['leadbooth']);
  bridge = contextBridge.exposed.get('leadbooth') as LeadBoothBridge;
});

describe('the exposed bridge', () => {
  it('has exactly one method per channel, plus on', () => {
    expect(Object.keys(bridge).sort()).toEqual([...CHANNEL_NAMES, 'on'].sort());
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
  });

  it('never hands out ipcRenderer or anything that could reach it', () => {
    for (const value of Object.values(bridge)) expect(value).not.toBe(ipcRenderer);
    expect(bridge).not.toHaveProperty('invoke');
    expect(bridge).not.toHaveProperty('send');
    expect(bridge).not.toHaveProperty('ipcRenderer');
  });

  it('invokes each channel under its own name with the one input', async () => {
    for (const channel of CHANNEL_NAMES) {
      ipcRenderer.invoke.mockClear();
      // Each method takes its own input type; the payload is irrelevant to the forwarding.
      await (bridge[channel] as (input: unknown) => Promise<unknown>)({ probe: channel });
      expect(ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(channel, { probe: channel });
    }
  });
});

describe('on', () => {
  it('subscribes to a contract event and passes the payload only', () => {
    for (const name of EVENT_NAMES) {
      const listener = vi.fn();
      const unsubscribe = bridge.on(name, listener);
      ipcRenderer.emit(name, fakeEvent({ sender: ipcRenderer }), { ids: ['1'] });
      expect(listener).toHaveBeenCalledExactlyOnceWith({ ids: ['1'] });
      unsubscribe();
      expect(ipcRenderer.listenerCount(name)).toBe(0);
      ipcRenderer.emit(name, fakeEvent(), { ids: ['2'] });
      expect(listener).toHaveBeenCalledTimes(1);
    }
  });

  it('refuses names that are not contract events', () => {
    for (const name of ['leads.create', 'evil', '', 'ELECTRON_BROWSER_WINDOW_ALERT']) {
      // A page can pass anything at run time; the types would stop this at compile time.
      expect(() => bridge.on(name as (typeof EVENT_NAMES)[number], () => {})).toThrow(TypeError);
      expect(ipcRenderer.listenerCount(name)).toBe(0);
    }
  });

  it('refuses a listener that is not a function', () => {
    expect(() => bridge.on('leads.changed', 'alert(1)' as unknown as () => void)).toThrow(TypeError);
  });
});

describe('what the preload bundle pulls in', () => {
  // The sandboxed preload can only require('electron'); anything else must be bundled, and
  // the zod schemas must stay out of it. Type-only imports vanish from the bundle.
  const runtimeImports = (file: string): string[] =>
    [...fs.readFileSync(new URL(file, import.meta.url), 'utf8').matchAll(/^import\s+(?!type\b)[^'"]*?from\s+'([^']+)'/gm)].map(
      (match) => match[1]!,
    );

  it('imports only electron and the channel names at run time', () => {
    expect(runtimeImports('../../electron/preload.ts').sort()).toEqual(['../shared/ipc/channels', 'electron']);
    expect(runtimeImports('../../shared/ipc/channels.ts')).toEqual([]);
  });
});
