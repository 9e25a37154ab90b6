// The settings every window is made with. Kept as plain data (type import
// only) so a test can check each security setting without Electron.
import type { BrowserWindowConstructorOptions } from 'electron';
import { pathToFileURL } from 'node:url';

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

/**
 * Only our own page may be shown: the packaged file or the dev server.
 * Origins and paths are compared whole: a prefix or suffix match would let
 * http://localhost:5173.evil.example or file:///elsewhere/<our path> through.
 */
export function isAppUrl(url: string, devServerUrl: string | undefined, rendererFile: string): boolean {
  const parsed = parseUrl(url);
  if (!parsed) return false;
  if (devServerUrl) return parsed.origin === parseUrl(devServerUrl)?.origin;
  // Decoded on both sides: Chromium and Node may escape a character differently.
  const ours = decodePath(pathToFileURL(rendererFile).pathname);
  return parsed.protocol === 'file:' && parsed.host === '' && ours !== undefined && decodePath(parsed.pathname) === ours;
}

function decodePath(pathname: string): string | undefined {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
}

function parseUrl(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}
