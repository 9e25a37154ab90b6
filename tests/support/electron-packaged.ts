// The packaged app, as `electron-forge package` writes it (asar, fuses,
// resources/seeds), launched as a user would start it. Its fuses turn off
// --inspect, so Playwright's _electron (which needs it) cannot drive it;
// the test reaches the window over Chromium's remote debugging port instead.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { PROJECT_ROOT } from './app-page';
import { platformSwitches } from './electron-app';

const PRODUCT = 'Seed Annotation Workbench';
const EXECUTABLE = 'seed-annotation-workbench';

export interface PackagedLayout {
  executable: string;
  resources: string;
}

/** Where electron-packager puts the app for this machine's platform and arch. */
export function packagedLayout(outDir = path.join(PROJECT_ROOT, 'out')): PackagedLayout {
  const folder = path.join(outDir, `${PRODUCT}-${process.platform}-${process.arch}`);
  if (process.platform === 'darwin') {
    const contents = path.join(folder, `${PRODUCT}.app`, 'Contents');
    return { executable: path.join(contents, 'MacOS', EXECUTABLE), resources: path.join(contents, 'Resources') };
  }
  const executable = path.join(folder, process.platform === 'win32' ? `${EXECUTABLE}.exe` : EXECUTABLE);
  return { executable, resources: path.join(folder, 'resources') };
}

/** `electron-forge package`: the Vite builds, asar, fuses, extra resources. */
export function packageApp(): PackagedLayout {
  const forge = path.join(PROJECT_ROOT, 'node_modules/@electron-forge/cli/dist/electron-forge.js');
  const result = spawnSync(process.execPath, [forge, 'package'], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    timeout: 900_000,
  });
  if (result.status !== 0) throw new Error(`electron-forge package failed:\n${result.stdout}\n${result.stderr}`);
  const layout = packagedLayout();
  if (!existsSync(layout.executable)) throw new Error(`electron-forge package wrote no ${layout.executable}`);
  return layout;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export interface PackagedSession {
  child: ChildProcess;
  browser: Browser;
  page: Page;
  output: string[];
}

/** Starts the packaged executable on `userDataDir` and connects to its window. */
export async function launchPackaged(executable: string, userDataDir: string): Promise<PackagedSession> {
  const port = await freePort();
  const output: string[] = [];
  const child = spawn(
    executable,
    [...platformSwitches(), `--remote-debugging-port=${port}`, '--remote-debugging-address=127.0.0.1'],
    {
      env: { ...process.env, SEED_WORKBENCH_USER_DATA: userDataDir, ELECTRON_ENABLE_LOGGING: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout?.on('data', (d) => output.push(String(d)));
  child.stderr?.on('data', (d) => output.push(String(d)));
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
      for (; Date.now() < deadline; await new Promise((r) => setTimeout(r, 250))) {
        const page = browser
          .contexts()
          .flatMap((c) => c.pages())
          .find((p) => p.url().startsWith('app://'));
        if (page) return { child, browser, page, output };
      }
      throw new Error('the packaged app opened no app:// window');
    } catch (error) {
      if (Date.now() > deadline || child.exitCode !== null) {
        child.kill();
        throw new Error(`could not reach the packaged app: ${(error as Error).message}\n${output.join('')}`, {
          cause: error,
        });
      }
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}
