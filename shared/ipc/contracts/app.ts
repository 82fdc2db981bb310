import { z } from 'zod';
import { channel, noInput } from '../channel';

export interface AppInfo {
  version: string;
  /** Where the database file lives. */
  dataPath: string;
  /** 'electron' in the desktop window, 'browser' when served by the loopback host. */
  mode: 'electron' | 'browser';
}

/** What the app is and where its data is. */
export const appChannels = {
  'app.info': channel<AppInfo>()(noInput),
  /**
   * Opens a mailto: or https: address in the system's mail client or browser (Electron; in
   * browser mode the page opens it itself and this answers opened: false).
   */
  'app.openExternal': channel<{ opened: boolean }>()(z.object({ url: z.string().max(100_000) }).strict()),
};
