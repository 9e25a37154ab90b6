// A long document with thousands of spans opens in two reads
// (renderer/ui/long-document-spans.ts): the first screen with the spans of its
// first stretch, then the rest. Checked in the real renderer: every stored
// span ends up shown, the first screen was drawn before the rest was read, and
// a document opened while the rest of another is read gets only its own.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultDeps, openApp, openDocumentByName, PROJECT_ROOT, type AppSession } from '../../support/app-page';

const WORD = 'treaty ';
const LONG = WORD.repeat(30_000).trimEnd(); // 210,000 characters
const SPANS = 3_000;
/** Every 10th word, so spans run from the first line to the last. */
const longSpans = Array.from({ length: SPANS }, (_, i) => {
  const start = i * 10 * WORD.length;
  return { start, end: start + WORD.length - 1, label: ['actor', 'country', 'money', 'commitment'][i % 4] };
});
const SHORT = 'Yvette Cooper met partners in Paris.';

const spanHeading = (page: Page) =>
  page.$$eval('h3', (hs) => hs.map((h) => h.textContent ?? '').find((t) => t.startsWith('Spans (')));
const measures = (page: Page, name: string) =>
  page.evaluate(
    (n) => performance.getEntriesByName(n).map((e) => (e as PerformanceMeasure).detail as { spans: number }),
    name,
  );

describe('a long document with thousands of spans', () => {
  let s: AppSession;
  beforeAll(async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'long-doc-'));
    writeFileSync(
      path.join(dir, 'corpus.jsonl'),
      [
        { text: LONG, spans: longSpans, meta: { name: 'long.txt' } },
        { text: SHORT, spans: [{ start: 0, end: 13, label: 'actor' }], meta: { name: 'short.txt' } },
      ]
        .map((r) => JSON.stringify(r))
        .join('\n'),
    );
    s = await openApp(undefined, defaultDeps({ seedsDir: dir }));
  });
  afterAll(async () => s?.context.close());

  it('shows its first screen with the first spans, then every stored span', async () => {
    await openDocumentByName(s.page, 'short.txt');
    await openDocumentByName(s.page, 'long.txt'); // returns once the pane no longer says it is loading
    expect(await spanHeading(s.page)).toBe(`Spans (${SPANS})`);
    const [first] = (await measures(s.page, 'open-document')).slice(-1);
    const [all] = (await measures(s.page, 'open-document:all-spans')).slice(-1);
    expect(first.spans).toBeGreaterThan(0);
    expect(first.spans).toBeLessThan(SPANS); // drawn before the rest was read
    expect(all.spans).toBe(SPANS);
    // the last spans, far past the first read, are drawn where the text is on screen
    await s.page.$eval('[data-pane="main"] .doc-scroll', (el) => el.scrollTo({ top: el.scrollHeight }));
    await s.page.waitForFunction(() => {
      const scroller = document.querySelector('[data-pane="main"] .doc-scroll')!.getBoundingClientRect();
      return [...document.querySelectorAll('[data-pane="main"] .doc-text [data-span-id]')].some((el) => {
        const r = el.getBoundingClientRect();
        return el.textContent === 'treaty' && r.top >= scroller.top && r.bottom <= scroller.bottom;
      });
    });
  });

  it('lists its spans in a box of their own, drawing only the rows in view; the last is a scroll away', async () => {
    await openDocumentByName(s.page, 'long.txt');
    const list = '[data-testid="span-list"]';
    const drawn = () => s.page.$$eval(`${list} li`, (els) => els.map((e) => e.getAttribute('aria-posinset')));
    const first = await drawn();
    expect(first[0]).toBe('1');
    expect(first.length).toBeGreaterThan(10);
    expect(first.length).toBeLessThan(200); // a window of 3,000
    expect(await s.page.getAttribute(`${list} li`, 'aria-setsize')).toBe(String(SPANS));
    // What follows the list in the panel (relations, suggestions) is in reach without passing 3,000 rows.
    const below = await s.page.$eval('.span-list-scroll', (box) => {
      const next = box.parentElement!.nextElementSibling!.getBoundingClientRect();
      return next.top - box.getBoundingClientRect().top;
    });
    expect(below).toBeLessThan(900);
    // Scrolled to its end, the list draws the last rows; a click on the last selects that span.
    await s.page.$eval('.span-list-scroll', (box) => box.scrollTo({ top: box.scrollHeight }));
    await s.page.waitForFunction((n) => !!document.querySelector(`[aria-posinset="${n}"]`), SPANS);
    await s.page.screenshot({ path: path.join(PROJECT_ROOT, 'test-results', 'span-list-long.png') });
    await s.page.click(`${list} li[aria-posinset="${SPANS}"]`);
    const last = longSpans[SPANS - 1];
    await expect
      .poll(() => s.page.textContent('[data-testid="span-offsets"]'))
      .toBe(`characters ${last.start}–${last.end} · ${last.end - last.start} long`);
    // Its row is the selected one, and still drawn after the redraw that selection made.
    expect(await s.page.getAttribute(`${list} li[aria-posinset="${SPANS}"]`, 'class')).toContain('selected');
  });

  it('gives a document opened while the rest of another is read only its own spans', async () => {
    await openDocumentByName(s.page, 'short.txt');
    // two clicks without waiting: the long one's second read finishes after the short one is shown
    await s.page.click('.doc-item:has(.doc-name:text-is("long.txt"))');
    await s.page.click('.doc-item:has(.doc-name:text-is("short.txt"))');
    await openDocumentByName(s.page, 'short.txt');
    await s.page.waitForTimeout(300); // longer than the long document's second read takes
    expect(await spanHeading(s.page)).toBe('Spans (1)');
    expect(await s.page.$$eval('[data-pane="main"] .doc-text [data-span-id]', (els) => els.length)).toBeGreaterThan(0);
    await openDocumentByName(s.page, 'long.txt');
    expect(await spanHeading(s.page)).toBe(`Spans (${SPANS})`);
  });
});
