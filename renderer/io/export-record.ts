// A stored document with its text and spans as an export record: the one way
// both the JSONL export and the backup snapshots build what they write.
import type { ExportRecord, ExportRelation, ExportSpan } from '../../core/jsonl/records';
import type { DocumentRecord, Relation, Span } from '../../core/model';

export function toExportSpan(span: Span): ExportSpan {
  const out: ExportSpan = { start: span.start, end: span.end, label: span.label, text: span.text };
  if (span.note) out.note = span.note;
  if (span.annotator !== undefined) out.annotator = span.annotator;
  return out;
}

/** Relations as indexes into `spans`; one whose end is not among them (a projected span left out) is left out too. */
export function toExportRelations(spans: readonly Span[], relations: readonly Relation[]): ExportRelation[] {
  const index = new Map(spans.map((s, i) => [s.id, i]));
  return relations.flatMap((r) => {
    const [head, child] = [index.get(r.head), index.get(r.child)];
    return head === undefined || child === undefined ? [] : [{ head, child, label: r.label }];
  });
}

export function toExportRecord(
  doc: DocumentRecord,
  text: string,
  spans: readonly Span[],
  relations: readonly Relation[] = [],
): ExportRecord {
  const out: ExportRecord = {
    id: doc.id,
    name: doc.name,
    text,
    sha256: doc.sha256,
    source: doc.source,
    status: doc.status,
    updatedAt: doc.updatedAt,
    spans: spans.map(toExportSpan),
    ...(doc.categories?.length ? { categories: doc.categories } : {}),
  };
  const exported = toExportRelations(spans, relations);
  if (exported.length > 0) out.relations = exported;
  return out;
}
