import { describe, expect, it, vi } from 'vitest';
import { checkExternalUrl, isSafeExternalUrl, openExternalSafely } from '../../../electron/security/open-external';

describe('shell.openExternal gets validated https: and mailto: URLs only', () => {
  it.each([
    'https://acme.example/',
    'https://www.acme.example/products?id=7#top',
    'mailto:jane@acme.example',
    'mailto:jane@acme.example,joe@acme.example?subject=Nice%20to%20meet%20you&body=Hi%20Jane%2C%0D%0Aas%20promised',
    'mailto:jane@acme.example?cc=boss@acme.example',
  ])('opens %s', async (url) => {
    const open = vi.fn(async () => {});
    expect(await openExternalSafely(open, url)).toMatchObject({ ok: true });
    expect(open).toHaveBeenCalledOnce();
  });

  it.each([
    ['http://acme.example/', /scheme/],
    ['file:///etc/passwd', /scheme/],
    ['smb://share/x', /scheme/],
    ['ms-msdt:/id PCWDiagnostic', /control characters or spaces/],
    ['javascript:alert(1)', /scheme/],
    ['app://leadbooth/index.html', /scheme/],
    ['https://user:pass@acme.example/', /credentials/],
    ['https://acme.example/a\nb', /control/],
    ['https://acme.example/\u0000', /control/],
    [`https://acme.example/${'a'.repeat(3000)}`, /2,048/],
    ['', /empty/],
    ['mailto:', /not an email address/],
    ['mailto:not-an-address', /not an email address/],
    ['mailto:jane@acme.example?attach=/etc/passwd', /attach/],
    ['mailto:jane@acme.example?cc=evil', /cc/],
    // A cut-off percent escape made decodeURIComponent throw: an uncaught exception in the main process.
    ['mailto:%E0%A4%A', /percent/],
    ['mailto:jane%40acme.example%', /percent/],
    ['https://', /not a URL/],
  ])('refuses %s', async (url, reason) => {
    const open = vi.fn(async () => {});
    const check = await openExternalSafely(open, url);
    expect(check.ok).toBe(false);
    expect(check.ok ? '' : check.reason).toMatch(reason);
    expect(open).not.toHaveBeenCalled();
    expect(isSafeExternalUrl(url)).toBe(false);
  });

  it('hands over the normalised URL it checked', () => {
    expect(checkExternalUrl('https://ACME.example')).toEqual({ ok: true, url: 'https://acme.example/' });
  });
});
