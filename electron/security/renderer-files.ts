import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * Reads a file of the built renderer (out/renderer) for the app:// protocol. Pure Node,
 * no `electron`, so it is tested directly (and the browser-mode host could share it).
 */

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

/** Unknown types are sent as bytes: with `nosniff` the browser will not run them as script. */
function contentTypeFor(filePath: string): string {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

export type RendererFile =
  | { ok: true; body: Buffer; contentType: string }
  | { ok: false; status: 400 | 404; reason: string };

/**
 * `pathname` is the URL's path, still percent-encoded. Anything that would leave the root
 * (`..`, encoded slashes or dots, absolute or drive paths, a symlink pointing outside) is
 * answered as missing, the same as a file that is not there: a probe learns nothing.
 */
export async function readRendererFile(root: string, pathname: string): Promise<RendererFile> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { ok: false, status: 400, reason: 'malformed percent-encoding' };
  }
  if (decoded.includes('\0')) return { ok: false, status: 400, reason: 'NUL in path' };

  const relative = decoded === '' || decoded === '/' ? 'index.html' : decoded.replace(/^[/\\]+/, '');
  let realRoot: string;
  try {
    realRoot = await fs.realpath(root);
  } catch {
    return { ok: false, status: 404, reason: 'the renderer is not built' };
  }
  const candidate = path.resolve(realRoot, relative);
  if (!isInside(realRoot, candidate)) return { ok: false, status: 404, reason: 'outside the renderer folder' };

  try {
    // Resolve links too: a symlink inside out/renderer must not serve a file from elsewhere.
    const real = await fs.realpath(candidate);
    if (!isInside(realRoot, real)) return { ok: false, status: 404, reason: 'links outside the renderer folder' };
    const stat = await fs.stat(real);
    if (!stat.isFile()) return { ok: false, status: 404, reason: 'not a file' };
    return { ok: true, body: await fs.readFile(real), contentType: contentTypeFor(real) };
  } catch {
    return { ok: false, status: 404, reason: 'no such file' };
  }
}

/** True when `target` is strictly below `root` (both absolute and resolved). */
function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}
