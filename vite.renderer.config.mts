import path from 'node:path';
import { defineConfig, type Plugin } from 'vite';

const projectRoot = import.meta.dirname;

/**
 * The development server's page only (`apply: 'serve'`); the build keeps
 * renderer/index.html's strict policy. Two things need more in development:
 * Vite injects each imported stylesheet as an inline <style> element (so
 * style-src needs 'unsafe-inline'; scripts stay 'self' only), and hot reload
 * talks over a websocket to the dev server (localhost or 127.0.0.1).
 */
export function devServerCsp(html: string): string {
  const loosened = html
    .replace("style-src 'self';", "style-src 'self' 'unsafe-inline';")
    .replace("connect-src 'none'", "connect-src 'self' ws://localhost:* ws://127.0.0.1:*");
  if (!loosened.includes("'unsafe-inline'") || !loosened.includes('ws://localhost:*')) {
    throw new Error('vite.renderer.config.mts: the CSP in renderer/index.html changed; update devServerCsp to match');
  }
  return loosened;
}

function devServerCspPlugin(): Plugin {
  return { name: 'seed-workbench:dev-csp', apply: 'serve', transformIndexHtml: devServerCsp };
}

// Used both by Forge (which merges in its own settings) and on its own by
// `npm run build:renderer` for the Chromium tests: both write the same folder.
// Source maps are written for debugging the build; forge.config.ts keeps them out of app.asar.
export default defineConfig({
  root: path.join(projectRoot, 'renderer'),
  base: './',
  plugins: [devServerCspPlugin()],
  build: {
    outDir: path.join(projectRoot, '.vite/renderer/main_window'),
    emptyOutDir: true,
    sourcemap: true,
    target: 'chrome130',
  },
});
