// Creates the app window and locks it down: no navigation away from the app
// origin, no new windows, no permission prompts, no <webview>.
import { BrowserWindow, session, type WebContents } from 'electron';
import { APP_INDEX_URL, isAppUrl } from './app-origin';
import { secureWindowOptions } from './window-options';

export interface WindowPaths {
  preload: string;
  icon?: string;
}

export function hardenContents(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

export function denyAllPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}

/** The page always loads from app://workbench (main/app-protocol.ts serves it, from the build or the dev server). */
export function createMainWindow(paths: WindowPaths): BrowserWindow {
  const window = new BrowserWindow(secureWindowOptions(paths.preload, paths.icon));
  hardenContents(window.webContents);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_INDEX_URL);
  return window;
}
