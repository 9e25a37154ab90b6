// Moves the page's IndexedDB from the file:// origin (where versions before
// app:// kept it) to app://workbench, once, before the window opens. Plain
// Node (no Electron), tested on a fake folder tree.
//
// Chromium keeps each origin's IndexedDB in <profile>/IndexedDB/<id>.indexeddb.leveldb
// (+ <id>.indexeddb.blob for large values), where <id> is
// storage::GetIdentifierFromOrigin (storage/common/database/database_identifier.cc):
// "file__0" for every file:// page, otherwise scheme_host_port with port 0 when
// the URL has none, as for app://workbench. Electron's default session puts
// that IndexedDB folder straight in userData.
import { cpSync, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { APP_HOST, APP_SCHEME } from './app-origin';

/** storage::GetIdentifierFromOrigin for a host name (not an IPv6 literal) and port (0 = none). */
export function originIdentifier(scheme: string, host: string, port = 0): string {
  return `${scheme}_${host.toLowerCase()}_${port}`;
}

export const FILE_ORIGIN_ID = 'file__0';
export const APP_ORIGIN_ID = originIdentifier(APP_SCHEME, APP_HOST);
export const MIGRATION_MARKER = 'app-origin-migration.json';

export type MigrationOutcome = 'copied' | 'nothing-to-copy' | 'already-there' | 'done-before';

export interface MigrationOptions {
  now?: () => Date;
  /** The recursive copy; a test swaps in one that fails part way. */
  copyTree?: (from: string, to: string) => void;
}

const copyTreeWithNode = (from: string, to: string) =>
  cpSync(from, to, { recursive: true, errorOnExist: true, preserveTimestamps: true });

/** Copies `from` to `to` through a temporary name, so a half-done copy never looks finished. */
function copyFolder(from: string, to: string, copyTree: (from: string, to: string) => void): void {
  const temporary = `${to}.migrating`;
  rmSync(temporary, { recursive: true, force: true });
  rmSync(to, { recursive: true, force: true });
  try {
    copyTree(from, temporary);
    renameSync(temporary, to);
  } catch (error) {
    rmSync(temporary, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Runs once per profile (a marker file records it). The file:// copy is left
 * where it was, so an older version of the app still finds its data. Throws
 * when copying fails: no marker is written then, so the next start tries again.
 */
export function migrateFileOriginIndexedDb(
  userData: string,
  { now = () => new Date(), copyTree = copyTreeWithNode }: MigrationOptions = {},
): MigrationOutcome {
  const marker = path.join(userData, MIGRATION_MARKER);
  if (existsSync(marker)) return 'done-before';
  const folder = path.join(userData, 'IndexedDB');
  const from = (suffix: string) => path.join(folder, `${FILE_ORIGIN_ID}.indexeddb.${suffix}`);
  const to = (suffix: string) => path.join(folder, `${APP_ORIGIN_ID}.indexeddb.${suffix}`);
  let outcome: MigrationOutcome;
  if (existsSync(to('leveldb'))) outcome = 'already-there';
  else if (!existsSync(from('leveldb'))) outcome = 'nothing-to-copy';
  else {
    // The blob folder first: the leveldb folder appearing is what marks the copy complete.
    if (existsSync(from('blob'))) copyFolder(from('blob'), to('blob'), copyTree);
    copyFolder(from('leveldb'), to('leveldb'), copyTree);
    outcome = 'copied';
  }
  mkdirSync(userData, { recursive: true });
  writeFileSync(
    marker,
    `${JSON.stringify({ outcome, from: FILE_ORIGIN_ID, to: APP_ORIGIN_ID, at: now().toISOString() }, null, 2)}\n`,
  );
  return outcome;
}
