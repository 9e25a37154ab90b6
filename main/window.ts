// Creates the app window and locks it down: no navigation away, no new
// windows, no permission prompts, no <webview>.
import { BrowserWindow, session, type WebContents } from 'electron';
import { isAppUrl, secureWindowOptions } from './window-options';

export interface WindowPaths {
  preload: string;
  rendererFile: string;
  devServerUrl?: string;
}

export function hardenContents(contents: WebContents, paths: WindowPaths): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, paths.devServerUrl, paths.rendererFile)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

export function denyAllPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}

export function createMainWindow(paths: WindowPaths): BrowserWindow {
  const window = new BrowserWindow(secureWindowOptions(paths.preload));
  hardenContents(window.webContents, paths);
  window.once('ready-to-show', () => window.show());
  if (paths.devServerUrl) void window.loadURL(paths.devServerUrl);
  else void window.loadFile(paths.rendererFile);
  return window;
}
