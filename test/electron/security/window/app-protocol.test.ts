import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APP_SCHEME_DEFINITION,
  createAppProtocolHandler,
  registerAppScheme,
  serveAppProtocol,
} from '../../../../electron/security/window/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../../../electron/security/content-security-policy';
import { readRendererFile } from '../../../../electron/security/renderer-files';

const SECRET = 'TOP-SECRET-OUTSIDE-THE-RENDERER';
let base: string;
let root: string;
let handle: (request: Request) => Promise<Response>;

beforeAll(() => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'leadbooth-protocol-'));
  root = path.join(base, 'renderer');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>LeadBooth</title>');
  fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log("app")');
  fs.writeFileSync(path.join(root, 'assets', 'app.css'), 'body{}');
  fs.writeFileSync(path.join(root, 'assets', 'logo.svg'), '<svg/>');
  fs.writeFileSync(path.join(root, 'assets', 'core.wasm'), Buffer.from([0, 97, 115, 109]));
  fs.writeFileSync(path.join(root, 'assets', 'blob.xyz'), 'bytes');
  fs.writeFileSync(path.join(base, 'secret.txt'), SECRET);
  fs.symlinkSync(path.join(base, 'secret.txt'), path.join(root, 'assets', 'link.txt'));
  handle = createAppProtocolHandler(root);
});
afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => handle(new Request(url, { method }));

describe('scheme registration', () => {
  it('registers app: as standard, secure and fetch-capable, and nothing more', () => {
    const calls: unknown[] = [];
    registerAppScheme({ registerSchemesAsPrivileged: (schemes) => calls.push(schemes) });
    expect(calls).toEqual([[{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]]);
    expect(APP_SCHEME_DEFINITION.privileges).not.toHaveProperty('bypassCSP');
  });

  it('handles the app scheme with the renderer handler', async () => {
    const handlers = new Map<string, (request: Request) => Response | Promise<Response>>();
    serveAppProtocol({ handle: (scheme, handler) => handlers.set(scheme, handler) }, root);
    expect([...handlers.keys()]).toEqual(['app']);
    const response = await handlers.get('app')!(new Request('app://leadbooth/index.html'));
    expect(response.status).toBe(200);
  });
});

describe('serving the renderer', () => {
  it('serves index.html for the entry URL and for /, with the CSP header', async () => {
    for (const url of ['app://leadbooth/index.html', 'app://leadbooth/']) {
      const response = await get(url);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await response.text()).toContain('<title>LeadBooth</title>');
    }
  });

  it('sends the right MIME type for each asset', async () => {
    const expected: Record<string, string> = {
      'assets/app.js': 'text/javascript; charset=utf-8',
      'assets/app.css': 'text/css; charset=utf-8',
      'assets/logo.svg': 'image/svg+xml',
      'assets/core.wasm': 'application/wasm',
      'assets/blob.xyz': 'application/octet-stream',
    };
    for (const [file, type] of Object.entries(expected)) {
      const response = await get(`app://leadbooth/${file}`);
      expect(response.status, file).toBe(200);
      expect(response.headers.get('content-type'), file).toBe(type);
    }
  });

  it('the CSP is the agreed strict policy', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; " +
        "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
  });

  it('answers HEAD without a body', async () => {
    const response = await get('app://leadbooth/index.html', 'HEAD');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it('refuses other methods, with the CSP header still set', async () => {
    const response = await get('app://leadbooth/index.html', 'POST');
    expect(response.status).toBe(405);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('answers 404 (with the CSP header) for a missing file, a folder, or another host', async () => {
    for (const url of ['app://leadbooth/nope.js', 'app://leadbooth/assets', 'app://leadbooth/assets/', 'app://evil/index.html']) {
      const response = await get(url);
      expect(response.status, url).toBe(404);
      expect(response.headers.get('content-security-policy'), url).toBe(CONTENT_SECURITY_POLICY);
    }
  });
});

describe('path traversal', () => {
  const attempts = [
    'app://leadbooth/../secret.txt',
    'app://leadbooth/%2e%2e/secret.txt',
    'app://leadbooth/..%2fsecret.txt',
    'app://leadbooth/assets/..%2f..%2fsecret.txt',
    'app://leadbooth/%2e%2e%2fsecret.txt',
    'app://leadbooth/..%5csecret.txt',
    // An absolute path, percent-encoded: must not be taken as one.
    `app://leadbooth/${encodeURIComponent(path.join(os.tmpdir(), 'leadbooth-protocol-x', '..', 'secret.txt'))}`,
    'app://leadbooth/%2Fetc%2Fpasswd',
    'app://leadbooth//etc/passwd',
    'app://leadbooth/assets/link.txt',
    'app://leadbooth/index.html%00.js',
    'app://leadbooth/%E0%A4%A',
  ];

  it.each(attempts)('%s is refused and reveals nothing', async (url) => {
    if (url.includes('leadbooth-protocol-x')) url = `app://leadbooth/${encodeURIComponent(path.join(base, 'secret.txt'))}`;
    const response = await get(url);
    expect([400, 404]).toContain(response.status);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    const body = await response.text();
    expect(body).not.toContain(SECRET);
    expect(body).not.toContain('root:');
  });

  it('refuses raw ../ paths even when the URL parser did not normalise them', async () => {
    for (const raw of ['/../secret.txt', '/assets/../../secret.txt', '..', '/..']) {
      const result = await readRendererFile(root, raw);
      expect(result.ok, raw).toBe(false);
    }
  });

  it('still serves a file whose name merely starts with two dots', async () => {
    fs.writeFileSync(path.join(root, '..dots.txt'), 'fine');
    const response = await get('app://leadbooth/..dots.txt');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('fine');
  });
});
