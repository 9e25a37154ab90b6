// Relations between spans in real Chromium on seed 002: made by keys (R, Tab,
// a relation key) and by mouse (a click while relating, a drag from a span's
// label to another span), undone and redone, a span with relations deleted
// and brought back, the page reloaded, the corpus exported as Prodigy and as
// doccano, and Python reading each relation's head and child by their text.
// Last, a document with 100 relations is imported and looked at.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Span } from '../../../core/model';
import { hasPython, noteIfNoPython } from '../../main/services/python';
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
import { freshProfileDir } from '../../support/chromium';
import { exportVia as exportWith, fakeDialogs, importVia as importWith } from '../../support/io-driver';
import { relationsInBrat, relationsInJsonl, relationsInLabelStudio } from '../../support/python-relations';
import { pendingRelationText, spanIdByText, storedRelations } from '../../support/relations-page';
import { clickOffset, dragSelect, pointsFor, waitSaved } from '../../support/text-selection';

const DOC = '002_8a5c06bed5e27244.txt';
const text = readFileSync(path.join(SEEDS_DIR, DOC), 'utf8');
const shots = path.join(PROJECT_ROOT, 'test-results');
const dir = mkdtempSync(path.join(tmpdir(), 'seed-relations-'));
const { answers, deps: dialogs } = fakeDialogs();

const GOV = 'the government';
const COMMIT = 'committed a further £84 million to addressing the root causes of irregular migration';
const MONEY = '£84 million';
const COOPER = 'Home Secretary Yvette Cooper';
const ITALY = 'Italy';

async function tag(page: Page, needle: string, key: string): Promise<void> {
  const at = text.indexOf(needle === GOV ? `${GOV} committed` : needle);
  await dragSelect(page, at, at + needle.length);
  await page.keyboard.press(key);
  await waitSaved(page);
}

async function clickSpan(page: Page, needle: string): Promise<void> {
  const at = text.indexOf(needle === GOV ? `${GOV} committed` : needle);
  await clickOffset(page, at + Math.min(3, needle.length - 1));
}

const ALL = [
  [COMMIT, 'funds', MONEY],
  [COMMIT, 'involves', ITALY],
  [COOPER, 'speaks_for', GOV],
  [GOV, 'commits', COMMIT],
].sort();

describe('relations between spans in Chromium', () => {
  let s: AppSession;
  beforeAll(async () => {
    noteIfNoPython();
    s = await openApp(freshProfileDir(), defaultDeps(dialogs));
    await s.page.setViewportSize({ width: 1280, height: 800 });
    await openDocumentByName(s.page, DOC);
    for (const [needle, key] of [
      [GOV, '1'],
      [COMMIT, '4'],
      [MONEY, '3'],
      [ITALY, '2'],
      [COOPER, '1'],
    ])
      await tag(s.page, needle, key);
  });
  afterAll(async () => s?.context.close());

  it('makes relations by keys: R on the selected span, Tab to the child, the relation key', async () => {
    await clickSpan(s.page, COOPER);
    await s.page.keyboard.press('r');
    for (let i = 0; i < 8 && !(await pendingRelationText(s.page)).includes(`→ ${GOV}`); i++)
      await s.page.keyboard.press('Tab');
    expect(await pendingRelationText(s.page)).toContain(`${COOPER} → ${GOV}`);
    await s.page.keyboard.press('s');
    await waitSaved(s.page);
    // From the commitment, the nearest span on offer is the money inside it.
    await clickSpan(s.page, 'addressing');
    await s.page.keyboard.press('r');
    expect(await pendingRelationText(s.page)).toContain(`→ ${MONEY}`);
    // A key whose label does not fit is refused with a message.
    await s.page.keyboard.press('v');
    expect(await s.page.textContent('[data-testid="statusbar"]')).toMatch(/“involves” connects commitment → country/);
    await s.page.keyboard.press('f');
    await waitSaved(s.page);
    expect(await storedRelations(s.page)).toEqual(
      [
        [COMMIT, 'funds', MONEY],
        [COOPER, 'speaks_for', GOV],
      ].sort(),
    );
  });

  it('makes relations by mouse: a click while relating, and a drag from a span label to a span', async () => {
    // One label fits commitment -> country, so the click makes it at once. Starting to relate draws the
    // pending arc and can move the lines a moment after the click's place was read (seen on CI): if the
    // click missed Italy, the gesture is made again, and it must then succeed.
    const involves = async () => (await storedRelations(s.page)).some(([, label]) => label === 'involves');
    await expect
      .poll(async () => {
        await s.page.keyboard.press('Escape');
        await clickSpan(s.page, 'addressing');
        await s.page.keyboard.press('r');
        await clickSpan(s.page, ITALY);
        await waitSaved(s.page);
        return involves();
      })
      .toBe(true);
    // Drag from the label after "the government" to the commitment beside it.
    const gov = await spanIdByText(s.page, GOV);
    const to = await pointsFor(s.page, text.indexOf('addressing'), text.indexOf('addressing') + 5);
    const from = await s.page.locator(`[data-pane="main"] .span-tag[data-tag-for="${gov}"]`).boundingBox();
    await s.page.mouse.move(from!.x + from!.width / 2, from!.y + from!.height / 2);
    await s.page.mouse.down();
    await s.page.mouse.move(to.x1 + 10, to.y1 - 10, { steps: 6 });
    await s.page.mouse.move(to.x1 + 4, to.y1, { steps: 3 });
    await s.page.mouse.up();
    await waitSaved(s.page);
    expect(await storedRelations(s.page)).toEqual(ALL);
    await s.page.waitForSelector('[data-pane="main"] .arc-overlay .arc');
    await s.page.locator('.relation-item').first().hover();
    await clickSpan(s.page, 'addressing');
    await s.page.screenshot({ path: path.join(shots, 'relations-seed-002.png') });
    expect(await s.page.$$eval('.relation-item', (els) => els.length)).toBe(4);
  });

  it('undoes and redoes a relation, one step each', async () => {
    await s.page.keyboard.press('Escape');
    await s.page.keyboard.press('Control+z');
    await waitSaved(s.page);
    expect(await storedRelations(s.page)).toEqual(ALL.filter((r) => r[1] !== 'commits'));
    await s.page.keyboard.press('Control+Shift+z');
    await waitSaved(s.page);
    expect(await storedRelations(s.page)).toEqual(ALL);
  });

  it('deletes a span with its relations in one step, and undo brings both back', async () => {
    // The span must be the one selected before Delete: the suggestion layer's inline tags can move the text
    // under a click made as they arrive, so the click is made again until the span editor shows this span.
    const commitment = (await readStore<Span>(s.page, 'spans')).find((x) => x.text.includes('addressing'))!.id;
    await expect
      .poll(
        async () => {
          await clickSpan(s.page, 'addressing');
          return s.page.locator(`[data-testid="span-editor"][data-span-id="${commitment}"]`).count();
        },
        { timeout: 20_000, interval: 500 },
      )
      .toBe(1);
    await s.page.keyboard.press('Delete');
    await waitSaved(s.page);
    expect(await storedRelations(s.page)).toEqual([[COOPER, 'speaks_for', GOV]]);
    expect(await s.page.$$eval('.relation-item', (els) => els.length)).toBe(1);
    await s.page.keyboard.press('Control+z');
    await waitSaved(s.page);
    expect(await storedRelations(s.page)).toEqual(ALL);
  });

  it('keeps relations across a reload, and exports them as Prodigy and doccano that Python reads back', async () => {
    await s.page.reload();
    await waitReady(s.page);
    await openDocumentByName(s.page, DOC);
    await s.page.waitForFunction(() => document.querySelectorAll('.relation-item').length === 4);
    const prodigy = path.join(dir, 'relations.prodigy.jsonl');
    const doccano = path.join(dir, 'relations.doccano.jsonl');
    expect(await exportWith(s.page, answers, prodigy)).toMatch(/^Exported 5 documents/);
    expect(await exportWith(s.page, answers, doccano, (p) => p.click('input[name="format"][value="doccano"]'))).toMatch(
      /^Exported 5 documents/,
    );
    if (!hasPython) return;
    expect(relationsInJsonl(prodigy)).toEqual(ALL);
    expect(relationsInJsonl(doccano)).toEqual(ALL);
  });

  it('exports them from the app as brat and Label Studio too, which Python reads back by their text', async () => {
    const brat = path.join(dir, 'relations-brat');
    const studio = path.join(dir, 'relations.labelstudio.json');
    const pick = (value: string) => (p: Page) => p.click(`input[name="format"][value="${value}"]`);
    const pickAndLook = async (p: Page) => {
      await pick('brat')(p);
      await p.screenshot({ path: path.join(shots, 'export-formats.png') });
    };
    expect(await exportWith(s.page, answers, brat, pickAndLook)).toMatch(
      /^Exported 5 documents with 5 spans .*10 files/,
    );
    expect(await exportWith(s.page, answers, studio, pick('labelstudio'))).toMatch(/^Exported 5 documents/);
    expect(readFileSync(studio.replace(/\.json$/, '.label-config.xml'), 'utf8')).toContain('<Relations>');
    if (!hasPython) return;
    expect(relationsInBrat(brat)).toEqual(ALL);
    expect(relationsInLabelStudio(studio)).toEqual(ALL);
  });

  it('edits relation labels like span labels: a new one, with its key and rule, makes relations', async () => {
    await s.page.click('[data-testid="edit-labels"]');
    await s.page.fill('[data-testid="new-relation-label-name"]', 'opposes');
    await s.page.click('[data-testid="add-relation-label"]');
    const row = s.page.locator('.relation-label-row[data-relation-label="opposes"]');
    await row.locator('.label-key-input').fill('o');
    await row.locator('.label-key-input').press('Tab');
    await s.page.fill('[data-testid="relation-heads-opposes"]', 'actor');
    await s.page.press('[data-testid="relation-heads-opposes"]', 'Tab');
    // A typo in the rule is refused by name, not stored to refuse every relation later.
    await s.page.fill('[data-testid="relation-children-opposes"]', 'actr');
    await s.page.press('[data-testid="relation-children-opposes"]', 'Tab');
    expect(await s.page.textContent('[data-testid="relation-label-message"]')).toMatch(/“actr” is not a span label/);
    await s.page.fill('[data-testid="relation-children-opposes"]', 'actor');
    await s.page.press('[data-testid="relation-children-opposes"]', 'Tab');
    await expect
      .poll(async () =>
        (await readStore<{ name: string; children?: string[] }>(s.page, 'relationLabels')).find(
          (l) => l.name === 'opposes',
        ),
      )
      .toMatchObject({ key: 'o', heads: ['actor'], children: ['actor'] });
    await s.page.screenshot({ path: path.join(shots, 'relation-label-editor.png') });
    await s.page.click('[data-testid="close-labels"]');
    // Closing the editor reloads the label sets and the open document's spans and relations in place; the
    // choice is offered once that is done.
    const offered = () =>
      s.page.locator('[data-testid="relation-pending"] button[data-relation-label="opposes"]').count();
    await expect
      .poll(async () => {
        await s.page.keyboard.press('Escape');
        await clickSpan(s.page, COOPER);
        await s.page.keyboard.press('r');
        for (let i = 0; i < 8 && !(await pendingRelationText(s.page)).includes(`→ ${GOV}`); i++)
          await s.page.keyboard.press('Tab');
        const n = await offered();
        return n;
      })
      .toBe(1);
    await s.page.keyboard.press('o');
    await waitSaved(s.page);
    expect(await storedRelations(s.page)).toContainEqual([COOPER, 'opposes', GOV]);
    // The rule holds: from the commitment, "opposes" (actor → actor) is refused in words.
    await clickSpan(s.page, 'addressing');
    await s.page.keyboard.press('r');
    await s.page.keyboard.press('o');
    expect(await s.page.textContent('[data-testid="statusbar"]')).toMatch(/“opposes” connects actor → actor/);
    await s.page.keyboard.press('Escape');
  });

  it('draws a document with 100 relations readably', async () => {
    const sentences = Array.from(
      { length: 50 },
      (_, i) => `Minister ${i} committed £${i + 1} million to France in round ${i}.`,
    );
    const body = sentences.join(' ');
    const spans: Array<{ start: number; end: number; label: string }> = [];
    // Prodigy relations name their ends by head_span/child_span (code points: this text is all in the BMP).
    const relations: object[] = [];
    let at = 0;
    sentences.forEach((sentence, i) => {
      const find = (needle: string, label: string) => {
        const start = body.indexOf(needle, at);
        spans.push({ start, end: start + needle.length, label });
        return spans.length - 1;
      };
      const actor = find(`Minister ${i}`, 'actor');
      const commit = find(`committed £${i + 1} million to France`, 'commitment');
      const money = find(`£${i + 1} million`, 'money');
      const end = (i: number) => ({ start: spans[i].start, end: spans[i].end, label: spans[i].label });
      relations.push(
        { head_span: end(actor), child_span: end(commit), label: 'commits' },
        { head_span: end(commit), child_span: end(money), label: 'funds' },
      );
      at += sentence.length + 1;
    });
    const file = path.join(dir, 'hundred.jsonl');
    writeFileSync(
      file,
      `${JSON.stringify({ id: 'hundred', text: body, spans, relations, meta: { name: 'hundred.txt' } })}\n`,
    );
    answers.open = [file];
    await importWith(s.page, answers, [file]);
    await s.page.keyboard.press('Escape');
    await openDocumentByName(s.page, 'hundred.txt');
    await s.page.waitForFunction(() => document.querySelectorAll('.relation-item').length === 100);
    await s.page.waitForSelector('[data-pane="main"] .arc-overlay .arc');
    await s.page.screenshot({ path: path.join(shots, 'relations-hundred.png') });
    expect(s.errors).toEqual([]);
  });
});
