// The whole app in real Electron: the built main, preload and renderer, on a
// throwaway profile. Proves in the running app what the unit tests prove of
// the code: the window's webPreferences, no Node in the page, no new windows,
// no navigation away, and a bridge that checks its arguments.
// Where the binary is missing, Electron's own install step is tried once
// first; if that cannot fetch it, the suite is skipped (never counted as
// passed) with a line saying why.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { ElectronApplication, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BRIDGE_GLOBAL, channelNames } from '../../../core/bridge';
import { SEEDS_DIR, waitReady } from '../../support/app-page';
import { buildApp, ensureElectronBinary, freshUserDataDir, launchApp, reportSkip } from '../../support/electron-app';

const binary = await ensureElectronBinary();
reportSkip('electron e2e', binary);

const seedNames = readdirSync(SEEDS_DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort();

describe.skipIf(!binary.found)('electron: the packaged app, locked down', () => {
  let app: ElectronApplication;
  let page: Page;
  let userData: string;

  beforeAll(async () => {
    userData = freshUserDataDir();
    buildApp();
    app = await launchApp((binary as { path: string }).path, userData);
    page = await app.firstWindow();
    await waitReady(page);
  });
  afterAll(async () => {
    await app?.close();
    if (userData) rmSync(userData, { recursive: true, force: true });
  });

  it('runs on the profile folder it was given', async () => {
    expect(await app.evaluate(({ app: electronApp }) => electronApp.getPath('userData'))).toBe(userData);
  });

  it('shows the five seeds in the document list', async () => {
    const names = await page.$$eval('.doc-item .doc-name', (els) => els.map((e) => e.textContent));
    expect(seedNames).toHaveLength(5);
    expect(names).toEqual(seedNames);
  });

  it('made the window with contextIsolation and sandbox on, Node off', async () => {
    const prefs = await app.evaluate(({ BrowserWindow }) => {
      // getLastWebPreferences() exists at runtime but is missing from electron.d.ts.
      const contents = BrowserWindow.getAllWindows()[0].webContents as unknown as {
        getLastWebPreferences(): Electron.WebPreferences | null;
      };
      const p = contents.getLastWebPreferences() ?? {};
      return {
        contextIsolation: p.contextIsolation,
        sandbox: p.sandbox,
        nodeIntegration: p.nodeIntegration,
        webviewTag: p.webviewTag,
        webSecurity: p.webSecurity,
        enableBlinkFeatures: p.enableBlinkFeatures ?? '',
      };
    });
    expect(prefs).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      webSecurity: true,
      enableBlinkFeatures: '',
    });
  });

  it('serves the page from app://workbench, not file://', async () => {
    expect(page.url()).toMatch(/^app:\/\/workbench\/index\.html/);
    expect(await page.evaluate(() => location.origin)).toBe('app://workbench');
  });

  it("keeps IndexedDB under the app origin's folder (the name main/indexeddb-migration.ts copies to)", async () => {
    const folder = path.join(userData, 'IndexedDB');
    await expect.poll(() => existsSync(folder) && readdirSync(folder)).toContain('app_workbench_0.indexeddb.leveldb');
  });

  it('app:// refuses a path out of the renderer folder', async () => {
    const status = await page.evaluate(() =>
      fetch('app://workbench/..%2f..%2fbuild%2fmain.cjs').then(
        (r) => r.status,
        (e: Error) => e.message,
      ),
    );
    expect(status).toBe(403);
  });

  it('gives the page no require, process or module', async () => {
    expect(
      await page.evaluate(() => [
        typeof (globalThis as Record<string, unknown>).require,
        typeof (globalThis as Record<string, unknown>).process,
        typeof (globalThis as Record<string, unknown>).module,
      ]),
    ).toEqual(['undefined', 'undefined', 'undefined']);
  });

  it('window.open gives null and opens no window', async () => {
    expect(await page.evaluate(() => window.open('https://example.com/') === null)).toBe(true);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  });

  it('does not navigate away from the app', async () => {
    const before = page.url();
    await page.evaluate(() => {
      location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toBe(before);
  });

  it('exposes exactly the contract and the menu-command event on window.workbench, and main refuses a malformed argument', async () => {
    const keys = await page.evaluate(
      (g) => Object.keys((window as unknown as Record<string, object>)[g]).sort(),
      BRIDGE_GLOBAL,
    );
    expect(keys).toEqual([...channelNames, 'onCommand'].sort());
    const message = await page.evaluate(
      (g) =>
        (window as unknown as Record<string, Record<string, (a: unknown) => Promise<unknown>>>)[g]
          .loadSeedCorpus({ path: '/etc/passwd' })
          .then(
            () => 'accepted',
            (e: Error) => e.message,
          ),
      BRIDGE_GLOBAL,
    );
    expect(message).toContain('argument of loadSeedCorpus does not have the declared shape');
  });
});
