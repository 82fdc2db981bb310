import type { WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { installNavigationGuards } from '../../../../electron/security/window/navigation-guards';
import { isSafeExternalUrl } from '../../../../electron/security/open-external';
import { APP_ORIGIN } from '../../../../electron/security/trusted-origins';
import { FakeWebContents, fakeEvent } from '../../fake-electron';

let contents: FakeWebContents;
const openExternal = vi.fn((_url: string) => Promise.resolve());

beforeEach(() => {
  contents = new FakeWebContents();
  openExternal.mockClear();
  // The fake implements only what the guards use; Electron's WebContents has hundreds of members.
  installNavigationGuards(contents as unknown as WebContents, { trustedOrigins: [APP_ORIGIN, 'http://localhost:5173'], openExternal });
});

function attempt(event: 'will-navigate' | 'will-frame-navigate' | 'will-redirect', url: string): boolean {
  const details = fakeEvent({ url });
  contents.emit(event, details, url);
  return details.defaultPrevented();
}

describe.each(['will-navigate', 'will-frame-navigate', 'will-redirect'] as const)('%s', (event) => {
  it('lets our own pages through', () => {
    expect(attempt(event, 'app://leadbooth/index.html')).toBe(false);
    expect(attempt(event, 'app://leadbooth/index.html#/leads/1')).toBe(false);
    expect(attempt(event, 'http://localhost:5173/')).toBe(false);
  });

  it('prevents every other origin, without opening it elsewhere', () => {
    for (const url of [
      'https://evil.example/',
      'http://localhost:5174/',
      'app://leadbooth.evil/index.html',
      'app://other/index.html',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'http://acme.example/',
      'data:text/html,<script>1</script>',
      'about:blank',
      'not a url',
    ]) {
      expect(attempt(event, url), url).toBe(true);
    }
    expect(openExternal).not.toHaveBeenCalled();
  });
});

describe('webviews', () => {
  it('refuses to attach any <webview>, even one pointing at our origin', () => {
    const event = fakeEvent();
    contents.emit('will-attach-webview', event, {}, { src: 'app://leadbooth/index.html' });
    expect(event.defaultPrevented()).toBe(true);
  });
});

describe('window.open and target=_blank', () => {
  const open = (url: string) => contents.windowOpenHandler!({ url });

  it('never opens an Electron window', () => {
    for (const url of ['app://leadbooth/index.html', 'https://example.com/', 'file:///etc/passwd', 'about:blank']) {
      expect(open(url)).toEqual({ action: 'deny' });
    }
  });

  it('hands https and mailto links to the operating system, and not plain http', () => {
    open('https://acme.example/products');
    open('http://acme.example/');
    open('mailto:jane@acme.example');
    expect(openExternal.mock.calls.map(([url]) => url)).toEqual(['https://acme.example/products', 'mailto:jane@acme.example']);
  });

  it('drops every other scheme and suspicious links', () => {
    for (const url of [
      'file:///C:/Windows/System32/calc.exe',
      'smb://share/x',
      'ms-msdt:/id PCWDiagnostic',
      'javascript:alert(1)',
      'http://acme.example/',
      'app://leadbooth/index.html',
      'https://user:pass@acme.example/',
      `https://acme.example/${'a'.repeat(3000)}`,
      '',
    ]) {
      expect(isSafeExternalUrl(url), url).toBe(false);
      open(url);
    }
    expect(openExternal).not.toHaveBeenCalled();
  });
});
