// Finds the Electron binary without require('electron') (whose index.js tries
// to download one when it is missing), builds the app the way Forge would, and
// launches it through Playwright on a throwaway profile.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron, type ElectronApplication } from 'playwright-core';
import { PROJECT_ROOT } from './app-page';

const ELECTRON_DIR = path.join(PROJECT_ROOT, 'node_modules/electron');
export const MAIN_BUNDLE = path.join(PROJECT_ROOT, '.vite/build/main.cjs');

export type ElectronBinary = { found: true; path: string } | { found: false; reason: string };

/** $ELECTRON_PATH first, then the binary the electron npm package would have downloaded. */
export function findElectronBinary(): ElectronBinary {
  const fromEnv = process.env.ELECTRON_PATH;
  if (fromEnv) return existsSync(fromEnv) ? { found: true, path: fromEnv } : { found: false, reason: `ELECTRON_PATH=${fromEnv} does not exist` };
  const pathTxt = path.join(ELECTRON_DIR, 'path.txt');
  if (!existsSync(pathTxt)) return { found: false, reason: 'node_modules/electron/dist missing; downloads are blocked here' };
  const binary = path.join(ELECTRON_DIR, 'dist', readFileSync(pathTxt, 'utf8').trim());
  return existsSync(binary) ? { found: true, path: binary } : { found: false, reason: `${path.relative(PROJECT_ROOT, binary)} missing` };
}

/** Main, preload and renderer bundles, through Forge's own Vite worker (scripts/build-electron.mjs). */
export function buildApp(): void {
  const result = spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'scripts/build-electron.mjs')], { cwd: PROJECT_ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`scripts/build-electron.mjs failed:\n${result.stdout}\n${result.stderr}`);
}

export function freshUserDataDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'seed-workbench-electron-'));
}

/** Chromium switches a CI box needs: no display server, and root cannot use the setuid sandbox. */
function platformSwitches(): string[] {
  const switches: string[] = [];
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) switches.push('--ozone-platform=headless');
  if (process.getuid?.() === 0) switches.push('--no-sandbox');
  return switches;
}

/**
 * Launches the bundle directly rather than the project folder, so the test
 * does not depend on package.json "main" (which Forge 8 expects to be main.cjs).
 */
export async function launchApp(binary: string, userDataDir: string): Promise<ElectronApplication> {
  return _electron.launch({
    executablePath: binary,
    args: [...platformSwitches(), MAIN_BUNDLE],
    cwd: PROJECT_ROOT,
    env: { ...process.env, SEED_WORKBENCH_USER_DATA: userDataDir, ELECTRON_ENABLE_LOGGING: '1' } as Record<string, string>,
    timeout: 60_000,
  });
}
