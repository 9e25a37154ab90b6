// Side-by-side reading, how the pairing looks: seeds 002 (government release)
// and 004 (newspaper) open beside each other, their shared passages tinted and
// numbered alike, text only one version has quietly marked, and a hovered
// passage lighting its counterpart. Annotating and projecting: split.test.ts.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, openDocumentByName, SEEDS_DIR, type AppSession } from '../../support/app-page';

const LEFT = '002_8a5c06bed5e27244.txt';
const RIGHT = '004_6c7801b40652ef8d.txt';
const right = readFileSync(path.join(SEEDS_DIR, RIGHT), 'utf8');

describe('side-by-side passages', () => {
  let s: AppSession;
  beforeAll(async () => {
    s = await openApp();
    await openDocumentByName(s.page, LEFT);
    const shows = (selector: string, name: string) =>
      s.page.waitForFunction(([sel, n]) => document.querySelector(sel)?.textContent === n, [selector, name]);
    await shows('[data-testid="similar-list"] li:first-child .similar-name', RIGHT);
    await s.page.keyboard.press('s'); // the most similar document beside it: 004
    await shows('[data-pane="side"] [data-testid="doc-title"]', RIGHT);
  });
  afterAll(async () => s?.context.close());

  it('tints shared passages alike in both panes and marks text only one version has', async () => {
    const ids = (pane: string) =>
      s.page.$$eval(`[data-pane="${pane}"] .passage`, (els) => [
        ...new Set(els.map((e) => e.getAttribute('data-pair-id'))),
      ]);
    const [a, b] = [await ids('main'), await ids('side')];
    expect(a.length).toBeGreaterThan(3);
    expect(new Set(a)).toEqual(new Set(b));
    expect(await s.page.locator('[data-pane="side"] .passage-unique').count()).toBeGreaterThan(0);
    const quote = await s.page.$$eval('[data-pane="main"] .passage', (els) =>
      els.map((e) => e.textContent ?? '').join(' '),
    );
    expect(quote).toContain('Criminal smuggling gangs who organise small boat crossings');
  });

  it('shows the pairing at a glance: each pair numbered alike in both panes, a clear tint, and a quiet mark for text only one version has', async () => {
    const markers = (pane: string) =>
      s.page.$$eval(`[data-pane="${pane}"] .pair-marker`, (els) =>
        els.map((e) => `${e.getAttribute('data-pair-id')}:${getComputedStyle(e, '::before').content}`).sort(),
      );
    const [a, b] = [await markers('main'), await markers('side')];
    const pairs = await s.page.$$eval(
      '[data-pane="main"] .passage',
      (els) => new Set(els.map((e) => e.getAttribute('data-pair-id'))).size,
    );
    expect(a).toHaveLength(pairs);
    expect(b).toEqual(a);
    expect(a).toContain('0:"1"'); // pair 0 shows the number 1 on both sides
    const alpha = (css: string) =>
      Number(/rgba?\([^)]*?,\s*([\d.]+)\)$/.exec(css)?.[1] ?? (css.startsWith('rgb(') ? 1 : 0));
    const tint = await s.page.$eval('[data-pane="main"] .passage', (el) => getComputedStyle(el).backgroundColor);
    expect(alpha(tint)).toBeGreaterThanOrEqual(0.15);
    const unique = await s.page.$eval(
      '[data-pane="side"] .passage-unique',
      (el) => getComputedStyle(el).backgroundColor,
    );
    expect(alpha(unique)).toBe(0);
    // inside the reworded pair, the words only one version has are marked too
    expect(
      await s.page.$$eval('[data-pane="main"] .passage-changed', (els) => els.map((e) => e.textContent)),
    ).toContain('recently');
    // the numbers are drawn, not written: the text of the pane is still exactly the document's
    expect(
      await s.page.$$eval('[data-pane="side"] .doc-text .line', (ls) => ls.map((l) => l.textContent).join('\n')),
    ).toBe(right.replace(/\r\n?/g, '\n'));
  });

  it('hovering a passage highlights its counterpart in the other pane', async () => {
    const passage = s.page.locator('[data-pane="side"] .passage').first();
    await passage.hover();
    const id = await passage.getAttribute('data-pair-id');
    await expect
      .poll(() => s.page.locator(`[data-pane="main"] .passage.active[data-pair-id="${id}"]`).count())
      .toBeGreaterThan(0);
  });
});
