// The corpus list at scale, in the app after the import benchmark: the time
// to show one screen of rows at an offset (records fetched from IndexedDB,
// rows built, layout), against the same screen again with its records
// cached (DOM work only); and a text search for one document's unique word.
import type { Page } from 'playwright-core';
import { ROW_HEIGHT } from '../renderer/ui/document-list-geometry';
import type { ImportedSession } from './import-bench';
import { median, type BenchResult } from './measure';
import { PeakMemory, peaksText } from './memory';
import { markerWord } from './synthetic-corpus';

/** Scrolls to row `index` and returns the 'list-render' measure of the screen that follows. */
async function screenAt(page: Page, index: number): Promise<number> {
  return page.evaluate(
    ({ index, rowHeight }) =>
      new Promise<number>((resolve) => {
        const scroller = document.querySelector('[data-testid="doc-scroller"]')!;
        const before = performance.getEntriesByName('list-render').length;
        const top = Math.min(index * rowHeight, scroller.scrollHeight - scroller.clientHeight);
        if (Math.abs(scroller.scrollTop - top) < 1) return resolve(0); // already there: no scroll, no render
        scroller.scrollTop = top;
        const poll = () => {
          const entries = performance.getEntriesByName('list-render');
          if (entries.length > before) resolve(entries.at(-1)!.duration);
          else requestAnimationFrame(poll);
        };
        poll();
      }),
    { index, rowHeight: ROW_HEIGHT },
  );
}

async function searchTime(page: Page, word: string): Promise<number> {
  await page.selectOption('[data-testid="doc-search-mode"]', 'text');
  const t0 = performance.now();
  await page.fill('[data-testid="doc-search"]', `${word} `);
  await page.waitForFunction(
    () => document.querySelector('[data-testid="list-summary"]')?.textContent?.startsWith('1 of'),
    undefined,
    { polling: 5 },
  );
  const ms = performance.now() - t0 - 150; // less the typing pause the box waits for on purpose
  await page.fill('[data-testid="doc-search"]', '');
  return ms;
}

export async function benchList({ session, count }: ImportedSession): Promise<BenchResult[]> {
  const page = session.page;
  const memory = await PeakMemory.start(page);
  const offsets = Array.from({ length: 9 }, (_, k) => Math.floor(((k + 1) / 10) * count));
  const cold: number[] = [];
  const warm: number[] = [];
  for (const at of offsets) {
    await screenAt(page, 0);
    cold.push(await screenAt(page, at));
    await screenAt(page, 0);
    warm.push(await screenAt(page, at));
  }
  const domRows = await page.locator('.doc-list > li').count();
  const searches = [1, 2, 3].map((k) => markerWord(Math.floor((k / 4) * count)));
  const search: number[] = [];
  for (const word of searches) search.push(await searchTime(page, word));
  const peaks = peaksText(await memory.stop());
  const coldMs = median(cold);
  return [
    {
      name: `list: one screen at an offset in ${count.toLocaleString('en-US')}`,
      ours: coldMs,
      baseline: median(warm),
      unit: 'ms',
      goal: '< 50 ms',
      met: coldMs < 50,
      detail: `median of ${offsets.length} offsets, records read from IndexedDB; baseline: same screen, records cached; ${domRows} rows in the DOM; ${peaks}`,
    },
    {
      name: `search text for one word in ${count.toLocaleString('en-US')}`,
      ours: median(search),
      unit: 'ms',
      goal: '< 200 ms',
      met: median(search) < 200,
      detail: 'median of 3 unique words, from typing to the list showing 1 match (terms index)',
    },
  ];
}
