// Finds the Electron binary (fetching it once with Electron's own install
// step where it is missing), builds the app the way Forge would, and launches
// it through Playwright on a throwaway profile. The packaged build's helpers
// are in electron-packaged.ts.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron, type ElectronApplication } from 'playwright-core';
import { PROJECT_ROOT } from './app-page';

const ELECTRON_DIR = path.join(PROJECT_ROOT, 'node_modules/electron');
export const MAIN_BUNDLE = path.join(PROJECT_ROOT, '.vite/build/main.cjs');
/** How long Electron's install step may take to download its ~100 MB zip; SEED_ELECTRON_INSTALL_TIMEOUT_MS overrides. */
const INSTALL_TIMEOUT_MS = Number(process.env.SEED_ELECTRON_INSTALL_TIMEOUT_MS) || 180_000;
/** One attempt serves every Electron test file of a run (each runs in its own worker). */
const ATTEMPT_FILE = path.join(PROJECT_ROOT, 'node_modules/.cache/seed-workbench/electron-install.json');
const ATTEMPT_REUSE_MS = 30 * 60_000;

export type ElectronBinary = { found: true; path: string } | { found: false; reason: string };

/** $ELECTRON_PATH first, then the binary the electron npm package would have downloaded. Never downloads. */
export function findElectronBinary(): ElectronBinary {
  const fromEnv = process.env.ELECTRON_PATH;
  if (fromEnv)
    return existsSync(fromEnv)
      ? { found: true, path: fromEnv }
      : { found: false, reason: `ELECTRON_PATH=${fromEnv} does not exist` };
  const pathTxt = path.join(ELECTRON_DIR, 'path.txt');
  if (!existsSync(pathTxt))
    return { found: false, reason: 'node_modules/electron has no binary (its install step has not run)' };
  const binary = path.join(ELECTRON_DIR, 'dist', readFileSync(pathTxt, 'utf8').trim());
  return existsSync(binary)
    ? { found: true, path: binary }
    : { found: false, reason: `${path.relative(PROJECT_ROOT, binary)} missing` };
}

function electronVersion(): string {
  return (JSON.parse(readFileSync(path.join(ELECTRON_DIR, 'package.json'), 'utf8')) as { version: string }).version;
}

/** Why the download site could not be reached, from one short request (install.js prints only "fetch failed"). */
async function probeDownloadSite(version: string): Promise<string> {
  const base = process.env.ELECTRON_MIRROR ?? 'https://github.com/electron/electron/releases/download/';
  const url = `${base.replace(/\/?$/, '/')}v${version}/SHASUMS256.txt`;
  try {
    const response = await fetch(url, { method: 'HEAD', signal: AbortSignal.timeout(10_000) });
    return `${url} answered HTTP ${response.status}`;
  } catch (error) {
    const cause = (error as { cause?: { message?: string } }).cause?.message;
    return `${url}: ${cause ?? (error as Error).message}`;
  }
}

/** Runs node_modules/electron/install.js (what `npm install` runs when install scripts are allowed). */
async function runElectronInstall(): Promise<ElectronBinary> {
  const version = electronVersion();
  const result = spawnSync(process.execPath, [path.join(ELECTRON_DIR, 'install.js')], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    timeout: INSTALL_TIMEOUT_MS,
  });
  if (result.status === 0) return findElectronBinary();
  const output = `${result.stderr ?? ''}\n${result.stdout ?? ''}`.trim().split('\n')[0] || 'no output';
  const what = result.error ? `${result.error.message}` : `exit ${result.status}: ${output}`;
  return {
    found: false,
    reason: `the Electron ${version} download failed (node_modules/electron/install.js, ${what}; ${await probeDownloadSite(version)})`,
  };
}

/**
 * The binary, fetched first where it is missing: one try (with a timeout),
 * remembered for the run so a second test file does not wait again. The
 * reason of a miss is what actually happened.
 */
export async function ensureElectronBinary(): Promise<ElectronBinary> {
  const found = findElectronBinary();
  if (found.found || process.env.ELECTRON_PATH) return found;
  const version = electronVersion();
  try {
    const last = JSON.parse(readFileSync(ATTEMPT_FILE, 'utf8')) as { version: string; at: number; reason: string };
    if (last.version === version && Date.now() - last.at < ATTEMPT_REUSE_MS)
      return {
        found: false,
        reason: `${last.reason}; tried at ${new Date(last.at).toISOString()}, delete ${path.relative(PROJECT_ROOT, ATTEMPT_FILE)} to try again now`,
      };
  } catch {
    // No attempt yet.
  }
  const outcome = await runElectronInstall();
  if (!outcome.found) {
    mkdirSync(path.dirname(ATTEMPT_FILE), { recursive: true });
    writeFileSync(ATTEMPT_FILE, JSON.stringify({ version, at: Date.now(), reason: outcome.reason }));
  }
  return outcome;
}

/** One plain line (not console.log, which vitest decorates) so a skip is never mistaken for a pass. */
export function reportSkip(suite: string, binary: ElectronBinary): void {
  if (!binary.found) process.stdout.write(`${suite}: skipped — no Electron binary (${binary.reason})\n`);
}

/** Main, preload and renderer bundles, through Forge's own Vite worker (scripts/build-electron.mjs). */
export function buildApp(): void {
  const result = spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'scripts/build-electron.mjs')], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`scripts/build-electron.mjs failed:\n${result.stdout}\n${result.stderr}`);
}

export function freshUserDataDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'seed-workbench-electron-'));
}

/** Chromium switches a CI box needs: no display server, and root cannot use the setuid sandbox. */
export function platformSwitches(): string[] {
  const switches: string[] = [];
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY)
    switches.push('--ozone-platform=headless');
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
    env: { ...process.env, SEED_WORKBENCH_USER_DATA: userDataDir, ELECTRON_ENABLE_LOGGING: '1' } as Record<
      string,
      string
    >,
    timeout: 60_000,
  });
}
