// Electron entry point: the thin edge where the app meets Electron.
import { app, BrowserWindow, Menu } from 'electron';
import { COMMAND_EVENT, type MenuCommand } from '../core/commands';
import path from 'node:path';
import { electronDialogs } from './dialogs';
import { createHandlers } from './handlers';
import { menuTemplate } from './menu';
import { registerBridge } from './ipc';
import { createMainWindow, denyAllPermissions } from './window';

declare const MAIN_WINDOW_VITE_DEV_SERVER_URL: string | undefined;
declare const MAIN_WINDOW_VITE_NAME: string;

/** Lets the end-to-end tests run on a throwaway profile. */
const USER_DATA_ENV = 'SEED_WORKBENCH_USER_DATA';

// This file is bundled to .vite/build/main.cjs, so __dirname is .vite/build
// whether the app runs from `electron-forge start` or is launched on the file
// directly (as the e2e tests do, where app.getAppPath() would be .vite/build).
function seedsDir(): string {
  return app.isPackaged ? path.join(process.resourcesPath, 'seeds') : path.join(__dirname, '../../seeds');
}

// Forge 8's Vite plugin writes the bundles as .cjs.
const windowPaths = {
  preload: path.join(__dirname, 'preload.cjs'),
  rendererFile: path.join(__dirname, `../renderer/${MAIN_WINDOW_VITE_NAME}/index.html`),
  devServerUrl: MAIN_WINDOW_VITE_DEV_SERVER_URL,
};

function isOwnWindow(contents: Electron.WebContents): boolean {
  return BrowserWindow.getAllWindows().some((w) => w.webContents === contents);
}

/** A menu command goes to the window the researcher is working in. */
function sendCommand(command: MenuCommand): void {
  const window = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  window?.webContents.send(COMMAND_EVENT, command);
}

// Must happen before the single-instance lock and `ready`: both use the folder.
function applyUserDataOverride(): void {
  const dir = process.env[USER_DATA_ENV];
  if (dir && path.isAbsolute(dir)) app.setPath('userData', dir);
}

function start(): void {
  // A second line of defence for any WebContents, including ones we never made.
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });

  void app.whenReady().then(() => {
    denyAllPermissions();
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(sendCommand)));
    registerBridge(createHandlers({ seedsDir: seedsDir(), dataDir: app.getPath('userData'), ...electronDialogs }), isOwnWindow);
    createMainWindow(windowPaths);
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createMainWindow(windowPaths);
    });
  });

  app.on('second-instance', () => BrowserWindow.getAllWindows()[0]?.focus());
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}

applyUserDataOverride();
// app.quit() is not immediate, so a second instance must not go on to open a window.
if (app.requestSingleInstanceLock()) start();
else app.quit();
