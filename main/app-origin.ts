// The app's one origin, app://workbench, in production and in development.
// The renderer is served from this custom privileged scheme (main/app-protocol.ts)
// rather than file://, so the CSP's 'self' means the app's own files only (on
// file:// it would mean every local file), and IndexedDB lives under one fixed
// origin whatever the dev server's port. Plain data, no Electron: tested in Node.

export const APP_SCHEME = 'app';
export const APP_HOST = 'workbench';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/**
 * True when `url` is on our origin: scheme, host, no port, no user info, all
 * compared whole (a prefix match would let app://workbench.evil or
 * app://workbench@evil through). Node's URL gives "null" as the origin of a
 * scheme it does not know, so the parts are compared, not `origin`; and it keeps
 * such a host's case, where Chromium (for a standard scheme) lowers it.
 */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname.toLowerCase() === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}
