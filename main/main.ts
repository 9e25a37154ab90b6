// Electron entry point: the thin edge where the app meets Electron.
import { app, BrowserWindow } from 'electron';
import path from 'node:path';
import { createHandlers } from './handlers';
import { registerBridge } from './ipc';
import { createMainWindow, denyAllPermissions } from './window';

declare const MAIN_WINDOW_VITE_DEV_SERVER_URL: string | undefined;
declare const MAIN_WINDOW_VITE_NAME: string;

function seedsDir(): string {
  return app.isPackaged ? path.join(process.resourcesPath, 'seeds') : path.join(app.getAppPath(), 'seeds');
}

const windowPaths = {
  preload: path.join(__dirname, 'preload.js'),
  rendererFile: path.join(__dirname, `../renderer/${MAIN_WINDOW_VITE_NAME}/index.html`),
  devServerUrl: MAIN_WINDOW_VITE_DEV_SERVER_URL,
};

function isOwnWindow(contents: Electron.WebContents): boolean {
  return BrowserWindow.getAllWindows().some((w) => w.webContents === contents);
}

if (!app.requestSingleInstanceLock()) app.quit();

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
});

void app.whenReady().then(() => {
  denyAllPermissions();
  registerBridge(createHandlers({ seedsDir: seedsDir() }), isOwnWindow);
  createMainWindow(windowPaths);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow(windowPaths);
  });
});

app.on('second-instance', () => BrowserWindow.getAllWindows()[0]?.focus());
app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
