// The one-time move of IndexedDB from file:// to app://workbench
// (main/indexeddb-migration.ts), on a fake userData tree. What this proves:
// the right folders are copied once, under the names computed by the rule
// Chromium's storage/common/database/database_identifier.cc gives, and the old
// data stays. What it cannot prove here (no Electron binary): that Electron
// 45 then opens the copied LevelDB as app://workbench's database; the
// Electron suite checks that where a binary exists.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  APP_ORIGIN_ID,
  FILE_ORIGIN_ID,
  MIGRATION_MARKER,
  migrateFileOriginIndexedDb,
  originIdentifier,
} from '../../main/indexeddb-migration';

let userData: string;
const idb = (...parts: string[]) => path.join(userData, 'IndexedDB', ...parts);

function fileOriginData(): void {
  mkdirSync(idb('file__0.indexeddb.leveldb'), { recursive: true });
  writeFileSync(idb('file__0.indexeddb.leveldb', '000003.log'), 'spans');
  writeFileSync(idb('file__0.indexeddb.leveldb', 'CURRENT'), 'MANIFEST-000001\n');
  mkdirSync(idb('file__0.indexeddb.blob', '1', '00'), { recursive: true });
  writeFileSync(idb('file__0.indexeddb.blob', '1', '00', '1'), 'big value');
}

beforeEach(() => {
  userData = mkdtempSync(path.join(tmpdir(), 'idb-migration-'));
});
afterEach(() => rmSync(userData, { recursive: true, force: true }));

describe('origin identifiers (database_identifier.cc)', () => {
  it('names file:// "file__0" and app://workbench "app_workbench_0" (no port: 0)', () => {
    expect(FILE_ORIGIN_ID).toBe('file__0');
    expect(APP_ORIGIN_ID).toBe('app_workbench_0');
    expect(originIdentifier('http', '127.0.0.1', 5173)).toBe('http_127.0.0.1_5173');
    expect(originIdentifier('app', 'WorkBench')).toBe('app_workbench_0');
  });
});

describe('migrateFileOriginIndexedDb', () => {
  it('copies the file:// database and its blobs to the app origin, and leaves the old ones', () => {
    fileOriginData();
    expect(migrateFileOriginIndexedDb(userData)).toBe('copied');
    expect(readFileSync(idb('app_workbench_0.indexeddb.leveldb', '000003.log'), 'utf8')).toBe('spans');
    expect(readFileSync(idb('app_workbench_0.indexeddb.leveldb', 'CURRENT'), 'utf8')).toBe('MANIFEST-000001\n');
    expect(readFileSync(idb('app_workbench_0.indexeddb.blob', '1', '00', '1'), 'utf8')).toBe('big value');
    expect(readFileSync(idb('file__0.indexeddb.leveldb', '000003.log'), 'utf8')).toBe('spans');
    expect(readdirSync(idb()).sort()).toEqual([
      'app_workbench_0.indexeddb.blob',
      'app_workbench_0.indexeddb.leveldb',
      'file__0.indexeddb.blob',
      'file__0.indexeddb.leveldb',
    ]);
  });

  it('runs once: the marker stops a second copy over data the app has since changed', () => {
    fileOriginData();
    migrateFileOriginIndexedDb(userData, { now: () => new Date('2026-01-02T03:04:05Z') });
    expect(JSON.parse(readFileSync(path.join(userData, MIGRATION_MARKER), 'utf8'))).toEqual({
      outcome: 'copied',
      from: 'file__0',
      to: 'app_workbench_0',
      at: '2026-01-02T03:04:05.000Z',
    });
    writeFileSync(idb('app_workbench_0.indexeddb.leveldb', '000003.log'), 'newer spans');
    rmSync(idb('app_workbench_0.indexeddb.blob'), { recursive: true });
    expect(migrateFileOriginIndexedDb(userData)).toBe('done-before');
    expect(readFileSync(idb('app_workbench_0.indexeddb.leveldb', '000003.log'), 'utf8')).toBe('newer spans');
    expect(existsSync(idb('app_workbench_0.indexeddb.blob'))).toBe(false);
  });

  it('never overwrites an app-origin database that already exists', () => {
    fileOriginData();
    mkdirSync(idb('app_workbench_0.indexeddb.leveldb'), { recursive: true });
    writeFileSync(idb('app_workbench_0.indexeddb.leveldb', '000003.log'), 'app data');
    expect(migrateFileOriginIndexedDb(userData)).toBe('already-there');
    expect(readFileSync(idb('app_workbench_0.indexeddb.leveldb', '000003.log'), 'utf8')).toBe('app data');
  });

  it('on a fresh profile copies nothing and records that', () => {
    expect(migrateFileOriginIndexedDb(userData)).toBe('nothing-to-copy');
    expect(existsSync(idb())).toBe(false);
    expect(existsSync(path.join(userData, MIGRATION_MARKER))).toBe(true);
  });

  it('a copy without blobs works too', () => {
    fileOriginData();
    rmSync(idb('file__0.indexeddb.blob'), { recursive: true });
    expect(migrateFileOriginIndexedDb(userData)).toBe('copied');
    expect(existsSync(idb('app_workbench_0.indexeddb.blob'))).toBe(false);
  });

  it('a failed copy leaves no half database and no marker, so the next start tries again', () => {
    fileOriginData();
    // A disk that fills up while the database is copied: one file lands, then the copy throws.
    const failingCopy = (from: string, to: string) => {
      mkdirSync(to, { recursive: true });
      if (from.endsWith('.leveldb')) {
        writeFileSync(path.join(to, 'CURRENT'), 'partial');
        throw new Error('ENOSPC: no space left on device');
      }
      cpSync(from, to, { recursive: true });
    };
    expect(() => migrateFileOriginIndexedDb(userData, { copyTree: failingCopy })).toThrow('ENOSPC');
    expect(existsSync(idb('app_workbench_0.indexeddb.leveldb'))).toBe(false);
    expect(existsSync(idb('app_workbench_0.indexeddb.leveldb.migrating'))).toBe(false);
    expect(existsSync(path.join(userData, MIGRATION_MARKER))).toBe(false);
    expect(migrateFileOriginIndexedDb(userData)).toBe('copied');
    expect(readFileSync(idb('app_workbench_0.indexeddb.blob', '1', '00', '1'), 'utf8')).toBe('big value');
  });
});
