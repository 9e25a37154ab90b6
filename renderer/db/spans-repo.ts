// Spans in IndexedDB. Every annotation change goes through applyChanges: the
// spans and their document's count and status are written in one transaction,
// so a crash leaves either all of a change or none of it.
import type { DocStatus, Span } from '../../core/model';
import type { SpanChange } from '../../core/spans/history';
import type { WorkbenchDb } from './schema';

export function listSpans(db: WorkbenchDb, docId: string): Promise<Span[]> {
  return db.spans.where('docId').equals(docId).toArray();
}

async function writeChange(db: WorkbenchDb, change: SpanChange): Promise<void> {
  if (change.kind === 'add') await db.spans.put(change.span);
  else if (change.kind === 'remove') await db.spans.delete(change.span.id);
  else await db.spans.put(change.after);
}

/** A document with spans is at least in progress; one that lost all its spans goes back to to do. */
export function statusAfter(status: DocStatus, spanCount: number): DocStatus {
  if (status === 'todo' && spanCount > 0) return 'in_progress';
  if (status === 'in_progress' && spanCount === 0) return 'todo';
  return status;
}

export async function applyChanges(db: WorkbenchDb, docId: string, changes: readonly SpanChange[], now = Date.now()): Promise<void> {
  await db.transaction('rw', db.spans, db.documents, async () => {
    for (const change of changes) await writeChange(db, change);
    const spanCount = await db.spans.where('docId').equals(docId).count();
    await db.documents.where('id').equals(docId).modify((doc) => {
      doc.spanCount = spanCount;
      doc.status = statusAfter(doc.status, spanCount);
      doc.updatedAt = now;
    });
  });
}
