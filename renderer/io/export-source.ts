// Reads what an export holds from IndexedDB, a chunk of documents at a time:
// first only the ids in scope (keys from an index, no records), then for each
// chunk its records, texts and spans. A 100,000-document corpus is never in
// memory at once; at most one chunk of texts is.
import type { ExportRecord } from '../../core/jsonl/records';
import type { DocStatus } from '../../core/model';
import { spansByDoc, toExportRecord } from './export-record';
import type { WorkbenchDb } from '../db/schema';

/** Documents per exportWrite call: small enough to keep memory flat, large enough to keep IPC cheap. */
export const EXPORT_CHUNK = 200;

export type ExportScope = { kind: 'all' } | { kind: 'document'; id: string } | { kind: 'status'; status: DocStatus };

/** Ids to export, in a stable order (by name, then id), so the same corpus always gives the same file. */
export async function idsInScope(db: WorkbenchDb, scope: ExportScope): Promise<string[]> {
  if (scope.kind === 'document') return (await db.documents.get(scope.id)) ? [scope.id] : [];
  const byName = (await db.documents.orderBy('name').primaryKeys()) as string[];
  if (scope.kind === 'all') return byName;
  // The status index gives the matching ids without reading records; keep the name order.
  const matching = new Set((await db.documents.where('status').equals(scope.status).primaryKeys()) as string[]);
  return byName.filter((id) => matching.has(id));
}

/** The export records of `ids` (same order); documents that vanished meanwhile are left out. */
export async function readChunk(db: WorkbenchDb, ids: string[]): Promise<ExportRecord[]> {
  const [docs, texts, spans] = await Promise.all([
    db.documents.bulkGet(ids), db.texts.bulkGet(ids), db.spans.where('docId').anyOf(ids).toArray(),
  ]);
  // A projected span is a suggestion nobody has accepted yet: not an annotation to hand on.
  const byDoc = spansByDoc(spans, (span) => !span.projected);
  const records: ExportRecord[] = [];
  docs.forEach((doc, i) => {
    const text = texts[i]?.text;
    if (doc && text !== undefined) records.push(toExportRecord(doc, text, byDoc.get(doc.id) ?? []));
  });
  return records;
}
