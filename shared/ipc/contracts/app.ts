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
};
