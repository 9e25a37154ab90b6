// Relations in IndexedDB. Relation changes are written by writeSpanChanges
// (spans-repo.ts) in the same transaction as the span changes of their step,
// so deleting a span and its relations is one write. Here: reading a
// document's relations, writing one relation change, removing the relations
// of a span that is gone, and storing the relations an import brings.
import { spanKey } from '../../core/incoming';
import type { IncomingDocument, Relation, RelationLabel } from '../../core/model';
import { newRecordId } from '../../core/record-id';
import type { RelationChange } from '../../core/relations/changes';
import type { WorkbenchDb } from './schema';

/** The relations of a document whose two ends both exist (a span deleted by a label deletion takes its relations). */
export async function listRelations(db: WorkbenchDb, docId: string): Promise<Relation[]> {
  return db.transaction('r', db.relations, db.spans, async () => {
    const relations = await db.relations.where('docId').equals(docId).toArray();
    if (relations.length === 0) return relations;
    const ids = new Set((await db.spans.where('docId').equals(docId).primaryKeys()) as string[]);
    return relations.filter((r) => ids.has(r.head) && ids.has(r.child));
  });
}

export function listRelationLabels(db: WorkbenchDb): Promise<RelationLabel[]> {
  return db.relationLabels.orderBy('order').toArray();
}

/** Writes one relation change inside the caller's transaction; a relation whose end is gone is not added. */
export async function writeRelationChange(db: WorkbenchDb, change: RelationChange, now: number): Promise<boolean> {
  if (change.kind === 'unrelate') {
    await db.relations.delete(change.relation.id);
    return true;
  }
  const relation = change.kind === 'relate' ? change.relation : change.after;
  const ends = await db.spans.bulkGet([relation.head, relation.child]);
  if (!ends[0] || !ends[1]) return false;
  await db.relations.put({ ...relation, updatedAt: change.kind === 'relate' ? relation.updatedAt : now });
  return true;
}

/** Removes the relations hanging on a span that was just deleted (inside the caller's transaction). */
export async function removeRelationsOfSpan(db: WorkbenchDb, spanId: string): Promise<void> {
  await db.relations.where('head').equals(spanId).delete();
  await db.relations.where('child').equals(spanId).delete();
}

const IMPORTED_COLORS = ['#805ad5', '#319795', '#dd6b20', '#3182ce', '#d53f8c', '#38a169'];

/** Creates, without constraints, every relation label an import names that the set lacks. */
async function addMissingRelationLabels(db: WorkbenchDb, names: Iterable<string>): Promise<void> {
  const known = new Set((await db.relationLabels.toArray()).map((l) => l.name));
  let order = known.size;
  const missing = [...new Set(names)].filter((n) => !known.has(n));
  await db.relationLabels.bulkAdd(
    missing.map((name) => ({ name, color: IMPORTED_COLORS[order % IMPORTED_COLORS.length], key: '', order: order++ })),
  );
}

/**
 * The relations incoming documents bring, stored after their spans (inside
 * storeDocuments' transaction): each end, an index into the record's own
 * spans, is found among the stored spans of the document by offsets and
 * label, so a record merged into a document already stored still links the
 * right spans. A relation already stored (same ends, same label) is not
 * added twice. Returns how many were added.
 */
export async function storeIncomingRelations(
  db: WorkbenchDb,
  docs: readonly IncomingDocument[],
  idBySha: (sha: string) => string | undefined,
  now: number,
): Promise<number> {
  const added: Relation[] = [];
  for (const doc of docs) {
    if (!doc.relations?.length || !doc.spans?.length) continue;
    const docId = idBySha(doc.sha256);
    if (!docId) continue;
    const stored = await db.spans.where('docId').equals(docId).toArray();
    const byKey = new Map(stored.map((s) => [spanKey(s), s.id]));
    const existing = [...(await db.relations.where('docId').equals(docId).toArray()), ...added];
    const have = new Set(existing.map((r) => `${r.head}>${r.child}:${r.label}`));
    for (const draft of doc.relations) {
      const head = doc.spans[draft.head] && byKey.get(spanKey(doc.spans[draft.head]));
      const child = doc.spans[draft.child] && byKey.get(spanKey(doc.spans[draft.child]));
      const key = `${head}>${child}:${draft.label}`;
      if (!head || !child || head === child || have.has(key)) continue;
      have.add(key);
      added.push({
        id: newRecordId(),
        docId,
        head,
        child,
        label: draft.label,
        version: 1,
        createdAt: now,
        updatedAt: now,
      });
    }
  }
  await db.relations.bulkAdd(added);
  await addMissingRelationLabels(
    db,
    added.map((r) => r.label),
  );
  return added.length;
}
