// Spans in IndexedDB. Every annotation change goes through writeSpanChanges:
// the spans and their document's count and status are written in one
// transaction, so a crash leaves either all of a change or none of it.
//
// Two windows on one profile can hold the same span. Each change says which
// version of the span it was made on (`before`); a change made on another
// version than the stored one is stale and is never written blindly: an
// update is merged field by field onto the stored span, an update or removal
// of a span that is gone is refused (a deleted span must not come back), and
// a removal of a span changed elsewhere is refused (its change must not be lost).
import type { DocStatus, Span } from '../../core/model';
import { isRelationChange } from '../../core/relations/changes';
import { isSpanEdit, versionOf, type SpanChange, type Step } from '../../core/spans/history';
import { removeRelationsOfSpan, writeRelationChange } from './relations-repo';
import type { WorkbenchDb } from './schema';

export function listSpans(db: WorkbenchDb, docId: string): Promise<Span[]> {
  return db.spans.where('docId').equals(docId).toArray();
}

/** The spans of `docId` that start in [from, to) (UTF-16 offsets), in reading order: part of a long document. */
export function listSpansStarting(db: WorkbenchDb, docId: string, from: number, to = Infinity): Promise<Span[]> {
  return db.spans.where('[docId+start]').between([docId, from], [docId, to], true, false).toArray();
}

/** A change that was not written as made, and what was done instead. */
export interface StaleChange {
  change: SpanChange;
  outcome: 'merged' | 'refused-gone' | 'refused-changed' | 'refused-exists';
}

export interface WriteResult {
  stale: StaleChange[];
}

const EDITABLE = ['label', 'note', 'projected'] as const;

/** The fields `after` changed relative to `before`, laid onto `stored`. */
function merge(stored: Span, before: Span, after: Span, now: number): Span {
  const merged: Span = { ...stored, version: versionOf(stored) + 1, updatedAt: now };
  for (const field of EDITABLE) {
    if (before[field] === after[field]) continue;
    if (after[field] === undefined) delete merged[field];
    else Object.assign(merged, { [field]: after[field] });
  }
  return merged;
}

async function writeChange(db: WorkbenchDb, change: SpanChange, now: number): Promise<StaleChange | undefined> {
  if (!isSpanEdit(change)) {
    const { docId, start, end, label } = change.rejection;
    if (change.kind === 'reject') await db.rejections.put(change.rejection);
    else await db.rejections.delete([docId, start, end, label]);
    return undefined;
  }
  if (change.kind === 'add') {
    if (await db.spans.get(change.span.id)) return { change, outcome: 'refused-exists' };
    await db.spans.add(change.span);
    return undefined;
  }
  const id = change.kind === 'update' ? change.before.id : change.span.id;
  const stored = await db.spans.get(id);
  if (!stored) return change.kind === 'remove' ? undefined : { change, outcome: 'refused-gone' };
  const before = change.kind === 'update' ? change.before : change.span;
  const current = versionOf(stored) === versionOf(before);
  if (change.kind === 'remove') {
    if (!current) return { change, outcome: 'refused-changed' };
    await db.spans.delete(id);
    await removeRelationsOfSpan(db, id);
    return undefined;
  }
  if (current) {
    await db.spans.put({ ...change.after, version: versionOf(stored) + 1 });
    return undefined;
  }
  await db.spans.put(merge(stored, change.before, change.after, now));
  return { change, outcome: 'merged' };
}

/** A document with spans is at least in progress; one that lost all its spans goes back to to do. */
export function statusAfter(status: DocStatus, spanCount: number): DocStatus {
  if (status === 'todo' && spanCount > 0) return 'in_progress';
  if (status === 'in_progress' && spanCount === 0) return 'todo';
  return status;
}

/**
 * The one way a document's span count is kept: counted from the spans index
 * (inside the caller's transaction), with the status rule applied.
 */
export async function recountSpans(db: WorkbenchDb, docId: string, now: number): Promise<void> {
  const spanCount = await db.spans.where('docId').equals(docId).count();
  await db.documents
    .where('id')
    .equals(docId)
    .modify((doc) => {
      doc.spanCount = spanCount;
      doc.status = statusAfter(doc.status, spanCount);
      doc.updatedAt = now;
    });
}

/**
 * Writes one step of span changes of `docId` (rejections of suggestions included), with the relation
 * changes of the same step (core/relations/changes.ts); stale changes are merged or refused, and listed.
 */
export async function writeSpanChanges(
  db: WorkbenchDb,
  docId: string,
  changes: Step,
  now = Date.now(),
): Promise<WriteResult> {
  return db.transaction('rw', [db.spans, db.documents, db.relations, db.rejections], async () => {
    const stale: StaleChange[] = [];
    for (const change of changes) {
      if (isRelationChange(change)) {
        await writeRelationChange(db, change, now);
        continue;
      }
      const problem = await writeChange(db, change, now);
      if (problem) stale.push(problem);
    }
    await recountSpans(db, docId, now);
    return { stale };
  });
}
