// The only way main's sync reaches the network: a fetch that answers for the
// one database URL the user set and refuses every other address, and never
// follows a redirect (a server, or anyone between, could otherwise send the
// credentials on to another host).
export type Fetch = (url: string, opts?: RequestInit) => Promise<Response>;

export class RefusedAddressError extends Error {
  override name = 'RefusedAddressError';
}

/** True when `url` is `dbUrl` itself or a path below it, on the same origin. */
export function isInside(dbUrl: string, url: string): boolean {
  let target: URL;
  let base: URL;
  try {
    target = new URL(url);
    base = new URL(dbUrl);
  } catch {
    return false;
  }
  if (target.origin !== base.origin || target.username || target.password) return false;
  const root = base.pathname.replace(/\/$/, '');
  return target.pathname === root || target.pathname.startsWith(`${root}/`);
}

export function guardedFetch(dbUrl: string, fetch: Fetch): Fetch {
  return (url, opts) => {
    if (!isInside(dbUrl, url))
      return Promise.reject(new RefusedAddressError(`refused to contact ${url}: sync talks only to ${dbUrl}`));
    return fetch(url, { ...opts, redirect: 'error' });
  };
}
