import type { Session } from 'electron';
import { describe, expect, it } from 'vitest';
import { ALLOWED_PERMISSIONS, installPermissionPolicy, type PermissionSession } from '../../../../electron/security/window/permissions';
import { APP_ORIGIN } from '../../../../electron/security/trusted-origins';
import { FakeSession } from '../../fake-electron';

type AllowList = NonNullable<Parameters<typeof installPermissionPolicy>[1]['allowed']>;

function install(allowed?: AllowList): FakeSession {
  const session = new FakeSession();
  // The fake records the three handlers; it is not a full Session.
  installPermissionPolicy(session as unknown as PermissionSession & Session, {
    trustedOrigins: [APP_ORIGIN],
    ...(allowed && { allowed }),
  });
  return session;
}

function request(session: FakeSession, permission: string, requestingUrl: string, mediaTypes?: string[]): boolean {
  let granted: boolean | undefined;
  session.permissionRequestHandler!({}, permission, (answer: boolean) => (granted = answer), {
    requestingUrl,
    isMainFrame: true,
    ...(mediaTypes && { mediaTypes }),
  });
  if (granted === undefined) throw new Error('the request handler did not answer');
  return granted;
}

const check = (session: FakeSession, permission: string, origin: string, mediaType?: string) =>
  session.permissionCheckHandler!({}, permission, origin, { isMainFrame: true, requestingUrl: origin, ...(mediaType && { mediaType }) });

const PERMISSIONS = ['media', 'notifications', 'geolocation', 'clipboard-read', 'hid', 'usb', 'serial', 'openExternal', 'fullscreen', 'unknown'];

describe('default permission policy', () => {
  it('allows the camera only', () => {
    expect(ALLOWED_PERMISSIONS).toEqual(['media']);
  });

  it('grants the camera to our own page only, and never the microphone', () => {
    const session = install();
    expect(request(session, 'media', 'app://leadbooth/index.html', ['video'])).toBe(true);
    expect(check(session, 'media', 'app://leadbooth', 'video')).toBe(true);
    expect(request(session, 'media', 'app://leadbooth/index.html', ['video', 'audio'])).toBe(false);
    expect(request(session, 'media', 'app://leadbooth/index.html', ['audio'])).toBe(false);
    expect(request(session, 'media', 'app://leadbooth/index.html')).toBe(false); // says not what it wants
    expect(check(session, 'media', 'app://leadbooth', 'audio')).toBe(false);
    expect(check(session, 'media', 'app://leadbooth')).toBe(false);
    expect(request(session, 'media', 'https://evil.example/', ['video'])).toBe(false);
    expect(check(session, 'media', 'https://evil.example', 'video')).toBe(false);
    expect(request(session, 'media', 'http://127.0.0.1:5173/', ['video'])).toBe(false);
  });

  it('denies every other permission request, even from our own origin', () => {
    const session = install();
    for (const permission of PERMISSIONS.filter((name) => name !== 'media')) {
      expect(request(session, permission, 'app://leadbooth/index.html', ['video']), permission).toBe(false);
      expect(request(session, permission, 'https://evil.example/'), permission).toBe(false);
    }
  });

  it('answers every other permission check with "denied"', () => {
    const session = install();
    for (const permission of PERMISSIONS.filter((name) => name !== 'media')) {
      expect(check(session, permission, 'app://leadbooth', 'video'), permission).toBe(false);
      expect(check(session, permission, 'https://evil.example'), permission).toBe(false);
    }
  });

  it('grants no device (HID, USB, serial)', () => {
    const session = install();
    expect(session.devicePermissionHandler!({ deviceType: 'usb', origin: 'app://leadbooth' })).toBe(false);
  });
});

describe('an allow-list given by the caller', () => {
  it('is granted to our origin only', () => {
    const session = install(['notifications']);
    expect(request(session, 'notifications', 'app://leadbooth/index.html')).toBe(true);
    expect(check(session, 'notifications', 'app://leadbooth')).toBe(true);
    expect(request(session, 'media', 'app://leadbooth/index.html', ['video'])).toBe(false);
    expect(request(session, 'notifications', 'https://evil.example/')).toBe(false);
    expect(check(session, 'notifications', 'https://evil.example')).toBe(false);
    expect(request(session, 'geolocation', 'app://leadbooth/index.html')).toBe(false);
  });
});
