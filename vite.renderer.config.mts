import { defineConfig, type Plugin } from 'vite';
import path from 'node:path';

const projectRoot = import.meta.dirname;

// The dev server's hot reload talks over a websocket; only `electron-forge start`
// needs that, so the packaged CSP never allows it.
function devServerCsp(): Plugin {
  return {
    name: 'seed-workbench:dev-csp',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace("connect-src 'none'", "connect-src 'self' ws://localhost:*"),
  };
}

// Used both by Forge (which merges in its own settings) and on its own by
// `npm run build:renderer` for the Chromium tests: both write the same folder.
export default defineConfig({
  root: path.join(projectRoot, 'renderer'),
  base: './',
  plugins: [devServerCsp()],
  build: {
    outDir: path.join(projectRoot, '.vite/renderer/main_window'),
    emptyOutDir: true,
    sourcemap: true,
    target: 'chrome130',
  },
});
