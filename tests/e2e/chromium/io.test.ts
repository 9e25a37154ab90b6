// Export and import through the UI, in real Chromium, with main's dialogs
// faked to answer temp paths: (a) annotate seed 002 with real drags and keys,
// export, and check every span by code points (and in Python); (b) import a
// JSONL with astral characters, a bad line and a mismatched span; (c) export
// -> import into a fresh profile -> export gives the same bytes; and a big
// import shows its progress and can be cancelled, keeping what was stored.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentRecord } from '../../../core/model';
import { hasPython, noteIfNoPython, pythonCheck } from '../../main/services/python';
import {
  defaultDeps,
  openApp,
  openDocumentByName,
  PROJECT_ROOT,
  readStore,
  SEEDS_DIR,
  type AppSession,
} from '../../support/app-page';
import { freshProfileDir } from '../../support/chromium';
import {
  cpSlice,
  exportVia as exportWith,
  fakeDialogs,
  importVia as importWith,
  readLines,
} from '../../support/io-driver';
import { dragSelect, offsetsOf, waitSaved } from '../../support/text-selection';

const DOC = '002_8a5c06bed5e27244.txt';
const seedText = readFileSync(path.join(SEEDS_DIR, DOC), 'utf8');
const shots = path.join(PROJECT_ROOT, 'test-results');
const dir = mkdtempSync(path.join(tmpdir(), 'seed-io-'));
const emptySeeds = mkdtempSync(path.join(tmpdir(), 'seed-io-empty-'));

/** What the fake dialogs answer next; set by each test before it clicks. */
const { answers, deps: dialogs } = fakeDialogs();
const exportVia = (page: Page, target: string, choose?: (page: Page) => Promise<void>) =>
  exportWith(page, answers, target, choose);
const importVia = (page: Page, files: string[]) => importWith(page, answers, files);

async function spanTexts(page: Page): Promise<Array<[string, string]>> {
  return page.$$eval('[data-pane="main"] .doc-text .span', (els) => {
    const byId = new Map<string, [string, string]>();
    for (const el of els) {
      const id = el.getAttribute('data-span-id')!;
      const [label, text] = byId.get(id) ?? [el.getAttribute('data-label') ?? '', ''];
      byId.set(id, [label, text + (el.textContent ?? '')]);
    }
    return [...byId.values()].sort();
  });
}

describe('export and import in Chromium', () => {
  let a: AppSession;
  const exportA = path.join(dir, 'corpus-a.jsonl');
  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    noteIfNoPython();
    a = await openApp(freshProfileDir(), defaultDeps(dialogs));
  });
  afterAll(async () => a?.context.close());

  it('(a) exports spans made with real drags and keys; every span holds by code points and in Python', async () => {
    await openDocumentByName(a.page, DOC);
    for (const [needle, key] of [
      ['Home Secretary', '1'],
      ['Italy', '2'],
      ['£75 million', '3'],
    ]) {
      const { start, end } = offsetsOf(seedText, needle);
      await dragSelect(a.page, start, end);
      await a.page.keyboard.press(key);
      await waitSaved(a.page);
    }
    await a.page.click('[data-testid="export"]');
    await a.page.waitForSelector('[data-testid="export-dialog"][open]');
    await a.page.screenshot({ path: path.join(shots, 'io-export-dialog.png') });
    await a.page.click('[data-testid="export-cancel"]');
    const result = await exportVia(a.page, exportA);
    expect(result).toMatch(/^Exported 5 documents with 3 spans .* to .*corpus-a\.jsonl$/);
    const lines = readLines(exportA);
    expect(lines).toHaveLength(5);
    const seed = lines.find((l) => l.meta?.name === DOC)!;
    expect(seed.text).toBe(seedText);
    expect(seed.spans!.map((s) => [s.text, s.label])).toEqual(
      [
        ['Home Secretary', 'actor'],
        ['£75 million', 'money'],
        ['Italy', 'country'],
      ].sort((x, y) => seedText.indexOf(x[0]) - seedText.indexOf(y[0])),
    );
    for (const line of lines) for (const s of line.spans ?? []) expect(cpSlice(line.text, s.start, s.end)).toBe(s.text);
    if (hasPython) expect(pythonCheck(exportA)).toBe(3);
  });

  it('(a) exports the current document as doccano triples', async () => {
    const target = path.join(dir, 'one-doccano.jsonl');
    await exportVia(a.page, target, async (page) => {
      await page.check('[data-testid="scope-document"]');
      await page.check('[data-testid="format-doccano"]');
    });
    const [line, ...rest] = readLines(target);
    expect(rest).toEqual([]);
    expect(line.text).toBe(seedText);
    expect(line.label!.map(([s, e, l]) => [cpSlice(line.text, s, e), l]).sort()).toEqual([
      ['Home Secretary', 'actor'],
      ['Italy', 'country'],
      ['£75 million', 'money'],
    ]);
  });

  it('(b) imports astral text with its spans and names the file and line of each problem', async () => {
    const text = 'Family 👨‍👩‍👧 met at 𠀀 in Café Zoë.';
    const cp = (needle: string) => {
      const at = [...text.slice(0, text.indexOf(needle))].length;
      return { start: at, end: at + [...needle].length };
    };
    const file = path.join(dir, 'astral.jsonl');
    writeFileSync(
      file,
      [
        JSON.stringify({
          id: 'astral-1',
          text,
          spans: [
            { ...cp('👨‍👩‍👧'), label: 'actor', text: '👨‍👩‍👧' },
            { ...cp('𠀀'), label: 'country', text: '𠀀' },
            { ...cp('Café Zoë'), label: 'money', text: 'Café Zoë' },
          ],
          meta: { name: 'astral family' },
        }),
        '{"text": "broken',
        JSON.stringify({
          text: 'Another text here',
          spans: [{ start: 0, end: 7, label: 'actor', text: 'Wrong' }],
          meta: { name: 'mismatch' },
        }),
      ].join('\n') + '\n',
    );
    await importVia(a.page, [file]);
    await a.page.screenshot({ path: path.join(shots, 'io-import-summary.png') });
    expect(await a.page.textContent('[data-testid="import-added"]')).toBe('2');
    expect(await a.page.textContent('[data-testid="import-spans"]')).toBe('3');
    const problems = await a.page.$$eval('[data-testid="import-problem"]', (els) => els.map((e) => e.textContent));
    expect(problems).toEqual([
      expect.stringMatching(/^errorastral\.jsonl:2malformed JSON/),
      expect.stringMatching(/^errorastral\.jsonl:3span 1 dropped: span text "Wrong" does not match/),
    ]);
    await a.page.click('[data-testid="import-close"]');
    await openDocumentByName(a.page, 'astral family');
    expect(await spanTexts(a.page)).toEqual([
      ['actor', '👨‍👩‍👧'],
      ['country', '𠀀'],
      ['money', 'Café Zoë'],
    ]);
    await openDocumentByName(a.page, 'mismatch');
    expect(a.errors).toEqual([]);
  });

  it('(b) imports a file dropped on the window, by its bytes', async () => {
    await a.page.evaluate(() => {
      const data = new DataTransfer();
      data.items.add(
        new File(
          [
            '{"text":"dropped 😀 here","spans":[{"start":8,"end":9,"label":"actor","text":"😀"}],"meta":{"name":"dropped doc"}}\n',
          ],
          'dropped.jsonl',
        ),
      );
      document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    });
    await a.page.waitForSelector('[data-testid="import-summary"]');
    expect(await a.page.textContent('[data-testid="import-added"]')).toBe('1');
    await a.page.click('[data-testid="import-close"]');
    expect(a.calls.filter((c) => c.name === 'importBytes')).toHaveLength(1);
  });

  it('(c) export -> import into a fresh profile -> export gives byte-identical files', async () => {
    const b = await openApp(freshProfileDir(), defaultDeps({ seedsDir: emptySeeds, ...dialogs }));
    try {
      await importVia(b.page, [exportA]);
      expect(await b.page.textContent('[data-testid="import-added"]')).toBe('5');
      await b.page.click('[data-testid="import-close"]');
      const exportB = path.join(dir, 'corpus-b.jsonl');
      await exportVia(b.page, exportB);
      expect(readFileSync(exportB).equals(readFileSync(exportA))).toBe(true);
      expect(b.errors).toEqual([]);
    } finally {
      await b.context.close();
    }
  });

  it('a big import shows its progress; Cancel stops it and keeps what was stored', async () => {
    const c = await openApp(freshProfileDir(), defaultDeps({ seedsDir: emptySeeds, ...dialogs }));
    try {
      const big = path.join(dir, 'big.jsonl');
      writeFileSync(
        big,
        Array.from({ length: 30_000 }, (_, i) =>
          JSON.stringify({ text: `Document number ${i}: the Home Secretary met 👩‍⚖️ in Rome.` }),
        ).join('\n'),
      );
      answers.open = [big];
      await c.page.click('[data-testid="import-files"]');
      await c.page.waitForFunction(() =>
        /[1-9][\d,]* documents read/.test(
          document.querySelector('[data-testid="io-progress-text"]')?.textContent ?? '',
        ),
      );
      await c.page.screenshot({ path: path.join(shots, 'io-import-progress.png') });
      await c.page.click('[data-testid="import-cancel"]');
      await c.page.waitForSelector('[data-testid="import-summary"]');
      expect(await c.page.textContent('#import-title')).toBe('Import cancelled');
      const added = Number((await c.page.textContent('[data-testid="import-added"]'))!.replace(/,/g, ''));
      const stored = await readStore<DocumentRecord>(c.page, 'documents');
      expect(added).toBeGreaterThan(0);
      expect(added).toBeLessThan(30_000);
      expect(stored).toHaveLength(added);
      expect(c.calls.some((call) => call.name === 'importCancel')).toBe(true);
    } finally {
      await c.context.close();
    }
  });
});

describe('issue 11 in the app: what comes in stays, and is shown', () => {
  let d: AppSession;
  beforeAll(async () => void (d = await openApp(freshProfileDir(), defaultDeps({ seedsDir: emptySeeds, ...dialogs }))));
  afterAll(async () => d?.context.close());

  it('a span with an unknown label (ORG) creates the label: summary, label bar, filter and span menu show it', async () => {
    const file = path.join(dir, 'org.jsonl');
    writeFileSync(
      file,
      `${JSON.stringify({ text: 'Interpol warned the ministers.', spans: [{ start: 0, end: 8, label: 'ORG', text: 'Interpol' }], meta: { name: 'org doc' } })}\n`,
    );
    await importVia(d.page, [file]);
    expect(await d.page.textContent('[data-testid="import-labels-added"]')).toMatch(
      /New label from the imported files: ORG\./,
    );
    await d.page.screenshot({ path: path.join(shots, 'io-import-new-label.png') });
    await d.page.click('[data-testid="import-close"]');
    await d.page.waitForSelector('.label-button[data-label="ORG"]');
    expect(await d.page.$$eval('[data-testid="label-filter"] option', (os) => os.map((o) => o.textContent))).toContain(
      'Has “ORG”',
    );
    await openDocumentByName(d.page, 'org doc');
    await d.page.click('[data-testid="span-list"] .span-item');
    // The span panel draws the selected span at the next frame.
    await d.page.waitForSelector('[data-testid="span-label"]');
    expect(await d.page.$eval('[data-testid="span-label"]', (el) => (el as HTMLSelectElement).value)).toBe('ORG');
  });

  it('a note past 100,000 characters is cut where it is typed, with a message; what is stored still exports', async () => {
    await d.page.fill('[data-testid="span-note"]', 'n'.repeat(100_001));
    await d.page.waitForFunction(() =>
      /at most 100,000 characters/.test(document.querySelector('[data-testid="span-note-limit"]')?.textContent ?? ''),
    );
    await waitSaved(d.page);
    const spans = await readStore<{ note: string }>(d.page, 'spans');
    expect(spans.map((s) => s.note.length)).toEqual([100_000]);
    await d.page.screenshot({ path: path.join(shots, 'io-note-limit.png') });
    const out = path.join(dir, 'after-note.jsonl');
    expect(await exportVia(d.page, out)).toMatch(/^Exported 1 document/);
  });

  it('a file dropped while an import runs waits its turn and is imported after it, with no page error', async () => {
    const big = path.join(dir, 'big-drop.jsonl');
    writeFileSync(
      big,
      Array.from({ length: 20_000 }, (_, i) => JSON.stringify({ text: `Queued import document ${i}.` })).join('\n'),
    );
    answers.open = [big];
    await d.page.click('[data-testid="import-files"]');
    await d.page.waitForSelector('[data-testid="import-dialog"][open]');
    await d.page.evaluate(() => {
      const data = new DataTransfer();
      data.items.add(new File(['{"text":"dropped while busy","meta":{"name":"late drop"}}\n'], 'late.jsonl'));
      document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    });
    expect(await d.page.textContent('[data-testid="statusbar"]')).toMatch(/1 dropped file waiting/);
    await d.page.waitForSelector('[data-testid="import-summary"]', { timeout: 120_000 });
    await d.page.click('[data-testid="import-close"]');
    // The queued drop starts as soon as the first import ends.
    await d.page.waitForFunction(
      () =>
        document.querySelector('#import-title')?.textContent === 'Import finished' &&
        document.querySelector('[data-testid="import-added"]')?.textContent === '1',
    );
    await d.page.click('[data-testid="import-close"]');
    expect(d.calls.filter((c) => c.name === 'importBytes')).toHaveLength(1);
    expect(d.errors).toEqual([]);
  });
});
