// The entry point's wiring (main/main.ts), with Electron replaced by a
// recorder: the test profile folder is set before anything uses it, a second
// instance opens nothing, and on `ready` the permissions, the bridge and a
// locked-down window are all in place. main.ts acts when imported, so every
// test imports a fresh copy.
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

  it('ignores a relative $SEED_WORKBENCH_USER_DATA', async () => {
    process.env.SEED_WORKBENCH_USER_DATA = 'relative/dir';
    const { app } = await startMain();
    expect(app.log).not.toContain('setPath userData');
  });

  it('a second instance quits and opens no window', async () => {
    const { app, BrowserWindow } = await startMain((f) => { f.app.gotLock = false; });
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
    expect(windows[0].options).toEqual(secureWindowOptions(preload));
  });

  it('installs the application menu, whose items send their command to the window', async () => {
    const { app, BrowserWindow, Menu } = await startMain();
    await app.becomeReady();
    type Item = { label?: string; click?: () => void; submenu?: Item[] };
    const flat = (items: Item[]): Item[] => items.flatMap((i) => [i, ...flat(i.submenu ?? [])]);
    const sideBySide = flat((Menu.current?.template ?? []) as Item[]).find((i) => i.label === 'Side by Side');
    sideBySide?.click?.();
    expect(BrowserWindow.getAllWindows()[0].webContents.sent).toEqual([{ channel: COMMAND_EVENT, args: ['toggleSplit'] }]);
  });

  it('points the window at the bundles Forge 8 writes (preload.cjs, renderer/main_window)', async () => {
    const { app, BrowserWindow } = await startMain();
    await app.becomeReady();
    const [window] = BrowserWindow.getAllWindows();
    expect(path.basename((window.options.webPreferences as { preload: string }).preload)).toBe('preload.cjs');
    expect(window.loaded?.file?.split(path.sep).join('/')).toMatch(/\/renderer\/main_window\/index\.html$/);
  });

  it("trusts bridge calls from its own window's main frame only", async () => {
    const { app, BrowserWindow, FakeWebContents, ipcMain } = await startMain();
    await app.becomeReady();
    const handler = ipcMain.handlers.get('loadSeedCorpus')!;
    const own = BrowserWindow.getAllWindows()[0].webContents;
    const stranger = new FakeWebContents();
    // A malformed argument tells the two apart: only a trusted call gets as far as the argument check.
    await expect(async () => handler({ sender: own, senderFrame: own.mainFrame }, { bad: 1 })).rejects.toThrow(/does not have the declared shape/);
    await expect(async () => handler({ sender: stranger, senderFrame: stranger.mainFrame }, { bad: 1 })).rejects.toThrow(/refused/);
  });
});
