// What an export holds, a chunk of documents at a time: the ids in scope
// first (keys from an index, no records), then each chunk's records, texts
// and spans from db/export-query.ts (one read transaction a chunk). A
// 100,000-document corpus is never in memory at once; at most one chunk of
// texts is.
import type { ExportRecord } from '../../core/jsonl/records';
import { readExportChunk } from '../db/export-query';
import type { WorkbenchDb } from '../db/schema';
import { toExportRecord } from './export-record';

export { idsInScope, type ExportScope } from '../db/export-query';

/** Documents per exportWrite call: small enough to keep memory flat, large enough to keep IPC cheap. */
export const EXPORT_CHUNK = 200;

/** The export records of `ids` (same order); documents that vanished meanwhile are left out. */
export async function readExportRecords(db: WorkbenchDb, ids: string[]): Promise<ExportRecord[]> {
  const { documents } = await readExportChunk(db, { ids });
  // A projected span is a suggestion nobody has accepted yet: not an annotation to hand on.
  return documents.map(({ doc, text, spans, relations }) =>
    toExportRecord(
      doc,
      text,
      spans.filter((span) => !span.projected),
      relations,
    ),
  );
}
