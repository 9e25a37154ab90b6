// The entry point's wiring (main/main.ts), with Electron replaced by a
// recorder: the test profile folder is set before anything uses it, a second
// instance opens nothing, and on `ready` the permissions, the bridge and a
// locked-down window are all in place. main.ts acts when imported, so every
// test imports a fresh copy.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { channelNames } from '../../core/bridge';
import { COMMAND_EVENT } from '../../core/commands';
import { secureWindowOptions } from '../../main/window-options';

vi.mock('electron', () => import('../support/fake-electron'));

type Fake = typeof import('../support/fake-electron');
const globals = globalThis as Record<string, unknown>;

/** A fresh main.ts on a fresh fake Electron; both share one module registry. */
async function startMain(setUp: (fake: Fake) => void = () => {}): Promise<Fake> {
  vi.resetModules();
  const fake = (await import('electron')) as unknown as Fake;
  fake.resetFakeElectron();
  setUp(fake);
  await import('../../main/main');
  return fake;
}

beforeEach(() => {
  // What Forge's Vite plugin defines at build time.
  globals.MAIN_WINDOW_VITE_NAME = 'main_window';
  globals.MAIN_WINDOW_VITE_DEV_SERVER_URL = undefined;
});
afterEach(() => {
  delete process.env.SEED_WORKBENCH_USER_DATA;
  delete globals.MAIN_WINDOW_VITE_NAME;
  delete globals.MAIN_WINDOW_VITE_DEV_SERVER_URL;
});

describe('main.ts before ready', () => {
  it('moves userData to $SEED_WORKBENCH_USER_DATA before taking the single-instance lock', async () => {
    process.env.SEED_WORKBENCH_USER_DATA = '/tmp/seed-profile';
    const { app } = await startMain();
    expect(app.getPath('userData')).toBe('/tmp/seed-profile');
    expect(app.log.indexOf('setPath userData')).toBeLessThan(app.log.indexOf('requestSingleInstanceLock'));
  });

  it('ignores a relative $SEED_WORKBENCH_USER_DATA (development then gets its own folder)', async () => {
    process.env.SEED_WORKBENCH_USER_DATA = 'relative/dir';
    const { app } = await startMain();
    expect(app.getPath('userData')).not.toContain('relative');
  });

  it('gives development (not packaged) its own userData folder, and so its own single-instance lock', async () => {
    const { app } = await startMain();
    expect(app.getPath('userData')).toBe(path.join(app.getPath('appData'), 'Seed Annotation Workbench (development)'));
    expect(app.log.indexOf('setPath userData')).toBeLessThan(app.log.indexOf('requestSingleInstanceLock'));
  });

  it("leaves the packaged app on Electron's own userData folder", async () => {
    (process as { resourcesPath?: string }).resourcesPath = '/opt/seed/resources';
    const { app } = await startMain((f) => {
      f.app.isPackaged = true;
    });
    expect(app.log).not.toContain('setPath userData');
    delete (process as { resourcesPath?: string }).resourcesPath;
  });

  it('registers app:// as a privileged scheme before ready', async () => {
    const { app, protocol } = await startMain();
    expect(protocol.privileged.map((p) => p.scheme)).toEqual(['app']);
    expect(app.log.indexOf('registerSchemesAsPrivileged')).toBeLessThan(app.log.indexOf('whenReady'));
  });

  it('moves file:// IndexedDB data to the app origin before the window opens', async () => {
    const userData = mkdtempSync(path.join(tmpdir(), 'main-migration-'));
    mkdirSync(path.join(userData, 'IndexedDB/file__0.indexeddb.leveldb'), { recursive: true });
    writeFileSync(path.join(userData, 'IndexedDB/file__0.indexeddb.leveldb/CURRENT'), 'MANIFEST-1\n');
    process.env.SEED_WORKBENCH_USER_DATA = userData;
    const { app, BrowserWindow } = await startMain();
    // Copied synchronously, before `ready`: no window exists yet.
    expect(BrowserWindow.getAllWindows()).toHaveLength(0);
    expect(existsSync(path.join(userData, 'IndexedDB/app_workbench_0.indexeddb.leveldb/CURRENT'))).toBe(true);
    await app.becomeReady();
    expect(BrowserWindow.getAllWindows()).toHaveLength(1);
    rmSync(userData, { recursive: true, force: true });
  });

  it('when the move fails, says so on screen and opens no window (which would hide the old data)', async () => {
    // The migration's own failure modes are tests/main/indexeddb-migration.test.ts; here, main's answer to one.
    vi.doMock('../../main/indexeddb-migration', () => ({
      migrateFileOriginIndexedDb: () => {
        throw new Error('ENOSPC: no space left on device');
      },
    }));
    try {
      const { app, BrowserWindow, dialog } = await startMain();
      await app.becomeReady();
      expect(dialog.errorBoxes).toEqual([
        { title: 'Stored annotations could not be moved', content: expect.stringContaining('ENOSPC') },
      ]);
      expect(dialog.errorBoxes[0].content).toContain('Nothing was deleted');
      expect(BrowserWindow.getAllWindows()).toHaveLength(0);
      expect(app.log).toContain('quit');
    } finally {
      vi.doUnmock('../../main/indexeddb-migration');
    }
  });

  it('a second instance quits and opens no window', async () => {
    const { app, BrowserWindow } = await startMain((f) => {
      f.app.gotLock = false;
    });
    await app.becomeReady();
    expect(app.log).toContain('quit');
    expect(app.log).not.toContain('whenReady');
    expect(BrowserWindow.getAllWindows()).toHaveLength(0);
  });

  it('denies window.open and <webview> in every WebContents ever created', async () => {
    const { app, FakeWebContents } = await startMain();
    const contents = new FakeWebContents();
    app.emit('web-contents-created', {}, contents);
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(contents.fire('will-attach-webview', {}, {}).defaultPrevented).toBe(true);
  });
});

describe('main.ts on ready', () => {
  it('denies permissions, registers every channel once and opens one secure window', async () => {
    const { app, BrowserWindow, ipcMain, session } = await startMain();
    await app.becomeReady();
    expect(session.defaultSession.permissionCheck?.({}, 'media', 'file://')).toBe(false);
    expect([...ipcMain.registrations].sort()).toEqual([...channelNames].sort());
    const windows = BrowserWindow.getAllWindows();
    expect(windows).toHaveLength(1);
    const preload = (windows[0].options.webPreferences as { preload: string }).preload;
    expect(windows[0].options).toEqual(secureWindowOptions(preload, windows[0].options.icon as string));
  });

  it('installs the application menu, whose items send their command to the window', async () => {
    const { app, BrowserWindow, Menu } = await startMain();
    await app.becomeReady();
    type Item = { label?: string; click?: () => void; submenu?: Item[] };
    const flat = (items: Item[]): Item[] => items.flatMap((i) => [i, ...flat(i.submenu ?? [])]);
    const sideBySide = flat((Menu.current?.template ?? []) as Item[]).find((i) => i.label === 'Side by Side');
    sideBySide?.click?.();
    expect(BrowserWindow.getAllWindows()[0].webContents.sent).toEqual([
      { channel: COMMAND_EVENT, args: ['toggleSplit'] },
    ]);
  });

  it('points the window at the preload Forge 8 writes and loads the page from app://workbench', async () => {
    const { app, BrowserWindow, protocol } = await startMain();
    await app.becomeReady();
    const [window] = BrowserWindow.getAllWindows();
    expect(path.basename((window.options.webPreferences as { preload: string }).preload)).toBe('preload.cjs');
    expect(window.loaded).toEqual({ url: 'app://workbench/index.html' });
    expect(protocol.handlers.has('app')).toBe(true);
    expect(path.basename(window.options.icon as string)).toBe('icon.png');
  });

  it('serves app:// from the dev server in development', async () => {
    const { app, net, protocol } = await startMain(() => {
      globals.MAIN_WINDOW_VITE_DEV_SERVER_URL = 'http://localhost:5177';
    });
    await app.becomeReady();
    await protocol.handlers.get('app')!(new Request('app://workbench/index.html'));
    expect(net.fetched).toEqual(['http://localhost:5177/index.html']);
  });

  it("trusts bridge calls from its own window's main frame only", async () => {
    const { app, BrowserWindow, FakeWebContents, ipcMain } = await startMain();
    await app.becomeReady();
    const handler = ipcMain.handlers.get('loadSeedCorpus')!;
    const own = BrowserWindow.getAllWindows()[0].webContents;
    const stranger = new FakeWebContents();
    // A malformed argument tells the two apart: only a trusted call gets as far as the argument check.
    await expect(async () => handler({ sender: own, senderFrame: own.mainFrame }, { bad: 1 })).rejects.toThrow(
      /does not have the declared shape/,
    );
    await expect(async () =>
      handler({ sender: stranger, senderFrame: stranger.mainFrame }, { bad: 1 }),
    ).rejects.toThrow(/refused/);
  });
});
