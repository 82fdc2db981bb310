import type { Session } from 'electron';
import { isCameraCheck, isCameraOnlyRequest } from './camera-permission';
import { isTrustedUrl } from '../trusted-origins';

/**
 * Web permissions (camera, microphone, notifications, geolocation, clipboard, HID, USB,
 * serial …) are denied unless named here AND asked for by our own origin. Electron's
 * default is to grant almost everything, so both the request and the check handler are
 * set: Chromium consults the check handler for synchronous queries
 * (navigator.permissions, enumerateDevices labels) and the request handler for prompts.
 */
type PermissionName = Parameters<NonNullable<Parameters<Session['setPermissionRequestHandler']>[0]>>[1];

/**
 * 'media' for the booth's webcam (card snapshots, badge QR codes): our origin only, and
 * video only (camera-permission.ts); the microphone stays denied.
 */
export const ALLOWED_PERMISSIONS: readonly PermissionName[] = ['media'];

export type PermissionSession = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'
>;

export interface PermissionPolicy {
  trustedOrigins: readonly string[];
  allowed?: readonly PermissionName[];
  log?: (message: string) => void;
}

export function installPermissionPolicy(session: PermissionSession, policy: PermissionPolicy): void {
  const allowed = policy.allowed ?? ALLOWED_PERMISSIONS;
  const log = policy.log ?? (() => {});
  const isAllowed = (permission: PermissionName, url: string | undefined): boolean =>
    allowed.includes(permission) && url !== undefined && isTrustedUrl(url, policy.trustedOrigins);

  session.setPermissionRequestHandler((_webContents, permission, callback, details) => {
    const granted =
      isAllowed(permission, details.requestingUrl) &&
      // 'media' is camera and microphone: the camera alone is granted.
      (permission !== 'media' || isCameraOnlyRequest(details as { mediaTypes?: Array<'video' | 'audio'> }));
    if (!granted) log(`Denied permission "${permission}" to ${details.requestingUrl}`);
    callback(granted);
  });
  session.setPermissionCheckHandler(
    (_webContents, permission, requestingOrigin, details) =>
      isAllowed(permission, requestingOrigin) && (permission !== 'media' || isCameraCheck(details)),
  );
  // WebHID / WebUSB / Web Serial device grants: a lead-capture app needs none.
  session.setDevicePermissionHandler(() => false);
}
