import os from 'node:os';
import path from 'node:path';

const PRODUCT_NAME = 'LeadBooth';
const DATABASE_FILE_NAME = 'leadbooth.db';

/**
 * The app's data folder, the same one Electron's app.getPath('userData') gives for our
 * product name, computed without Electron so the CLI and browser mode agree with the window.
 * LEADBOOTH_DATA_DIR overrides it (tests, a second profile, a USB stick).
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.LEADBOOTH_DATA_DIR) return path.resolve(env.LEADBOOTH_DATA_DIR);
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), PRODUCT_NAME);
}

export function defaultDatabasePath(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(defaultDataDir(env), DATABASE_FILE_NAME);
}
