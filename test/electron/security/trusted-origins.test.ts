import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, APP_ORIGIN, isTrustedUrl, originOf, resolveRendererLocation } from '../../../electron/security/trusted-origins';

describe('originOf', () => {
  it('gives scheme://host[:port] for our scheme and for http', () => {
    expect(originOf('app://leadbooth/index.html?x#y')).toBe('app://leadbooth');
    expect(originOf('app://LeadBooth/x')).toBe('app://leadbooth');
    expect(originOf('http://localhost:5173/src/main.tsx')).toBe('http://localhost:5173');
    expect(originOf('https://evil.example:443/')).toBe('https://evil.example');
  });

  it('is null for URLs without a host', () => {
    for (const url of ['about:blank', 'data:text/html,x', 'javascript:alert(1)', 'file:///etc/passwd', 'garbage', '']) {
      expect(originOf(url), url).toBeNull();
    }
  });
});

describe('isTrustedUrl', () => {
  it('matches the whole origin, not a prefix', () => {
    expect(isTrustedUrl('app://leadbooth/index.html', [APP_ORIGIN])).toBe(true);
    expect(isTrustedUrl('app://user@leadbooth/index.html', [APP_ORIGIN])).toBe(true);
    expect(isTrustedUrl('app://leadbooth.evil/index.html', [APP_ORIGIN])).toBe(false);
    expect(isTrustedUrl('app://leadboot/index.html', [APP_ORIGIN])).toBe(false);
    expect(isTrustedUrl('https://leadbooth/index.html', [APP_ORIGIN])).toBe(false);
  });
});

describe('resolveRendererLocation', () => {
  it('loads the packaged renderer by default', () => {
    expect(resolveRendererLocation({ isPackaged: false, devServerUrl: undefined })).toEqual({
      entryUrl: APP_ENTRY_URL,
      trustedOrigins: [APP_ORIGIN],
    });
    expect(APP_ENTRY_URL).toBe('app://leadbooth/index.html');
  });

  it('uses a loopback dev server in an unpackaged run and trusts its origin', () => {
    expect(resolveRendererLocation({ isPackaged: false, devServerUrl: 'http://localhost:5173/' })).toEqual({
      entryUrl: 'http://localhost:5173/',
      trustedOrigins: [APP_ORIGIN, 'http://localhost:5173'],
    });
  });

  it('ignores the dev server URL in a packaged app or when it is not loopback', () => {
    for (const [isPackaged, devServerUrl] of [
      [true, 'http://localhost:5173/'],
      [false, 'https://evil.example/'],
      [false, 'http://localhost.evil.example:5173/'],
      [false, 'file:///tmp/index.html'],
      [false, 'not a url'],
    ] as const) {
      const location = resolveRendererLocation({ isPackaged, devServerUrl });
      expect(location.entryUrl, devServerUrl).toBe(APP_ENTRY_URL);
      expect(location.trustedOrigins, devServerUrl).toEqual([APP_ORIGIN]);
      expect(location.refusedDevServerUrl, devServerUrl).toBe(devServerUrl);
    }
  });
});
