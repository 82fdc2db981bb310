import type { WebContents } from 'electron';
import { isSafeExternalUrl } from '../open-external';
import { isTrustedUrl } from '../trusted-origins';

/**
 * Keeps every web page of the app on our own origin.
 *
 * - Navigations and redirects (main frame and sub-frames) to any other origin are
 *   prevented. The UI is one page and never navigates away, so such an attempt is a bug
 *   or an attack; it is never forwarded to the system browser either, because a page can
 *   trigger it from script without the user doing anything.
 * - <webview> is refused outright (it is also disabled by `webviewTag: false`): we embed
 *   no guest pages, so "allow our own origin" would only add attack surface.
 * - window.open and target="_blank" never open an Electron window. A link the user opens
 *   that way (the website or email on a lead) goes to the system browser / mail client,
 *   but only for validated https: and mailto: URLs (open-external.ts): file:, smb:, custom app schemes and the
 *   like can launch programs through the OS, so they are dropped.
 */
export interface NavigationPolicy {
  trustedOrigins: readonly string[];
  /** shell.openExternal, passed in so the policy can be tested without Electron. */
  openExternal: (url: string) => Promise<void>;
  /** Where refusals are reported (console.warn in the app). */
  log?: (message: string) => void;
}


/** The subset of WebContents the guards use. */
export type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

export function installNavigationGuards(contents: GuardedContents, policy: NavigationPolicy): void {
  const log = policy.log ?? (() => {});
  const refuseForeign = (kind: string) => (details: { url: string; preventDefault(): void }) => {
    if (isTrustedUrl(details.url, policy.trustedOrigins)) return;
    details.preventDefault();
    log(`Blocked ${kind} to ${details.url}`);
  };

  contents.on('will-navigate', refuseForeign('navigation'));
  contents.on('will-frame-navigate', refuseForeign('frame navigation'));
  contents.on('will-redirect', refuseForeign('redirect'));
  contents.on('will-attach-webview', (event, _webPreferences, params) => {
    event.preventDefault();
    log(`Blocked a <webview> for ${params.src ?? '(no src)'}`);
  });
  contents.setWindowOpenHandler((details) => {
    if (isSafeExternalUrl(details.url)) {
      policy.openExternal(details.url).catch((error: unknown) => log(`Could not open ${details.url}: ${String(error)}`));
    } else {
      log(`Blocked a new window for ${details.url}`);
    }
    return { action: 'deny' };
  });
}
