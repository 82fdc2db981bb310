import type { CustomScheme, Protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../content-security-policy';
import { readRendererFile } from '../renderer-files';
import { APP_HOST, APP_SCHEME } from '../trusted-origins';

/**
 * The renderer is served from app://leadbooth/, never file://: a file:// page can read
 * any file the user can, and every file:// URL shares one origin. `standard` gives the
 * scheme real origins and relative URLs, `secure` makes it a secure context (needed for
 * the webcam later), `supportFetchAPI` lets the page fetch its own assets. No CSP bypass,
 * no service workers, no CORS.
 */
export const APP_SCHEME_DEFINITION: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

/** Must run before the app's `ready` event (Electron refuses later). */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_DEFINITION]);
}

/** Serves the built renderer on the default session; call once the app is ready. */
export function serveAppProtocol(protocol: Pick<Protocol, 'handle'>, rendererRoot: string): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererRoot));
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  // Built files change only with a new build: revalidate rather than serve a stale bundle.
  'Cache-Control': 'no-cache',
} as const;

/**
 * Answers app:// requests from `rendererRoot` only. Every response, errors included,
 * carries the Content-Security-Policy, so no document of ours ever runs without it.
 */
export function createAppProtocolHandler(rendererRoot: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return textResponse(405, 'Method not allowed.', { Allow: 'GET, HEAD' });
    }
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return textResponse(400, 'Bad request.');
    }
    // Only our one host: app://anything-else/ is not ours to serve.
    if (url.hostname.toLowerCase() !== APP_HOST) return textResponse(404, 'Not found.');

    const file = await readRendererFile(rendererRoot, url.pathname);
    if (!file.ok) return textResponse(file.status, file.status === 400 ? 'Bad request.' : 'Not found.');
    const headers = { ...SECURITY_HEADERS, 'Content-Type': file.contentType, 'Content-Length': String(file.body.byteLength) };
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(file.body), { status: 200, headers });
  };
}

function textResponse(status: number, message: string, extraHeaders: Record<string, string> = {}): Response {
  return new Response(message, {
    status,
    headers: { ...SECURITY_HEADERS, ...extraHeaders, 'Content-Type': 'text/plain; charset=utf-8' },
  });
}
