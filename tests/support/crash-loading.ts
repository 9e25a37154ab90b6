// The crash suite's kills while the app loads (tests/e2e/chromium/crash.test.ts):
// a corpus to load at first start, a start that does not wait for the app, a
// look at the database from a blank page of the same origin (without the app,
// which would finish the load), and import batches to cut.
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext } from 'playwright-core';
import { createHandlers, type MainDeps } from '../../main/handlers';
import { rendererUrl } from './app-page';
import { exposeBridge, type BridgeCall } from './bridge-host';
import { launchWithProfile } from './chromium';
import { checkIntegrity } from './crash';

/** A corpus folder of `n` small, distinct .txt documents: a first-start load big enough to be cut in the middle. */
export function generatedSeeds(n: number): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'seed-workbench-crash-seeds-'));
  for (let i = 0; i < n; i++)
    writeFileSync(
      path.join(dir, `gen_${String(i).padStart(4, '0')}.txt`),
      `Document ${i}\n${'The Home Secretary pledged money to Italy. '.repeat(40)}${i}\n`,
    );
  return dir;
}

/** Launches the app on a profile without waiting for it to be ready, so a kill can land while it starts. */
export async function startLoading(profileDir: string, deps: MainDeps, calls: BridgeCall[]): Promise<BrowserContext> {
  const context = await launchWithProfile(profileDir);
  await exposeBridge(context, createHandlers(deps), calls);
  const page = context.pages()[0] ?? (await context.newPage());
  void page.goto(rendererUrl()).catch(() => undefined);
  return context;
}

/** The database as a page of the same file:// origin sees it, without the app (which would finish the load). */
export async function inspect(profileDir: string) {
  const context = await launchWithProfile(profileDir);
  const page = context.pages()[0] ?? (await context.newPage());
  const blank = path.join(mkdtempSync(path.join(tmpdir(), 'seed-workbench-blank-')), 'blank.html');
  writeFileSync(blank, '<!doctype html><title>inspect</title>');
  await page.goto(pathToFileURL(blank).href);
  const report = await checkIntegrity(page);
  await context.close();
  return report;
}

export function importBatches(count: number, size: number) {
  return Array.from({ length: count }, (_, b) =>
    Array.from({ length: size }, (_, i) => {
      const text = `Imported ${b}-${i}: the Home Secretary met Italy's minister. ${'filler '.repeat(60)}`;
      const sha256 = createHash('sha256').update(text, 'utf8').digest('hex');
      return {
        id: sha256.slice(0, 16),
        name: `imp_${b}_${i}.txt`,
        text,
        sha256,
        source: `gen:${b}:${i}`,
        spans: [
          { start: 16, end: 30, label: 'actor' },
          { start: 35, end: 40, label: 'country' },
        ],
      };
    }),
  );
}
