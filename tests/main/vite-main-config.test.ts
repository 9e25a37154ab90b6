// The main process build (vite.main.config.mts) as Forge's Vite plugin makes
// it: one CommonJS bundle with electron and Node's builtins left outside. Its
// PouchDB must open a LevelDB replica on disk from that bundle, away from
// node_modules: before the leveldown plugin the bundle threw "No native build
// was found" as soon as PouchDB loaded (in `npm start` and the packaged app).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, loadConfigFromFile, type UserConfig } from 'vite';
import { describe, expect, it } from 'vitest';
import { nativeDir } from '../../vite.main.config.mjs';
import { PROJECT_ROOT } from '../support/app-page';

const FORGE_MAIN_CONFIG = path.join(
  PROJECT_ROOT,
  'node_modules/@electron-forge/plugin-vite/dist/config/vite.main.config.js',
);

describe('the main process bundle', { timeout: 120_000 }, () => {
  it('opens PouchDB on LevelDB from the bundle alone, with each leveldown’s own binary beside it', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'seed-main-bundle-'));
    // Forge's own recipe for the main target (its Vite plugin's getConfig), over this project's config file.
    const forge = (await import(pathToFileURL(FORGE_MAIN_CONFIG).href)) as {
      getConfig(env: unknown, user: UserConfig): UserConfig;
    };
    const { config: user } = (await loadConfigFromFile(
      { command: 'build', mode: 'production' },
      path.join(PROJECT_ROOT, 'vite.main.config.mts'),
    ))!;
    const env = {
      root: PROJECT_ROOT,
      mode: 'production',
      command: 'build',
      forgeConfigSelf: { entry: 'main/services/sync/pouch.ts', config: 'vite.main.config.mts', target: 'main' },
      forgeConfig: { renderer: [{ name: 'main_window' }], hotRestart: false },
    };
    const config = forge.getConfig(env, user);
    await build({ ...config, configFile: false, logLevel: 'warn', build: { ...config.build, outDir: out } });
    const versions = readdirSync(path.join(out, 'native')).sort();
    expect(versions).toEqual([nativeDir('5.6.0'), nativeDir('6.1.1')].map((d) => path.basename(d)));
    for (const v of versions)
      expect(existsSync(path.join(out, 'native', v, 'prebuilds', `${process.platform}-${process.arch}`))).toBe(true);
    // In a child process started outside the project, so nothing can be found in node_modules instead.
    const script = `
      const { openPouch } = require(${JSON.stringify(path.join(out, 'pouch.cjs'))});
      const db = openPouch(${JSON.stringify(path.join(out, 'replica'))});
      db.put({ _id: 'span:x', label: 'actor' })
        .then(() => db.get('span:x'))
        .then((doc) => console.log('stored ' + doc.label))
        .catch((e) => { console.error(e.message); process.exit(1); });`;
    const run = spawnSync(process.execPath, ['--no-deprecation', '-e', script], { cwd: out, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('stored actor');
  });
});
