// Finds and launches the Chromium the end-to-end tests drive.
// Order: $SEED_CHROMIUM (or $CHROMIUM_PATH), /usr/bin/chromium, Playwright's own download.
// A suite that starts the browser hundreds of times (the crash suite) may ask for Debian's
// headless shell instead: $SEED_CHROMIUM_SHELL, /usr/bin/chromium-headless-shell, else the above.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { watchDatabaseDeletes } from './browser-drop';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--allow-file-access-from-files',
];

/**
 * Which build of Chromium this test file starts. `headless-shell` (Debian's chromium-headless-shell)
 * is built from the same source with the same Blink, IndexedDB and LevelDB, without the browser's
 * own UI; it starts in about a third of the time (0.6 s against 1.7 s here), and it is what
 * Playwright runs for headless by default. The screens are tested in the full browser.
 */
export type ChromiumBuild = 'browser' | 'headless-shell';
let chosenBuild: ChromiumBuild = 'browser';

/** Starts the rest of this test file's browsers from `build` (each test file has its own module state). */
export function useChromiumBuild(build: ChromiumBuild): void {
  chosenBuild = build;
}

/** The binary the next launch starts, and the build it is (the shell falls back to the browser when absent). */
export function chromiumInUse(): { build: ChromiumBuild; path: string } {
  if (chosenBuild === 'headless-shell') {
    const shell = [process.env.SEED_CHROMIUM_SHELL, '/usr/bin/chromium-headless-shell'].find(
      (candidate) => candidate && existsSync(candidate),
    );
    if (shell) return { build: 'headless-shell', path: shell };
  }
  return { build: 'browser', path: findChromium() };
}

export function findChromium(): string {
  const candidates = [process.env.SEED_CHROMIUM, process.env.CHROMIUM_PATH, '/usr/bin/chromium'];
  for (const candidate of candidates) if (candidate && existsSync(candidate)) return candidate;
  const bundled = safeBundledPath();
  if (bundled && existsSync(bundled)) return bundled;
  throw new Error(
    'No Chromium found for the end-to-end tests. Install one (Debian/Ubuntu: `sudo apt-get install -y chromium`) ' +
      'or point SEED_CHROMIUM at a Chromium or Chrome binary.',
  );
}

function safeBundledPath(): string | undefined {
  try {
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}

export function freshProfileDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'seed-workbench-profile-'));
}

/** Lines of the browser's own output kept per context: enough to say why a start went wrong. */
const LOG_LINES = 400;
const logs = new WeakMap<BrowserContext, string[]>();

/** The last lines the browser of `context` wrote to stdout and stderr (Playwright's "browser" log). */
export function browserLog(context: BrowserContext): string[] {
  return logs.get(context) ?? [];
}

/** A browser with a persistent profile: closing and relaunching on the same dir is a restart. */
export async function launchWithProfile(profileDir: string): Promise<BrowserContext> {
  const lines: string[] = [];
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumInUse().path,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1400, height: 900 },
    logger: {
      isEnabled: (name) => name === 'browser',
      log: (_name, _severity, message) => {
        lines.push(String(message));
        if (lines.length > LOG_LINES) lines.splice(0, lines.length - LOG_LINES);
      },
    },
  });
  logs.set(context, lines);
  // tsx (used by `npm run bench`) compiles with esbuild's keepNames, which wraps
  // functions passed to page.evaluate in a __name() helper the page lacks.
  await context.addInitScript('globalThis.__name ??= (fn) => fn;');
  await watchDatabaseDeletes(context);
  return context;
}
