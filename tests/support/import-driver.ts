// Drives an import through the real pipeline: the page calls the bridge's
// import channels (chooseImport -> importNext ... -> done, or importCancel),
// answered by main's handlers in the test host, whose readImportPaths streams
// the files in batches; each batch goes into the running app
// (window.workbenchAutomation.importDocuments -> storeDocuments: documents,
// texts, spans and search terms in one transaction, then the list updates).
import type { Page } from 'playwright-core';
import { IMPORT_BATCH_DOCUMENTS } from '../../core/io-shapes';
import type { CorpusLoad } from '../../core/model';
import type { MainDeps } from '../../main/handlers';
import { readImportPaths } from '../../main/services/import-paths';

export interface ImportRun {
  batches: number;
  documents: number;
  added: number;
  existing: number;
}

type Docs = CorpusLoad['documents'];

export function storeBatch(page: Page, docs: Docs): Promise<{ added: number; existing: number }> {
  return page.evaluate(
    (d) =>
      (
        window as unknown as {
          workbenchAutomation: { importDocuments(docs: Docs): Promise<{ added: number; existing: number }> };
        }
      ).workbenchAutomation.importDocuments(d),
    docs,
  );
}

export interface ImportOptions {
  /** Stop (as a cancel would) once this many batches are stored. */
  stopAfter?: number;
  /** Called after each stored batch (progress, memory sampling). */
  onBatch?: (run: ImportRun) => void | Promise<void>;
}

/** Host deps whose open dialog "picks" whatever `picked()` names at the time. */
export function pickingDialog(picked: () => string[]): Pick<MainDeps, 'showOpenDialog'> {
  return { showOpenDialog: async () => picked() };
}

interface StepResult {
  done: boolean;
  documents: number;
  added: number;
  existing: number;
}

/** One importNext, stored by the app, all inside the page. */
function nextStep(page: Page, session: string): Promise<StepResult> {
  return page.evaluate(async (session) => {
    const w = window as unknown as {
      workbench: { importNext(a: { session: string }): Promise<{ done: boolean; documents: Docs }> };
      workbenchAutomation: { importDocuments(docs: Docs): Promise<{ added: number; existing: number }> };
    };
    const step = await w.workbench.importNext({ session });
    const stored =
      step.documents.length > 0
        ? await w.workbenchAutomation.importDocuments(step.documents)
        : { added: 0, existing: 0 };
    return { done: step.done, documents: step.documents.length, ...stored };
  }, session);
}

/** Imports what the host's dialog picks, batch by batch through the bridge; stopAfter cancels like the Cancel button. */
export async function importThroughApp(page: Page, options: ImportOptions = {}): Promise<ImportRun> {
  const started = await page.evaluate(() =>
    (
      window as unknown as {
        workbench: { chooseImport(a: { kind: 'files' }): Promise<{ session: string } | null> };
      }
    ).workbench.chooseImport({ kind: 'files' }),
  );
  if (!started) throw new Error('the import dialog picked nothing');
  const run: ImportRun = { batches: 0, documents: 0, added: 0, existing: 0 };
  for (;;) {
    const step = await nextStep(page, started.session);
    if (step.documents > 0) run.batches++;
    run.documents += step.documents;
    run.added += step.added;
    run.existing += step.existing;
    await options.onBatch?.(run);
    if (step.done) return run;
    if (options.stopAfter !== undefined && run.batches >= options.stopAfter) break;
  }
  await page.evaluate(
    (session) =>
      (
        window as unknown as {
          workbench: { importCancel(a: { session: string }): Promise<void> };
        }
      ).workbench.importCancel({ session }),
    started.session,
  );
  return run;
}

/** Reads import batches without storing them (to hand the same documents to a baseline). */
export async function* batchesOf(paths: string[], batchSize = IMPORT_BATCH_DOCUMENTS): AsyncGenerator<Docs> {
  for await (const batch of readImportPaths(paths, { batchSize }))
    if (batch.documents.length > 0) yield batch.documents;
}

/** One memory sample during a long import. */
export interface MemorySample {
  /** Documents the import dialog reports read so far. */
  documents: number;
  /** The renderer's JS heap in use right after a full garbage collection (CDP): what it keeps, not what it has yet to free. */
  rendererHeap: number;
  /** Resident set of this process, which hosts main's services (readImportPaths) as Electron's main process would. */
  hostRss: number;
}

/** Documents read so far, from the import dialog's progress line ("12,345 documents read, …"). */
async function documentsRead(page: Page): Promise<number> {
  const text = (await page.textContent('[data-testid="io-progress-text"]').catch(() => null)) ?? '';
  const match = /^([\d,]+) documents? read/.exec(text);
  return match ? Number(match[1].replace(/,/g, '')) : -1;
}

/**
 * Samples memory every `everyMs` until stopped: a full GC in the page, then
 * Runtime.getHeapUsage, the host's RSS and the documents read. Samples taken
 * while the dialog shows no count yet are dropped.
 */
export async function sampleMemory(
  page: Page,
  everyMs: number,
): Promise<{ samples: MemorySample[]; stop(): Promise<MemorySample[]> }> {
  const cdp = await page.context().newCDPSession(page);
  const samples: MemorySample[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const ok = await cdp.send('HeapProfiler.collectGarbage').then(
        () => true,
        () => false,
      );
      if (!ok) break; // the page is gone: the test says so
      const { usedSize } = await cdp.send('Runtime.getHeapUsage');
      const documents = await documentsRead(page);
      if (documents >= 0) samples.push({ documents, rendererHeap: usedSize, hostRss: process.memoryUsage().rss });
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    samples,
    async stop() {
      running = false;
      await loop;
      await cdp.detach().catch(() => undefined);
      return samples;
    },
  };
}
