// Two annotators in the app, in real Chromium: ann's export (Prodigy, with
// _annotator_id) and bob's (no annotator fields, imported with "Import as…")
// of the same three texts come in as two layers of three documents; the
// agreement table shows exactly the figures core/agreement computes from the
// two files (the numbers `corpus agree` prints); the document with the most
// disagreements is curated (agreed spans taken over, one disagreement taken,
// undone, taken from the other annotator); the adjudicated export is checked
// in Python. Screenshots: test-results/teams-*.png.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAnnotatorFiles } from '../../../cli/agree-inputs';
import { ProblemReport } from '../../../cli/report';
import { measureAgreement, type AgreementReport } from '../../../core/agreement';
import type { Span } from '../../../core/model';
import { hasPython, noteIfNoPython, pythonCheck } from '../../main/services/python';
import { defaultDeps, openApp, PROJECT_ROOT, readStore, type AppSession } from '../../support/app-page';
import { freshProfileDir } from '../../support/chromium';
import { exportVia, fakeDialogs, readLines } from '../../support/io-driver';
import { waitSaved } from '../../support/text-selection';

const shots = path.join(PROJECT_ROOT, 'test-results');
const dir = mkdtempSync(path.join(tmpdir(), 'seed-teams-'));
const emptySeeds = mkdtempSync(path.join(tmpdir(), 'seed-teams-seeds-'));
const { answers, deps: dialogs } = fakeDialogs();

// Astral characters before the spans: code points and UTF-16 units differ.
const T1 = 'Priti Patel 😀 met French officials in 🇫🇷 Paris over £75 million in aid.';
const T2 = 'The Home Secretary pledged 𝒜 support to Italy.';
const T3 = 'Germany and Spain agreed.';

/** A span in code points (Python str indices) around the first `needle` after `from`. */
function at(
  text: string,
  needle: string,
  label: string,
  from = 0,
): { start: number; end: number; label: string; text: string } {
  const i = text.indexOf(needle, from);
  if (i < 0) throw new Error(`${needle} not in ${text}`);
  const start = [...text.slice(0, i)].length;
  return { start, end: start + [...needle].length, label, text: needle };
}

const annLines = [
  {
    text: T1,
    _annotator_id: 'ann',
    spans: [at(T1, 'Priti Patel', 'actor'), at(T1, 'Paris', 'country'), at(T1, '£75 million', 'money')],
  },
  { text: T2, _annotator_id: 'ann', spans: [at(T2, 'Home Secretary', 'actor'), at(T2, 'Italy', 'country')] },
  { text: T3, _annotator_id: 'ann', spans: [at(T3, 'Germany', 'country'), at(T3, 'Spain', 'country')] },
];
const bobLines = [
  { text: T1, spans: [at(T1, 'Priti Patel', 'actor'), at(T1, 'French', 'country'), at(T1, '£75', 'money')] },
  { text: T2, spans: [at(T2, 'Home Secretary', 'actor'), at(T2, 'Italy', 'country')] },
  { text: T3, spans: [at(T3, 'Germany', 'country'), at(T3, 'Spain', 'actor')] },
];
const annFile = path.join(dir, 'ann.jsonl');
const bobFile = path.join(dir, 'bob.jsonl');
writeFileSync(annFile, annLines.map((l) => JSON.stringify(l)).join('\n') + '\n');
writeFileSync(bobFile, bobLines.map((l) => JSON.stringify(l)).join('\n') + '\n');

const fixed = (v: number | null | undefined) => (v === null || v === undefined ? '—' : v.toFixed(3));

describe('teams: two annotators, agreement and adjudication in Chromium', () => {
  let a: AppSession;
  let expected: AgreementReport;

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    noteIfNoPython();
    // What `corpus agree ann.jsonl bob.jsonl` computes: the same reader, the same core module.
    expected = measureAgreement((await readAnnotatorFiles([annFile, bobFile], new ProblemReport(() => {}))).input);
    a = await openApp(freshProfileDir(), defaultDeps({ seedsDir: emptySeeds, ...dialogs }));
  });
  afterAll(async () => a?.context.close());

  it('asks for the annotator name once and keeps it in settings', async () => {
    const { page } = a;
    await page.waitForSelector('[data-testid="annotator-name-card"]');
    await page.fill('[data-testid="annotator-name-input"]', 'adj');
    await page.click('[data-testid="annotator-name-save"]');
    await page.waitForSelector('[data-testid="annotator-name-card"]', { state: 'detached' });
    const settings = await readStore<{ key: string; value: unknown }>(page, 'settings');
    expect(settings.find((s) => s.key === 'annotatorName')?.value).toBe('adj');
    expect(await page.textContent('[data-testid="annotator-name"]')).toContain('adj');
    // The closed layer menu is narrow: its tooltip names the whole layer shown.
    expect(await page.getAttribute('[data-testid="layer-select"]', 'title')).toMatch(
      /^My layer \(adj\): which annotator/,
    );
  });

  it("imports two annotators' exports of the same texts as two layers of three documents", async () => {
    const { page } = a;
    answers.open = [annFile];
    await page.click('[data-testid="import-files"]');
    await page.waitForSelector('[data-testid="import-summary"]');
    await page.click('[data-testid="import-close"]');
    // bob's file names nobody: "Import as…" makes its spans bob's layer.
    await page.click('[data-testid="import-as"]');
    await page.fill('[data-testid="import-as-name"]', 'bob');
    answers.open = [bobFile];
    await page.click('[data-testid="import-as-go"]');
    await page.waitForSelector('[data-testid="import-summary"]');
    expect(await page.textContent('[data-testid="import-existing"]')).toBe('3');
    await page.click('[data-testid="import-close"]');
    const docs = await readStore<{ id: string }>(page, 'documents');
    const spans = await readStore<Span>(page, 'spans');
    expect(docs).toHaveLength(3);
    const by = (who: string) => spans.filter((s) => s.annotator === who).length;
    expect([by('ann'), by('bob'), spans.length]).toEqual([7, 7, 14]);
    // Identical spans of the two annotators (Priti Patel, Home Secretary, Italy, Germany) both stay, with their own ids.
    expect(new Set(spans.map((s) => s.id)).size).toBe(14);
  });

  it('shows the agreement figures core/agreement computes from the two files', async () => {
    const { page } = a;
    await page.click('[data-testid="agreement"]');
    await page.waitForSelector('[data-testid="agreement-dialog"][open]');
    const pair = expected.pairs[0];
    expect(pair.annotators).toEqual(['ann', 'bob']);
    const rows = await page.$$eval('[data-pair="ann|bob"] [data-testid="agreement-pair-table"] tbody tr', (trs) =>
      trs.map((tr) => [...tr.children].map((c) => c.textContent ?? '')),
    );
    const want = ['(overall)', ...expected.labels.filter((l) => l in pair.exactF1.byLabel)].map((label) => {
      const pick = (s: typeof pair.exactF1) => fixed(label === '(overall)' ? s.overall : s.byLabel[label]);
      return [label, pick(pair.exactF1), pick(pair.overlapF1), pick(pair.cohenKappa), pick(pair.alphaU)];
    });
    expect(rows).toEqual(want);
    const docRows = await page.$$eval('[data-testid="agreement-doc"]', (trs) =>
      trs.map((tr) => [
        tr.getAttribute('data-key'),
        tr.querySelector('[data-testid="agreement-doc-disagreements"]')?.textContent,
      ]),
    );
    expect(docRows).toEqual(expected.documents.map((d) => [d.key, String(d.disagreements)]));
    expect(expected.documents[0].disagreements).toBe(4); // T1: Paris/French and £75 million/£75
    await page.click('[data-testid="agreement-doc"] button.ghost'); // the first document's own figures
    await page.screenshot({ path: path.join(shots, 'teams-agreement.png') });
    await page.click('[data-testid="agreement-doc-open"]'); // opens the most disagreeing document
    await page.waitForFunction((t) => document.querySelector('[data-pane="main"] .doc-text')?.textContent === t, T1);
  });

  it('curates: agreed spans taken over, a disagreement taken, undone, taken from the other annotator', async () => {
    const { page } = a;
    const curated = () =>
      page.$$eval('[data-pane="main"] .doc-text .span', (els) =>
        [
          ...new Set(
            els.map(
              (e) =>
                `${e.getAttribute('data-label')}:${e.getAttribute('data-annotator')}:${e.getAttribute('data-span-id')}`,
            ),
          ),
        ]
          .map((k) => k.split(':').slice(0, 2).join(':'))
          .sort(),
      );
    const spanText = (id: string | null) =>
      page.$$eval(`[data-pane="main"] .doc-text [data-span-id="${id}"]`, (els) =>
        els.map((e) => e.textContent).join(''),
      );
    await page.click('[data-testid="curate"]');
    await page.waitForSelector('[data-testid="curation-layer"][data-annotator="bob"]');
    await waitSaved(page);
    expect(await page.textContent('[data-testid="layer-pill"]')).toContain('Adjudicated layer');
    expect(await curated()).toEqual(['actor:curation']); // Priti Patel: both made it
    const disputed = await page.$$eval('[data-annotator="bob"] .span.cur-disputed', (els) => els.length);
    expect(disputed).toBeGreaterThanOrEqual(2);
    // bob's "£75" is a disagreement: one click takes it; Ctrl+Z takes it back out.
    await page.click('[data-testid="curation-layer"][data-annotator="bob"] .span[data-label="money"]');
    await waitSaved(page);
    expect(await curated()).toEqual(['actor:curation', 'money:curation']);
    await page.keyboard.press('Control+z');
    await waitSaved(page);
    expect(await curated()).toEqual(['actor:curation']);
    // ann's "£75 million" instead (one click on the span), and "Paris" from the keyboard (Tab to its button, Enter).
    await page.click('[data-testid="curation-layer"][data-annotator="ann"] .span[data-label="money"]');
    await waitSaved(page);
    await page.focus('[data-annotator="ann"] [data-testid="curation-take"]');
    expect(await page.textContent('[data-annotator="ann"] [data-testid="curation-take"]')).toBe('country Paris');
    await page.keyboard.press('Enter');
    await waitSaved(page);
    expect(await curated()).toEqual(['actor:curation', 'country:curation', 'money:curation']);
    const money = await page.getAttribute('[data-pane="main"] .doc-text .span[data-label="money"]', 'data-span-id');
    expect(await spanText(money)).toBe('£75 million');
    expect(await page.textContent('[data-annotator="ann"] [data-testid="curation-open"]')).toContain(
      '0 disagreements not taken',
    );
    await page.screenshot({ path: path.join(shots, 'teams-curation.png') });
    // The smallest window the app supports (README): every control still on screen.
    const size = page.viewportSize();
    await page.setViewportSize({ width: 1024, height: 700 });
    await page.screenshot({ path: path.join(shots, 'teams-curation-1024.png') });
    if (size) await page.setViewportSize(size);
  });

  it('exports the adjudicated layer by default; Python reads every span; all layers carry "annotator"', async () => {
    const { page } = a;
    const gold = path.join(dir, 'gold.jsonl');
    await exportVia(page, answers, gold, async (p) => {
      expect(await p.isChecked('[data-testid="layer-curation"]')).toBe(true);
    });
    const lines = readLines(gold);
    expect(lines.map((l) => l.text)).toEqual([T1]); // only the adjudicated document: the others are not gold yet
    const t1 = lines[0];
    expect(t1.spans!.map((s) => [s.start, s.end, s.label, s.text])).toEqual(
      [at(T1, 'Priti Patel', 'actor'), at(T1, 'Paris', 'country'), at(T1, '£75 million', 'money')].map((s) => [
        s.start,
        s.end,
        s.label,
        s.text,
      ]),
    );
    expect(t1.spans!.every((s) => !('annotator' in s))).toBe(true);
    if (hasPython) expect(pythonCheck(gold)).toBe(3 + 0 + 0); // only T1 was curated
    const all = path.join(dir, 'all.jsonl');
    await exportVia(page, answers, all, (p) => p.check('[data-testid="layer-all"]'));
    const spans = readLines(all).flatMap((l) => (l.spans ?? []) as Array<{ annotator?: string }>);
    expect(spans.map((s) => s.annotator).sort()).toEqual([
      ...Array(7).fill('ann'),
      ...Array(7).fill('bob'),
      ...Array(3).fill('curation'),
    ]);
    if (hasPython) expect(pythonCheck(all)).toBe(17);
  });

  it('all layers at once: every annotator told apart, label colours kept; a colleague’s layer is read-only', async () => {
    const { page } = a;
    await page.selectOption('[data-testid="layer-select"]', 'all');
    await page.waitForSelector('[data-pane="main"] .span.by-annotator[data-annotator="bob"]');
    const who = await page.$$eval('[data-pane="main"] .span.by-annotator', (els) =>
      [...new Set(els.map((e) => e.getAttribute('data-annotator')))].sort(),
    );
    expect(who).toEqual(['ann', 'bob', 'curation']);
    await page.screenshot({ path: path.join(shots, 'teams-all-layers.png') });
    await page.selectOption('[data-testid="layer-select"]', 'annotator:bob');
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="layer-pill"]')?.textContent?.includes('read-only'),
    );
    expect(await page.getAttribute('[data-testid="layer-select"]', 'title')).toMatch(/^bob's layer: /);
    const before = (await readStore<Span>(page, 'spans')).length;
    await page.click('[data-pane="main"] .span[data-label="money"]');
    await page.keyboard.press('Delete');
    await waitSaved(page);
    expect((await readStore<Span>(page, 'spans')).length).toBe(before);
    expect(await page.textContent('[data-testid="statusbar"]')).toMatch(/reading only/);
    expect(a.errors).toEqual([]);
  });
});
