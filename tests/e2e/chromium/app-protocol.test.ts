// The built renderer served by the app:// file logic (main/app-protocol-files.ts)
// instead of file://. Electron's protocol.handle cannot run here (no binary),
// so a local HTTP server on 127.0.0.1 answers each request with readAppFile
// for the same path, as main/app-protocol.ts does for app://workbench. This
// proves the build works from a served origin with the MIME types and checks
// the app answers with: module scripts load, the CSP holds, data is stored.
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAppFile } from '../../../main/app-protocol-files';
import { createHandlers } from '../../../main/handlers';
import { defaultDeps, readStore, RENDERER_INDEX, waitReady } from '../../support/app-page';
import { exposeBridge } from '../../support/bridge-host';
import { freshProfileDir, launchWithProfile } from '../../support/chromium';

const rendererDir = path.dirname(RENDERER_INDEX);

function serveLikeAppProtocol(): Promise<{ server: Server; origin: string }> {
  const server = createServer((request, response) => {
    void readAppFile(rendererDir, `app://workbench${request.url ?? '/'}`).then((answer) => {
      if (answer.status !== 200) {
        response.writeHead(answer.status, { 'Content-Type': 'text/plain' }).end(answer.reason);
        return;
      }
      response
        .writeHead(200, { 'Content-Type': answer.mimeType, 'X-Content-Type-Options': 'nosniff' })
        .end(answer.body);
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      resolve({ server, origin: `http://127.0.0.1:${port}` });
    }),
  );
}

describe('the built renderer served through the app:// file logic', () => {
  let server: Server;
  let origin: string;
  let context: BrowserContext;
  let page: Page;
  const errors: string[] = [];
  const refused: string[] = [];

  beforeAll(async () => {
    ({ server, origin } = await serveLikeAppProtocol());
    context = await launchWithProfile(freshProfileDir());
    await exposeBridge(context, createHandlers(defaultDeps()));
    page = context.pages()[0] ?? (await context.newPage());
    // Chromium asks an http origin for /favicon.ico by itself; the page never does.
    page.on('response', (r) => {
      if (r.status() >= 400 && new URL(r.url()).pathname !== '/favicon.ico') refused.push(`${r.status()} ${r.url()}`);
    });
    page.on('console', (m) => {
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${origin}/index.html?automation=1`);
    await waitReady(page);
  });
  afterAll(async () => {
    await context?.close();
    await new Promise((r) => server?.close(r));
  });

  it('starts with every file found, no error and no CSP violation, and stores the seeds', async () => {
    expect(refused).toEqual([]);
    expect(errors).toEqual([]);
    expect((await readStore(page, 'documents')).length).toBe(5);
  });

  it('served each script and stylesheet with its MIME type', async () => {
    const types = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((e) => (e as PerformanceResourceTiming).name),
    );
    const assets = types.filter((u) => /\.(js|css)$/.test(u));
    expect(assets.length).toBeGreaterThanOrEqual(2);
    for (const url of assets) {
      const response = await fetch(url);
      expect(response.headers.get('content-type'), url).toBe(
        url.endsWith('.js') ? 'text/javascript; charset=utf-8' : 'text/css; charset=utf-8',
      );
    }
  });

  it('runs the suggestions worker from the served build under the CSP (its module script is the app own file)', async () => {
    await expect.poll(() => page.locator('.doc-text .suggestion').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    const workers = await page.evaluate(
      () => performance.getEntriesByType('resource').filter((e) => /suggest\.worker-[\w-]+\.js$/.test(e.name)).length,
    );
    expect(workers).toBe(1);
    expect(errors).toEqual([]);
  });

  it('answers a path out of the build folder with 403, as app:// does', async () => {
    expect((await fetch(`${origin}/..%2f..%2fpackage.json`)).status).toBe(403);
  });
});
