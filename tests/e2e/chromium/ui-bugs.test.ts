// Issue 10's UI bugs in the annotation and label code, each played with the
// real mouse and keys: the caret after a click, label names and keys already
// taken, fast document stepping, and undoing the deletion of a label in use.
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
import { clickOffset, dragSelect, offsetsOf, waitSaved } from '../../support/text-selection';

const DOC = '002_8a5c06bed5e27244.txt';
const text = readFileSync(path.join(SEEDS_DIR, DOC), 'utf8');
const shots = path.join(PROJECT_ROOT, 'test-results');

describe('issue 10 UI bugs', () => {
  let s: AppSession;
  beforeAll(async () => {
    s = await openApp();
    await openDocumentByName(s.page, DOC);
  });
  afterAll(async () => s?.context.close());

  it('Shift+arrow after a click on plain text following a tagged span selects from the click (bug 1)', async () => {
    const secretary = offsetsOf(text, 'Home Secretary');
    await dragSelect(s.page, secretary.start, secretary.end);
    await s.page.keyboard.press('1');
    await waitSaved(s.page);
    const agreed = offsetsOf(text, 'agreed');
    await s.page.waitForTimeout(600); // not a double click
    await clickOffset(s.page, agreed.start); // the caret goes before "agreed" (the click lands in its first letter's left half)
    for (let i = 0; i < 'agreed'.length; i++) await s.page.keyboard.press('Shift+ArrowRight');
    await s.page.keyboard.press('4');
    await waitSaved(s.page);
    const spans = await readStore<Span>(s.page, 'spans');
    expect(spans.map((x) => x.text).sort()).toEqual(['Home Secretary', 'agreed']);
  });

  it('adding a label whose name exists says so in words, not as a ConstraintError (bug 5)', async () => {
    await s.page.click('[data-testid="edit-labels"]');
    await s.page.fill('[data-testid="new-label-name"]', 'actor');
    await s.page.click('[data-testid="add-label"]');
    await expect
      .poll(() => s.page.textContent('[data-testid="label-editor-message"]'))
      .toBe('A label named “actor” already exists.');
    expect(await s.page.textContent('[data-testid="label-editor"]')).not.toContain('ConstraintError');
  });

  it('giving a label a key another label has is refused with a message (bug 6)', async () => {
    const key = s.page.locator('.label-row[data-label="country"] .label-key-input');
    await key.fill('1');
    await key.press('Tab');
    await expect
      .poll(() => s.page.textContent('[data-testid="label-editor-message"]'))
      .toContain('“1” already tags “actor”');
    const labels = await readStore<Label>(s.page, 'labels');
    expect(labels.filter((l) => l.key === '1').map((l) => l.name)).toEqual(['actor']);
    await expect.poll(() => key.inputValue()).toBe('2'); // the row shows the key that is stored
    await s.page.screenshot({ path: path.join(shots, 'label-editor-refusal.png') });
    await s.page.click('[data-testid="close-labels"]');
  });

  it('deleting a label in use can be undone, bringing back its spans (bug 10)', async () => {
    await s.page.click('[data-testid="edit-labels"]');
    await s.page.click('[data-testid="delete-label-commitment"]');
    await s.page.click('[data-testid="confirm-delete-yes"]');
    await expect
      .poll(() => s.page.textContent('[data-testid="label-editor-message"]'))
      .toContain('Deleted “commitment” and 1 span');
    expect((await readStore<Span>(s.page, 'spans')).map((x) => x.label)).toEqual(['actor']);
    // The text and the panels behind the editor no longer show the deleted label: not its span, and no
    // suggestion that would make one.
    await expect.poll(() => s.page.locator('[data-pane="main"] .span[data-label="commitment"]').count()).toBe(0);
    await expect.poll(() => s.page.locator('.suggest-accept-label[data-label="commitment"]').count()).toBe(0);
    await s.page.screenshot({ path: path.join(shots, 'label-delete-undo.png') });
    await s.page.click('[data-testid="undo-label-delete"]');
    await expect
      .poll(() => s.page.textContent('[data-testid="label-editor-message"]'))
      .toContain('Restored “commitment”');
    expect((await readStore<Label>(s.page, 'labels')).map((l) => l.name)).toContain('commitment');
    expect((await readStore<Span>(s.page, 'spans')).map((x) => `${x.text}:${x.label}`).sort()).toEqual([
      'Home Secretary:actor',
      'agreed:commitment',
    ]);
    await s.page.click('[data-testid="close-labels"]');
    await expect
      .poll(() => s.page.locator('[data-pane="main"] .span[data-label="commitment"]').count())
      .toBeGreaterThan(0);
  });

  it('pressing ] three times quickly moves three documents (bug 9)', async () => {
    const names = await s.page.$$eval('.doc-item .doc-name', (els) => els.map((e) => e.textContent ?? ''));
    const from = names.indexOf(DOC);
    await s.page.click('[data-pane="main"] .doc-title');
    // Three real key presses sent back to back, as a quick typist makes them (the document takes longer to open).
    await Promise.all([s.page.keyboard.press(']'), s.page.keyboard.press(']'), s.page.keyboard.press(']')]);
    const expected = names[(from + 3) % names.length];
    await expect.poll(() => s.page.textContent('[data-pane="main"] [data-testid="doc-title"]')).toBe(expected);
    await s.page.waitForTimeout(500); // nothing more arrives later
    expect(await s.page.textContent('[data-pane="main"] [data-testid="doc-title"]')).toBe(expected);
    expect(s.errors).toEqual([]);
  });

  it('a label key pressed before the browser reports the new selection tags what is selected on screen', async () => {
    await openDocumentByName(s.page, DOC);
    // The selection is set and the key sent in one task, as a quick Shift+arrow then key can arrive: the
    // browser's `selectionchange` (where ProseMirror reads a selection) comes only after both.
    const selected = await s.page.evaluate((word) => {
      const root = document.querySelector<HTMLElement>('[data-pane="main"] .doc-text')!;
      root.focus();
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf(word);
        if (at < 0) continue;
        window.getSelection()!.setBaseAndExtent(node, at, node, at + word.length);
        const onScreen = window.getSelection()!.toString();
        root.dispatchEvent(new KeyboardEvent('keydown', { key: '2', bubbles: true }));
        return onScreen;
      }
      return '';
    }, 'major');
    expect(selected).toBe('major');
    await expect
      .poll(async () => (await readStore<Span>(s.page, 'spans')).map((x) => `${x.text}:${x.label}`).sort())
      .toEqual(['Home Secretary:actor', 'agreed:commitment', 'major:country']);
  });
});
