// A replication error, said in words a researcher can act on, and whether it
// means "offline" (the server could not be reached: try again later) or a
// real error (wrong password, no such database) that waiting will not fix.
export interface ErrorInWords {
  offline: boolean;
  message: string;
}

// node-fetch's words for a connection cut in the middle of an answer ("Invalid response body while
// trying to fetch …: Premature close") are a lost connection too, as a server killed mid-request gives.
const NETWORK =
  /ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|EPIPE|socket hang up|fetch failed|network|Failed to fetch|Premature close|Invalid response body/i;

export function describeSyncError(error: unknown, server: string): ErrorInWords {
  const e = (error ?? {}) as { status?: number; name?: string; message?: string; reason?: string; code?: string };
  const text = [e.code, e.name, e.message, e.reason].filter(Boolean).join(' ');
  if (e.name === 'RefusedAddressError') return { offline: false, message: e.message ?? 'refused an address' };
  if (e.status === 401) return { offline: false, message: `${server} refused the user name or password` };
  if (e.status === 403) return { offline: false, message: `${server}: this user may not read or write the database` };
  if (e.status === 404)
    return { offline: false, message: `${server}: no such database, and this user may not create it` };
  if (NETWORK.test(text) || e.status === 0 || e.status === 502 || e.status === 503 || e.status === 504)
    return { offline: true, message: `cannot reach ${server}; will try again` };
  return { offline: false, message: `${server}: ${e.reason ?? e.message ?? 'sync failed'}` };
}
