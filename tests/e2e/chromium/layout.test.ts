// The workbench on a small screen (1,024 x 700): every button of the top bar,
// the label bar and the split view's toolbar is on screen, not covered, and
// works when clicked with the mouse; nothing makes the page scroll sideways.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, openDocumentByName, PROJECT_ROOT, type AppSession } from '../../support/app-page';

const WIDTH = 1024;
const HEIGHT = 700;
const BARS = '.topbar button, .label-bar button, [data-testid="compare-bar"] button';
const shot = (name: string) => path.join(PROJECT_ROOT, 'test-results', name);

/** Each visible toolbar button that is cut off by the window or covered at its centre, by its text. */
async function unreachable(page: Page): Promise<string[]> {
  return page.$$eval(
    BARS,
    (buttons, [w, h]) =>
      buttons
        .filter((b) => b.getClientRects().length > 0)
        .flatMap((b) => {
          const r = b.getBoundingClientRect();
          const inside = r.left >= 0 && r.top >= 0 && r.right <= w && r.bottom <= h && r.width > 0;
          const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
          return inside && hit !== null && b.contains(hit)
            ? []
            : [`${b.textContent?.trim()} (${Math.round(r.left)}..${Math.round(r.right)})`];
        }),
    [WIDTH, HEIGHT],
  );
}

const visibleButtons = (page: Page) =>
  page.$$eval(BARS, (bs) => bs.filter((b) => b.getClientRects().length > 0).map((b) => b.textContent?.trim()));
const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe('the workbench at 1024 x 700', () => {
  let s: AppSession;
  beforeAll(async () => {
    s = await openApp();
    await s.page.setViewportSize({ width: WIDTH, height: HEIGHT });
    await openDocumentByName(s.page, '002_8a5c06bed5e27244.txt');
  });
  afterAll(async () => s?.context.close());

  it('shows every button of the top bar and the label bar on screen, uncovered', async () => {
    expect(await visibleButtons(s.page)).toEqual(
      expect.arrayContaining(['Import files…', 'Import folder…', 'Export…', 'Backups…', 'Snap: words', 'Edit labels…']),
    );
    expect(await unreachable(s.page)).toEqual([]);
    expect(await sideways(s.page)).toBeLessThanOrEqual(0);
    await s.page.screenshot({ path: shot('layout-1024-annotate.png') });
  });

  it('opens the label editor and the backups with the mouse', async () => {
    await s.page.click('[data-testid="edit-labels"]');
    await s.page.waitForSelector('[data-testid="close-labels"]');
    await s.page.click('[data-testid="close-labels"]');
    await s.page.click('[data-testid="open-backups"]');
    await s.page.waitForSelector('[data-testid="backups-dialog"][open]');
    await s.page.click('[data-testid="close-backups"]');
  });

  it('shows every button of the split view on screen, uncovered, and Swap and Close work by mouse', async () => {
    await s.page.keyboard.press('s');
    await s.page.waitForFunction(() => !!document.querySelector('[data-pane="side"] [data-testid="doc-title"]'));
    expect(await visibleButtons(s.page)).toEqual(
      expect.arrayContaining(['Span', 'Passage', 'All', 'Accept projected', '⇅ In step', '⇄ Swap', '✕ Close']),
    );
    expect(await unreachable(s.page)).toEqual([]);
    expect(await sideways(s.page)).toBeLessThanOrEqual(0);
    await s.page.screenshot({ path: shot('layout-1024-split.png') });
    const titles = () => s.page.$$eval('[data-testid="doc-title"]', (els) => els.map((e) => e.textContent));
    const before = await titles();
    await s.page.click('[data-testid="swap-panes"]');
    await expect.poll(titles).toEqual([...before].reverse());
    await s.page.click('[data-testid="sync-toggle"]');
    expect(await s.page.getAttribute('[data-testid="sync-toggle"]', 'aria-pressed')).toBe('false');
    await s.page.click('[data-testid="close-split"]');
    await expect.poll(() => s.page.isVisible('[data-pane="side"]')).toBe(false);
    expect(s.errors).toEqual([]);
  });
});
