// The window's runtime locks, with Electron replaced by a recorder
// (tests/support/fake-electron.ts): each test drives a handler the way
// Electron would and fails if that lock is removed.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createMainWindow, denyAllPermissions, hardenContents, type WindowPaths } from '../../main/window';
import { secureWindowOptions } from '../../main/window-options';
import { BrowserWindow, resetFakeElectron, session, type FakeWebContents } from '../support/fake-electron';

vi.mock('electron', () => import('../support/fake-electron'));

const paths: WindowPaths = { preload: '/app/.vite/build/preload.cjs' };
const ownUrl = 'app://workbench/index.html';

function openWindow(p: WindowPaths = paths): { window: BrowserWindow; contents: FakeWebContents } {
  const window = createMainWindow(p) as unknown as BrowserWindow;
  return { window, contents: window.webContents };
}

beforeEach(() => resetFakeElectron());

describe('createMainWindow', () => {
  it('builds the window from secureWindowOptions', () => {
    const { window } = openWindow();
    expect(window.options).toEqual(secureWindowOptions(paths.preload));
  });

  it('loads the page from app://workbench, never from file://', () => {
    expect(openWindow().window.loaded).toEqual({ url: 'app://workbench/index.html' });
  });
});

describe('hardenContents', () => {
  it('denies every window.open, whatever the URL', () => {
    const { contents } = openWindow();
    for (const url of ['https://example.com/', ownUrl, 'about:blank', 'javascript:alert(1)'])
      expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
  });

  it('prevents navigation to a foreign URL', () => {
    const { contents } = openWindow();
    for (const url of [
      'https://example.com/',
      'file:///etc/passwd',
      'file:///app/.vite/renderer/main_window/index.html',
      'http://localhost:5173/',
      'app://workbench.evil/',
      'data:text/html,x',
      'javascript:alert(1)',
    ])
      expect(contents.fire('will-navigate', url).defaultPrevented, url).toBe(true);
  });

  it('lets our own page navigate (a reload of index.html)', () => {
    const { contents } = openWindow();
    expect(contents.fire('will-navigate', ownUrl).defaultPrevented).toBe(false);
    expect(contents.fire('will-navigate', `${ownUrl}?automation=1`).defaultPrevented).toBe(false);
  });

  it('prevents redirects and <webview> attachment', () => {
    const { contents } = openWindow();
    expect(contents.fire('will-redirect', 'https://example.com/').defaultPrevented).toBe(true);
    expect(contents.fire('will-attach-webview', {}, {}).defaultPrevented).toBe(true);
  });

  it('can harden any WebContents, not only the main window', () => {
    const window = new BrowserWindow({});
    hardenContents(window.webContents as never);
    expect(window.webContents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(window.webContents.fire('will-navigate', 'https://example.com/').defaultPrevented).toBe(true);
  });
});

describe('denyAllPermissions', () => {
  const permissions = [
    'media',
    'geolocation',
    'notifications',
    'clipboard-read',
    'openExternal',
    'fileSystem',
    'hid',
    'usb',
  ];

  it('answers every permission request with false', () => {
    denyAllPermissions();
    const request = session.defaultSession.permissionRequest!;
    for (const permission of permissions) {
      const callback = vi.fn();
      request({}, permission, callback);
      expect(callback, permission).toHaveBeenCalledExactlyOnceWith(false);
    }
  });

  it('answers every permission check with false', () => {
    denyAllPermissions();
    const check = session.defaultSession.permissionCheck!;
    for (const permission of permissions) expect(check({}, permission, 'file://'), permission).toBe(false);
  });
});
