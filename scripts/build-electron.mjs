#!/usr/bin/env node
// Builds what `electron-forge package` builds, without the Electron binary:
// the main and preload bundles (.vite/build/main.cjs, preload.cjs) and the
// renderer (.vite/renderer/main_window). It reads the Vite plugin's settings
// from forge.config.ts and hands each target to Forge's own build worker
// (@electron-forge/plugin-vite/dist/subprocess-worker.js), so the output,
// the externals and the MAIN_WINDOW_VITE_NAME / MAIN_WINDOW_VITE_DEV_SERVER_URL
// defines are the ones a packaged app gets. The Electron e2e suite runs this.
//
// Usage: node scripts/build-electron.mjs [--main-only | --print-config]
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const projectDir = path.resolve(import.meta.dirname, '..');

/** The Vite plugin's own config object, as Forge would see it. */
async function loadVitePluginConfig() {
  // Through tsx, not Node's own type stripping (which needs Node 22.18), so the
  // script runs on every Node that package.json "engines" accepts (>= 22.13).
  const loaded = await tsImport(pathToFileURL(path.join(projectDir, 'forge.config.ts')).href, import.meta.url);
  const forgeConfig = loaded.default?.default ?? loaded.default;
  const plugin = forgeConfig.plugins.find((p) => p?.name === 'vite');
  if (!plugin) throw new Error('forge.config.ts has no Vite plugin');
  // The same snapshot VitePlugin.serializableConfig passes to its workers.
  return { build: plugin.config.build, renderer: plugin.config.renderer };
}

/** Forge's worker is not in the package's "exports", so find it by file path. */
function workerPath() {
  const require = createRequire(path.join(projectDir, 'package.json'));
  const distDir = path.dirname(require.resolve('@electron-forge/plugin-vite'));
  return path.join(distDir, 'subprocess-worker.js');
}

function runWorker(pluginConfig, kind, index) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [workerPath()], {
      cwd: projectDir,
      stdio: 'inherit',
      env: {
        ...process.env,
        FORGE_VITE_PROJECT_DIR: projectDir,
        FORGE_VITE_KIND: kind,
        FORGE_VITE_INDEX: String(index),
        FORGE_VITE_CONFIG: JSON.stringify(pluginConfig),
      },
    });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`vite ${kind}[${index}] exited with ${code}`)),
    );
  });
}

async function main() {
  const pluginConfig = await loadVitePluginConfig();
  if (process.argv.includes('--print-config')) {
    process.stdout.write(`${JSON.stringify(pluginConfig)}\n`);
    return;
  }
  const mainOnly = process.argv.includes('--main-only');
  const jobs = pluginConfig.build.map((spec, i) => ({ kind: 'build', index: i, label: spec.entry }));
  if (!mainOnly)
    pluginConfig.renderer.forEach((spec, i) => jobs.push({ kind: 'renderer', index: i, label: spec.name }));
  // One at a time: the main and preload builds share .vite/build.
  for (const job of jobs) {
    await runWorker(pluginConfig, job.kind, job.index);
    console.log(`build-electron: built ${job.kind} ${job.label}`);
  }
}

main().catch((error) => {
  console.error(`build-electron: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
