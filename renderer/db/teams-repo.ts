// Annotators' layers in IndexedDB: who has spans here (from the annotator
// index), renaming the local annotator, and the whole corpus's layers as the
// agreement panel reads them.
import type { DocumentRecord, Span } from '../../core/model';
import type { StoredLayers } from '../../core/teams/agreement-input';
import type { WorkbenchDb } from './schema';

/** The annotators named on stored spans (rows from before annotators name nobody and are not listed). */
export async function namedAnnotators(db: WorkbenchDb): Promise<string[]> {
  return (await db.spans.orderBy('annotator').uniqueKeys()) as string[];
}

/** True when some span belongs to `annotator` (one index key read). */
export async function hasLayer(db: WorkbenchDb, annotator: string): Promise<boolean> {
  return (await db.spans.where('annotator').equals(annotator).limit(1).count()) > 0;
}

/**
 * The local annotator changed her name: her spans follow it (one transaction),
 * each as a change of the span (version bumped), so other windows and sync see it.
 */
export async function renameAnnotator(db: WorkbenchDb, from: string, to: string, now = Date.now()): Promise<number> {
  if (from === to) return 0;
  return db.transaction('rw', db.spans, () =>
    db.spans
      .where('annotator')
      .equals(from)
      .modify((span: Span) => {
        span.annotator = to;
        span.version = (span.version ?? 0) + 1;
        span.updatedAt = now;
      }),
  );
}

/**
 * Every document with at least one span, with its text and all its layers'
 * spans, read in one transaction. Held in memory at once: what the agreement
 * measures need (a corpus of 100,000 documents x 20 spans is some 2 million rows).
 */
export async function readAllLayers(db: WorkbenchDb): Promise<Array<StoredLayers & { readonly id: string }>> {
  return db.transaction('r', [db.documents, db.texts, db.spans], async () => {
    const byDoc = new Map<string, Span[]>();
    await db.spans.each((span) => {
      const list = byDoc.get(span.docId);
      if (list) list.push(span);
      else byDoc.set(span.docId, [span]);
    });
    // By name, then id: the order an export writes, so `corpus agree` over exports of this corpus lays the
    // documents end to end in the same order (alpha_u's corpus continuum runs on across document ends).
    const ids = (await db.documents.orderBy('name').primaryKeys()).filter((id) => byDoc.has(id as string)) as string[];
    const [docs, texts] = [await db.documents.bulkGet(ids), await db.texts.bulkGet(ids)];
    return ids.flatMap((id, i) => {
      const doc = docs[i] as DocumentRecord | undefined;
      const text = texts[i]?.text;
      if (!doc || text === undefined) return [];
      return [{ id, sha256: doc.sha256, name: doc.name, text, spans: byDoc.get(id)! }];
    });
  });
}
