// When the suggestions worker is asked (issue 17): a document that stays open
// is asked for once it has settled; documents passed by while she flips
// through the list are not. The worker answers one request at a time, and a
// long document's request can keep it busy for seconds: asked for every
// document passed, it slowed the opens that followed.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, waitReady, type AppSession } from '../../support/app-page';

/** The documents the worker was asked about so far, in order (the 'suggest-worker' measures). */
const asked = (page: Page) =>
  page.evaluate(() =>
    performance.getEntriesByName('suggest-worker').map((e) => (e as PerformanceMeasure).detail.docId as string),
  );
const shownId = (page: Page) =>
  page.evaluate(() => {
    const opens = performance.getEntriesByName('open-document');
    return (opens.at(-1) as PerformanceMeasure | undefined)?.detail.id as string | undefined;
  });

describe('asking the suggestions worker', () => {
  let s: AppSession;
  beforeAll(async () => {
    s = await openApp();
    await waitReady(s.page);
  });
  afterAll(async () => s?.context.close());

  it('asks for the document she stays on, and for none she flips past', async () => {
    const first = await shownId(s.page);
    await expect.poll(() => asked(s.page), { timeout: 20_000 }).toEqual([first]);
    const before = (await asked(s.page)).length;
    const title = () => s.page.textContent('[data-pane="main"] [data-testid="doc-title"]');
    const from = await title();
    await s.page.click('[data-pane="main"] .doc-title');
    // Three documents in quick succession, each a moment on screen.
    for (let i = 0; i < 3; i++) {
      const was = await title();
      await s.page.keyboard.press(']');
      await expect.poll(title).not.toBe(was);
    }
    expect(await title()).not.toBe(from);
    const last = await shownId(s.page);
    await expect.poll(async () => (await asked(s.page)).slice(before), { timeout: 20_000 }).toEqual([last]);
    await s.page.waitForTimeout(1_000); // nothing more is asked later
    expect((await asked(s.page)).slice(before)).toEqual([last]);
    expect(s.errors).toEqual([]);
  });
});
