// A stored document with its text and spans as an export record: the one way
// both the JSONL export and the backup snapshots build what they write.
import type { ExportRecord, ExportSpan } from '../../core/jsonl/records';
import type { DocumentRecord, Span } from '../../core/model';

export function toExportSpan(span: Span): ExportSpan {
  const out: ExportSpan = { start: span.start, end: span.end, label: span.label, text: span.text };
  if (span.note) out.note = span.note;
  if (span.annotator !== undefined) out.annotator = span.annotator;
  return out;
}

export function toExportRecord(doc: DocumentRecord, text: string, spans: readonly Span[]): ExportRecord {
  return {
    id: doc.id,
    name: doc.name,
    text,
    sha256: doc.sha256,
    source: doc.source,
    status: doc.status,
    updatedAt: doc.updatedAt,
    spans: spans.map(toExportSpan),
  };
}
