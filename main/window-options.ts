// The settings every window is made with. Kept as plain data (type import
// only) so a test can check each security setting without Electron.
import type { BrowserWindowConstructorOptions } from 'electron';

/** `icon` is the window's icon where the platform takes it from the window (Linux); macOS and Windows use the bundle's. */
export function secureWindowOptions(preloadPath: string, icon?: string): BrowserWindowConstructorOptions {
  return {
    ...(icon ? { icon } : {}),
    width: 1400,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    title: 'Seed Annotation Workbench',
    backgroundColor: '#f7f6f3',
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  };
}
