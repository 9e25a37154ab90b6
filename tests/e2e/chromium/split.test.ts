// Side-by-side reading on seeds 002 (government release) and 004 (newspaper):
// open the pair, annotate in one pane, project into the other as one undoable
// step, accept, and find the spans at the right offsets. How the aligned
// passages look: split-passages.test.ts.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Rejection, Span, Suggestion } from '../../../core/model';
import {
  defaultDeps,
  openApp,
  openDocumentByName,
  PROJECT_ROOT,
  readStore,
  SEEDS_DIR,
  waitReady,
  type AppSession,
} from '../../support/app-page';
import { cpSlice, exportVia, fakeDialogs, readLines } from '../../support/io-driver';
import { documentIdByName, putRows, rowsOfDocument } from '../../support/stored-rows';
import { dragUntilSelected, waitSaved } from '../../support/text-selection';

const LEFT = '002_8a5c06bed5e27244.txt';
const RIGHT = '004_6c7801b40652ef8d.txt';
const left = readFileSync(path.join(SEEDS_DIR, LEFT), 'utf8');
const right = readFileSync(path.join(SEEDS_DIR, RIGHT), 'utf8');
const shot = (name: string) => path.join(PROJECT_ROOT, 'test-results', name);

// In 004 the second "Yvette Cooper" and the G7 of "newly agreed G7" sit in passages 002 shares.
const cooperIn004 = right.indexOf('Yvette Cooper', right.indexOf('Yvette Cooper') + 1);
const g7In004 = right.indexOf('newly agreed G7') + 'newly agreed '.length;

/** The projection's suggestions stored for the document named `name`, in reading order. */
const projectedIn = async (page: Page, name: string) =>
  (await rowsOfDocument<Suggestion>(page, 'suggestions', name)).filter((x) => x.source === 'projection' && x.kept);
const spansOf = (page: Page, name: string) => rowsOfDocument<Span>(page, 'spans', name);

const title = (page: Page, pane: string) => page.textContent(`[data-pane="${pane}"] [data-testid="doc-title"]`);

describe('side-by-side reading', () => {
  let s: AppSession;
  const dialogs = fakeDialogs();
  beforeAll(async () => {
    s = await openApp(undefined, defaultDeps(dialogs.deps));
    await openDocumentByName(s.page, LEFT);
  });
  afterAll(async () => s?.context.close());

  it('opens the most similar document beside the open one with S, and lists it as similar', async () => {
    await expect
      .poll(() => s.page.textContent('[data-testid="similar-list"] li:first-child .similar-name'))
      .toBe(RIGHT);
    await s.page.keyboard.press('s');
    await expect.poll(() => title(s.page, 'side')).toBe(RIGHT);
    expect(await title(s.page, 'main')).toBe(LEFT);
  });

  it('keeps the focus, the keys and the span panel on the document she was reading when S opens the other', async () => {
    expect(await s.page.evaluate(() => document.activeElement?.closest('[data-pane]')?.getAttribute('data-pane'))).toBe(
      'main',
    );
    expect(await s.page.getAttribute('[data-pane="main"]', 'class')).toContain('active');
    expect(await s.page.getAttribute('[data-pane="side"]', 'class')).not.toContain('active');
    // the similar documents are still those of the left document, and the right one is marked as open beside it
    await expect
      .poll(() => s.page.textContent(`[data-testid="similar-list"] li:has(.similar-name:text-is("${RIGHT}"))`))
      .toContain('open');
    expect(
      await s.page
        .locator(`[data-testid="similar-list"] li:has(.similar-name:text-is("${RIGHT}")) [data-testid="open-beside"]`)
        .count(),
    ).toBe(0);
  });

  it('projects spans annotated in one pane onto the other as suggestions there, then accepted as one step', async () => {
    await s.page.click('[data-pane="side"] .doc-title');
    expect(await dragUntilSelected(s.page, cooperIn004, cooperIn004 + 'Yvette Cooper'.length, 'side')).toBe(true);
    await s.page.keyboard.press('1');
    expect(await dragUntilSelected(s.page, g7In004, g7In004 + 2, 'side')).toBe(true);
    await s.page.keyboard.press('2');
    await s.page.click('[data-testid="project-all"]');
    await waitSaved(s.page);
    const g7In002 = left.indexOf('newly agreed G7') + 'newly agreed '.length; // the same quote in the release
    const expected = [
      [left.indexOf('Yvette Cooper'), 'Yvette Cooper', 'actor', 'projection'],
      [g7In002, 'G7', 'country', 'projection'],
    ];
    // Proposals, not annotations: stored in the suggestion layer (kept), drawn outlined, no span yet.
    await expect
      .poll(async () => (await projectedIn(s.page, LEFT)).map((x) => [x.start, x.text, x.label, x.source]))
      .toEqual(expected);
    expect(await spansOf(s.page, LEFT)).toEqual([]);
    await expect
      .poll(() =>
        s.page.locator('[data-pane="main"] .suggestion[data-label="actor"]:has-text("Yvette Cooper")').count(),
      )
      .toBeGreaterThan(0);
    expect(await s.page.textContent('[data-testid="statusbar"]')).toContain('suggested there until accepted');
    await s.page.screenshot({ path: shot('split-view-projected.png') });

    await s.page.click('[data-pane="main"] .doc-title');
    // The projection made its first proposal current; the side panel says where it came from.
    await expect
      .poll(() => s.page.textContent('[data-testid="current-suggestion"]'))
      .toContain('projected from the other version');
    await s.page.screenshot({ path: shot('split-view-projected-current.png') });
    await s.page.keyboard.press('Shift+A'); // every projected suggestion of this document, one step
    await waitSaved(s.page);
    const accepted = await spansOf(s.page, LEFT);
    const at = left.indexOf('Yvette Cooper');
    expect(accepted.find((x) => x.label === 'actor')).toMatchObject({ start: at, end: at + 13, text: 'Yvette Cooper' });
    expect(accepted.find((x) => x.label === 'country')).toMatchObject({ text: 'G7' });
    expect(left.slice(accepted[1].start, accepted[1].end)).toBe(accepted[1].text);
    await expect.poll(() => s.page.locator('[data-pane="main"] .suggestion:has-text("Yvette Cooper")').count()).toBe(0);

    await s.page.keyboard.press('Control+z'); // the acceptance is one step: both are proposals again
    await waitSaved(s.page);
    expect(await spansOf(s.page, LEFT)).toEqual([]);
    await expect
      .poll(() => s.page.locator('[data-pane="main"] .suggestion[data-label="country"]:has-text("G7")').count())
      .toBeGreaterThan(0);
    await s.page.keyboard.press('Control+Shift+z');
    await waitSaved(s.page);
    expect((await spansOf(s.page, LEFT)).length).toBe(2);
    await s.page.screenshot({ path: shot('split-view.png') });
  });

  it('exports the accepted projected spans at the right code-point offsets', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'split-export-')), 'corpus.jsonl');
    await exportVia(s.page, dialogs.answers, file);
    const line = readLines(file).find((l) => l.meta?.name === LEFT)!;
    expect(line.text).toBe(left);
    const cp = (utf16: number) => [...left.slice(0, utf16)].length;
    const at = left.indexOf('Yvette Cooper');
    expect(line.spans).toContainEqual({ start: cp(at), end: cp(at) + 13, label: 'actor', text: 'Yvette Cooper' });
    const g7 = line.spans!.find((x) => x.label === 'country')!;
    expect(cpSlice(line.text, g7.start, g7.end)).toBe('G7');
    expect(g7.start).toBe(cp(left.indexOf('newly agreed G7') + 'newly agreed '.length));
  });

  it('accepts the projection just made with A, pressed in the pane it came from', async () => {
    const at = right.indexOf('new government is rapidly') + 'new '.length; // inside a passage both versions share
    await s.page.click('[data-pane="side"] .doc-title');
    expect(await dragUntilSelected(s.page, at, at + 'government'.length, 'side')).toBe(true);
    await s.page.keyboard.press('1');
    await s.page.keyboard.press('p');
    await expect.poll(() => s.page.textContent('[data-testid="statusbar"]')).toContain('press A now to accept it');
    await waitSaved(s.page);
    await expect.poll(async () => (await projectedIn(s.page, LEFT)).some((x) => x.text === 'government')).toBe(true);
    expect((await spansOf(s.page, LEFT)).find((x) => x.text === 'government')).toBeUndefined();
    expect(await s.page.getAttribute('[data-pane="side"]', 'class')).toContain('active'); // still the source pane
    await s.page.keyboard.press('a');
    await expect
      .poll(() => s.page.textContent('[data-testid="statusbar"]'))
      .toBe(`Accepted 1 projected span in ${LEFT}.`);
    await waitSaved(s.page);
    expect((await spansOf(s.page, LEFT)).find((x) => x.text === 'government')).toMatchObject({ label: 'actor' });
  });

  it('rejects a projected suggestion with X, and a second projection does not propose it again', async () => {
    const at = right.indexOf('new government is rapidly') + 'new '.length;
    const inLeft = left.indexOf('new government is rapidly') + 'new '.length;
    await s.page.click('[data-pane="side"] .doc-title');
    expect(await dragUntilSelected(s.page, at, at + 'government'.length, 'side')).toBe(true);
    await s.page.keyboard.press('2'); // a second span on the same words, as country
    await s.page.keyboard.press('p');
    await waitSaved(s.page);
    const proposal = s.page.locator(`[data-pane="main"] .suggestion[data-label="country"]:has-text("government")`);
    await expect.poll(() => proposal.count()).toBeGreaterThan(0);
    await s.page.click('[data-pane="main"] .doc-title');
    await proposal.first().click(); // a click makes it current
    await s.page.keyboard.press('x');
    await waitSaved(s.page);
    await expect.poll(() => proposal.count()).toBe(0);
    const rejections = (await readStore<Rejection>(s.page, 'rejections')).filter((r) => r.label === 'country');
    expect(rejections.map((r) => [r.start, r.text, r.source])).toEqual([[inLeft, 'government', 'projection']]);
    await s.page.click('[data-pane="side"] .doc-title');
    await s.page.keyboard.press('p');
    await expect.poll(() => s.page.textContent('[data-testid="statusbar"]')).toContain('1 rejected there before');
    expect(await proposal.count()).toBe(0);
  });

  it('lists spans that find no counterpart in a panel, each with its label, text and reason, and shows one on a click', async () => {
    const first = right.indexOf('Yvette Cooper'); // "At a three-day meeting in Italy, Yvette Cooper…" is only in 004
    await s.page.click('[data-pane="side"] .doc-title');
    expect(await dragUntilSelected(s.page, first, first + 13, 'side')).toBe(true);
    await s.page.keyboard.press('1');
    await s.page.keyboard.press('p');
    const item = s.page.locator('[data-testid="unprojected-list"] .unprojected-item');
    await expect.poll(() => item.count()).toBe(1);
    expect(await item.locator('.chip').textContent()).toBe('actor');
    expect(await item.locator('.unprojected-text').textContent()).toBe('Yvette Cooper');
    expect(await item.locator('.unprojected-reason').textContent()).toBe('span is not inside an aligned passage');
    expect(await s.page.textContent('[data-testid="statusbar"]')).toContain('1 span could not be projected');
    await s.page.screenshot({ path: shot('split-view-not-projected.png') });

    await s.page.click('[data-pane="main"] .doc-title'); // look elsewhere, then come back through the list
    await s.page.keyboard.press('Escape');
    await item.click();
    expect(await s.page.getAttribute('[data-pane="side"]', 'class')).toContain('active');
    await expect.poll(() => s.page.textContent('[data-testid="span-editor"] .span-quote')).toBe('Yvette Cooper');
    const id = await item.getAttribute('data-span-id');
    expect(await s.page.locator(`[data-pane="side"] .span.selected[data-span-id="${id}"]`).count()).toBeGreaterThan(0);
    await s.page.click('[data-testid="close-report"]');
    expect(await s.page.isVisible('[data-testid="projection-report"]')).toBe(false);
  });

  it('remembers the pair after a reload, and a span an earlier version projected comes back as a suggestion', async () => {
    // Earlier versions stored projections as spans marked projected (dashed until accepted).
    const leftId = await documentIdByName(s.page, LEFT);
    const at = left.indexOf('Italy');
    const legacy = {
      id: 'legacy-projected',
      docId: leftId,
      start: at,
      end: at + 5,
      label: 'actor',
      text: 'Italy',
      note: '',
      projected: true,
      createdAt: 1,
      updatedAt: 1,
    };
    await putRows(s.page, 'spans', [legacy]);
    await s.page.reload();
    await waitReady(s.page);
    await expect.poll(() => title(s.page, 'side')).toBe(RIGHT);
    expect(await title(s.page, 'main')).toBe(LEFT);
    await expect.poll(async () => (await readStore<Span>(s.page, 'spans')).some((x) => x.id === legacy.id)).toBe(false);
    expect((await projectedIn(s.page, LEFT)).find((x) => x.start === at)).toMatchObject({
      text: 'Italy',
      label: 'actor',
      kept: true,
    });
    await expect
      .poll(() => s.page.locator('[data-pane="main"] .suggestion[data-label="actor"]:has-text("Italy")').count())
      .toBeGreaterThan(0);
    expect(s.errors).toEqual([]);
  });

  it('after closing the split view, lists the documents similar to the one on screen, not to the closed one', async () => {
    const [leftId, rightId] = [await documentIdByName(s.page, LEFT), await documentIdByName(s.page, RIGHT)];
    await s.page.click('[data-pane="side"] .doc-title'); // work in the right pane…
    await expect.poll(() => s.page.locator(`[data-testid="similar-list"] li[data-doc-id="${leftId}"]`).count()).toBe(1);
    await s.page.click('[data-testid="close-split"]'); // …then close the split view
    expect(await s.page.isVisible('[data-pane="side"]')).toBe(false);
    await expect.poll(() => s.page.locator(`[data-testid="similar-list"] li[data-doc-id="${leftId}"]`).count()).toBe(0);
    expect(
      await s.page
        .locator(`[data-testid="similar-list"] li[data-doc-id="${rightId}"] [data-testid="open-beside"]`)
        .count(),
    ).toBe(1);
  });
});
