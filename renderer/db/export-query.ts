// The one read behind both the JSONL export and the backup snapshots: which
// documents are in scope (index keys only, never all records), and a chunk of
// documents with their texts and spans read in ONE read transaction, so a
// document and its spans are always seen at the same moment even while the
// researcher keeps annotating.
import type { DocStatus, DocumentRecord, Relation, Span } from '../../core/model';
import { idsByName, idsWithStatus } from './corpus-query';
import type { WorkbenchDb } from './schema';

export type ExportScope = { kind: 'all' } | { kind: 'document'; id: string } | { kind: 'status'; status: DocStatus };

/** Ids to export, in a stable order (by name, then id), so the same corpus always gives the same file. */
export async function idsInScope(db: WorkbenchDb, scope: ExportScope): Promise<string[]> {
  if (scope.kind === 'document') return (await db.documents.get(scope.id)) ? [scope.id] : [];
  const byName = await idsByName(db);
  if (scope.kind === 'all') return byName;
  // The status index gives the matching ids without reading records; keep the name order.
  const matching = new Set(await idsWithStatus(db, scope.status));
  return byName.filter((id) => matching.has(id));
}

/** A stored document with its text and spans, as read together. */
export interface StoredDocument {
  doc: DocumentRecord;
  text: string;
  spans: Span[];
  /** Relations between these spans (by span id). */
  relations: Relation[];
}

export interface ExportChunk {
  /** In the order asked; documents that vanished, or whose text is missing, are left out. */
  documents: StoredDocument[];
  /** For a chunk read by id order: the id the next chunk starts after; undefined after the last. */
  next?: string;
}

/** Which documents a chunk holds: these ids, or the next `limit` by id after `after`. */
export type ChunkOf = { ids: readonly string[] } | { after: string | undefined; limit: number };

async function docsOf(db: WorkbenchDb, of: ChunkOf): Promise<DocumentRecord[]> {
  if ('ids' in of) return (await db.documents.bulkGet([...of.ids])).filter((d): d is DocumentRecord => d !== undefined);
  const from = of.after === undefined ? db.documents.orderBy('id') : db.documents.where('id').above(of.after);
  return from.limit(of.limit).toArray();
}

function groupByDoc<T extends { docId: string }>(rows: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const list = out.get(row.docId);
    if (list) list.push(row);
    else out.set(row.docId, [row]);
  }
  return out;
}

export async function readExportChunk(db: WorkbenchDb, of: ChunkOf): Promise<ExportChunk> {
  return db.transaction('r', [db.documents, db.texts, db.spans, db.relations], async () => {
    const docs = await docsOf(db, of);
    const ids = docs.map((d) => d.id);
    const [texts, spans] = [await db.texts.bulkGet(ids), await db.spans.where('docId').anyOf(ids).toArray()];
    const relations = await db.relations.where('docId').anyOf(ids).toArray();
    const byDoc = groupByDoc(spans);
    const relationsByDoc = groupByDoc(relations);
    const documents = docs.flatMap((doc, i) =>
      texts[i]
        ? [{ doc, text: texts[i]!.text, spans: byDoc.get(doc.id) ?? [], relations: relationsByDoc.get(doc.id) ?? [] }]
        : [],
    );
    const next = 'limit' in of && docs.length === of.limit ? docs[docs.length - 1].id : undefined;
    return { documents, next };
  });
}
