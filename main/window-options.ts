// The settings every window is made with. Kept as plain data (type import
// only) so a test can check each security setting without Electron.
import type { BrowserWindowConstructorOptions } from 'electron';

export function secureWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
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

/** Only our own page may be shown: the packaged file or the dev server. */
export function isAppUrl(url: string, devServerUrl: string | undefined, rendererFile: string): boolean {
  if (devServerUrl) return url.startsWith(devServerUrl);
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'file:' && decodeURIComponent(parsed.pathname).endsWith(rendererFile.split('\\').join('/'));
  } catch {
    return false;
  }
}
