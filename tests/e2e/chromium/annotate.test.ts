// A researcher's session with real mouse drags and key presses on seed 002:
// one span of each label, a nested and an overlapping pair, relabel, note,
// delete, undo and redo (also across a document switch), then reload.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Span } from '../../../core/model';
import {
  openApp,
  openDocumentByName,
  PROJECT_ROOT,
  readStore,
  SEEDS_DIR,
  waitReady,
  type AppSession,
} from '../../support/app-page';
import { clickOffset, dragSelect, offsetsOf, waitSaved } from '../../support/text-selection';

const DOC = '002_8a5c06bed5e27244.txt';
const text = readFileSync(path.join(SEEDS_DIR, DOC), 'utf8');
const shots = path.join(PROJECT_ROOT, 'test-results');

async function tag(page: Page, needle: string, key: string, nth = 0): Promise<void> {
  const { start, end } = offsetsOf(text, needle, nth);
  await dragSelect(page, start, end);
  await page.keyboard.press(key);
  await waitSaved(page);
}

async function storedSpans(page: Page): Promise<Array<Pick<Span, 'start' | 'end' | 'label' | 'text' | 'note'>>> {
  const spans = await readStore<Span>(page, 'spans');
  return spans
    .map(({ start, end, label, text, note }) => ({ start, end, label, text, note }))
    .sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Clicks into `needle`'s span and waits until the span panel shows it (it draws at the next frame). */
async function selectSpanAt(page: Page, needle: string): Promise<void> {
  await clickOffset(page, offsetsOf(text, needle).start + 1);
  await expect.poll(() => page.textContent('[data-testid="span-editor"] .span-quote')).toBe(needle);
}

const expected = (needle: string, label: string, note = '', nth = 0) => ({
  ...offsetsOf(text, needle, nth),
  label,
  text: needle,
  note,
});

async function shownSpans(page: Page) {
  return page.$$eval('[data-pane="main"] .doc-text .span', (els) =>
    [...new Set(els.map((e) => `${e.getAttribute('data-label')}`))].sort(),
  );
}

describe('annotating seed 002 in Chromium', () => {
  let s: AppSession;
  beforeAll(async () => {
    s = await openApp();
    await openDocumentByName(s.page, DOC);
  });
  afterAll(async () => s?.context.close());

  it('creates one span of each label by dragging and pressing its key', async () => {
    await tag(s.page, 'Home Secretary', '1');
    await tag(s.page, 'Italy', '2');
    await tag(s.page, '£75 million', '3');
    await tag(s.page, 'committed a further £84 million', '4');
    expect(await storedSpans(s.page)).toEqual(
      [
        expected('Home Secretary', 'actor'),
        expected('£75 million', 'money'),
        expected('Italy', 'country'),
        expected('committed a further £84 million', 'commitment'),
      ].sort((a, b) => a.start - b.start),
    );
    expect(await shownSpans(s.page)).toEqual(['actor', 'commitment', 'country', 'money']);
  });

  it('keeps the span list items of unchanged spans when one is tagged (in reading order)', async () => {
    const items = '[data-testid="span-list"] .span-item';
    const before = await s.page.$$eval(items, (els) =>
      els.map((el, i) => {
        (el as HTMLElement & { keptMark?: number }).keptMark = i;
        return el.getAttribute('data-span-id');
      }),
    );
    expect(before.length).toBeGreaterThan(1);
    const selectedBefore = await s.page.$eval('[data-testid="span-list"]', (list) =>
      list.querySelector('.span-item.selected')?.getAttribute('data-span-id'),
    );
    await tag(s.page, 'Avellino', '2'); // a word no earlier step tagged
    await s.page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="span-list"] .span-item').length === n,
      before.length + 1,
    );
    const after = await s.page.$$eval(items, (els) =>
      els.map((el) => ({
        id: el.getAttribute('data-span-id'),
        kept: (el as HTMLElement & { keptMark?: number }).keptMark !== undefined,
        text: el.querySelector('.span-text')?.textContent,
      })),
    );
    // Every earlier item is the same element, but for the one whose selection moved to the new span; the
    // list stays in reading order.
    expect(after.filter((i) => i.kept).map((i) => i.id)).toEqual(before.filter((id) => id !== selectedBefore));
    expect(after.filter((i) => !i.kept).map((i) => i.text)).toContain('Avellino');
    expect(after.filter((i) => !i.kept)).toHaveLength(selectedBefore ? 2 : 1);
    await s.page.keyboard.press('Control+z');
    await waitSaved(s.page);
    await expect
      .poll(() => s.page.$$eval(items, (els) => els.map((el) => el.getAttribute('data-span-id'))))
      .toEqual(before);
  });

  it('snaps a sloppy selection to whole words and trims spaces', async () => {
    const { start, end } = offsetsOf(text, 'Martin Hewitt');
    await dragSelect(s.page, start + 2, end - 3); // "rtin Hewi"
    await s.page.keyboard.press('1');
    await waitSaved(s.page);
    expect((await storedSpans(s.page)).find((x) => x.start === start)).toEqual(expected('Martin Hewitt', 'actor'));
  });

  it('nests a money span inside a commitment and overlaps two spans; all stay visible and clickable', async () => {
    await tag(s.page, '£84 million', '3');
    await tag(s.page, 'UK law enforcement', '1');
    await tag(s.page, 'law enforcement by fostering closer cooperation', '4');
    const money = offsetsOf(text, '£84 million');
    await clickOffset(s.page, money.start + 2);
    await expect.poll(() => s.page.inputValue('[data-testid="span-label"]')).toBe('money');
    await s.page.waitForTimeout(600); // two quick clicks would be a double-click, which selects a word
    await clickOffset(s.page, money.start + 2); // a second click selects the next span out
    await expect.poll(() => s.page.inputValue('[data-testid="span-label"]')).toBe('commitment');
    const layers = await s.page.$$eval('[data-pane="main"] .span', (els) =>
      els.map((e) => e.getAttribute('data-layer')),
    );
    expect(new Set(layers)).toEqual(new Set(['0', '1']));
    await s.page.screenshot({ path: path.join(shots, 'annotate-nested.png') });
    await s.page.$eval('[data-pane="main"] .doc-scroll', (el) => el.scrollTo({ top: 0 }));
    await s.page.screenshot({ path: path.join(shots, 'annotate-seed-002.png') });
  });

  it('changes a label, adds a note and deletes a span from the keyboard', async () => {
    // Each click waits for the panel to show its span: acting before its frame would change the span shown before.
    await selectSpanAt(s.page, 'Italy');
    await s.page.selectOption('[data-testid="span-label"]', 'actor');
    await s.page.click('[data-pane="main"] .doc-text');
    await selectSpanAt(s.page, 'Italy');
    await s.page.keyboard.press('2'); // the label key relabels the selected span back
    await selectSpanAt(s.page, 'Home Secretary');
    await s.page.keyboard.press('n');
    await s.page.keyboard.type('the minister, not the office');
    await s.page.keyboard.press('Escape');
    await selectSpanAt(s.page, 'Martin Hewitt');
    await s.page.keyboard.press('Delete');
    await waitSaved(s.page);
    const spans = await storedSpans(s.page);
    expect(spans.find((x) => x.text === 'Italy')?.label).toBe('country');
    expect(spans.find((x) => x.text === 'Home Secretary')?.note).toBe('the minister, not the office');
    expect(spans.some((x) => x.text === 'Martin Hewitt')).toBe(false);
  });

  it('undoes and redoes, also after switching documents back and forth', async () => {
    await s.page.keyboard.press('Control+z'); // brings Martin Hewitt back
    await waitSaved(s.page);
    expect((await storedSpans(s.page)).some((x) => x.text === 'Martin Hewitt')).toBe(true);
    await s.page.keyboard.press('Control+Shift+z'); // deletes it again
    await waitSaved(s.page);
    expect((await storedSpans(s.page)).some((x) => x.text === 'Martin Hewitt')).toBe(false);
    await openDocumentByName(s.page, '000_017ec2e2a4d45699.txt');
    await openDocumentByName(s.page, DOC);
    await s.page.keyboard.press('Control+z');
    await waitSaved(s.page);
    expect((await storedSpans(s.page)).some((x) => x.text === 'Martin Hewitt')).toBe(true);
  });

  it('finds exactly the expected spans after a reload, in IndexedDB and on screen', async () => {
    const want = [
      expected('Home Secretary', 'actor', 'the minister, not the office'),
      expected('Italy', 'country'),
      expected('£75 million', 'money'),
      expected('committed a further £84 million', 'commitment'),
      expected('£84 million', 'money'),
      expected('Martin Hewitt', 'actor'),
      expected('UK law enforcement', 'actor'),
      expected('law enforcement by fostering closer cooperation', 'commitment'),
    ].sort((a, b) => a.start - b.start || b.end - a.end);
    await s.page.reload();
    await waitReady(s.page);
    expect(await s.page.innerText('[data-testid="doc-title"]')).toBe(DOC);
    expect(await storedSpans(s.page)).toEqual(want);
    const ids = await s.page.$$eval(
      '[data-pane="main"] .doc-text .span',
      (els) => new Set(els.map((e) => e.getAttribute('data-span-id'))).size,
    );
    expect(ids).toBe(want.length);
    expect(await s.page.locator('[data-testid="span-list"] li').count()).toBe(want.length);
    expect(s.errors).toEqual([]);
  });

  it('moves between spans with Tab and sets the document status by key', async () => {
    await s.page.click('[data-pane="main"] .doc-text');
    await s.page.keyboard.press('Tab');
    await s.page.keyboard.press('Tab');
    // reading order: Home Secretary (line 1), then UK law enforcement (line 3)
    await expect.poll(() => s.page.textContent('[data-testid="span-editor"] .span-quote')).toBe('UK law enforcement');
    await s.page.keyboard.press('d');
    await expect.poll(() => s.page.textContent('[data-testid="doc-status"]')).toBe('Done');
    await expect.poll(() => s.page.textContent('[data-testid="progress"]')).toContain('1 done');
  });
});
