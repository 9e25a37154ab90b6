// `npm start`'s page: the renderer from the Vite development server (started
// here on 127.0.0.1 and a free port, stopped at the end), in Chromium with the
// bridge the test host supplies. Vite injects the imported CSS as inline
// <style> elements; with the build's `style-src 'self'` they were all blocked
// and the app came up unstyled. Fails on any CSP violation or a missing style.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../main/handlers';
import { defaultDeps, PROJECT_ROOT, waitReady } from '../../support/app-page';
import { exposeBridge } from '../../support/bridge-host';
import { freshProfileDir, launchWithProfile } from '../../support/chromium';

interface Violation {
  directive: string;
  blockedURI: string;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

describe('development server page (npm start)', () => {
  let server: ViteDevServer;
  let context: BrowserContext;
  let page: Page;
  let port: number;
  let profileDir: string;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    port = await freePort();
    server = await createServer({
      configFile: path.join(PROJECT_ROOT, 'vite.renderer.config.mts'),
      server: { host: '127.0.0.1', port, strictPort: true },
      logLevel: 'warn',
    });
    await server.listen();
    profileDir = freshProfileDir();
    context = await launchWithProfile(profileDir);
    await exposeBridge(context, createHandlers(defaultDeps()));
    // Installed before any page script (over CDP, which CSP does not govern), so no violation is missed.
    await context.addInitScript(() => {
      const log: Violation[] = [];
      Object.defineProperty(window, '__violations', { value: log });
      document.addEventListener('securitypolicyviolation', (e) =>
        log.push({ directive: e.effectiveDirective, blockedURI: e.blockedURI }),
      );
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
    await page.goto(`http://127.0.0.1:${port}/?automation=1`);
    await waitReady(page);
  });

  afterAll(async () => {
    await context?.close();
    await server?.close();
    if (profileDir) rmSync(profileDir, { recursive: true, force: true });
  });

  it('breaks no CSP rule while starting, showing a document and running the suggestions worker', async () => {
    await page.waitForSelector('.ProseMirror');
    // The worker is a module script from the dev server (same origin): suggestions show once it has run.
    await expect.poll(() => page.locator('.doc-text .suggestion').count(), { timeout: 60_000 }).toBeGreaterThan(0);
    const violations = await page.evaluate(() => (window as unknown as { __violations: Violation[] }).__violations);
    expect(violations).toEqual([]);
    expect(consoleErrors.filter((e) => /Content Security Policy|Refused to/i.test(e))).toEqual([]);
  });

  it('applies the stylesheets: ProseMirror keeps its whitespace (pre-wrap, refined to break-spaces), the app its grid', async () => {
    const styles = await page.evaluate(() => {
      const editor = document.querySelector('.ProseMirror')!;
      return {
        whiteSpace: getComputedStyle(editor).whiteSpace,
        sheets: document.styleSheets.length,
        appDisplay: getComputedStyle(document.querySelector('#app')!).display,
      };
    });
    // prosemirror.css says pre-wrap, then break-spaces where supported; unstyled it is 'normal'.
    expect(styles.whiteSpace).toMatch(/^(pre-wrap|break-spaces)$/);
    expect(styles.sheets).toBeGreaterThanOrEqual(2);
    expect(styles.appDisplay).toBe('grid');
    await page.screenshot({ path: path.join(PROJECT_ROOT, 'test-results/dev-server.png') });
  });

  it('serves the development CSP: scripts still from the app only, styles inline allowed', async () => {
    const csp = await page.evaluate(
      () => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '',
    );
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("style-src 'self' 'unsafe-inline';");
  });

  it("keeps IndexedDB under Chromium's scheme_host_port folder name (the rule main/indexeddb-migration.ts relies on)", async () => {
    const folder = path.join(profileDir, 'Default', 'IndexedDB');
    await expect
      .poll(() => existsSync(folder) && readdirSync(folder))
      .toContain(`http_127.0.0.1_${port}.indexeddb.leveldb`);
  });
});
