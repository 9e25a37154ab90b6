// "Label all occurrences" across the corpus, in real Chromium (issue 12): a
// word tagged in one document, then O, is suggested with its label wherever it
// stands in the other documents (whole word, case as tagged), the status line
// says in how many; in the other document it is accepted by key, at the right
// offsets after astral characters and CRLF; the request survives a reload,
// and O again on such a span takes it back.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Span } from '../../../core/model';
import {
  defaultDeps,
  openApp,
  openDocumentByName,
  PROJECT_ROOT,
  readStore,
  waitReady,
  type AppSession,
} from '../../support/app-page';
import { freshProfileDir } from '../../support/chromium';
import { clickOffset, dragSelect, offsetsOf, waitSaved } from '../../support/text-selection';

const WORD = 'Kestrel';
const FIRST = { name: 'a-first.txt', text: `The ${WORD} unit met officials in Dover.\r\n` };
const SECOND = {
  name: 'b-second.txt',
  text: `🇬🇧 Report 𠀀\r\nA kestrel flew over. Later the ${WORD} unit left, and the ${WORD}s stayed.\r\n`,
};
const THIRD = { name: 'c-third.txt', text: 'Nothing to see here.\n' };

/** The texts of the actor suggestions drawn in the open document. */
const suggested = (s: AppSession) =>
  s.page.$$eval('.doc-text .suggestion[data-label="actor"]', (els) => els.map((el) => el.textContent));

describe('suggesting a span in every document (O)', () => {
  let s: AppSession;
  const dir = mkdtempSync(path.join(tmpdir(), 'seed-everywhere-'));

  beforeAll(async () => {
    const seeds = path.join(dir, 'seeds');
    mkdirSync(seeds);
    for (const d of [FIRST, SECOND, THIRD]) writeFileSync(path.join(seeds, d.name), d.text, 'utf8');
    s = await openApp(freshProfileDir(), defaultDeps({ seedsDir: seeds }));
    await s.page.setViewportSize({ width: 1280, height: 800 });
    await openDocumentByName(s.page, FIRST.name);
  });
  afterAll(async () => s?.context.close());

  it('tags a word, and O says how many documents have it', async () => {
    const at = offsetsOf(FIRST.text, WORD);
    await dragSelect(s.page, at.start, at.end);
    await s.page.keyboard.press('1');
    await waitSaved(s.page);
    await s.page.keyboard.press('o');
    await expect
      .poll(() => s.page.textContent('[data-testid="statusbar"]'))
      .toMatch(new RegExp(`“${WORD}” is suggested as actor wherever it stands: in 2 documents`));
  });

  it('suggests it in another document, whole word and case as tagged, and A accepts it', async () => {
    await openDocumentByName(s.page, SECOND.name);
    await expect.poll(() => suggested(s)).toEqual([WORD]);
    // From the corpus request (no rule suggests this word here).
    expect(await s.page.getAttribute('.doc-text .suggestion[data-label="actor"]', 'title')).toContain('occurrences');
    const at = offsetsOf(SECOND.text, WORD);
    await expect
      .poll(async () => {
        await clickOffset(s.page, at.start + 2);
        return s.page.textContent('[data-testid="current-suggestion"] q');
      })
      .toBe(WORD);
    await s.page.keyboard.press('a');
    await waitSaved(s.page);
    const spans = (await readStore<Span>(s.page, 'spans')).filter((x) => x.start === at.start);
    expect(spans.map((x) => [x.start, x.end, x.label, x.text])).toEqual([[at.start, at.end, 'actor', WORD]]);
    expect(SECOND.text.slice(spans[0].start, spans[0].end)).toBe(WORD);
    await s.page.screenshot({ path: path.join(PROJECT_ROOT, 'test-results', 'occurrences-everywhere.png') });
  });

  it('keeps the request across a reload', async () => {
    await s.page.reload();
    await waitReady(s.page);
    const settings = await readStore<{ key: string; value: unknown }>(s.page, 'settings');
    expect(settings.find((r) => r.key === 'corpusPhrases')?.value).toEqual([{ phrase: WORD, label: 'actor' }]);
    await openDocumentByName(s.page, THIRD.name);
    await openDocumentByName(s.page, SECOND.name);
    // The accepted one is a span now; the plural "Kestrels" is another word and never suggested.
    await s.page.waitForSelector('.doc-text .span[data-label="actor"]');
    expect(await suggested(s)).toEqual([]);
    // O again on the span takes the request back.
    await clickOffset(s.page, offsetsOf(SECOND.text, WORD).start + 2);
    await s.page.keyboard.press('o');
    await expect
      .poll(() => s.page.textContent('[data-testid="statusbar"]'))
      .toMatch(new RegExp(`“${WORD}” is no longer suggested as actor in every document`));
    await expect
      .poll(
        async () =>
          (await readStore<{ key: string; value: unknown }>(s.page, 'settings')).find((r) => r.key === 'corpusPhrases')
            ?.value,
      )
      .toEqual([]);
    expect(s.errors).toEqual([]);
  });
});
