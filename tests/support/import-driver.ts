// Drives an import the way the app's pipeline does it: main's readImportPaths
// streams batches from the files, and each batch goes into the running app in
// Chromium, which stores it with storeDocuments (documents, texts, spans and
// search terms in one transaction) and updates its list. The batches are
// handed over with page.evaluate through window.workbenchAutomation, the
// renderer's automation door, standing in for the bridge's import channels.
import type { Page } from 'playwright-core';
import type { CorpusLoad } from '../../core/model';
import { readImportPaths } from '../../main/services/import-paths';

export interface ImportRun {
  batches: number;
  documents: number;
  added: number;
  existing: number;
}

type Docs = CorpusLoad['documents'];

export function storeBatch(page: Page, docs: Docs): Promise<{ added: number; existing: number }> {
  return page.evaluate((d) => (window as unknown as {
    workbenchAutomation: { importDocuments(docs: Docs): Promise<{ added: number; existing: number }> };
  }).workbenchAutomation.importDocuments(d), docs);
}

export interface ImportOptions {
  batchSize?: number;
  /** Stop (as a cancel would) once this many batches are stored. */
  stopAfter?: number;
  /** Called after each stored batch (progress, memory sampling). */
  onBatch?: (run: ImportRun) => void | Promise<void>;
}

export async function importThroughApp(page: Page, paths: string[], options: ImportOptions = {}): Promise<ImportRun> {
  const run: ImportRun = { batches: 0, documents: 0, added: 0, existing: 0 };
  for await (const batch of readImportPaths(paths, { batchSize: options.batchSize ?? 500 })) {
    if (batch.documents.length === 0) continue;
    const result = await storeBatch(page, batch.documents);
    run.batches++;
    run.documents += batch.documents.length;
    run.added += result.added;
    run.existing += result.existing;
    await options.onBatch?.(run);
    if (options.stopAfter !== undefined && run.batches >= options.stopAfter) break; // closes the file reader
  }
  return run;
}

/** Reads import batches without storing them (to hand the same documents to a baseline). */
export async function* batchesOf(paths: string[], batchSize = 500): AsyncGenerator<Docs> {
  for await (const batch of readImportPaths(paths, { batchSize })) if (batch.documents.length > 0) yield batch.documents;
}
