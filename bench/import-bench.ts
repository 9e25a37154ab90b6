// Import at scale in the real renderer in Chromium. Ours: the page pulls
// batches of 200 through the bridge import channels (chooseImport,
// importNext: main's readImportPaths streaming the JSONL file in the test
// host) and hands each to the running app (window.workbenchAutomation ->
// storeDocuments: dedup checks, documents, texts, spans, search terms in one
// transaction, then the list re-reads its order). Baseline, same run, same
// browser: the same batches handed over the same way and written with plain
// IndexedDB puts of document and text records into a database of the same
// v1 shape: storage without our checks, index and list.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { CorpusLoad } from '../core/model';
import { defaultDeps, openApp, type AppSession } from '../tests/support/app-page';
import { batchesOf, importThroughApp, pickingDialog } from '../tests/support/import-driver';
import type { BenchResult } from './measure';
import { PeakMemory, peaksText } from './memory';
import { writeSyntheticJsonl } from './synthetic-corpus';

type Docs = CorpusLoad['documents'];

/** Plain IndexedDB puts of the records a naive app would store (no dedup, no index, no list). */
function rawPut(page: Page, docs: Docs): Promise<void> {
  return page.evaluate((docs) => {
    const w = window as unknown as { rawDb?: Promise<IDBDatabase> };
    w.rawDb ??= new Promise((resolve, reject) => {
      const open = indexedDB.open('bench-raw', 1);
      open.onupgradeneeded = () => {
        const documents = open.result.createObjectStore('documents', { keyPath: 'id' });
        for (const [name, unique] of [['sha256', true], ['name', false], ['status', false], ['updatedAt', false]] as const) documents.createIndex(name, name, { unique });
        open.result.createObjectStore('texts', { keyPath: 'id' });
      };
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    return w.rawDb.then((db) => new Promise<void>((resolve, reject) => {
      const tx = db.transaction(['documents', 'texts'], 'readwrite');
      const now = Date.now();
      for (const d of docs) {
        tx.objectStore('documents').put({ id: d.id, name: d.name, sha256: d.sha256, source: d.source, preview: '', length: d.text.length, status: 'todo', spanCount: 0, addedAt: now, updatedAt: now });
        tx.objectStore('texts').put({ id: d.id, text: d.text });
      }
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    }));
  }, docs);
}

async function timeBaseline(page: Page, file: string): Promise<{ ms: number; peaks: string }> {
  const memory = await PeakMemory.start(page);
  const t0 = performance.now();
  for await (const docs of batchesOf([file])) await rawPut(page, docs);
  const ms = performance.now() - t0;
  return { ms, peaks: peaksText(await memory.stop()) };
}

async function timeOurs(page: Page, file: string, count: number): Promise<{ ms: number; peaks: string }> {
  const memory = await PeakMemory.start(page);
  const t0 = performance.now();
  const run = await importThroughApp(page);
  // Done when the list shows every document.
  await page.waitForFunction((n) => document.querySelector('[data-testid="list-summary"]')?.textContent?.endsWith(`of ${n.toLocaleString('en-US')} documents`), count, { timeout: 600_000 });
  const ms = performance.now() - t0;
  if (run.added !== count) throw new Error(`import stored ${run.added} of ${count}`);
  return { ms, peaks: peaksText(await memory.stop()) };
}

export interface ImportedSession {
  session: AppSession;
  file: string;
  count: number;
}

/** Writes the corpus, imports it (the session stays open for the list rows). */
export async function benchImport(count: number, bytes: number): Promise<{ rows: BenchResult[]; imported: ImportedSession }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-import-'));
  const file = path.join(dir, 'corpus.jsonl');
  const size = await writeSyntheticJsonl(file, count, bytes);
  const session = await openApp(undefined, defaultDeps({ seedsDir: mkdtempSync(path.join(tmpdir(), 'bench-noseeds-')), ...pickingDialog(() => [file]) }));
  const baseline = await timeBaseline(session.page, file);
  const ours = await timeOurs(session.page, file, count);
  const mb = size / 1024 / 1024;
  const ratio = ours.ms / baseline.ms;
  return {
    imported: { session, file, count },
    rows: [{
      name: `import ${count.toLocaleString('en-US')} docs (${mb.toFixed(0)} MB JSONL)`, ours: ours.ms, baseline: baseline.ms, unit: 'ms', goal: 'ratio <= 1.3', met: ratio <= 1.3,
      detail: `bridge chooseImport/importNext (readImportPaths in the host) -> app storeDocuments, batches of 200; ${(count / (ours.ms / 1000)).toFixed(0)} docs/s; ours ${ours.peaks}; baseline (same batches, raw IndexedDB put) ${baseline.peaks}`,
    }],
  };
}
