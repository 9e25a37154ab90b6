// The label editor: add, rename, recolour and rekey a label, and delete a label
// in use only after a confirmation that says how many spans go with it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Label, Span } from '../../../core/model';
import {
  openApp,
  openDocumentByName,
  PROJECT_ROOT,
  readStore,
  SEEDS_DIR,
  type AppSession,
} from '../../support/app-page';
import { dragSelect, offsetsOf, waitSaved } from '../../support/text-selection';

const DOC = '004_6c7801b40652ef8d.txt';
const text = readFileSync(path.join(SEEDS_DIR, DOC), 'utf8');

describe('label editor', () => {
  let s: AppSession;
  beforeAll(async () => {
    s = await openApp();
    await openDocumentByName(s.page, DOC);
    for (const [needle, key] of [
      ['Yvette Cooper', '1'],
      ['Italy', '2'],
      ['Austria', '2'],
    ] as const) {
      const { start, end } = offsetsOf(text, needle);
      await dragSelect(s.page, start, end);
      await s.page.keyboard.press(key);
    }
    await waitSaved(s.page);
  });
  afterAll(async () => s?.context.close());

  it('adds a label with a key, which then tags a selection', async () => {
    await s.page.click('[data-testid="edit-labels"]');
    await s.page.fill('[data-testid="new-label-name"]', 'institution');
    await s.page.click('[data-testid="add-label"]');
    const row = s.page.locator('.label-row[data-label="institution"]');
    await row.locator('.label-key-input').fill('5');
    await row.locator('.label-key-input').press('Tab');
    await s.page.screenshot({ path: path.join(PROJECT_ROOT, 'test-results/label-editor.png') });
    await s.page.click('[data-testid="close-labels"]');
    await expect.poll(() => s.page.locator('.label-button[data-label="institution"]').count()).toBe(1);
    const { start, end } = offsetsOf(text, 'G7');
    await dragSelect(s.page, start, end);
    await s.page.keyboard.press('5');
    await waitSaved(s.page);
    const spans = await readStore<Span>(s.page, 'spans');
    expect(spans.find((x) => x.text === 'G7')?.label).toBe('institution');
  });

  it('renames a label on every span that uses it', async () => {
    await s.page.click('[data-testid="edit-labels"]');
    const name = s.page.locator('.label-row[data-label="country"] .label-name-input');
    await name.fill('state');
    await name.press('Enter');
    await expect
      .poll(async () => (await readStore<Label>(s.page, 'labels')).map((l) => l.name).sort())
      .toEqual(['actor', 'commitment', 'institution', 'money', 'state']);
    await s.page.click('[data-testid="close-labels"]');
    const spans = await readStore<Span>(s.page, 'spans');
    expect(
      spans
        .filter((x) => x.label === 'state')
        .map((x) => x.text)
        .sort(),
    ).toEqual(['Austria', 'Italy']);
    await expect
      .poll(() => s.page.locator('[data-pane="main"] .span[data-label="state"]').count())
      .toBeGreaterThanOrEqual(2);
  });

  it('leaves the document where she was reading when the editor closes after a change', async () => {
    const scroller = s.page.locator('[data-pane="main"] .doc-scroll');
    await scroller.evaluate((el) => (el.scrollTop = el.scrollHeight));
    await s.page.waitForTimeout(100); // a scroll event's redraw of the drawn window
    const before = await scroller.evaluate((el) => el.scrollTop);
    expect(before).toBeGreaterThan(100);
    await s.page.click('[data-testid="edit-labels"]');
    const name = s.page.locator('.label-row[data-label="money"] .label-name-input');
    await name.fill('funds');
    await name.press('Enter');
    await expect.poll(async () => (await readStore<Label>(s.page, 'labels')).map((l) => l.name)).toContain('funds');
    // The label bar behind the editor shows it at once, not only once the editor closes.
    await expect.poll(() => s.page.locator('.label-button[data-label="funds"]').count()).toBe(1);
    await s.page.click('[data-testid="close-labels"]');
    await s.page.waitForTimeout(300); // anything that would move it has run
    expect(await scroller.evaluate((el) => el.scrollTop)).toBe(before);
  });

  it('asks before deleting a label in use, naming how many spans it removes', async () => {
    await s.page.click('[data-testid="edit-labels"]');
    await s.page.click('[data-testid="delete-label-state"]');
    await expect.poll(() => s.page.textContent('[data-testid="confirm-delete"]')).toContain('removes 2 spans');
    expect((await readStore<Span>(s.page, 'spans')).length).toBe(4); // nothing gone before the answer
    await s.page.click('[data-testid="confirm-delete-yes"]');
    await expect
      .poll(async () => (await readStore<Span>(s.page, 'spans')).map((x) => x.text).sort())
      .toEqual(['G7', 'Yvette Cooper']);
    await s.page.click('[data-testid="close-labels"]');
    await expect.poll(() => s.page.locator('.label-button').count()).toBe(4);
    expect(s.errors).toEqual([]);
  });
});
