// The sync settings on disk, <dataDir>/sync/settings.json: server, database,
// user name and the password sealed by the SecretBox (base64 of the sealed
// bytes, never the password). Written to a temporary file and renamed, so a
// crash never leaves half a file.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SyncConfigureInput, SyncSettingsView } from '../../../core/sync/sync-shapes';
import type { SecretBox } from './secret-box';

export interface StoredSyncConfig {
  url: string;
  database: string;
  username: string;
  /** base64 of SecretBox.encrypt(password). */
  sealedPassword?: string;
  enabled: boolean;
}

export const EMPTY_CONFIG: StoredSyncConfig = { url: '', database: '', username: '', enabled: false };

const file = (dir: string) => path.join(dir, 'settings.json');

export async function readSyncConfig(dir: string): Promise<StoredSyncConfig> {
  try {
    const raw = JSON.parse(await readFile(file(dir), 'utf8')) as Partial<StoredSyncConfig>;
    return {
      url: typeof raw.url === 'string' ? raw.url : '',
      database: typeof raw.database === 'string' ? raw.database : '',
      username: typeof raw.username === 'string' ? raw.username : '',
      ...(typeof raw.sealedPassword === 'string' ? { sealedPassword: raw.sealedPassword } : {}),
      enabled: raw.enabled === true,
    };
  } catch {
    return { ...EMPTY_CONFIG };
  }
}

export async function writeSyncConfig(dir: string, config: StoredSyncConfig): Promise<void> {
  await mkdir(dir, { recursive: true });
  const temp = `${file(dir)}.tmp`;
  await writeFile(temp, JSON.stringify(config, null, 2), { mode: 0o600 });
  await rename(temp, file(dir));
}

/**
 * The server URL as main will use it, or why not: http or https only, no user
 * name or password inside it (they go in their own fields, and a URL is shown
 * on screen), no query or fragment. The database name is CouchDB's rule.
 */
export function checkServer(
  url: string,
  database: string,
): { ok: true; dbUrl: string } | { ok: false; message: string } {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return { ok: false, message: `“${url}” is not a web address (for example http://127.0.0.1:5984)` };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    return { ok: false, message: `the server address must start with http:// or https://, not ${parsed.protocol}//` };
  if (parsed.username || parsed.password)
    return { ok: false, message: 'put the user name and password in their own fields, not in the address' };
  if (parsed.search || parsed.hash) return { ok: false, message: 'the server address may not have a ? or # part' };
  if (!/^[a-z][a-z0-9_$()+/-]*$/.test(database))
    return {
      ok: false,
      message: `“${database}” is not a CouchDB database name (lower-case letters, digits and _$()+-/, starting with a letter)`,
    };
  const base = parsed.href.endsWith('/') ? parsed.href : `${parsed.href}/`;
  return { ok: true, dbUrl: `${base}${encodeURIComponent(database)}` };
}

export function viewOf(config: StoredSyncConfig, secrets: SecretBox): SyncSettingsView {
  return {
    url: config.url,
    database: config.database,
    username: config.username,
    hasPassword: config.sealedPassword !== undefined,
    enabled: config.enabled,
    canKeepPassword: secrets.available(),
  };
}

/** The next stored config from the dialog's input; throws a message fit to show when the password cannot be sealed. */
export function nextConfig(old: StoredSyncConfig, input: SyncConfigureInput, secrets: SecretBox): StoredSyncConfig {
  const next: StoredSyncConfig = {
    url: input.url.trim(),
    database: input.database.trim(),
    username: input.username,
    enabled: input.enabled,
  };
  const sameServer = next.url === old.url && next.username === old.username;
  if (input.password === undefined) {
    // A kept password goes only to the server and user it was typed for.
    if (old.sealedPassword && sameServer) next.sealedPassword = old.sealedPassword;
  } else if (input.password !== '') {
    if (!secrets.available())
      throw new Error('this system offers no encrypted storage, so the password cannot be kept; sync without one');
    next.sealedPassword = Buffer.from(secrets.encrypt(input.password)).toString('base64');
  }
  return next;
}

export function passwordOf(config: StoredSyncConfig, secrets: SecretBox): string | undefined {
  if (!config.sealedPassword) return undefined;
  return secrets.decrypt(Buffer.from(config.sealedPassword, 'base64'));
}
