// Relations suggested by rule, in real Chromium (issue 13): two suggestions
// accepted by key (an actor and the commitment after it) make a suggested
// `commits` relation, which is made from the panel in one undo step; a money
// span tagged by hand inside the commitment adds `funds`, made by "Accept
// all"; a suggested `involves` is dismissed. After a reload the relations
// are there, and Python reads them from the Prodigy export by their text.
// The text has astral characters, a combining mark and CRLF before them.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasPython, noteIfNoPython } from '../../main/services/python';
import { defaultDeps, openApp, PROJECT_ROOT, waitReady, type AppSession } from '../../support/app-page';
import { freshProfileDir } from '../../support/chromium';
import { exportVia, fakeDialogs } from '../../support/io-driver';
import { storedRelations } from '../../support/relations-page';
import { clickOffset, dragSelect, offsetsOf, waitSaved } from '../../support/text-selection';

const ACTOR = 'Home Secretary';
const COMMIT = 'pledged £5 million to projects in France';
const MONEY = '£5 million';
const TEXT =
  '🇬🇧 Pledges 𠀀 report\r\n' +
  `The ${ACTOR} ${COMMIT}. Officials met Zoe\u0301 in Dover.\r\n` +
  'The Border Force said it would share logs.\r\n';
const NAME = 'pledges.txt';
const shot = (name: string) => path.join(PROJECT_ROOT, 'test-results', name);

/** Suggested relations as the panel lists them: "head label? child". */
const listed = (page: Page) =>
  page.evaluate(async () => {
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    return [...document.querySelectorAll('.relation-suggested')].map((li) =>
      [...li.querySelectorAll('.relation-head, .relation-chip, .relation-child')].map((e) => e.textContent).join(' '),
    );
  });

/** Stored relations as "head label child", by their spans' text. */
const stored = async (page: Page): Promise<string[]> => (await storedRelations(page)).map((r) => r.join(' '));

/** Makes the suggestion at `needle` current by a click, then accepts it with A. */
async function acceptSuggestionAt(page: Page, needle: string, label: string): Promise<void> {
  const { start } = offsetsOf(TEXT, needle);
  await page.waitForSelector(`.doc-text .suggestion[data-label="${label}"]`);
  await expect
    .poll(async () => {
      await clickOffset(page, start + 1);
      return page.textContent('[data-testid="current-suggestion"] q');
    })
    .toBe(needle);
  await page.keyboard.press('a');
  await waitSaved(page);
}

describe('suggested relations in Chromium', () => {
  let s: AppSession;
  const { answers, deps } = fakeDialogs();
  const dir = mkdtempSync(path.join(tmpdir(), 'seed-relation-suggest-'));

  beforeAll(async () => {
    noteIfNoPython();
    const seeds = path.join(dir, 'seeds');
    mkdirSync(seeds);
    writeFileSync(path.join(seeds, NAME), TEXT, 'utf8');
    s = await openApp(freshProfileDir(), defaultDeps({ ...deps, seedsDir: seeds }));
    await s.page.setViewportSize({ width: 1280, height: 800 });
    await s.page.waitForFunction((n) => document.querySelector('[data-testid="doc-title"]')?.textContent === n, NAME);
  });
  afterAll(async () => s?.context.close());

  it('suggests `commits` once an actor and the commitment after it are accepted suggestions', async () => {
    expect(await listed(s.page)).toEqual([]);
    await acceptSuggestionAt(s.page, ACTOR, 'actor');
    await acceptSuggestionAt(s.page, COMMIT, 'commitment');
    await expect.poll(() => listed(s.page)).toEqual([`${ACTOR} commits? ${COMMIT}`]);
    await s.page.screenshot({ path: shot('relation-suggested.png') });
  });

  it('makes it from the panel in one undo step', async () => {
    await s.page.click('.relation-suggested [aria-label="Make this relation"]');
    await waitSaved(s.page);
    expect(await stored(s.page)).toEqual([`${ACTOR} commits ${COMMIT}`]);
    expect(await listed(s.page)).toEqual([]);
    await s.page.keyboard.press('Control+z');
    await waitSaved(s.page);
    expect(await stored(s.page)).toEqual([]);
    await expect.poll(() => listed(s.page)).toEqual([`${ACTOR} commits? ${COMMIT}`]);
    await s.page.keyboard.press('Control+Shift+z');
    await waitSaved(s.page);
    expect(await stored(s.page)).toEqual([`${ACTOR} commits ${COMMIT}`]);
  });

  it('adds `funds` for money tagged inside the commitment, drawn dashed, and Accept all makes it', async () => {
    const money = offsetsOf(TEXT, MONEY);
    await dragSelect(s.page, money.start, money.end);
    await s.page.keyboard.press('3');
    await waitSaved(s.page);
    await expect.poll(() => listed(s.page)).toEqual([`${COMMIT} funds? ${MONEY}`]);
    await s.page.waitForSelector('[data-pane="main"] .arc-overlay .arc.suggested');
    await s.page.screenshot({ path: shot('relation-suggested-arc.png') });
    await s.page.click('[data-testid="accept-all-relations"]');
    await waitSaved(s.page);
    expect(await stored(s.page)).toEqual([`${ACTOR} commits ${COMMIT}`, `${COMMIT} funds ${MONEY}`].sort());
  });

  it('dismisses a suggestion without making a relation', async () => {
    const france = offsetsOf(TEXT, 'France');
    await dragSelect(s.page, france.start, france.end);
    await s.page.keyboard.press('2');
    await waitSaved(s.page);
    await expect.poll(() => listed(s.page)).toEqual([`${COMMIT} involves? France`]);
    await s.page.click('.relation-suggested [aria-label="Not this relation"]');
    await expect.poll(() => listed(s.page)).toEqual([]);
    expect(await stored(s.page)).toHaveLength(2);
    expect(s.errors).toEqual([]);
  });

  it('keeps the relations made across a reload, and exports them for Python by their text', async () => {
    await s.page.reload();
    await waitReady(s.page);
    await s.page.waitForFunction(() => document.querySelectorAll('.relation-item').length === 2);
    const file = path.join(dir, 'out.jsonl');
    await exportVia(s.page, answers, file);
    if (!hasPython) return;
    const script = [
      'import json, sys',
      'rec = json.loads(open(sys.argv[1], encoding="utf-8").readline())',
      't = rec["text"]',
      'out = [[t[r["head_span"]["start"]:r["head_span"]["end"]], r["label"], t[r["child_span"]["start"]:r["child_span"]["end"]]] for r in rec["relations"]]',
      'print(json.dumps(sorted(out)))',
    ].join('\n');
    const run = spawnSync('python3', ['-c', script, file], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual(
      [
        [ACTOR, 'commits', COMMIT],
        [COMMIT, 'funds', MONEY],
      ].sort(),
    );
  });
});
