// A write that fails in the real browser (RELIABILITY.md, "A failed save"):
// IndexedDB refuses the next span write as a full disk would. The view must
// go back to what the database holds, the top bar must say "Not saved", and
// the next change must be saved as usual.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Span } from '../../../core/model';
import {
  openApp,
  openDocumentByName,
  PROJECT_ROOT,
  readStore,
  SEEDS_DIR,
  type AppSession,
} from '../../support/app-page';
import { dragSelect, offsetsOf, waitSaved } from '../../support/text-selection';

const DOC = '002_8a5c06bed5e27244.txt';
const text = readFileSync(path.join(SEEDS_DIR, DOC), 'utf8');

describe('a failed save in Chromium', () => {
  let s: AppSession;
  beforeAll(async () => {
    s = await openApp();
    await openDocumentByName(s.page, DOC);
  });
  afterAll(async () => s?.context.close());

  it('shows what is stored, says the change was not saved, and saves the next change', async () => {
    await s.page.evaluate(() => {
      const add = IDBObjectStore.prototype.add;
      let armed = true;
      IDBObjectStore.prototype.add = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['add']>) {
        if (this.name === 'spans' && armed) {
          armed = false;
          throw new DOMException('The disk is full.', 'QuotaExceededError');
        }
        return add.apply(this, args);
      };
    });
    const italy = offsetsOf(text, 'Italy');
    await dragSelect(s.page, italy.start, italy.end);
    await s.page.keyboard.press('2');
    await waitSaved(s.page);
    await expect.poll(() => s.page.textContent('[data-testid="save-state"]')).toBe('Not saved');
    await expect.poll(() => s.page.textContent('[data-testid="statusbar"]')).toMatch(/NOT saved.*disk is full/);
    await expect.poll(() => s.page.locator('[data-pane="main"] .doc-text .span').count()).toBe(0);
    expect(await readStore<Span>(s.page, 'spans')).toEqual([]);
    await s.page.screenshot({ path: path.join(PROJECT_ROOT, 'test-results/failed-save.png') });

    await dragSelect(s.page, italy.start, italy.end);
    await s.page.keyboard.press('2');
    await waitSaved(s.page);
    await expect.poll(() => s.page.textContent('[data-testid="save-state"]')).toBe('All changes saved');
    expect((await readStore<Span>(s.page, 'spans')).map((x) => `${x.text}:${x.label}`)).toEqual(['Italy:country']);
    await expect
      .poll(() => s.page.locator('[data-pane="main"] .doc-text .span[data-label="country"]').count())
      .toBeGreaterThan(0);
  });
});
