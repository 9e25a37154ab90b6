// A start after a kill can find the profile's IndexedDB emptied by the
// browser itself: Chromium removed the store's folder and made a new one
// (seen after kills; it logs no reason: RELIABILITY.md). The app then shows
// its lost-database dialog (main's marker says data was held) and loads
// nothing until the user chooses. The crash suite tells that outcome apart
// from a loss by the app, from evidence the app cannot fake, and then checks
// what the app does about it.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';

/** The LevelDB folder of the app's file:// origin in a Chromium profile. */
export const levelDbDir = (profileDir: string): string =>
  path.join(profileDir, 'Default', 'IndexedDB', 'file__0.indexeddb.leveldb');

/**
 * Records every `indexedDB.deleteDatabase` a page of `context` asks for in
 * `globalThis.__deletedDatabases`, so a test can show the page asked for none.
 * (The app's workers have no call of it: `grep deleteDatabase renderer` is empty.)
 */
export async function watchDatabaseDeletes(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const asked: string[] = [];
    const original = IDBFactory.prototype.deleteDatabase;
    IDBFactory.prototype.deleteDatabase = function (this: IDBFactory, name: string) {
      asked.push(String(name));
      return original.call(this, name);
    };
    Object.defineProperty(globalThis, '__deletedDatabases', { value: asked });
  });
}

/** The databases the page asked to delete since it loaded (see watchDatabaseDeletes). */
export const deletesAsked = (page: Page): Promise<string[]> =>
  page.evaluate(() => (globalThis as unknown as { __deletedDatabases?: string[] }).__deletedDatabases ?? []);

/**
 * Whether the browser made the LevelDB store anew at the start just made:
 * LevelDB names a LOG it finds at open LOG.old and begins a new LOG, so a
 * store opened before has a LOG.old; one created at this open has none, and
 * its LOG says "Creating DB … since it was missing".
 */
export function storeCreatedAtThisStart(profileDir: string): boolean {
  const dir = levelDbDir(profileDir);
  const log = path.join(dir, 'LOG');
  if (!existsSync(log) || existsSync(path.join(dir, 'LOG.old'))) return false;
  return /since it was missing/.test(readFileSync(log, 'utf8'));
}

/** Whether this start shows the app's lost-database dialog. */
export const databaseLostShown = async (page: Page): Promise<boolean> =>
  (await page.evaluate(() => document.body.dataset.databaseLost)) === 'true' &&
  (await page.getByTestId('lost-database').isVisible());

/**
 * A start that found the database emptied: proves the browser did it (its
 * store made anew at this start or at a look between the kill and it, no
 * deletion asked by the page before the kill or since), then answers the
 * app's dialog as a user would, beginning again with the seed corpus, and
 * waits until the app has done so.
 */
export async function answerBrowserDrop(
  page: Page,
  evidence: { storeMadeAnew: boolean; deletesBeforeKill: readonly string[] },
): Promise<void> {
  const asked = [...evidence.deletesBeforeKill, ...(await deletesAsked(page))];
  if (asked.length > 0) throw new Error(`the database was found empty, and the page had asked to delete ${asked}`);
  if (!evidence.storeMadeAnew)
    throw new Error('the database was found empty, but the browser did not make its store anew: the app lost it');
  await page.getByTestId('lost-database-seeds').click();
  await page.waitForFunction(() => document.body.dataset.databaseLost === undefined, undefined, { timeout: 30_000 });
}
