// Application-menu commands reach the same actions as the keys and buttons.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, openDocumentByName, type AppSession } from '../../support/app-page';
import { fireMenuCommand } from '../../support/bridge-host';

describe('application menu commands in the page', () => {
  let s: AppSession;
  beforeAll(async () => {
    s = await openApp();
    await openDocumentByName(s.page, '000_017ec2e2a4d45699.txt');
  });
  afterAll(async () => s?.context.close());

  it('View › Side by Side opens the most similar document beside', async () => {
    await fireMenuCommand(s.page, 'toggleSplit');
    await expect
      .poll(() => s.page.textContent('[data-pane="side"] [data-testid="doc-title"]'))
      .toBe('001_50b56699af419944.txt');
  });

  it('Document › Mark Done and Next Document act on the active document', async () => {
    await s.page.click('[data-pane="main"] .doc-title');
    await fireMenuCommand(s.page, 'markDone');
    await expect.poll(() => s.page.textContent('[data-pane="main"] [data-testid="doc-status"]')).toBe('Done');
    await fireMenuCommand(s.page, 'nextDocument');
    await expect
      .poll(() => s.page.textContent('[data-pane="main"] [data-testid="doc-title"]'))
      .toBe('001_50b56699af419944.txt');
  });

  it('Edit › Labels… and File › Export… open their dialogs', async () => {
    await fireMenuCommand(s.page, 'editLabels');
    await expect.poll(() => s.page.locator('[data-testid="label-editor"]').isVisible()).toBe(true);
    await s.page.click('[data-testid="close-labels"]');
    await fireMenuCommand(s.page, 'export');
    await expect.poll(() => s.page.locator('dialog[open]').count()).toBe(1);
    expect(s.errors).toEqual([]);
  });
});
