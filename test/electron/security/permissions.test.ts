import type { Session } from 'electron';
import { describe, expect, it } from 'vitest';
import { ALLOWED_PERMISSIONS, installPermissionPolicy, type PermissionSession } from '../../../electron/security/permissions';
import { APP_ORIGIN } from '../../../electron/security/trusted-origins';
import { FakeSession } from '../fake-electron';

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

function request(session: FakeSession, permission: string, requestingUrl: string): boolean {
  let granted: boolean | undefined;
  session.permissionRequestHandler!({}, permission, (answer: boolean) => (granted = answer), { requestingUrl, isMainFrame: true });
  if (granted === undefined) throw new Error('the request handler did not answer');
  return granted;
}

const check = (session: FakeSession, permission: string, origin: string) =>
  session.permissionCheckHandler!({}, permission, origin, { isMainFrame: true, requestingUrl: origin });

const PERMISSIONS = ['media', 'notifications', 'geolocation', 'clipboard-read', 'hid', 'usb', 'serial', 'openExternal', 'fullscreen', 'unknown'];

describe('default permission policy', () => {
  it('allows nothing yet', () => {
    expect(ALLOWED_PERMISSIONS).toEqual([]);
  });

  it('denies every permission request, even from our own origin', () => {
    const session = install();
    for (const permission of PERMISSIONS) {
      expect(request(session, permission, 'app://leadbooth/index.html'), permission).toBe(false);
      expect(request(session, permission, 'https://evil.example/'), permission).toBe(false);
    }
  });

  it('answers every permission check with "denied"', () => {
    const session = install();
    for (const permission of PERMISSIONS) {
      expect(check(session, permission, 'app://leadbooth'), permission).toBe(false);
      expect(check(session, permission, 'https://evil.example'), permission).toBe(false);
    }
  });

  it('grants no device (HID, USB, serial)', () => {
    const session = install();
    expect(session.devicePermissionHandler!({ deviceType: 'usb', origin: 'app://leadbooth' })).toBe(false);
  });
});

describe('an allow-listed permission (the future webcam)', () => {
  it('is granted to our origin only', () => {
    const session = install(['media']);
    expect(request(session, 'media', 'app://leadbooth/index.html')).toBe(true);
    expect(check(session, 'media', 'app://leadbooth')).toBe(true);
    expect(request(session, 'media', 'https://evil.example/')).toBe(false);
    expect(check(session, 'media', 'https://evil.example')).toBe(false);
    expect(request(session, 'geolocation', 'app://leadbooth/index.html')).toBe(false);
  });
});
