// Opens the built renderer (the same files the app packages) from file:// in
// Chromium, with the bridge supplied by the test host, and reads IndexedDB raw.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { createHandlers, type MainDeps } from '../../main/handlers';
import { exposeBridge, type BridgeCall } from './bridge-host';
import { freshProfileDir, launchWithProfile } from './chromium';

export const PROJECT_ROOT = path.resolve(import.meta.dirname, '../..');
export const SEEDS_DIR = path.join(PROJECT_ROOT, 'seeds');
export const RENDERER_INDEX = path.join(PROJECT_ROOT, '.vite/renderer/main_window/index.html');

/**
 * The built page's URL. `automation` opens the test door (window.workbenchAutomation),
 * which the app offers only when asked; `params` adds more (e.g. backup timing).
 */
export function rendererUrl(params: Record<string, string> = {}): string {
  if (!existsSync(RENDERER_INDEX))
    throw new Error(`No renderer build at ${RENDERER_INDEX}: run \`npm run build:renderer\` first.`);
  const url = pathToFileURL(RENDERER_INDEX);
  for (const [key, value] of Object.entries({ automation: '1', ...params })) url.searchParams.set(key, value);
  return url.href;
}

export interface AppSession {
  context: BrowserContext;
  page: Page;
  profileDir: string;
  calls: BridgeCall[];
  errors: string[];
}

/** A throwaway data folder (what userData is to the app): backups go there. */
export function freshDataDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'seed-workbench-data-'));
}

export function defaultDeps(overrides: Partial<MainDeps> = {}): MainDeps {
  return { seedsDir: SEEDS_DIR, dataDir: overrides.dataDir ?? freshDataDir(), ...overrides };
}

/** Starts Chromium on `profileDir` (fresh when omitted) and waits until the app is ready; `params` go on the page's URL. */
export async function openApp(
  profileDir = freshProfileDir(),
  deps: MainDeps = defaultDeps(),
  params: Record<string, string> = {},
): Promise<AppSession> {
  const context = await launchWithProfile(profileDir);
  const calls: BridgeCall[] = [];
  await exposeBridge(context, createHandlers(deps), calls);
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(rendererUrl(params));
  await waitReady(page);
  return { context, page, profileDir, calls, errors };
}

export async function waitReady(page: Page): Promise<void> {
  await page.waitForFunction(() => document.body.dataset.ready !== undefined, undefined, { timeout: 30_000 });
  const state = await page.evaluate(() => document.body.dataset.ready);
  if (state !== 'true') throw new Error(`app failed to start: ${await page.evaluate(() => document.body.innerText)}`);
}

/** Every row of one object store, read with the raw IndexedDB API (not through the app's code). */
export async function readStore<T>(page: Page, store: string, dbName = 'seed-workbench'): Promise<T[]> {
  return page.evaluate(
    ({ store, dbName }) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open(dbName);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction(store, 'readonly').objectStore(store).getAll();
          request.onsuccess = () => {
            resolve(request.result as T[]);
            db.close();
          };
          request.onerror = () => reject(request.error);
        };
      }),
    { store, dbName },
  );
}

/** The text the document view shows: each line block's text, joined by '\n'. */
export async function shownText(page: Page, scope = '.doc-pane'): Promise<string> {
  return page.$$eval(`${scope} .doc-text .line`, (lines) => lines.map((l) => l.textContent ?? '').join('\n'));
}

/** Opens a document from the list and waits until it is shown with all its spans (a long one reads them in two goes). */
export async function openDocumentByName(page: Page, name: string): Promise<void> {
  await page.click(`.doc-item:has(.doc-name:text-is("${name}"))`);
  await page.waitForFunction(
    (n) =>
      document.querySelector('[data-testid="doc-title"]')?.textContent === n &&
      !document.querySelector('.doc-pane[data-loading]'),
    name,
  );
}
