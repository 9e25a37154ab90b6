// What the annotate screen shows of a document, checked with real files,
// mouse drags and keys: names exactly as their letters run (no direction
// control can reorder them), offsets and lengths in code points as exported,
// label tags large enough to read, and bracket ends that tell two overlapping
// spans of one label apart.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultDeps, openApp, PROJECT_ROOT, type AppSession } from '../../support/app-page';
import { fakeDialogs, importVia } from '../../support/io-driver';
import { dragSelect, offsetsOf, waitSaved } from '../../support/text-selection';

// The example: "👩‍🔬" is 5 UTF-16 units but 3 code points.
const SCIENTIST = 'Dr. 👩‍🔬 Ada Lovelace wrote notes on the Analytical Engine';
const SPOOF = 'report\u202Egpj.exe.txt'; // displays as "reporttxt.exe.jpg" if shown raw
const SPOOF_SHOWN = 'report[RLO]gpj.exe.txt';

const open = async (page: Page, shown: string) => {
  await page.click(`.doc-item:has(.doc-name:text-is("${shown}"))`);
  await page.waitForFunction((n) => document.querySelector('[data-testid="doc-title"]')?.textContent === n, shown);
};

describe('what the annotate screen shows', () => {
  let s: AppSession;
  beforeAll(async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'display-'));
    writeFileSync(path.join(dir, 'scientist.txt'), SCIENTIST);
    writeFileSync(path.join(dir, SPOOF), 'An attachment whose name hides its real extension.\n');
    const dialogs = fakeDialogs();
    s = await openApp(undefined, defaultDeps(dialogs.deps));
    await importVia(s.page, dialogs.answers, [path.join(dir, 'scientist.txt'), path.join(dir, SPOOF)]);
    await s.page.click('[data-testid="import-close"]');
  });
  afterAll(async () => s?.context.close());

  it('shows a name with a right-to-left override with the control made visible, in the list, the header and the window title', async () => {
    const names = await s.page.$$eval('.doc-name', (els) => els.map((e) => e.textContent ?? ''));
    expect(names).toContain(SPOOF_SHOWN);
    expect(names.join('')).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    await open(s.page, SPOOF_SHOWN);
    expect(await s.page.title()).toBe(`${SPOOF_SHOWN} — Seed Annotation Workbench`);
  });

  it('gives the length and a span’s offsets in code points, as the export and Python do', async () => {
    await open(s.page, 'scientist.txt');
    expect(await s.page.textContent('[data-testid="doc-length"]')).toBe('57 characters'); // 59 UTF-16 units
    const { start, end } = offsetsOf(SCIENTIST, 'Ada Lovelace'); // UTF-16 10-22
    await dragSelect(s.page, start, end);
    await s.page.keyboard.press('1');
    await waitSaved(s.page);
    expect(await s.page.textContent('[data-testid="span-offsets"]')).toBe('characters 8–20 · 12 long');
  });

  it('draws label tags at 11 px or more without making the line taller', async () => {
    const lineHeight = () =>
      s.page.$eval('[data-pane="main"] .doc-text .line', (el) => el.getBoundingClientRect().height);
    const { start, end } = offsetsOf(SCIENTIST, 'Analytical Engine');
    const before = await lineHeight();
    await dragSelect(s.page, start, end);
    await s.page.keyboard.press('2');
    await waitSaved(s.page);
    const size = await s.page.$eval('[data-pane="main"] .span-tag', (el) =>
      Number.parseFloat(getComputedStyle(el, '::after').fontSize),
    );
    expect(size).toBeGreaterThanOrEqual(11);
    expect(await lineHeight()).toBe(before);
  });

  it('marks where each of two overlapping spans of one label starts and ends', async () => {
    await s.page.keyboard.press('Escape');
    for (const needle of ['Lovelace wrote', 'wrote notes']) {
      const { start, end } = offsetsOf(SCIENTIST, needle);
      await dragSelect(s.page, start, end);
      await s.page.keyboard.press('1');
      await waitSaved(s.page);
    }
    // The text each bracket sits against, read from the page: the start bracket is followed by the span, the end one preceded by it.
    const bounds = await s.page.$$eval('[data-pane="main"] .span-bound', (els) =>
      els.map((el) => {
        const line = el.closest('.line')!;
        const before = document.createRange();
        before.setStart(line, 0);
        before.setEndBefore(el);
        const after = document.createRange();
        after.setStartAfter(el);
        after.setEnd(line, line.childNodes.length);
        const drawn = getComputedStyle(el, '::before');
        return {
          end: el.classList.contains('end') ? 'end' : 'start',
          before: before.toString(),
          after: after.toString(),
          border: drawn.borderTopWidth,
          color: el.style.getPropertyValue('--c'),
          width: el.getBoundingClientRect().width,
        };
      }),
    );
    const starts = bounds.filter((b) => b.end === 'start').map((b) => b.after.slice(0, 14));
    const ends = bounds.filter((b) => b.end === 'end').map((b) => b.before.slice(-11));
    expect(starts).toEqual(expect.arrayContaining(['Lovelace wrote', 'wrote notes on']));
    expect(ends).toEqual(expect.arrayContaining(['Lovelace wrote'.slice(-11), 'wrote notes']));
    expect(bounds.every((b) => Number.parseFloat(b.border) > 0 && b.color !== '')).toBe(true);
    expect(bounds.map((b) => b.width)).toEqual(bounds.map(() => 0)); // brackets take no room in the line
    const box = (await s.page.locator('[data-pane="main"] .doc-text').boundingBox())!;
    await s.page.screenshot({
      path: path.join(PROJECT_ROOT, 'test-results', 'display-overlapping-spans.png'),
      clip: { x: box.x, y: box.y, width: box.width, height: 120 },
    });
  });
});
