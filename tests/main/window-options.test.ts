// Every security setting of the app window, and the URL check behind
// will-navigate. Each expectation fails if its setting is switched off.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isAppUrl, secureWindowOptions } from '../../main/window-options';

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

  it('loads the preload it is given and nothing else that runs with privileges', () => {
    expect(prefs.preload).toBe('/app/.vite/build/preload.cjs');
    expect(Object.keys(prefs)).not.toContain('additionalArguments');
  });
});

describe('isAppUrl with the packaged file', () => {
  const rendererFile = path.resolve('/opt/seed workbench/.vite/renderer/main_window/index.html');
  const own = pathToFileURL(rendererFile).href;
  const check = (url: string) => isAppUrl(url, undefined, rendererFile);

  it('accepts our own index.html, also with a hash or query', () => {
    expect(check(own)).toBe(true);
    expect(check(`${own}#doc-3`)).toBe(true);
    expect(check(`${own}?reload=1`)).toBe(true);
  });

  it('rejects other files, including ones whose path ends like ours', () => {
    expect(check(pathToFileURL('/etc/passwd').href)).toBe(false);
    expect(check(pathToFileURL(path.resolve('/opt/seed workbench/.vite/renderer/main_window/other.html')).href)).toBe(false);
    expect(check(pathToFileURL(`/tmp/evil${rendererFile}`).href)).toBe(false);
    expect(check(own.replace('file:///', 'file://evil-host/'))).toBe(false);
  });

  it('rejects web, script and data URLs', () => {
    for (const url of [
      'https://example.com/',
      'http://localhost:5173/',
      'javascript:alert(1)',
      `data:text/html,<script>alert(1)</script>`,
      'blob:file:///x',
      'about:blank',
      'not a url',
      '',
    ]) expect(check(url), url).toBe(false);
  });
});

describe('isAppUrl with the dev server', () => {
  const dev = 'http://localhost:5173';
  const check = (url: string) => isAppUrl(url, dev, '/app/.vite/renderer/main_window/index.html');

  it('accepts pages of the dev server', () => {
    expect(check('http://localhost:5173/')).toBe(true);
    expect(check('http://localhost:5173/index.html#x')).toBe(true);
  });

  it('rejects look-alike origins that merely start with the dev server URL', () => {
    expect(check('http://localhost:5173.evil.example/')).toBe(false);
    expect(check('http://localhost:51730/')).toBe(false);
    expect(check('http://localhost:5173@evil.example/')).toBe(false);
  });

  it('rejects other origins, schemes and files', () => {
    for (const url of ['https://localhost:5173/', 'http://127.0.0.1:5173/', 'https://example.com/', 'javascript:alert(1)', 'data:text/html,x', 'file:///etc/passwd'])
      expect(check(url), url).toBe(false);
  });
});
