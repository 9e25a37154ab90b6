// Imported documents -> ExportRecords: spans quote the text they cover, and
// documents without a status or time get 'todo' and the run's start time, so
// one run writes one consistent timestamp.
import type { ExportRecord } from '../core/jsonl/records';
import type { CorpusLoad } from '../core/model';
import type { JsonlDocument } from '../main/services/jsonl-file';

type LoadedDocument = CorpusLoad['documents'][number] & Pick<JsonlDocument, 'updatedAt'>;

export function toExportRecord(doc: LoadedDocument, now: number): ExportRecord {
  const spans = (doc.spans ?? []).map((s) => ({ ...s, text: doc.text.slice(s.start, s.end) }));
  return { id: doc.id, name: doc.name, text: doc.text, sha256: doc.sha256, source: doc.source, status: doc.status ?? 'todo', updatedAt: doc.updatedAt ?? now, spans };
}
