// Suggestions in real Chromium (issue 12): the app opens on one document with
// astral characters, a combining mark and CRLF before the places that matter.
// Tagging a word suggests its other occurrences (from the worker); one is
// accepted by key, one rejected by key (each one undo step); after a reload
// the rejection is remembered and the accepted one is a span; the export has
// only the accepted spans, at the right code-point offsets, checked in Python.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Rejection, Span, Suggestion } from '../../../core/model';
import { hasPython, noteIfNoPython } from '../../main/services/python';
import { defaultDeps, openApp, PROJECT_ROOT, readStore, waitReady, type AppSession } from '../../support/app-page';
import { freshProfileDir } from '../../support/chromium';
import { exportVia, fakeDialogs, readLines } from '../../support/io-driver';
import { clickOffset, dragSelect, offsetsOf, waitSaved } from '../../support/text-selection';

const WORD = 'Coastguard';
const TEXT =
  '🇬🇧 Channel crossings 𠀀 report\r\n' +
  `The ${WORD} met Zoe\u0301 at 👨‍👩‍👧 Dover. The Border Force pledged £5 million to France.\r\n` +
  `Officials said the ${WORD} would share its logs.\r\n\r\n` +
  `A second ${WORD} patrol left at dawn, and the ${WORD} counted the boats.\r\n`;
const NAME = 'crossings.txt';
const at = (nth: number) => offsetsOf(TEXT, WORD, nth);
const cp = (utf16: number) => [...TEXT.slice(0, utf16)].length;
const shots = path.join(PROJECT_ROOT, 'test-results');
const shot = (name: string) => path.join(shots, name);

/** Suggestions drawn for WORD: the UTF-16 start of each (the DOM text before it counts lines as '\n'). */
async function wordSuggestions(page: Page): Promise<string[]> {
  return page.$$eval(`.doc-text .suggestion[data-label="actor"]`, (els) =>
    els.map((el) => el.getAttribute('data-suggestion-id') ?? ''),
  );
}
const idAt = (docId: string, nth: number) => `${docId}:${at(nth).start}:${at(nth).end}:actor`;

describe('suggestions in Chromium', () => {
  let s: AppSession;
  let docId: string;
  const { answers, deps } = fakeDialogs();
  const dir = mkdtempSync(path.join(tmpdir(), 'seed-suggest-'));

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    noteIfNoPython();
    const seeds = path.join(dir, 'seeds');
    mkdirSync(seeds);
    writeFileSync(path.join(seeds, NAME), TEXT, 'utf8');
    s = await openApp(freshProfileDir(), defaultDeps({ ...deps, seedsDir: seeds }));
    await s.page.waitForFunction((n) => document.querySelector('[data-testid="doc-title"]')?.textContent === n, NAME);
    docId = (await readStore<{ id: string }>(s.page, 'documents'))[0].id;
  });
  afterAll(async () => s?.context.close());

  it('offers the rules first, and after tagging a word, its other occurrences', async () => {
    // The rules' suggestions arrive from the worker (Border Force, £5 million, France, the pledge).
    await expect.poll(() => s.page.locator('.doc-text .suggestion').count(), { timeout: 20_000 }).toBeGreaterThan(2);
    expect(await wordSuggestions(s.page)).not.toContain(idAt(docId, 1));
    // A suggestion's label takes no room in the line: suggestions arrive while
    // the researcher drags, and text must not move under the mouse.
    const tags = await s.page.$$eval('.doc-text .suggestion-tag', (els) =>
      els.map((e) => ({
        width: e.getBoundingClientRect().width,
        label: getComputedStyle(e, '::after').content,
        clicks: getComputedStyle(e, '::after').pointerEvents,
      })),
    );
    expect(tags.length).toBeGreaterThan(0);
    for (const tag of tags) expect(tag).toMatchObject({ width: 0, clicks: 'none' });
    expect(tags.map((t) => t.label)).toContain('"money?"');
    const first = at(0);
    await dragSelect(s.page, first.start, first.end);
    await s.page.keyboard.press('1');
    await waitSaved(s.page);
    await expect
      .poll(() => wordSuggestions(s.page))
      .toEqual(expect.arrayContaining([1, 2, 3].map((n) => idAt(docId, n))));
    expect(await s.page.textContent(`[data-suggestion-id="${idAt(docId, 1)}"]`)).toBe(WORD);
    const stored = await readStore<Suggestion>(s.page, 'suggestions');
    expect(stored.filter((x) => x.text === WORD).map((x) => x.source)).toEqual([
      'occurrences',
      'occurrences',
      'occurrences',
    ]);
    await s.page.screenshot({ path: shot('suggestions-occurrences.png') });
  });

  it('accepts one by key and rejects one by key, each one undo step', async () => {
    await clickOffset(s.page, at(1).start + 2); // a click makes the suggestion current
    await expect.poll(() => s.page.textContent('[data-testid="current-suggestion"] q')).toBe(WORD);
    await s.page.keyboard.press('a');
    await waitSaved(s.page);
    await clickOffset(s.page, at(2).start + 2);
    await s.page.keyboard.press('x');
    await waitSaved(s.page);
    expect(await wordSuggestions(s.page)).toEqual(expect.arrayContaining([idAt(docId, 3)]));
    expect(await wordSuggestions(s.page)).not.toContain(idAt(docId, 2));
    expect(await wordSuggestions(s.page)).not.toContain(idAt(docId, 1));

    await s.page.keyboard.press('Control+z'); // the rejection is undone: offered again
    await waitSaved(s.page);
    await expect.poll(() => wordSuggestions(s.page)).toContain(idAt(docId, 2));
    expect(await readStore<Rejection>(s.page, 'rejections')).toEqual([]);
    await s.page.keyboard.press('Control+Shift+z');
    await waitSaved(s.page);
    await expect.poll(() => wordSuggestions(s.page)).not.toContain(idAt(docId, 2));

    const spans = await readStore<Span>(s.page, 'spans');
    expect(spans.map((x) => [x.start, x.end, x.label, x.text]).sort()).toEqual(
      [at(0), at(1)].map((o) => [o.start, o.end, 'actor', WORD]).sort(),
    );
    const rejections = await readStore<Rejection>(s.page, 'rejections');
    expect(rejections.map((r) => [r.start, r.end, r.label, r.text])).toEqual([[at(2).start, at(2).end, 'actor', WORD]]);
    await s.page.screenshot({ path: shot('suggestions-accepted-rejected.png') });
  });

  it('after a reload the rejection is remembered and the accepted one is a span', async () => {
    await s.page.reload();
    await waitReady(s.page);
    await expect.poll(() => wordSuggestions(s.page), { timeout: 20_000 }).toContain(idAt(docId, 3));
    const shown = await wordSuggestions(s.page);
    expect(shown).not.toContain(idAt(docId, 2)); // rejected, never offered again
    expect(shown).not.toContain(idAt(docId, 1)); // accepted: a span now
    const spanTexts = await s.page.$$eval('.doc-text .span[data-label="actor"]', (els) =>
      els.map((el) => el.textContent),
    );
    expect(spanTexts).toEqual([WORD, WORD]);
    await s.page.click('[data-testid="open-guidelines"]');
    await s.page.waitForSelector('[data-testid="guidelines"][open]');
    expect(await s.page.textContent('[data-testid="guidelines-body"] h2')).toContain('Annotation guidelines');
    await s.page.screenshot({ path: shot('suggestions-guidelines.png') });
    await s.page.keyboard.press('Escape');
  });

  it('exports only the accepted spans, at code-point offsets Python agrees with', async () => {
    const file = path.join(dir, 'out.jsonl');
    await exportVia(s.page, answers, file);
    const [line] = readLines(file);
    const expected = [at(0), at(1)].map((o) => ({ start: cp(o.start), end: cp(o.end), label: 'actor', text: WORD }));
    expect(line.spans).toEqual(expected);
    if (!hasPython) return;
    const script = [
      'import json, sys',
      'rec = json.loads(open(sys.argv[1], encoding="utf-8").readline())',
      'got = [(s["start"], s["end"], s["label"]) for s in rec["spans"]]',
      'want = json.loads(sys.argv[2])',
      'assert got == [tuple(w) for w in want], (got, want)',
      'assert all(rec["text"][s["start"]:s["end"]] == sys.argv[3] for s in rec["spans"])',
      'print(len(got))',
    ].join('\n');
    const want = JSON.stringify(expected.map((e) => [e.start, e.end, e.label]));
    const run = spawnSync('python3', ['-c', script, file, want, WORD], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('2');
  });

  it('trains the tagger in the worker on the annotated document and saves its model as a file', async () => {
    await s.page.click('[data-testid="retrain"]');
    await expect
      .poll(() => s.page.textContent('[data-testid="tagger-status"]'), { timeout: 30_000 })
      .toContain('learned from 1 document');
    const [download] = await Promise.all([s.page.waitForEvent('download'), s.page.click('[data-testid="save-model"]')]);
    const model = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { format: string; labels: object };
    expect(model.format).toBe('seed-workbench-tagger');
    expect(Object.keys(model.labels)).toEqual(['actor']);
    const stored = await readStore<{ key: string; value: { trainedOn: number } }>(s.page, 'settings');
    expect(stored.find((r) => r.key === 'suggestTagger')?.value.trainedOn).toBe(1);
    await s.page.screenshot({ path: shot('suggestions-tagger.png') });
  });

  it('warms the worker up once, at a quiet moment after a start, and not while she types', async () => {
    const other = await openApp(freshProfileDir(), defaultDeps({ seedsDir: path.join(dir, 'seeds') }));
    try {
      const warmUps = () => other.page.evaluate(() => performance.getEntriesByName('suggest-warm-up').length);
      // A key every second: never three quiet seconds, so no warm-up yet.
      for (let i = 0; i < 4; i++) {
        await other.page.keyboard.press('Shift');
        await other.page.waitForTimeout(1_000);
      }
      expect(await warmUps()).toBe(0);
      await expect.poll(warmUps, { timeout: 30_000 }).toBe(1);
      const detail = await other.page.evaluate(
        () => (performance.getEntriesByName('suggest-warm-up')[0] as PerformanceMeasure).detail as { runs: number },
      );
      expect(detail.runs).toBe(40);
    } finally {
      await other.context.close();
    }
  });
});
