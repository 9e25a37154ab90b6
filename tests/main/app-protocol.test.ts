// Electron's side of app:// (main/app-protocol.ts), with Electron replaced by
// a recorder: the scheme's privileges, and what the registered handler answers
// for real Request objects, from a build folder or through the dev server.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { registerAppScheme, serveApp } from '../../main/app-protocol';
import { net, protocol, resetFakeElectron } from '../support/fake-electron';

vi.mock('electron', () => import('../support/fake-electron'));

let root: string;
beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'app-scheme-'));
  mkdirSync(path.join(root, 'assets'));
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>x</title>');
  writeFileSync(path.join(root, 'assets/app.js'), 'export {};');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));
beforeEach(() => resetFakeElectron());

function handler() {
  const h = protocol.handlers.get('app');
  if (!h) throw new Error('app:// is not handled');
  return h;
}

describe('registerAppScheme', () => {
  it('registers app: as standard (an origin, storage), secure (a secure context) and fetchable', () => {
    registerAppScheme();
    expect(protocol.privileged).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('grants nothing that would loosen the page: no CSP bypass, no service workers, no CORS exemptions', () => {
    registerAppScheme();
    const privileges = protocol.privileged[0].privileges;
    for (const key of ['bypassCSP', 'allowServiceWorkers', 'corsEnabled', 'stream'])
      expect(privileges[key], key).toBeUndefined();
  });
});

describe('serveApp from the build folder', () => {
  it('answers the page and its scripts with their MIME types and nosniff', async () => {
    serveApp({ rendererDir: root });
    const page = await handler()(new Request('app://workbench/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toBe('<!doctype html><title>x</title>');
    const script = await handler()(new Request('app://workbench/assets/app.js'));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('refuses escapes, other hosts and methods other than GET/HEAD', async () => {
    serveApp({ rendererDir: root });
    expect((await handler()(new Request('app://workbench/..%2f..%2fetc%2fpasswd'))).status).toBe(403);
    expect((await handler()(new Request('app://other/index.html'))).status).toBe(403);
    expect((await handler()(new Request('app://workbench/missing.js'))).status).toBe(404);
    expect((await handler()(new Request('app://workbench/index.html', { method: 'POST', body: 'x' }))).status).toBe(
      405,
    );
  });
});

describe('serveApp in development', () => {
  it('fetches the same path from the dev server, so the origin stays app://workbench', async () => {
    serveApp({ devServerUrl: 'http://localhost:5199' });
    const answer = await handler()(new Request('app://workbench/@vite/client?x=1'));
    expect(await answer.text()).toBe('fetched http://localhost:5199/@vite/client?x=1');
    expect((await handler()(new Request('app://other/x'))).status).toBe(403);
    expect(net.fetched).toEqual(['http://localhost:5199/@vite/client?x=1']);
  });
});
