// Electron entry point: the thin edge where the app meets Electron.
import path from 'node:path';
import { app, BrowserWindow, dialog, Menu } from 'electron';
import { COMMAND_EVENT, type MenuCommand } from '../core/commands';
import { registerAppScheme, serveApp, type AppSource } from './app-protocol';
import { electronDialogs } from './dialogs';
import { createHandlers } from './handlers';
import { migrateFileOriginIndexedDb } from './indexeddb-migration';
import { registerBridge } from './ipc';
import { menuTemplate } from './menu';
import { createMainWindow, denyAllPermissions } from './window';

declare const MAIN_WINDOW_VITE_DEV_SERVER_URL: string | undefined;
declare const MAIN_WINDOW_VITE_NAME: string;

/** Lets the end-to-end tests run on a throwaway profile. */
const USER_DATA_ENV = 'SEED_WORKBENCH_USER_DATA';
/** `npm start` keeps its data (and its single-instance lock) apart from the installed app's. */
export const DEVELOPMENT_FOLDER = 'Seed Annotation Workbench (development)';

// This file is bundled to .vite/build/main.cjs, so __dirname is .vite/build
// whether the app runs from `electron-forge start` or is launched on the file
// directly (as the e2e tests do, where app.getAppPath() would be .vite/build).
function seedsDir(): string {
  return app.isPackaged ? path.join(process.resourcesPath, 'seeds') : path.join(__dirname, '../../seeds');
}

// Forge 8's Vite plugin writes the bundles as .cjs. The icon ships as resources/icon.png (forge.config.ts).
const windowPaths = {
  preload: path.join(__dirname, 'preload.cjs'),
  icon: app.isPackaged ? path.join(process.resourcesPath, 'icon.png') : path.join(__dirname, '../../assets/icon.png'),
};
const appSource: AppSource = MAIN_WINDOW_VITE_DEV_SERVER_URL
  ? { devServerUrl: MAIN_WINDOW_VITE_DEV_SERVER_URL }
  : { rendererDir: path.join(__dirname, `../renderer/${MAIN_WINDOW_VITE_NAME}`) };

function isOwnWindow(contents: Electron.WebContents): boolean {
  return BrowserWindow.getAllWindows().some((w) => w.webContents === contents);
}

/** A menu command goes to the window the researcher is working in. */
function sendCommand(command: MenuCommand): void {
  const window = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  window?.webContents.send(COMMAND_EVENT, command);
}

// Must happen before the single-instance lock and `ready`: both use the folder.
function chooseUserData(): void {
  const dir = process.env[USER_DATA_ENV];
  if (dir && path.isAbsolute(dir)) app.setPath('userData', dir);
  else if (!app.isPackaged) app.setPath('userData', path.join(app.getPath('appData'), DEVELOPMENT_FOLDER));
}

/** Before any page opens IndexedDB. A failure leaves the old data in place; it is told on screen once ready. */
function migrateStorage(): string | undefined {
  try {
    migrateFileOriginIndexedDb(app.getPath('userData'));
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

function start(): void {
  // A second line of defence for any WebContents, including ones we never made.
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
  const migrationError = migrateStorage();

  void app.whenReady().then(() => {
    denyAllPermissions();
    serveApp(appSource);
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(sendCommand, { development: !app.isPackaged })));
    registerBridge(
      createHandlers({ seedsDir: seedsDir(), dataDir: app.getPath('userData'), ...electronDialogs }),
      isOwnWindow,
    );
    if (migrationError) {
      // Opening the window now would start an empty store on the new origin and hide the old data for good.
      dialog.showErrorBox(
        'Stored annotations could not be moved',
        `Moving the stored annotations to this version's storage failed: ${migrationError}\n\n` +
          `Nothing was deleted: the data is still in ${path.join(app.getPath('userData'), 'IndexedDB')}. ` +
          'The app will close now and try again on its next start (check the free disk space first).',
      );
      app.quit();
      return;
    }
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

// Scheme privileges are read once, before `ready`.
registerAppScheme();
chooseUserData();
// app.quit() is not immediate, so a second instance must not go on to open a window.
if (app.requestSingleInstanceLock()) start();
else app.quit();
