// Edits of a document's own record (its status, its categories): each goes
// through the save queue like every annotation change, a failure is said on
// screen in words, and the record is read back so the list, its counts and
// the panes show what is stored, saved or not. And the same reading back for
// spans: after a failed or stale write, or another window's change.
import type { DocStatus } from '../../core/model';
import type { SaveQueue } from '../annotate/save-queue';
import { getDocument, setCategories, setStatus } from '../db/documents-repo';
import { listRelations } from '../db/relations-repo';
import type { WorkbenchDb } from '../db/schema';
import { listSpans } from '../db/spans-repo';
import type { SuggestionController } from '../suggest/suggestion-controller';
import type { CorpusSidebar } from './corpus-sidebar';
import type { DocumentPane } from './document-pane';

/** The parts of the workbench a record edit reaches (WorkbenchApp has them). */
export interface RecordParts {
  readonly db: WorkbenchDb;
  readonly queue: SaveQueue;
  readonly panes: readonly DocumentPane[];
  readonly sidebar: CorpusSidebar;
  readonly suggestions: SuggestionController;
  say(message: string): void;
}

async function saveThrough(app: RecordParts, what: string, write: () => Promise<unknown>): Promise<void> {
  try {
    await app.queue.enqueue(write);
  } catch (error) {
    app.say(`The ${what} NOT saved (${error instanceof Error ? error.message : String(error)}).`);
    app.queue.resume();
  }
}

export async function saveStatus(app: RecordParts, id: string, status: DocStatus): Promise<void> {
  await saveThrough(app, 'status was', () => setStatus(app.db, id, status));
  await reloadRecordIn(app, id);
}

export async function saveCategories(app: RecordParts, id: string, categories: string[]): Promise<void> {
  await saveThrough(app, 'categories were', () => setCategories(app.db, id, categories));
  await app.sidebar.corpus.load(); // the category filter lists every category there is
  await reloadRecordIn(app, id);
}

/** Re-reads one document's record (span count, status) after a write. */
export async function reloadRecordIn(app: RecordParts, id: string): Promise<void> {
  const record = await getDocument(app.db, id);
  if (!record) return;
  app.sidebar.corpus.update(record); // counts move by this one record's status change
  for (const pane of app.panes) pane.updateRecord(record);
  app.sidebar.render();
}

/** Shows the stored spans and relations of `docId` wherever it is open; its suggestions follow. */
export async function reloadSpansIn(app: RecordParts, docId: string): Promise<void> {
  const [spans, relations] = [await listSpans(app.db, docId), await listRelations(app.db, docId)];
  for (const pane of app.panes)
    if (pane.record?.id === docId) {
      pane.resetSpans(spans);
      pane.resetRelations(relations);
    }
  await app.suggestions.reloaded(docId);
}

/** Another window wrote `docId`'s spans: shown here, once this window's own writes are saved, before the researcher acts on a stale copy. */
export async function reloadChangedElsewhere(app: RecordParts, docId: string): Promise<void> {
  if (!app.panes.some((p) => p.record?.id === docId)) return;
  await app.queue.idle();
  await reloadSpansIn(app, docId);
  await reloadRecordIn(app, docId);
}
