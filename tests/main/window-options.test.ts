// Every security setting of the app window. Each expectation fails if its
// setting is switched off. (The URL check behind will-navigate is
// tests/main/app-origin.test.ts.)
import { describe, expect, it } from 'vitest';
import { secureWindowOptions } from '../../main/window-options';

const prefs = secureWindowOptions('/app/.vite/build/preload.cjs').webPreferences!;

describe('secureWindowOptions', () => {
  it('isolates the page from the preload (contextIsolation)', () => {
    expect(prefs.contextIsolation).toBe(true);
  });

  it('runs the renderer in the OS sandbox', () => {
    expect(prefs.sandbox).toBe(true);
  });

  it('gives Node to no page, worker or subframe', () => {
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps the same-origin policy and refuses insecure content', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
  });

  it('disables <webview>, experimental features and navigation by drag and drop', () => {
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.navigateOnDragDrop).toBe(false);
  });

  it('turns on no Blink feature by hand (enableBlinkFeatures unset, with or without an icon)', () => {
    // A Blink feature switched on here would bypass the review the web platform's defaults had.
    expect(Object.keys(prefs)).not.toContain('enableBlinkFeatures');
    expect(Object.keys(secureWindowOptions('/p.cjs', '/icon.png').webPreferences!)).not.toContain(
      'enableBlinkFeatures',
    );
  });

  it('sets the window icon only when given one', () => {
    expect(secureWindowOptions('/p.cjs', '/app/icon.png').icon).toBe('/app/icon.png');
    expect(Object.keys(secureWindowOptions('/p.cjs'))).not.toContain('icon');
  });

  it('loads the preload it is given and nothing else that runs with privileges', () => {
    expect(prefs.preload).toBe('/app/.vite/build/preload.cjs');
    expect(Object.keys(prefs)).not.toContain('additionalArguments');
  });
});
