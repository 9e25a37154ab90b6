// vite.renderer.config.mts loosens the CSP for the development server only:
// inline styles (Vite injects CSS as <style>) and the hot-reload websocket.
// Scripts and the build stay strict. (The page itself is checked in Chromium:
// tests/e2e/chromium/dev-server.test.ts.)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';
import { describe, expect, it } from 'vitest';
import config, { devServerCsp } from '../../vite.renderer.config.mjs';
import { cspOf, parseCsp } from '../support/csp';

const html = readFileSync(path.resolve(import.meta.dirname, '../../renderer/index.html'), 'utf8');

describe('development CSP', () => {
  const dev = parseCsp(cspOf(devServerCsp(html)));
  const built = parseCsp(cspOf(html));

  it("allows inline styles and the dev server's websocket, nothing else", () => {
    expect(dev.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(dev.get('connect-src')).toEqual(["'self'", 'ws://localhost:*', 'ws://127.0.0.1:*']);
    for (const [directive, sources] of built)
      if (directive !== 'style-src' && directive !== 'connect-src')
        expect(dev.get(directive), directive).toEqual(sources);
  });

  it('is applied by the dev server only, never to the build', () => {
    const plugin = (config.plugins ?? []).find((p) => (p as Plugin).name === 'seed-workbench:dev-csp') as Plugin;
    expect(plugin.apply).toBe('serve');
  });

  it('fails loudly when index.html no longer has the policy it rewrites', () => {
    expect(() => devServerCsp(html.replace("style-src 'self';", "style-src 'self' ;"))).toThrow(
      /CSP in renderer\/index.html changed/,
    );
  });
});
