// Between the app's rows (core/model.ts, UTF-16 offsets) and the records kept
// in CouchDB (code points): the only place offsets cross that boundary for
// sync. A record that does not fit the text it is for (offsets out of range or
// inside a surrogate pair, quoted text that differs) is a problem, not a span.
import { makeOffsetConverter, OffsetError } from '../codepoints';
import type { DocStatus, DocumentRecord, Label, Relation, Span } from '../model';
import type {
  DocumentSyncRecord,
  LabelSyncRecord,
  RelationSyncRecord,
  SpanSyncRecord,
  StateSyncRecord,
} from './couch-records';

export function documentToRecord(
  doc: Pick<DocumentRecord, 'sha256' | 'name' | 'source'>,
  text: string,
): DocumentSyncRecord {
  return { type: 'document', sha256: doc.sha256, name: doc.name, source: doc.source, text };
}

export function stateToRecord(doc: DocumentRecord, annotator: string): StateSyncRecord {
  return {
    type: 'state',
    sha256: doc.sha256,
    annotator,
    status: doc.status,
    ...(doc.categories?.length ? { categories: [...doc.categories] } : {}),
    updatedAt: doc.updatedAt,
  };
}

/** A span as a record; `annotator` is the span's own, else the local annotator's (rows made before annotators). */
export function spanToRecord(span: Span, sha256: string, text: string, annotator: string): SpanSyncRecord {
  const offsets = makeOffsetConverter(text);
  return {
    type: 'span',
    sha256,
    annotator: span.annotator ?? annotator,
    spanId: span.id,
    start: offsets.toCodePoint(span.start),
    end: offsets.toCodePoint(span.end),
    label: span.label,
    text: span.text,
    note: span.note,
    ...(span.projected ? { projected: true } : {}),
    createdAt: span.createdAt,
    updatedAt: span.updatedAt,
  };
}

export type FromRecord<T> = { ok: true; value: T } | { ok: false; message: string };

/** The span a record describes over `text`, or why it cannot be one. */
/** `offsets`: the text's converter, when the caller reads many spans of one text (building one scans the text). */
export function spanFromRecord(
  record: SpanSyncRecord,
  docId: string,
  text: string,
  offsets = makeOffsetConverter(text),
): FromRecord<Span> {
  let start: number;
  let end: number;
  try {
    start = offsets.toUtf16(record.start);
    end = offsets.toUtf16(record.end);
  } catch (error) {
    if (error instanceof OffsetError) return { ok: false, message: `span ${record.spanId}: ${error.message}` };
    throw error;
  }
  if (end <= start) return { ok: false, message: `span ${record.spanId} is empty or reversed` };
  const quoted = text.slice(start, end);
  if (quoted !== record.text)
    return {
      ok: false,
      message: `span ${record.spanId}: its text ${JSON.stringify(record.text)} is not the document's ${JSON.stringify(quoted)}`,
    };
  const span: Span = {
    id: record.spanId,
    docId,
    start,
    end,
    label: record.label,
    text: quoted,
    note: record.note,
    annotator: record.annotator,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
  if (record.projected) span.projected = true;
  return { ok: true, value: span };
}

export function relationToRecord(relation: Relation, sha256: string, annotator: string): RelationSyncRecord {
  return {
    type: 'relation',
    sha256,
    annotator: relation.annotator ?? annotator,
    relationId: relation.id,
    head: relation.head,
    child: relation.child,
    label: relation.label,
    createdAt: relation.createdAt,
    updatedAt: relation.updatedAt,
  };
}

export function relationFromRecord(record: RelationSyncRecord, docId: string): Relation {
  return {
    id: record.relationId,
    docId,
    head: record.head,
    child: record.child,
    label: record.label,
    annotator: record.annotator,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}

export function labelToRecord(label: Label): LabelSyncRecord {
  return { type: 'label', name: label.name, color: label.color, key: label.key, order: label.order };
}

export function labelFromRecord(record: LabelSyncRecord): Label {
  return { name: record.name, color: record.color, key: record.key, order: record.order };
}

/** The status a state record gives the local copy of a document. */
export function statusFromRecord(record: StateSyncRecord): { status: DocStatus; categories?: string[] } {
  return record.categories ? { status: record.status, categories: [...record.categories] } : { status: record.status };
}
