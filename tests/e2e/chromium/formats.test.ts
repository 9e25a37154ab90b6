// Files other tools wrote, imported through the app's import dialog in
// Chromium (main's open dialog faked to answer their paths): brat with its
// .txt, doccano classification and relation records, CoNLL, Label Studio
// tasks, INCEpTION TSV. Problems name file and line; categories show in the
// list and the document header and filter the list; offsets in UTF-16 are
// read when the user says so.
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentRecord, Span, Suggestion } from '../../../core/model';
import { defaultDeps, openApp, PROJECT_ROOT, readStore, type AppSession } from '../../support/app-page';
import { freshProfileDir } from '../../support/chromium';
import { fakeDialogs, importVia } from '../../support/io-driver';
import { peerPath } from '../../support/peer-samples';

const shots = path.join(PROJECT_ROOT, 'test-results');
const dir = mkdtempSync(path.join(tmpdir(), 'seed-formats-'));
const emptySeeds = mkdtempSync(path.join(tmpdir(), 'seed-formats-seeds-'));
const { answers, deps } = fakeDialogs();

describe('importing other tools’ files in Chromium', () => {
  let app: AppSession;
  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    app = await openApp(freshProfileDir(), defaultDeps({ ...deps, seedsDir: emptySeeds }));
  });
  afterAll(async () => app?.context.close());

  it('reads each format by content, names file and line of every problem, and keeps categories', async () => {
    // A Label Studio export saved as .txt-less "tasks.data": found by content, not by extension.
    copyFileSync(peerPath('labelstudio/named_entity_tasks.json'), path.join(dir, 'tasks.data'));
    const files = [
      peerPath('brat/110-note_annotation.ann'),
      peerPath('brat/110-note_annotation.txt'),
      peerPath('doccano/textcat_example.jsonl'),
      peerPath('doccano/relation_extraction_example.jsonl'),
      peerPath('conll/ner-token-per-line-conll2003.iob'),
      peerPath('inception/testMultiTokenSpanWithFeatureValue.tsv'),
      path.join(dir, 'tasks.data'),
    ];
    await importVia(app.page, answers, files);
    expect(await app.page.textContent('[data-testid="import-added"]')).toBe('8');
    expect(await app.page.textContent('[data-testid="import-suggestions"]')).toBe('1'); // the Label Studio prediction
    const problems = await app.page.$$eval('[data-testid="import-problem"]', (els) =>
      els.map((e) => `${e.querySelector('.io-where')?.textContent} ${e.querySelector('.io-message')?.textContent}`),
    );
    expect(problems).toContain(
      '110-note_annotation.ann:7 event E1 not imported: brat events are not supported (their trigger spans are imported)',
    );
    await app.page.screenshot({ path: path.join(shots, 'formats-import-summary.png') });
    await app.page.click('[data-testid="import-close"]');

    const docs = await readStore<DocumentRecord>(app.page, 'documents');
    const byName = new Map(docs.map((d) => [d.name, d]));
    expect(byName.get('textcat_example.jsonl:2')?.categories).toEqual(['positive', 'negative']);
    const spans = await readStore<Span>(app.page, 'spans');
    const brat = byName.get('110-note_annotation.txt')!;
    expect(spans.filter((s) => s.docId === brat.id).map((s) => s.text)).toContain('Orville Wright');
    const tsv = byName.get('testMultiTokenSpanWithFeatureValue.tsv')!;
    expect(spans.filter((s) => s.docId === tsv.id).map((s) => `${s.text}/${s.label}`)).toEqual([
      'This is a test ./PERSON',
    ]);

    await app.page.selectOption('[data-testid="category-filter"]', 'positive');
    await app.page.waitForFunction(() => document.querySelectorAll('.doc-item').length === 2);
    await app.page.click('.doc-item:has(.doc-name:text-is("textcat_example.jsonl:2"))');
    await app.page.waitForSelector('[data-testid="doc-categories"]');
    expect(await app.page.textContent('[data-testid="doc-categories"]')).toBe('positivenegative');
    await app.page.screenshot({ path: path.join(shots, 'formats-categories.png') });
    await app.page.selectOption('[data-testid="category-filter"]', '');

    // Categories are edited in the header: typed, separated by commas, saved with Enter.
    await app.page.click('.doc-item:has(.doc-name:text-is("110-note_annotation.txt"))');
    await app.page.click('[data-testid="category-edit"]');
    await app.page.fill('[data-testid="category-input"]', 'tutorial, notes ,tutorial');
    await app.page.keyboard.press('Enter');
    await app.page.waitForSelector('[data-testid="doc-categories"]');
    expect(
      await app.page.$$eval('[data-testid="doc-categories"] .category-chip', (els) => els.map((e) => e.textContent)),
    ).toEqual(['tutorial', 'notes']);
    const stored = (await readStore<DocumentRecord>(app.page, 'documents')).find(
      (d) => d.name === '110-note_annotation.txt',
    );
    expect(stored?.categories).toEqual(['tutorial', 'notes']);
    expect(
      await app.page.$$eval('[data-testid="category-filter"] option', (els) => els.map((e) => e.getAttribute('value'))),
    ).toContain('tutorial');
    await app.page.screenshot({ path: path.join(shots, 'formats-categories-edited.png') });
  });

  it('keeps Label Studio predictions as suggestions the editor offers (the import above brought one)', async () => {
    const suggestions = await readStore<Suggestion>(app.page, 'suggestions');
    expect(suggestions.map((s) => ({ text: s.text, label: s.label, source: s.source, kept: s.kept }))).toContainEqual({
      text: 'February 22',
      label: 'Date',
      source: 'model 1',
      kept: true,
    });
    await app.page.click('.doc-item:has(.doc-name:text-is("tasks.data"))');
    // Drawn as a suggestion (outlined, with its label), not as a span: nobody has accepted it yet.
    await app.page.waitForSelector('.suggestion[data-label="Date"]:has-text("February 22")');
    const spans = await readStore<Span>(app.page, 'spans');
    expect(spans.filter((s) => s.text === 'February 22')).toEqual([]);
  });

  it('reads doccano offsets as UTF-16 units when the user chooses so', async () => {
    const file = path.join(dir, 'doccano-utf16.jsonl');
    writeFileSync(file, `${JSON.stringify({ text: '🍜 I ate Ramen dry', label: [[9, 14, 'FOOD']] })}\n`);
    await app.page.selectOption('[data-testid="import-offsets"]', 'utf16');
    await importVia(app.page, answers, [file]);
    await app.page.click('[data-testid="import-close"]');
    const doc = (await readStore<DocumentRecord>(app.page, 'documents')).find(
      (d) => d.name === 'doccano-utf16.jsonl:1',
    )!;
    const spans = (await readStore<Span>(app.page, 'spans')).filter((s) => s.docId === doc.id);
    expect(spans.map((s) => s.text)).toEqual(['Ramen']);
  });
});
