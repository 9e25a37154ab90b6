// 20,000 documents through the real import pipeline into the app in Chromium:
// a cancelled first import leaves a consistent, usable corpus; a second import
// completes it without duplicates; the virtual list shows and scrolls the
// whole corpus; text search finds one document among them. IndexedDB is read
// with the raw API, and only a sample of texts (not all 20,000).
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markerWord, syntheticDocText, syntheticName, writeSyntheticJsonl } from '../../../bench/synthetic-corpus';
import { IMPORT_BATCH_DOCUMENTS as BATCH } from '../../../core/io-shapes';
import { readImportPaths } from '../../../main/services/import-paths';
import { defaultDeps, openApp, openDocumentByName, PROJECT_ROOT, type AppSession } from '../../support/app-page';
import { importThroughApp, pickingDialog, storeBatch } from '../../support/import-driver';

const COUNT = 20_000;
const BYTES = 1_000;
const SEEDS = 5; // the seed corpus is there too
const SAMPLE = [0, 1, 4_999, 9_999, 10_000, 12_345, 19_999];
/** The first import is cancelled after this many batches: about half the corpus. */
const STOP = Math.floor(COUNT / BATCH / 2);

/** Waits until the background indexer has written every stored document's search terms. */
const indexed = (page: Page) =>
  page.evaluate(() =>
    (window as unknown as { workbenchAutomation: { indexed(): Promise<void> } }).workbenchAutomation.indexed(),
  );

interface Probe {
  documents: number;
  texts: number;
  doc?: { id: string; name: string; status: string };
  text?: string;
  /** Whether the posting rows of the document's marker word hold its id. */
  indexed: boolean;
}

/** Counts and one document looked up by name, all with the raw IndexedDB API. */
function probe(page: Page, name: string, marker: string): Promise<Probe> {
  return page.evaluate(
    ({ name, marker }) =>
      new Promise<Probe>((resolve, reject) => {
        const open = indexedDB.open('seed-workbench');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['documents', 'texts', 'terms'], 'readonly');
          const out: Probe = { documents: 0, texts: 0, indexed: false };
          tx.objectStore('documents').count().onsuccess = (e) =>
            (out.documents = (e.target as IDBRequest<number>).result);
          tx.objectStore('texts').count().onsuccess = (e) => (out.texts = (e.target as IDBRequest<number>).result);
          tx.objectStore('documents').index('name').get(name).onsuccess = (e) => {
            out.doc = (e.target as IDBRequest).result;
            if (!out.doc) return;
            tx.objectStore('texts').get(out.doc.id).onsuccess = (t) =>
              (out.text = (t.target as IDBRequest).result?.text);
            const rows = tx.objectStore('terms').getAll(IDBKeyRange.bound([marker, ''], [marker, '\uffff']));
            rows.onsuccess = () =>
              (out.indexed = (rows.result as Array<{ ids: string[] }>).some((r) => r.ids.includes(out.doc!.id)));
          };
          tx.oncomplete = () => {
            db.close();
            resolve(out);
          };
        };
      }),
    { name, marker },
  );
}

async function expectConsistent(page: Page, stored: number[]): Promise<void> {
  for (const i of stored) {
    const p = await probe(page, syntheticName(i), markerWord(i).toLowerCase());
    expect(p.text, syntheticName(i)).toBe(syntheticDocText(i, BYTES));
    expect(p.indexed, `${syntheticName(i)} in the text index`).toBe(true);
  }
}

const summary = (page: Page) => page.innerText('[data-testid="list-summary"]');

describe('scale: 20,000 documents in Chromium', () => {
  let session: AppSession;
  let file: string;

  beforeAll(async () => {
    file = path.join(mkdtempSync(path.join(tmpdir(), 'scale-e2e-')), 'corpus.jsonl');
    await writeSyntheticJsonl(file, COUNT, BYTES);
    session = await openApp(undefined, defaultDeps(pickingDialog(() => [file])));
  });
  afterAll(async () => session?.context.close());

  it('leaves a consistent, usable corpus when an import is cancelled half-way', async () => {
    const page = session.page;
    const first = await importThroughApp(page, { stopAfter: STOP }); // then Cancel
    expect(first.added).toBe(STOP * BATCH);
    // The next batch is in flight when the page goes away: its transaction commits whole or not at all.
    const batches = readImportPaths([file], { batchSize: BATCH });
    let batch = await batches.next();
    for (let k = 0; k < STOP; k++) batch = await batches.next();
    const inFlight = storeBatch(page, batch.value!.documents).catch(() => undefined);
    await page.reload();
    await batches.return(undefined);
    await inFlight;
    await page.waitForFunction(() => document.body.dataset.ready === 'true');
    const p = await probe(page, syntheticName(0), markerWord(0));
    expect([STOP * BATCH + SEEDS, (STOP + 1) * BATCH + SEEDS]).toContain(p.documents);
    expect(p.texts).toBe(p.documents);
    await indexed(page); // what the reload cut short is indexed at the next start
    await expectConsistent(page, [0, 4_999, STOP * BATCH - 1]);
    await page.waitForFunction(
      (n) =>
        document
          .querySelector('[data-testid="progress"]')
          ?.textContent?.includes(`${n.toLocaleString('en-US')} documents`),
      p.documents,
    );
    expect(await summary(page)).toBe(
      `${p.documents.toLocaleString('en-US')} of ${p.documents.toLocaleString('en-US')} documents`,
    );
    await openDocumentByName(page, syntheticName(3));
  });

  it('completes the rest with a second import, without duplicates', async () => {
    const page = session.page;
    const second = await importThroughApp(page);
    expect(second.documents).toBe(COUNT);
    expect(second.added + second.existing).toBe(COUNT);
    const p = await probe(page, syntheticName(COUNT - 1), markerWord(COUNT - 1));
    expect(p.documents).toBe(COUNT + SEEDS);
    expect(p.texts).toBe(COUNT + SEEDS);
    await indexed(page);
    await expectConsistent(page, SAMPLE);
    await page.waitForFunction(
      (t) => document.querySelector('[data-testid="list-summary"]')?.textContent === t,
      `${(COUNT + SEEDS).toLocaleString('en-US')} of ${(COUNT + SEEDS).toLocaleString('en-US')} documents`,
    );
  });

  it('shows the whole corpus in a virtual list that scrolls to the end', async () => {
    const page = session.page;
    expect(await page.locator('.doc-list > li').count()).toBeLessThan(60);
    await page.$eval('[data-testid="doc-scroller"]', (el) => (el.scrollTop = el.scrollHeight));
    // The seeds (names starting with digits) sort first, so the last row is the last generated document.
    await page.locator(`.doc-item:has(.doc-name:text-is("${syntheticName(COUNT - 1)}"))`).waitFor();
    await openDocumentByName(page, syntheticName(COUNT - 1));
    expect(await page.locator('.doc-list > li').count()).toBeLessThan(60);
  });

  it('finds one document by a word of its text, and filters by status and label', async () => {
    const page = session.page;
    await page.selectOption('[data-testid="doc-search-mode"]', 'text');
    await page.fill('[data-testid="doc-search"]', `${markerWord(12_345)} `);
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="list-summary"]')?.textContent?.startsWith('1 of'),
    );
    await openDocumentByName(page, syntheticName(12_345));
    await page.fill('[data-testid="doc-search"]', '');
    await page.selectOption('[data-testid="label-filter"]', 'actor');
    await page.click('.status-chip[data-status="in_progress"]');
    // Every 10th generated document has an actor span (and so is in progress).
    await page.waitForFunction(
      (t) => document.querySelector('[data-testid="list-summary"]')?.textContent?.startsWith(t),
      `${(COUNT / 10).toLocaleString('en-US')} of`,
    );
    mkdirSync(path.join(PROJECT_ROOT, 'test-results'), { recursive: true });
    await page.screenshot({ path: path.join(PROJECT_ROOT, 'test-results/scale-list-filters.png') });
    expect(session.errors).toEqual([]);
  });
});
