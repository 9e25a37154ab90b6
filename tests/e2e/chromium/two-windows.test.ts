// Two pages of the app on one profile (issue 11, item 5): neither may lose
// the other's edits. With the second page deaf to the other's change
// messages, its writes are stale and the span versions in the database must
// catch them: a note added in one page survives a relabel of the stale span
// in the other, and a span deleted in one does not come back from the other.
// With messages on, the other page shows the change by itself.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Span } from '../../../core/model';
import {
  openApp,
  openDocumentByName,
  readStore,
  rendererUrl,
  SEEDS_DIR,
  waitReady,
  type AppSession,
} from '../../support/app-page';
import { clickOffset, dragSelect, offsetsOf, waitSaved } from '../../support/text-selection';

const DOC = '002_8a5c06bed5e27244.txt';
const text = readFileSync(path.join(SEEDS_DIR, DOC), 'utf8');

async function secondPage(s: AppSession, deaf: boolean): Promise<Page> {
  const page = await s.context.newPage();
  page.on('pageerror', (e) => s.errors.push(String(e)));
  // A window that misses every message: the database's version check is all that protects the other's edits.
  if (deaf)
    await page.addInitScript(() => {
      delete (window as { BroadcastChannel?: unknown }).BroadcastChannel;
    });
  await page.goto(rendererUrl());
  await waitReady(page);
  await openDocumentByName(page, DOC);
  return page;
}

async function selectSpanAt(page: Page, needle: string): Promise<void> {
  await page.click('[data-pane="main"] .doc-title'); // out of any field
  await page.keyboard.press('Escape'); // a click on the selected span would select the next one out
  await page.waitForTimeout(600); // two quick clicks would be a double-click, which selects a word
  await clickOffset(page, offsetsOf(text, needle).start + 1);
  await expect.poll(() => page.locator('[data-testid="span-editor"]').count()).toBe(1);
}

const italy = async (page: Page) => (await readStore<Span>(page, 'spans')).filter((x) => x.text === 'Italy');

describe('two pages on one profile', () => {
  let s: AppSession;
  let a: Page;
  let b: Page;
  beforeAll(async () => {
    s = await openApp();
    a = s.page;
    await openDocumentByName(a, DOC);
    const { start, end } = offsetsOf(text, 'Italy');
    await dragSelect(a, start, end);
    await a.keyboard.press('2');
    await waitSaved(a);
    b = await secondPage(s, true);
  });
  afterAll(async () => s?.context.close());

  it('a note added in one page survives a relabel of the stale span in the other', async () => {
    await selectSpanAt(a, 'Italy');
    await a.fill('[data-testid="span-note"]', 'agreed in Rome');
    await waitSaved(a);
    expect((await italy(a))[0].note).toBe('agreed in Rome');
    await selectSpanAt(b, 'Italy');
    await b.selectOption('[data-testid="span-label"]', 'actor');
    await waitSaved(b);
    await expect
      .poll(async () => (await italy(b)).map((x) => `${x.label}:${x.note}`))
      .toEqual(['actor:agreed in Rome']);
    await expect.poll(() => b.textContent('[data-testid="statusbar"]')).toContain('changed in another window');
    await expect.poll(() => b.inputValue('[data-testid="span-note"]')).toBe('agreed in Rome'); // b now shows what is stored
  });

  it('a span deleted in one page does not come back from the other', async () => {
    await b.click('[data-pane="main"] .doc-title'); // leave the note field
    await selectSpanAt(a, 'Italy'); // a's copy is stale too now (b relabelled it): its delete is refused, then a shows the stored span
    await a.keyboard.press('Delete');
    await waitSaved(a);
    await expect.poll(() => a.textContent('[data-testid="statusbar"]')).toContain('changed in another window');
    await selectSpanAt(a, 'Italy');
    await a.keyboard.press('Delete'); // now on the current version: deleted
    await waitSaved(a);
    expect(await italy(a)).toEqual([]);
    await selectSpanAt(b, 'Italy'); // b (deaf) still shows it, and relabels it
    await b.selectOption('[data-testid="span-label"]', 'country');
    await waitSaved(b);
    expect(await italy(b)).toEqual([]);
    await expect.poll(() => b.locator('[data-pane="main"] .span').count()).toBe(0);
    expect(s.errors).toEqual([]);
  });

  it('with change messages on, the other page shows a change without any action', async () => {
    const c = await secondPage(s, false);
    const { start, end } = offsetsOf(text, 'G7');
    await dragSelect(a, start, end);
    await a.keyboard.press('2');
    await waitSaved(a);
    await expect.poll(() => c.locator('[data-pane="main"] .span[data-label="country"]').count()).toBeGreaterThan(0);
    await c.close();
  });
});
