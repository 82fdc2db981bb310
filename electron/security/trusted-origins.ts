/**
 * Which pages count as "our renderer": the only ones allowed to navigate, call IPC and
 * (later) ask for permissions. Everything else is foreign, whatever it claims to be.
 *
 * Pure (no `electron` import) so it can be shared by the protocol handler, the guards,
 * the IPC wrapper and their tests.
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'leadbooth';
/** The packaged renderer's origin; `app` is registered as a standard, secure scheme. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Hosts a development server may listen on: never a name that DNS could point elsewhere. */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * `scheme://host[:port]`, lower-cased, or null when the URL has no host (about:blank,
 * data:, file: without host, garbage). Computed by hand because Node's URL reports the
 * origin of a custom scheme such as app:// as "null", unlike Chromium for a standard scheme.
 */
export function originOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (!parsed.host) return null;
  return `${parsed.protocol}//${parsed.host}`.toLowerCase();
}

export function isTrustedUrl(url: string, trustedOrigins: readonly string[]): boolean {
  const origin = originOf(url);
  return origin !== null && trustedOrigins.includes(origin);
}

export interface RendererLocation {
  /** What the window loads. */
  entryUrl: string;
  /** Origins our own renderer is served from. */
  trustedOrigins: readonly string[];
  /** Set when a dev-server URL was given but refused (say why in the log). */
  refusedDevServerUrl?: string;
}

/**
 * The packaged app always loads app://leadbooth/index.html. `electron-vite dev` passes
 * ELECTRON_RENDERER_URL (http://localhost:5173/ …): it is honoured only in an unpackaged
 * run and only on loopback over http(s), so an environment variable can never point an
 * installed app, or a development one, at a remote page that would then be trusted.
 */
export function resolveRendererLocation(options: { isPackaged: boolean; devServerUrl: string | undefined }): RendererLocation {
  const packaged: RendererLocation = { entryUrl: APP_ENTRY_URL, trustedOrigins: [APP_ORIGIN] };
  const devServerUrl = options.devServerUrl?.trim();
  if (!devServerUrl) return packaged;
  if (options.isPackaged || !isLoopbackHttpUrl(devServerUrl)) return { ...packaged, refusedDevServerUrl: devServerUrl };
  const devOrigin = originOf(devServerUrl);
  if (devOrigin === null) return { ...packaged, refusedDevServerUrl: devServerUrl };
  return { entryUrl: devServerUrl, trustedOrigins: [APP_ORIGIN, devOrigin] };
}

function isLoopbackHttpUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && LOOPBACK_HOSTS.has(parsed.hostname.toLowerCase());
  } catch {
    return false;
  }
}

/**
 * The Host names browser mode answers to: the loopback address it listens on and
 * `localhost`, both at its port. A page opened at either is same-origin with the API it
 * calls there (the Origin it sends is `http://` + that Host); any other name is refused, so
 * a DNS-rebound name can never reach the API.
 */
export function loopbackHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}
