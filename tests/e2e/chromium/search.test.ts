// Text search in the list, in Chromium on the seeds (issue 10, bug 11): whole
// words by default, so "Cooper" finds the two documents naming Yvette Cooper
// and not the three that only mention cooperation; word starts on request;
// and the matches are highlighted in the open document.
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, openDocumentByName, PROJECT_ROOT, SEEDS_DIR, type AppSession } from '../../support/app-page';

const seedNames = readdirSync(SEEDS_DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort();
const seedText = (name: string) => readFileSync(path.join(SEEDS_DIR, name), 'utf8');
/** Seeds naming Cooper as a word of its own (found on disk, not hard-coded). */
const namingCooper = seedNames.filter((n) => /\bCooper\b/.test(seedText(n)));

async function search(page: Page, query: string, shown: number): Promise<string[]> {
  await page.fill('[data-testid="doc-search"]', query);
  // Busy from the keystroke until the list shows this query's result, so an older count on screen
  // (the last filter's) is not taken for this one.
  await page.waitForFunction((t) => {
    const summary = document.querySelector('[data-testid="list-summary"]');
    return summary?.getAttribute('aria-busy') !== 'true' && summary?.textContent?.startsWith(t);
  }, `${shown} of`);
  return page.$$eval('.doc-item .doc-name', (els) => els.map((e) => e.textContent ?? ''));
}

const highlights = (page: Page) =>
  page.$$eval('.doc-pane[data-pane="main"] .search-match', (els) => els.map((e) => e.textContent ?? ''));

describe('text search on the seeds', () => {
  let session: AppSession;
  beforeAll(async () => {
    session = await openApp();
    await session.page.selectOption('[data-testid="doc-search-mode"]', 'text');
  });
  afterAll(async () => session?.context.close());

  it('matches whole words: "Cooper" finds the documents naming Cooper, not every one about cooperation', async () => {
    expect(namingCooper.length).toBeGreaterThan(0);
    expect(namingCooper.length).toBeLessThan(seedNames.length); // the others only say cooperation
    expect(await search(session.page, 'Cooper', namingCooper.length)).toEqual(namingCooper);
  });

  it('highlights each match in the open document, and only whole words', async () => {
    const page = session.page;
    const name = namingCooper.at(-1)!;
    await openDocumentByName(page, name);
    const expected = seedText(name).match(/\bCooper\b/g)!.length;
    await page.waitForFunction(
      (n) => document.querySelectorAll('.doc-pane[data-pane="main"] .search-match').length === n,
      expected,
    );
    expect(await highlights(page)).toEqual(Array(expected).fill('Cooper'));
    mkdirSync(path.join(PROJECT_ROOT, 'test-results'), { recursive: true });
    await page.screenshot({ path: path.join(PROJECT_ROOT, 'test-results/search-highlight.png') });
  });

  it('matches word starts when asked, with the box or a trailing *', async () => {
    const page = session.page;
    await page.check('[data-testid="doc-search-prefix"]');
    expect(await search(page, 'Cooper', seedNames.length)).toEqual(seedNames);
    const words = await highlights(page);
    expect(words).toContain('Cooper');
    expect(words).toContain('cooperation');
    await page.uncheck('[data-testid="doc-search-prefix"]');
    expect(await search(page, 'cooper*', seedNames.length)).toEqual(seedNames);
    await page.screenshot({ path: path.join(PROJECT_ROOT, 'test-results/search-prefix.png') });
  });

  it('clears the highlights with the query', async () => {
    const page = session.page;
    await search(page, '', seedNames.length);
    await page.waitForFunction(() => document.querySelectorAll('.search-match').length === 0);
    expect(session.errors).toEqual([]);
  });
});
