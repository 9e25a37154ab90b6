// What app://workbench/<path> answers, as plain Node (no Electron): a file
// under the renderer build folder and nothing else. Refused: other origins,
// `..` or `.` segments (also percent-encoded), encoded slashes or NUL, and
// any path whose real location (after symlinks) leaves the folder.
// main/app-protocol.ts wraps this in Electron's protocol.handle.
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { isAppUrl } from './app-origin';

export type AppFileAnswer =
  { status: 200; body: Buffer; mimeType: string } | { status: 400 | 403 | 404; reason: string };

/** MIME types of what a Vite build writes; anything else is served as opaque bytes. */
const MIME_TYPES: ReadonlyMap<string, string> = new Map([
  ['.html', 'text/html; charset=utf-8'],
  ['.js', 'text/javascript; charset=utf-8'],
  ['.mjs', 'text/javascript; charset=utf-8'],
  ['.css', 'text/css; charset=utf-8'],
  ['.json', 'application/json; charset=utf-8'],
  ['.map', 'application/json; charset=utf-8'],
  ['.txt', 'text/plain; charset=utf-8'],
  ['.svg', 'image/svg+xml'],
  ['.png', 'image/png'],
  ['.jpg', 'image/jpeg'],
  ['.jpeg', 'image/jpeg'],
  ['.gif', 'image/gif'],
  ['.webp', 'image/webp'],
  ['.ico', 'image/x-icon'],
  ['.woff', 'font/woff'],
  ['.woff2', 'font/woff2'],
  ['.ttf', 'font/ttf'],
  ['.wasm', 'application/wasm'],
]);

export function mimeTypeOf(file: string): string {
  return MIME_TYPES.get(path.extname(file).toLowerCase()) ?? 'application/octet-stream';
}

export type RequestPath = { ok: true; segments: string[] } | { ok: false; status: 400 | 403; reason: string };

/** The decoded path segments of an app:// URL, or why it is refused. `/` means index.html. */
export function requestPath(url: string): RequestPath {
  if (!isAppUrl(url)) return { ok: false, status: 403, reason: 'not the app origin' };
  const raw = new URL(url).pathname.split('/').filter((s) => s !== '');
  const segments: string[] = [];
  for (const part of raw) {
    let segment: string;
    try {
      segment = decodeURIComponent(part);
    } catch {
      return { ok: false, status: 400, reason: 'malformed escape in path' };
    }
    // Decoded only now, so %2e%2e and %2f are caught here, not by the URL parser.
    if (segment === '.' || segment === '..' || /[/\\\0]/.test(segment))
      return { ok: false, status: 403, reason: 'path leaves the app folder' };
    segments.push(segment);
  }
  return { ok: true, segments: segments.length === 0 ? ['index.html'] : segments };
}

function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/** Reads the file an app:// URL names under `rootDir`, after every check. */
export async function readAppFile(rootDir: string, url: string): Promise<AppFileAnswer> {
  const request = requestPath(url);
  if (!request.ok) return { status: request.status, reason: request.reason };
  const root = path.resolve(rootDir);
  const candidate = path.join(root, ...request.segments);
  if (!isInside(root, candidate)) return { status: 403, reason: 'path leaves the app folder' };
  let real: string;
  try {
    real = await realpath(candidate);
    // The folder itself may be a symlink (a package manager's store); what counts is where files end up.
    if (!isInside(await realpath(root), real)) return { status: 403, reason: 'symlink leaves the app folder' };
    if (!(await stat(real)).isFile()) return { status: 404, reason: 'not a file' };
    return { status: 200, body: await readFile(real), mimeType: mimeTypeOf(real) };
  } catch {
    return { status: 404, reason: 'no such file' };
  }
}

/**
 * In development the same app:// URL is fetched from the Vite dev server, so
 * the page's origin (and its IndexedDB) stays app://workbench whatever port
 * Vite picked. Returns the dev-server URL, or undefined when refused.
 */
export function devServerTarget(url: string, devServerUrl: string): string | undefined {
  const request = requestPath(url);
  if (!request.ok) return undefined;
  const parsed = new URL(url);
  const target = new URL(devServerUrl);
  target.pathname = parsed.pathname;
  target.search = parsed.search;
  return target.href;
}
